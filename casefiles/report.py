"""HTML documents from templates (``casefiles/templates``), and their PDF via WeasyPrint.

Jinja2 escapes every value, so ad text can never become markup in a report.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).with_name("templates")


def readable_time(value: Any) -> str:
    """ISO-8601 as investigators read it: '2026-11-01 09:00:00 UTC' (the JSON keeps the full value)."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S") + (" UTC" if moment.tzinfo is not None else "")


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["time"] = readable_time
    return env


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def report_html(content: dict[str, Any], **meta: Any) -> str:
    """The police-report layout: summary, classification and history, signals in time order, captures."""
    codes = Counter(h["code"] for s in content["signals"] if s["kind"] == "ad_version" for h in s["indicators"])
    return render("report.html", case=content["case"], signals=content["signals"], ads=content["ads"],
                  dossiers=content["dossiers"], captures=content["captures"],
                  version_count=sum(len(a["versions"]) for a in content["ads"]),
                  reviewed_count=sum(1 for a in content["ads"] if a["review"]["reviewed"]),
                  indicator_counts=sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])), **meta)


def write_pdf(html: str, path: Path) -> str | None:
    """Write the PDF; returns why not when WeasyPrint cannot run here (the HTML is kept either way)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango/Cairo libraries missing
        return f"WeasyPrint unavailable: {exc}"
    HTML(string=html, base_url=str(TEMPLATES)).write_pdf(path)
    return None
