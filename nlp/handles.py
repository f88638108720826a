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

_LABELLED_PLATFORMS = [p for p in _LABELS if p != "whatsapp"]  # WhatsApp is a phone number, not a name
# One pass per form: the platform is the named group that matched.
_LABELLED = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<{p}>{_LABELS[p]})" for p in _LABELLED_PLATFORMS)
    + rf")(?:{_SEP}){_NAME}",
    re.IGNORECASE,
)
_LINKED = re.compile(
    "|".join(f"(?P<{p}>{pattern.replace('(?P<h>', f'(?P<h_{p}>')})" for p, pattern in _LINKS.items()),
    re.IGNORECASE,
)
# One cheap scan first: most ads name no platform, and then the per-platform patterns need not run.
_ANY_PLATFORM = re.compile(
    r"(?<![\w.])(?:" + "|".join([*_LABELS.values(), r"t\.me|telegram\.me|snapchat\.com|instagram\.com|wa\.me|signal\.me"]) + r")(?!\w)",
    re.IGNORECASE,
)
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
    if not _ANY_PLATFORM.search(text):
        return found
    for pattern in (_LINKED, _LABELLED):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            platform = next(p for p in _LABELLED_PLATFORMS if m.group(p) is not None) if pattern is _LABELLED else \
                next(p for p in _LINKS if m.group(p) is not None)
            name_group = "h" if pattern is _LABELLED else f"h_{platform}"
            raw = m.group(name_group).rstrip(".-")
            handle = raw.lower()
            if platform != "whatsapp" and handle.replace(".", "").replace("-", "").isdigit():
                continue  # a phone number after the label; phones.py reads it
            if len(handle) < 2:
                continue
            found.append(HandleFound(platform, handle, m.start(), m.start(name_group) + len(raw)))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda h: h.start)
    return found


def find_urls(text: str) -> list[UrlFound]:
    lower = text.lower()
    if "http" not in lower and "www." not in lower and ".me/" not in lower:
        return []
    return [UrlFound(m.group().rstrip(".,;:!?"), m.start(), m.start() + len(m.group().rstrip(".,;:!?")))
            for m in URL_RE.finditer(text)]
