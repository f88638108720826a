"""View copies of the signals as CSV and XLSX, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be
run as a formula (CSV injection), so it gets a leading ``'``. These files are copies
for reading; the exact values stay in ``signals.json``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("signal_no", "when", "kind", "who", "source", "via", "site", "site_ad_id", "version_no", "title",
           "name", "city", "indicators", "decisions", "review", "text", "partner", "capture_sha256", "warc_record_id")


def neutralised(value: Any) -> Any:
    """The value as a spreadsheet shows it without running it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def signal_rows(signals: list[dict[str, Any]]) -> list[list[Any]]:
    rows = []
    for s in signals:
        flat = dict(s)
        flat["via"] = "; ".join(s.get("via", []))
        flat["indicators"] = "; ".join(f"{h['code']} ({h['text']})" for h in s.get("indicators", []))
        flat["review"] = (s.get("review") or {}).get("label", "")
        flat["decisions"] = "; ".join(f"{d['decision']} by {d['who']}: {d['reason']}" for d in s.get("decisions", []))
        rows.append([neutralised(flat.get(c)) if flat.get(c) is not None else "" for c in COLUMNS])
    return rows


def write_csv(path: Path, signals: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(signal_rows(signals))


def write_xlsx(path: Path, signals: list[dict[str, Any]]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "signals"
    sheet.append(list(COLUMNS))
    for row in signal_rows(signals):
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never let openpyxl read a string as a formula
    book.save(path)
