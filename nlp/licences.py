"""Licence numbers shown in ads, and the municipal register they are checked against.

An escort business or independent escort shows a licence number ("Vergunning: ZWO-ESC-2025-0275",
"Licence number ..."). A number that is not in the municipal register is a supervision signal
(docs/DOMAIN.md, proposed licensing law; HON protocol). The register is a CSV file with a `licence`
column (or one number per line), named by the setting `licence_register`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlp.indicators.gates import gate_text, regex_matches

LICENCE_RE = re.compile(
    r"\b(?:exploitatie)?(?:vergunning|licentie|licen[cs]e|registratie|registration|permit)"
    r"(?:\s*(?:nummer|number|nr\.?|no\.?|#))?\s*[:#]?\s*"
    r"(?P<number>(?=[A-Z0-9./\-]*\d)[A-Z0-9][A-Z0-9./\-]{3,30}[A-Z0-9])",
    re.IGNORECASE,
)
# The words every match starts with (a word start, by the \b): the regex is tried only where one occurs,
# not at every character of the ad (``gates.regex_matches``; the same matches as finditer).
_STARTS = ("exploitatie", "vergunning", "licen", "registrati", "permit")


@dataclass(frozen=True)
class LicenceFound:
    number: str
    start: int
    end: int


def normalised(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


def find_licences(text: str) -> list[LicenceFound]:
    return [LicenceFound(normalised(m.group("number")), m.start("number"), m.end("number"))
            for m in regex_matches(LICENCE_RE, text, gate_text(text), _STARTS, word_start=True)]


class RegisterError(ValueError):
    pass


@lru_cache(maxsize=4)
def load_register(path: str) -> frozenset[str]:
    """The licence numbers of a register file; a clear error when it cannot be read."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RegisterError(f"cannot read licence register {path}: {exc.strerror}") from None
    lines = text.splitlines()
    if lines and "licence" in [c.strip().lower() for c in lines[0].split(",")]:
        return frozenset(normalised(row["licence"]) for row in csv.DictReader(lines) if row.get("licence"))
    return frozenset(normalised(line) for line in lines if line.strip() and not line.startswith("#"))
