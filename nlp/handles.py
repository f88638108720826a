"""Messenger and social-media handles ("snap: lisa_x", "t.me/lisa", "kik - lisa99") and URLs.

A handle is only read after a platform label followed by ":" / "=" / "-" / "@", or from the
platform's link form, because "snap" or "kik" alone are ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?P<h>[A-Za-z0-9][A-Za-z0-9_.\-]{1,31})"
_SEP = r"\s*(?:[:=]|-|–)\s*@?|\s+@|\s*@"

_LABELS: dict[str, str] = {
    "telegram": r"telegram|tg",
    "snapchat": r"snapchat|snap|sc",
    "instagram": r"instagram|insta|ig",
    "signal": r"signal",
    "kik": r"kik",
    "whatsapp": r"whatsapp|whats\s?app|wa",
}
_LINKS: dict[str, str] = {
    "telegram": r"(?:https?://)?(?:t|telegram)\.me/" + _NAME,
    "snapchat": r"(?:https?://)?(?:www\.)?snapchat\.com/add/" + _NAME,
    "instagram": r"(?:https?://)?(?:www\.)?instagram\.com/" + _NAME,
    "whatsapp": r"(?:https?://)?wa\.me/\+?(?P<h>\d{8,15})",
    "signal": r"(?:https?://)?signal\.me/#(?:u|p)/" + _NAME,
}

_LABELLED = [
    (platform, re.compile(rf"(?<![\w.])(?:{label})(?:{_SEP}){_NAME}", re.IGNORECASE))
    for platform, label in _LABELS.items()
    if platform != "whatsapp"
]
_LINKED = [(platform, re.compile(pattern, re.IGNORECASE)) for platform, pattern in _LINKS.items()]
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+|\b(?:t\.me|wa\.me)/[^\s<>\"'()\[\]{}]+", re.IGNORECASE)


@dataclass(frozen=True)
class HandleFound:
    platform: str
    handle: str
    start: int
    end: int


@dataclass(frozen=True)
class UrlFound:
    url: str
    start: int
    end: int


def find_handles(text: str) -> list[HandleFound]:
    found: list[HandleFound] = []
    taken: list[tuple[int, int]] = []
    for platform, pattern in [*_LINKED, *_LABELLED]:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            raw = m.group("h").rstrip(".-")
            handle = raw.lower()
            if platform == "whatsapp":
                handle = "+" + handle
            elif handle.replace(".", "").replace("-", "").isdigit():
                continue  # a phone number after the label; phones.py reads it
            if len(handle) < 2:
                continue
            found.append(HandleFound(platform, handle, m.start(), m.start("h") + len(raw)))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda h: h.start)
    return found


def find_urls(text: str) -> list[UrlFound]:
    return [UrlFound(m.group().rstrip(".,;:!?"), m.start(), m.start() + len(m.group().rstrip(".,;:!?")))
            for m in URL_RE.finditer(text)]
