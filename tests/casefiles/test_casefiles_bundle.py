from __future__ import annotations

import csv
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import bagit
import pytest
from followthemoney import model
from openpyxl import load_workbook
from sqlalchemy import select
from warcio.archiveiterator import ArchiveIterator

from casefiles import bundle as bundle_module
from casefiles.bundle import BundleError, export_case
from casefiles.cases import CaseAccessDenied, add_ad, add_case_note, add_dossier, create_case
from casefiles.dossiers import add_note, classify, create_dossier
from casefiles.tables import neutralised
from casefiles.verify import verify_bundle
from core.db import session_scope
from core.schema import AuditEntry

PHONE = "+31612345678"
FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"x\")"  # ad a2's advertised name (conftest)


def make_case(settings, world) -> str:
    with session_scope(settings) as s:
        case = create_case(s, "Lisa en netwerk", "vice", "ana")
        add_ad(s, case, world.ads["a3"], "ana")
        dossier = create_dossier(s, "ana", "phone", PHONE, title="Lisa")
        add_note(s, "ana", dossier.id, "Geen vergunning bekend", kind="enrichment", partner="Gemeente Utrecht",
                 source="HON stap 2")
        add_dossier(s, case, dossier.id, "ana")
        add_case_note(s, case, "-2+3 cmd", "ana", source="analyst")
        classify(s, "coco", dossier.id, "groen", "first look",
                 below_minimum_reason="age not yet checked against the registry")
        classify(s, "coco", dossier.id, "oranje", "stated age 17")
        return case.number


@pytest.fixture
def exported(settings, world, tmp_path):
    number = make_case(settings, world)
    with session_scope(settings) as s:
        result = export_case(s, settings, "coco", number, tmp_path / "bundle")
    return result


def test_export_verifies_and_holds_everything(settings, world, exported):
    root = exported.path
    report = verify_bundle(root)
    assert report.ok, report.problems
    assert report.key_fingerprint == exported.key_fingerprint
    bagit.Bag(str(root)).validate()  # the reference implementation agrees
    for name in ("manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt"):
        assert (root / name).is_file()
    info = bagit.Bag(str(root)).info
    assert info["External-Identifier"] == exported.case_number
    assert info["Source-Organization"] == settings.organisation and info["Contact-Email"] == settings.contact
    signals = json.loads((root / "data/signals.json").read_text())["signals"]
    assert [s["when"] for s in signals] == sorted(s["when"] for s in signals)
    kinds = [s["kind"] for s in signals]
    assert kinds.count("ad_version") == 4 and "enrichment" in kinds and "note" in kinds
    ads = json.loads((root / "data/ads.json").read_text())["ads"]
    assert {a["site_ad_id"]: len(a["versions"]) for a in ads} == {"a1": 2, "a2": 1, "a3": 1}
    a1 = next(a for a in ads if a["site_ad_id"] == "a1")
    assert {h["code"] for h in a1["versions"][0]["indicators"]} == {"age_under_18", "always_available"}
    assert a1["versions"][1]["decisions"][0]["decision"] == "confirm" and a1["versions"][0]["scores"]
    case = json.loads((root / "data/case.json").read_text())
    assert [h["colour"] for h in case["dossiers"][0]["history"]] == ["groen", "oranje"]
    html = (root / "data/report.html").read_text()
    assert exported.case_number in html and "oranje" in html and "Gemeente Utrecht" in html
    assert (root / "data/report.pdf").read_bytes().startswith(b"%PDF")
    with session_scope(settings) as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "case.export")).scalar_one()
        assert entry.actor == "coco" and entry.detail["key_fingerprint"] == exported.key_fingerprint


def test_warc_records_read_back_with_their_digests(world, exported):
    signals = json.loads((exported.path / "data/signals.json").read_text())["signals"]
    cited = {s["warc_record_id"]: s["capture_sha256"] for s in signals if s["kind"] == "ad_version"}
    original = {}
    with world.warc_path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_headers.get_header("WARC-Type") == "response":
                original[record.rec_headers.get_header("WARC-Record-ID")] = record.raw_stream.read()
    seen = {}
    with (exported.path / "data/warc/case.warc.gz").open("rb") as fh:
        it = ArchiveIterator(fh, check_digests=True)
        for record in it:
            rid = record.rec_headers.get_header("WARC-Record-ID")
            if record.rec_headers.get_header("WARC-Type") == "response":
                seen[rid] = record.raw_stream.read()
            assert record.digest_checker.passed is not False, rid
    assert set(cited) <= set(seen)
    for rid in cited:
        assert seen[rid] == original[rid]  # the payload as captured, byte for byte
        assert bundle_module.hashlib.sha256(seen[rid]).hexdigest() == cited[rid]


