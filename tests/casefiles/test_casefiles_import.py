from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from casefiles.bundle import export_case, make_signed_bag
from casefiles.cases import add_ad, create_case
from casefiles.dossiers import create_dossier
from casefiles.importer import ImportRefused, import_bundle
from core.db import session_scope
from core.schema import AuditEntry, CaseSignal, DossierNote
from core.settings import Settings

PARTNER = "Gemeente Voorbeeldstad (toezicht)"


def partner_bag(folder: Path, notes: list | dict, organisation: str = PARTNER) -> Path:
    """A partner's answer as a signed bag, made with a key of the partner's own."""
    folder.mkdir()
    body = notes if isinstance(notes, dict) else {"notes": notes}
    (folder / "enrichment.json").write_text(json.dumps(body), encoding="utf-8")
    make_signed_bag(folder, {"Source-Organization": organisation, "External-Identifier": "GVS-2026-17"},
                    Ed25519PrivateKey.generate())
    return folder


def zipped(folder: Path, target: Path, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"bag/{path.relative_to(folder).as_posix()}")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return target


def counts(settings) -> tuple[int, int, int]:
    with session_scope(settings) as s:
        return (s.execute(select(func.count(CaseSignal.id))).scalar(),
                s.execute(select(func.count(DossierNote.id))).scalar(),
                s.execute(select(func.count(AuditEntry.id))).scalar())


@pytest.fixture
def case_and_dossier(settings, world):
    with session_scope(settings) as s:
        case = create_case(s, "Ontvangst partnerinformatie", "vice", "ana")
        add_ad(s, case, world.ads["a1"], "ana")
        dossier = create_dossier(s, "ana", "phone", "+31612345678")
        return case.number, dossier.id


def test_partner_enrichment_reaches_case_and_dossier(settings, case_and_dossier, tmp_path):
    number, dossier_id = case_and_dossier
    bag = partner_bag(tmp_path / "answer", [{"text": "Geen exploitatievergunning", "about": "+31612345678"},
                                            {"text": "", "no_information": True}])
    with session_scope(settings) as s:
        result = import_bundle(s, settings, "ana", number, zipped(bag, tmp_path / "answer.zip"), dossier_id)
    assert result.partner == PARTNER and result.notes == 2
    with session_scope(settings) as s:
        rows = s.execute(select(CaseSignal).where(CaseSignal.kind == "enrichment").order_by(CaseSignal.id)).scalars()
        rows = list(rows)
        assert rows[0].note == "[+31612345678] Geen exploitatievergunning"
        assert all(PARTNER in r.source and "tagmanifest-sha256" in r.source for r in rows)
        notes = list(s.execute(select(DossierNote).order_by(DossierNote.id)).scalars())
        assert [(n.partner, n.no_information) for n in notes] == [(PARTNER, False), (PARTNER, True)]
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "case.import")).scalar_one().actor == "ana"
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="already"):
        import_bundle(s, settings, "ana", number, bag)


def test_signalstack_bundle_from_another_unit_imports(settings, world, case_and_dossier, tmp_path):
    number, _ = case_and_dossier
    with session_scope(settings) as s:
        exported = export_case(s, settings, "coco", number, tmp_path / "unit.zip")
    with session_scope(settings) as s:
        other = create_case(s, "Ontvangen van andere eenheid", "vice", "coco")
        result = import_bundle(s, settings, "coco", other.number, exported.path)
    assert result.notes == 1 and result.partner == settings.organisation  # the one stacked ad version
    with session_scope(settings) as s:
        note = s.execute(select(CaseSignal).where(CaseSignal.kind == "enrichment")).scalar_one()
        assert note.note.startswith("ad_version classic a1 at ") and "age_under_18" in note.note


def test_zip_slip_is_refused_and_nothing_is_written(settings, case_and_dossier, tmp_path):
    number, dossier_id = case_and_dossier
    bag = partner_bag(tmp_path / "answer", [{"text": "x"}])
    before = counts(settings)
    for evil in ("../evil.txt", "/tmp/evil-abs.txt", "bag/../../evil2.txt", "C:/evil.txt", "bag\\..\\evil3.txt"):
        target = zipped(bag, tmp_path / "slip.zip", {evil: b"pwned"})
        with session_scope(settings) as s, pytest.raises(ImportRefused, match="zip-slip|outside"):
            import_bundle(s, settings, "ana", number, target, dossier_id)
        target.unlink()
    assert counts(settings) == before
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/tmp/evil-abs.txt").exists()


def test_symlink_entry_is_refused(settings, case_and_dossier, tmp_path):
    number, _ = case_and_dossier
    bag = partner_bag(tmp_path / "answer", [{"text": "x"}])
    target = zipped(bag, tmp_path / "link.zip")
    with zipfile.ZipFile(target, "a") as zf:
        info = zipfile.ZipInfo("bag/data/link")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="symbolic link"):
        import_bundle(s, settings, "ana", number, target)


def test_bad_signature_is_refused_and_nothing_is_written(settings, case_and_dossier, tmp_path):
    number, dossier_id = case_and_dossier
    bag = partner_bag(tmp_path / "answer", [{"text": "x"}])
    signature = bag / "signature.ed25519"
    data = bytearray(signature.read_bytes())
    data[10] ^= 0x01
    signature.write_bytes(bytes(data))
    before = counts(settings)
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="signature.ed25519"):
        import_bundle(s, settings, "ana", number, bag, dossier_id)
    # re-signing with another key after editing the payload is caught by the digests
    (bag / "signature.ed25519").unlink()
    (bag / "data" / "enrichment.json").write_text(json.dumps({"notes": [{"text": "forged"}]}))
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="enrichment.json"):
        import_bundle(s, settings, "ana", number, bag, dossier_id)
    assert counts(settings) == before


def test_oversized_malformed_and_unauthorised_bundles(settings, case_and_dossier, tmp_path, monkeypatch):
    number, _ = case_and_dossier
    bag = partner_bag(tmp_path / "answer", [{"text": "x" * 5000}])
    small = Settings(overrides={"bundle_max_bytes": 2000})
    before = counts(settings)
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="bundle_max_bytes"):
        import_bundle(s, small, "ana", number, zipped(bag, tmp_path / "big.zip"))
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="bundle_max_bytes"):
        import_bundle(s, small, "ana", number, bag)
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"PK\x03\x04 not really a zip")
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="not a readable zip"):
        import_bundle(s, settings, "ana", number, garbage)
    shaped = partner_bag(tmp_path / "shape", {"notes": [{"text": 17}]})
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="notes\\[0\\]"):
        import_bundle(s, settings, "ana", number, shaped)
    nameless = partner_bag(tmp_path / "nameless", [{"text": "x"}], organisation="")
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="Source-Organization"):
        import_bundle(s, settings, "ana", number, nameless)
    not_a_bag = tmp_path / "plain"
    not_a_bag.mkdir()
    with session_scope(settings) as s, pytest.raises(ImportRefused, match="bagit.txt"):
        import_bundle(s, settings, "ana", number, not_a_bag)
    from casefiles.cases import CaseAccessDenied

    with session_scope(settings) as s, pytest.raises(CaseAccessDenied):
        import_bundle(s, settings, "audrey", number, bag)
    assert counts(settings) == before
