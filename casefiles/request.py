"""A data request letter to an ad platform (HON protocol, step 3: demand data from newspapers,
companies and providers), listing the case's ads on that platform with their URLs and
capture times. The letter is a draft for the officer who signs it; its legal basis is
filled in by that officer unless given."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from casefiles.cases import CaseError, get_case, permitted_user
from casefiles.gather import case_content
from casefiles.report import render, write_pdf
from core import audit
from core.schema import User, utcnow
from core.settings import Settings

UNFILLED_BASIS = "(in te vullen door de vorderende ambtenaar / to be completed by the requesting officer)"


@dataclass
class RequestResult:
    html_path: Path
    pdf_path: Path | None
    ads: int
    pdf_note: str | None


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def platform_request(session: Session, settings: Settings, user: User | str, case_ref: str | int, platform: str,
                     out: Path, legal_basis: str = "") -> RequestResult:
    case = get_case(session, case_ref)
    acting = permitted_user(session, user, "case.request", case.team)
    content = case_content(session, case)
    ads = [a for a in content["ads"] if a["site"] == platform]
    if not ads:
        known = sorted({a["site"] for a in content["ads"]}) or ["none"]
        raise CaseError(f"case {case.number} has no ads on platform {platform!r}; its platforms: {', '.join(known)}")
    captures = {c["id"]: c for c in content["captures"]}
    rows = [{"site_ad_id": a["site_ad_id"], "url": a["url"],
             "captured_at": [captures[v["capture_id"]]["fetched_at"] if v["capture_id"] in captures
                             else v["captured_at"] for v in a["versions"]],
             "sha256": [v["capture_sha256"] for v in a["versions"] if v["capture_sha256"]]} for a in ads]
    out = Path(out)
    if not out.parent.is_dir():
        raise CaseError(f"folder {out.parent} does not exist")
    html = render("request.html", case=content["case"], platform=platform, rows=rows,
                  organisation=settings.organisation, contact=settings.contact, today=utcnow().date().isoformat(),
                  legal_basis=legal_basis.strip() or UNFILLED_BASIS, requested_by=acting.username)
    html_path = out if out.suffix.lower() in (".html", ".htm") else out.with_suffix(".html")
    _write_atomically(html_path, html.encode("utf-8"))
    pdf_path: Path | None = out.with_suffix(".pdf")
    partial = pdf_path.with_name(f".{pdf_path.name}.partial")
    pdf_note = write_pdf(html, partial)
    if pdf_note is None:
        os.replace(partial, pdf_path)
    else:
        pdf_path = None
    audit.record(session, acting.username, "case.request", "case", case.id, platform=platform,
                 ads=[r["site_ad_id"] for r in rows], path=str(html_path))
    return RequestResult(html_path, pdf_path, len(rows), pdf_note)
