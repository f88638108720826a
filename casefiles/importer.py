"""Import a partner's bundle as enrichment (veredelen) of a case, and optionally of a dossier.

The bundle is verified first (BagIt digests, both Ed25519 signatures, WARC digests);
zip-slip paths, symbolic links, oversized and malformed bundles are refused with a
clear message before anything is written. What is imported:
- ``data/enrichment.json`` ``{"notes": [{"text": str, "no_information": bool, "about": str}]}``
  (a partner such as a municipality or care organisation answering an enquiry), or
- ``data/signals.json`` of another signalstack bundle (one note per signal).
Each note records the partner (bag-info ``Source-Organization``) and the source: the
bundle's identifier, its signing key's fingerprint and its tag manifest's SHA-256.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casefiles.baglayout import ENRICHMENT, SIGNALS
from casefiles.cases import add_case_note, get_case, permitted_user
from casefiles.dossiers import add_note, get_dossier
from casefiles.unpack import UnsafeBundle, opened_bundle
from casefiles.verify import verify_bag
from core import audit
from core.permissions import can
from core.schema import CaseSignal, User
from core.settings import Settings

MAX_NOTES = 10_000


class ImportRefused(ValueError):
    pass


@dataclass
class ImportResult:
    case_number: str
    partner: str
    notes: int
    source: str


def _notes_from_enrichment(data: Any) -> list[dict[str, Any]]:
    where = ENRICHMENT
    if not isinstance(data, dict) or not isinstance(data.get("notes"), list):
        raise ImportRefused(f"{where}: expected an object with a 'notes' list")
    notes = []
    for i, note in enumerate(data["notes"]):
        if not isinstance(note, dict):
            raise ImportRefused(f"{where}: notes[{i}] must be an object")
        text, no_info = note.get("text", ""), note.get("no_information", False)
        if not isinstance(text, str) or not isinstance(no_info, bool) or not isinstance(note.get("about", ""), str):
            raise ImportRefused(f"{where}: notes[{i}]: text and about must be strings, no_information a boolean")
        if not text.strip() and not no_info:
            raise ImportRefused(f"{where}: notes[{i}] has no text")
        about = note.get("about", "").strip()
        notes.append({"text": (f"[{about}] " if about else "") + text.strip(), "no_information": no_info})
    return notes


def _notes_from_signals(data: Any) -> list[dict[str, Any]]:
    where = SIGNALS
    if not isinstance(data, dict) or not isinstance(data.get("signals"), list):
        raise ImportRefused(f"{where}: expected an object with a 'signals' list")
    notes = []
    for i, s in enumerate(data["signals"]):
        if not isinstance(s, dict) or not isinstance(s.get("kind"), str) or not isinstance(s.get("when"), str):
            raise ImportRefused(f"{where}: signals[{i}] lacks kind or when")
        what = s.get("title") or s.get("text") or ""
        ref = f" {s.get('site', '')} {s.get('site_ad_id', '')}".rstrip() if s["kind"] == "ad_version" else ""
        codes = ", ".join(str(h.get("code")) for h in s.get("indicators", []) if isinstance(h, dict))
        notes.append({"text": f"{s['kind']}{ref} at {s['when']}: {what}" + (f" (indicators: {codes})" if codes else "")
                      + (f"; sha256 {s['capture_sha256']}" if s.get("capture_sha256") else ""),
                      "no_information": False})
    return notes


def _read_notes(root: Path) -> list[dict[str, Any]]:
    for rel, reader in ((ENRICHMENT, _notes_from_enrichment), (SIGNALS, _notes_from_signals)):
        if (root / rel).is_file():
            try:
                data = json.loads((root / rel).read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ImportRefused(f"{rel}: not valid JSON ({exc})") from None
            notes = reader(data)
            if not notes:
                raise ImportRefused(f"{rel}: holds nothing to import")
            if len(notes) > MAX_NOTES:
                raise ImportRefused(f"{rel}: more than {MAX_NOTES} notes")
            return notes
    raise ImportRefused("the bundle holds neither data/enrichment.json nor data/signals.json")


def import_bundle(session: Session, settings: Settings, user: User | str, case_ref: str | int, bundle: Path,
                  dossier_id: int | None = None) -> ImportResult:
    case = get_case(session, case_ref)
    acting = permitted_user(session, user, "case.import", case.team)
    dossier = get_dossier(session, acting, dossier_id) if dossier_id is not None else None
    if dossier is not None and not can(acting, "dossier.note", dossier.team):
        raise ImportRefused(f"{acting.username} may not add notes to dossier {dossier.id}")
    try:
        with opened_bundle(Path(bundle), int(settings.bundle_max_bytes)) as root:
            check = verify_bag(root)
            if not check.ok:
                shown = "; ".join(check.problems[:5]) + (f"; and {len(check.problems) - 5} more"
                                                         if len(check.problems) > 5 else "")
                raise ImportRefused(f"bundle failed verification, nothing imported: {shown}")
            notes = _read_notes(root)
            tag_digest = hashlib.sha256((root / "tagmanifest-sha256.txt").read_bytes()).hexdigest()
    except UnsafeBundle as exc:
        raise ImportRefused(f"{Path(bundle).name}: {exc}; nothing imported") from None
    partner = check.info.get("Source-Organization", "").strip()
    if not partner:
        raise ImportRefused("bag-info.txt names no Source-Organization: an enrichment must name its partner")
    already = session.execute(select(CaseSignal.id).where(CaseSignal.case_id == case.id,
                                                          CaseSignal.source.contains(tag_digest))).first()
    if already is not None:
        raise ImportRefused(f"this bundle was imported into {case.number} already")
    ident = check.info.get("External-Identifier") or Path(bundle).name
    source = (f"partner bundle {ident} from {partner}, signed by key {check.key_fingerprint}, "
              f"tagmanifest-sha256 {tag_digest}")
    for note in notes:
        text = note["text"] or "partner has no information on this subject"
        add_case_note(session, case, text, acting, kind="enrichment", source=source)
        if dossier is not None:
            add_note(session, acting, dossier.id, note["text"], kind="enrichment", source=source, partner=partner,
                     no_information=note["no_information"])
    audit.record(session, acting.username, "case.import", "case", case.id, partner=partner, notes=len(notes),
                 bundle=str(bundle), tagmanifest_sha256=tag_digest, key_fingerprint=check.key_fingerprint,
                 dossier_id=dossier.id if dossier else None)
    return ImportResult(case.number, partner, len(notes), source)
