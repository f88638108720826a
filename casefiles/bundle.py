"""Export a case as a signed BagIt evidence bundle.

The bag holds (under ``data/``): the WARC records of every capture involved, cut
unchanged from the crawl WARCs (``warc/case.warc.gz``); ``signals.json`` (time-ordered,
each citing its capture's SHA-256 and WARC-Record-ID); ``ads.json`` (every version of
every ad with entities, indicator hits, scores, decisions); ``case.json`` (the case and
its dossiers with points and colour history); ``ftm.json`` (FollowTheMoney entities, one
per line); ``report.html``/``report.pdf``; ``signals.csv``/``signals.xlsx`` (view copies).
BagIt manifests in SHA-256 and SHA-512 cover every file; both tag manifests carry a
detached Ed25519 signature, and the public key travels in the bag.

The bag is built in a temporary folder beside the target and renamed into place at the
end, so an interrupted export never leaves something that looks like a bundle.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy.orm import Session

from casefiles import ftm, report, tables
from casefiles.baglayout import AUDIT_CHECKPOINT, CHECKSUMS, PUBLIC_KEY, SIGNATURES
from casefiles.cases import get_case, permitted_user
from casefiles.gather import case_content
from casefiles.signing import fingerprint, public_pem, sign_file, signing_key
from casefiles.warccut import WarcCutError, cut_capture, warcinfo_member
from core import audit, software_version
from core.checkpoints import signed_checkpoint
from core.schema import User, utcnow
from core.settings import Settings


class BundleError(ValueError):
    pass


@dataclass
class ExportResult:
    path: Path
    case_number: str
    files: int
    captures: int
    signals: int
    key_fingerprint: str
    pdf_note: str | None


def write_case_warc(settings: Settings, content: dict[str, Any], target: Path) -> int:
    """Copy every cited capture's records into one gzip-per-record WARC; returns the record count."""
    info = {"software": software_version(), "format": "WARC File Format 1.1",
            "description": f"records cut unchanged from crawl WARCs for case {content['case']['number']}"}
    seen: set[str] = set()
    count = 0
    with target.open("wb") as out:
        out.write(warcinfo_member(target.name, info))
        for capture in content["captures"]:
            if not capture["warc_file"] or capture["warc_offset"] is None:
                continue  # captured with WARC writing off: only the digest exists, and ads.json says so
            path = settings.warc_path(capture["warc_file"])
            try:
                records = cut_capture(path, capture["warc_offset"], capture["warc_record_id"])
            except WarcCutError as exc:
                raise BundleError(f"capture {capture['id']}: {exc}") from None
            for record in records:
                if record.record_id not in seen:
                    seen.add(record.record_id)
                    out.write(record.raw)
                    count += 1
    return count


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _write_payload(settings: Settings, content: dict[str, Any], folder: Path, meta: dict[str, Any]) -> str | None:
    (folder / "warc").mkdir(parents=True)
    write_case_warc(settings, content, folder / "warc" / "case.warc.gz")
    _dump(folder / "signals.json", {"case": content["case"]["number"], "signals": content["signals"]})
    _dump(folder / "ads.json", {"ads": content["ads"], "captures": content["captures"]})
    _dump(folder / "case.json", {"case": content["case"], "dossiers": content["dossiers"], "export": meta})
    try:
        entities = ftm.case_entities(content)
    except ftm.FtmError as exc:
        raise BundleError(str(exc)) from None
    (folder / "ftm.json").write_text("".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n"
                                             for e in entities), encoding="utf-8")
    html = report.report_html(content, **meta)
    (folder / "report.html").write_text(html, encoding="utf-8")
    pdf_note = report.write_pdf(html, folder / "report.pdf")
    tables.write_csv(folder / "signals.csv", content["signals"])
    tables.write_xlsx(folder / "signals.xlsx", content["signals"])
    return pdf_note


