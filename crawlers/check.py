"""``signalstack sites check``: run an adapter offline over saved pages and say what it finds.

Saved pages live in ``tests/data/<site>/``: ``listing*.html`` (listing pages),
``*.json`` (load-more answers), ``detail*.html`` (ad pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crawlers.adapters import REQUIRED_FIELDS, load_adapter
from crawlers.bases.detail import extract_detail
from crawlers.bases.listing import ListingError, parse_listing_html, parse_listing_json

SAVED_PAGES = Path(__file__).resolve().parents[1] / "tests" / "data"


@dataclass
class PageReport:
    path: Path
    kind: str  # listing | load-more | detail
    found: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _short(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def check_site(site: str, folder: Path | None = None, base_url: str = "http://saved.invalid") -> list[PageReport]:
    adapter = load_adapter(site)
    folder = folder or SAVED_PAGES / site
    reports: list[PageReport] = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        url = f"{base_url}{adapter.start_urls[0]}"
        if path.name.startswith("listing") and path.suffix == ".html":
            page = parse_listing_html(adapter, url, text)
            report = PageReport(path, "listing", {"ad links": str(len(page.ad_urls)),
                                                  "next": _short(page.next_urls + page.next_endpoints)})
            if not page.ad_urls:
                report.problems.append("no ad links found")
        elif path.suffix == ".json":
            report = PageReport(path, "load-more")
            try:
                page = parse_listing_json(adapter, url, text)
                report.found = {"ad links": str(len(page.ad_urls)), "next": _short(page.next_endpoints)}
                if not page.ad_urls:
                    report.problems.append("no ad links found")
            except ListingError as exc:
                report.problems.append(str(exc))
        elif path.name.startswith("detail") and path.suffix == ".html":
            detail = extract_detail(adapter, f"{base_url}/{path.stem}", text)
            report = PageReport(path, "detail",
                                {k: _short(v) for k, v in detail.fields.items() if v not in (None, "", [])},
                                detail.missing)
            report.found.update({f"unmapped {k}": _short(v) for k, v in detail.unmapped.items()})
            report.problems += [f"required field {k} not found" for k in detail.missing if k in REQUIRED_FIELDS]
        else:
            continue
        reports.append(report)
    return reports