def test_ftm_entities_validate(exported):
    lines = (exported.path / "data/ftm.json").read_text().splitlines()
    entities = [json.loads(line) for line in lines]
    for data in entities:
        model.get(data["schema"]).validate(data)  # raises InvalidData on a bad entity
        assert model.get_proxy(data).id == data["id"]
    people = [e for e in entities if e["schema"] == "Person"]
    phones = sorted(p for e in people for p in e["properties"]["phone"])
    assert phones == ["+31612345678", "+31687654321"]
    lisa = next(e for e in people if e["properties"]["phone"] == [PHONE])
    assert set(lisa["properties"]["alias"]) == {"Lisa", FORMULA_NAME}
    docs = {e["id"] for e in entities if e["schema"] == "HyperText"}
    links = [e for e in entities if e["schema"] == "Documentation"]
    assert len(docs) == 4
    assert {link["properties"]["document"][0] for link in links} == docs
    assert all(link["properties"]["entity"][0] in {p["id"] for p in people} for link in links)


def test_formula_injection_neutralised_in_views_not_in_json(exported):
    root = exported.path
    signals = json.loads((root / "data/signals.json").read_text())["signals"]
    assert any(s.get("name") == FORMULA_NAME for s in signals)  # raw value kept
    assert any(s.get("text") == "-2+3 cmd" for s in signals)
    sheet = load_workbook(root / "data/signals.xlsx").active
    values = [c.value for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert "'" + FORMULA_NAME in values and "'-2+3 cmd" in values
    assert not [v for v in values if v.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    with (root / "data/signals.csv").open(newline="", encoding="utf-8") as fh:
        cells = [c for row in list(csv.reader(fh))[1:] for c in row]
    assert "'" + FORMULA_NAME in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for raw in ("=1", "+1", "-1", "@x", "\tx", "\rx"):
        assert neutralised(raw) == "'" + raw
    assert neutralised("Lisa") == "Lisa" and neutralised(17) == 17


def test_flipping_any_byte_of_any_file_is_detected_and_named(exported):
    rng = random.Random(20261130)
    root = exported.path
    files = sorted(p for p in root.rglob("*") if p.is_file())
    assert len(files) == exported.files
    for path in files:
        rel = path.relative_to(root).as_posix()
        original = path.read_bytes()
        for position in sorted(rng.sample(range(len(original)), min(6, len(original)))):
            flipped = bytearray(original)
            flipped[position] ^= rng.randrange(1, 256)
            path.write_bytes(bytes(flipped))
            try:
                problems = verify_bundle(root).problems
            finally:
                path.write_bytes(original)
            assert problems, f"flip at {rel}:{position} went unnoticed"
            assert any(p.startswith(rel + ":") or f" {rel}" in p for p in problems), (rel, position, problems)
    assert verify_bundle(root).ok


def test_missing_and_extra_files_are_named(exported):
    root = exported.path
    (root / "data/extra.txt").write_text("added later")
    assert any(p.startswith("data/extra.txt: not listed") for p in verify_bundle(root).problems)
    (root / "data/extra.txt").unlink()
    (root / "signature.ed25519").unlink()
    assert any(p.startswith("signature.ed25519: missing") for p in verify_bundle(root).problems)


def test_zip_bundle_verifies_and_tampered_zip_fails(settings, world, tmp_path):
    number = make_case(settings, world)
    with session_scope(settings) as s:
        result = export_case(s, settings, "coco", number, tmp_path / "case.zip")
    assert verify_bundle(result.path).ok
    data = bytearray(result.path.read_bytes())
    data[len(data) // 3] ^= 0x40
    bad = tmp_path / "bad.zip"
    bad.write_bytes(bytes(data))
    assert not verify_bundle(bad).ok


def test_export_refusals_and_no_partial_bundle(settings, world, tmp_path, monkeypatch):
    number = make_case(settings, world)
    with session_scope(settings) as s:
        with pytest.raises(CaseAccessDenied):
            export_case(s, settings, "ana", number, tmp_path / "x")  # analysts do not export
        with pytest.raises(CaseAccessDenied):
            export_case(s, settings, "olga", number, tmp_path / "x")  # coordinator of another team
    out = tmp_path / "exports"
    (out / "taken").mkdir(parents=True)
    with session_scope(settings) as s, pytest.raises(BundleError, match="exists"):
        export_case(s, settings, "coco", number, out / "taken")

    def crash(*_args, **_kwargs):
        raise RuntimeError("killed half-way")

    monkeypatch.setattr(bundle_module, "make_signed_bag", crash)
    with pytest.raises(RuntimeError), session_scope(settings) as s:
        export_case(s, settings, "coco", number, out / "half")
    assert sorted(p.name for p in out.iterdir()) == ["taken"]  # no bundle, no leftovers
    with session_scope(settings) as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "case.export")).scalar() is None


def test_standard_tools_verify_the_signature(exported):
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl not installed")
    root = exported.path
    run = subprocess.run([openssl, "pkeyutl", "-verify", "-pubin", "-inkey", str(root / "signing-key.pub"),
                          "-rawin", "-in", str(root / "tagmanifest-sha256.txt"),
                          "-sigfile", str(root / "signature.ed25519")], capture_output=True, text=True)
    assert run.returncode == 0 and "Success" in run.stdout, run.stdout + run.stderr
    bagit_cli = subprocess.run([sys.executable, "-m", "bagit", "--validate", str(root)], capture_output=True,
                               text=True)
    assert bagit_cli.returncode == 0, bagit_cli.stderr


def test_relative_warc_paths_resolve_under_the_data_dir(settings, tmp_path):
    (settings.data_path / "warc" / "job-1").mkdir(parents=True)
    target = settings.data_path / "warc" / "job-1" / "x.warc.gz"
    target.write_bytes(b"")
    assert settings.warc_path("job-1/x.warc.gz") == target
    assert settings.warc_path(str(target)) == target
    assert isinstance(Path(settings.warc_path("nope.warc.gz")), Path)


def test_missing_crawl_warc_stops_the_export_clearly(settings, world, tmp_path):
    number = make_case(settings, world)
    world.warc_path.rename(world.warc_path.with_suffix(".moved"))
    out = tmp_path / "exports"
    out.mkdir()
    with session_scope(settings) as s, pytest.raises(BundleError, match="capture 1: cannot open WARC file"):
        export_case(s, settings, "coco", number, out / "b")
    assert list(out.iterdir()) == []


def _unreviewed_case(settings, world) -> str:
    """a3 enters by review; the dossier brings a1 and a2, and a2's decision is taken away (synthetic)."""
    from sqlalchemy import delete

    from core.schema import ReviewDecision

    with session_scope(settings) as s:
        s.execute(delete(ReviewDecision).where(ReviewDecision.ad_id == world.ads["a2"]))
    return make_case(settings, world)


def test_the_bundle_never_claims_a_review_that_did_not_happen(settings, world, tmp_path):
    number = _unreviewed_case(settings, world)
    with session_scope(settings) as s:
        root = export_case(s, settings, "coco", number, tmp_path / "honest").path
    assert verify_bundle(root).ok
    html = (root / "data/report.html").read_text()
    assert "every hit was reviewed" not in html and "Alle treffers zijn door een mens beoordeeld" not in html
    assert "2 van / of 3" in html and "1 niet beoordeeld / not reviewed" in html
    ads = {a["site_ad_id"]: a["review"] for a in json.loads((root / "data/ads.json").read_text())["ads"]}
    assert ads["a2"] == {"reviewed": False, "label": "not reviewed", "reviewers": [], "decisions": 0, "latest": None}
    assert ads["a1"]["reviewed"] and ads["a1"]["reviewers"] == ["ana"] and ads["a3"]["label"] == "reviewed by ana"
    signals = json.loads((root / "data/signals.json").read_text())["signals"]
    by_version = {(s["site_ad_id"], s["version_no"]): s["review"]["label"] for s in signals if s["kind"] == "ad_version"}
    assert by_version[("a2", 1)] == "not reviewed" and by_version[("a1", 2)] == "reviewed by ana"
    assert by_version[("a1", 1)].startswith("not reviewed (this version")
    with (root / "data/signals.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["site_ad_id"]: r["review"] for r in rows if r["kind"] == "ad_version" and r["version_no"] == "1"}["a2"] \
        == "not reviewed"
    sheet = load_workbook(root / "data/signals.xlsx").active
    header = [c.value for c in sheet[1]]
    assert "not reviewed" in [row[header.index("review")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    info = bagit.Bag(str(root)).info
    assert (info["Ads-Total"], info["Ads-Reviewed"], info["Ads-Not-Reviewed"]) == ("3", "2", "1")
    assert any("a2" in line and line.endswith("not reviewed") for line in info["Ad-Review"])
    # Every ad that the report shows as reviewed has a decision by the person it names.
    with session_scope(settings) as s:
        from core.schema import ReviewDecision

        deciders = {(d.ad_id, d.user.username) for d in s.execute(select(ReviewDecision)).scalars()}
    ids = {a["site_ad_id"]: a["id"] for a in json.loads((root / "data/ads.json").read_text())["ads"]}
    for site_ad_id, review in ads.items():
        assert all((ids[site_ad_id], who) in deciders for who in review["reviewers"])


def test_the_bundle_carries_a_signed_audit_checkpoint(settings, exported):
    import bagit as _bagit

    from casefiles.baglayout import AUDIT_CHECKPOINT
    from core.checkpoints import checkpoint_valid

    root = exported.path
    cp = json.loads((root / AUDIT_CHECKPOINT).read_text())
    assert cp["entries"] > 0 and checkpoint_valid(cp, (root / "signing-key.pub").read_bytes())
    assert "audit-checkpoint.json" in (root / "tagmanifest-sha256.txt").read_text()
    assert verify_bundle(root).audit_checkpoint.startswith(f"{cp['entries']} entries")
    # A re-signed checkpoint with a forged count fails, even if the manifests are rebuilt around it.
    cp["entries"] += 5
    (root / AUDIT_CHECKPOINT).write_text(json.dumps(cp))
    _bagit.Bag(str(root)).save(manifests=True)
    problems = verify_bundle(root).problems
    assert any(p.startswith(AUDIT_CHECKPOINT) and "signature" in p for p in problems)