def make_signed_bag(folder: Path, bag_info: dict[str, Any], key: Any,
                    extra_tags: dict[str, bytes] | None = None) -> None:
    bag = bagit.make_bag(str(folder), bag_info=bag_info, checksums=CHECKSUMS, processes=1)
    (folder / PUBLIC_KEY).write_bytes(public_pem(key))
    for name, data in (extra_tags or {}).items():
        (folder / name).write_bytes(data)
    bag.save(processes=1)  # rewrites the tag manifests so that they cover the public key too
    for manifest, signature in SIGNATURES.items():
        (folder / signature).write_bytes(sign_file(key, folder / manifest))


def review_tags(ads: list[dict[str, Any]]) -> dict[str, Any]:
    """bag-info.txt lines on human review: counts, then one ``Ad-Review`` line per ad (whether and by whom)."""
    reviewed = sum(1 for a in ads if a["review"]["reviewed"])
    lines = [" ".join(f"{a['site']} {a['site_ad_id']} (ad {a['id']}): {a['review']['label']}".split()) for a in ads]
    return {"Ads-Total": str(len(ads)), "Ads-Reviewed": str(reviewed), "Ads-Not-Reviewed": str(len(ads) - reviewed),
            **({"Ad-Review": lines} if lines else {})}


def _zip_folder(folder: Path, target: Path, top: str) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{top}/{path.relative_to(folder).as_posix()}")


def export_case(session: Session, settings: Settings, user: User | str, case_ref: str | int,
                out: Path) -> ExportResult:
    """Write the case's bundle to `out` (a folder, or a zip when `out` ends in .zip) and audit the export."""
    case = get_case(session, case_ref)
    acting = permitted_user(session, user, "case.export", case.team)
    out = Path(out)
    if out.exists():
        raise BundleError(f"{out} exists already; choose a new path (bundles are never overwritten)")
    if not out.parent.is_dir():
        raise BundleError(f"folder {out.parent} does not exist")
    content = case_content(session, case)
    if not content["signals"]:
        raise BundleError(f"case {case.number} has no signals to export")
    key = signing_key(settings)
    key_fp = fingerprint(public_pem(key))
    now = utcnow()
    meta = {"organisation": settings.organisation, "contact": settings.contact, "exported_at": now.isoformat(),
            "exported_by": acting.username, "key_fingerprint": key_fp}
    bag_info: dict[str, Any] = {"Source-Organization": settings.organisation, "Contact-Email": settings.contact,
                "External-Identifier": case.number, "External-Description": case.title,
                "Bagging-Date": now.date().isoformat(), "Bagging-Time": now.isoformat(),
                "Internal-Sender-Identifier": acting.username, "Bag-Group-Identifier": case.team,
                "Bag-Software-Agent": software_version(), "Signing-Key-Fingerprint": key_fp}
    bag_info.update(review_tags(content["ads"]))
    # A killed earlier export of this bundle left its hidden work folder; it never looked complete
    # (the bundle only appears by the final rename), so it is only debris to clear.
    for stale in out.parent.glob(f".{out.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    try:
        bag_dir = work / "bag"
        bag_dir.mkdir()
        pdf_note = _write_payload(settings, content, bag_dir, meta)
        checkpoint = signed_checkpoint(session, settings, reason=f"export of case {case.number}")
        make_signed_bag(bag_dir, bag_info, key, {AUDIT_CHECKPOINT: (json.dumps(checkpoint, indent=1, sort_keys=True)
                                                                    + "\n").encode("utf-8")})
        files = sum(1 for p in bag_dir.rglob("*") if p.is_file())
        audit.record(session, acting.username, "case.export", "case", case.id, number=case.number, path=str(out),
                     signals=len(content["signals"]), captures=len(content["captures"]), key_fingerprint=key_fp,
                     tagmanifest_sha256=_sha256_file(bag_dir / "tagmanifest-sha256.txt"))
        session.flush()
        if out.suffix.lower() == ".zip":
            packed = work / "bundle.zip"
            _zip_folder(bag_dir, packed, out.stem)
            os.replace(packed, out)
        else:
            os.replace(bag_dir, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ExportResult(out, case.number, files, len(content["captures"]), len(content["signals"]), key_fp, pdf_note)


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
