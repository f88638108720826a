"""Messenger and social-media handles ("snap: lisa_x", "t.me/lisa", "kik - lisa99") and URLs.

Platforms: snapchat, instagram, twitter (also X), telegram, signal, whatsapp, kik, wechat (also
weixin) and onlyfans (also OF). The platform is part of the value: {platform, handle}.

A handle is read
- from the platform's link form ("t.me/lisa", "onlyfans.com/lisa", "x.com/lisa");
- after a platform label, possibly several ("insta en snap: lisa", "Twitter/X: @lisa"), words that
  introduce a name ("me", "id", "is", "naam", "username": "my snapchat id is lisa", "kik me lisa99"),
  then a separator (":", "=", "-", "@") or a space;
- before "on <platform>" when written with "@" ("@lisa on snap").
Because "snap", "kik" and "signal" are ordinary words, a name after only a space must look like a
handle (a digit, "_" or "." in it) unless a word such as "is" or "id" introduced it, and it is
never a common word ("whatsapp only", "snapchat available"). Short labels (sc, ig, tg, wa, X, OF)
need a separator; X and OF must be capitals. Names inside an e-mail address are not handles, nor are
digits only (a phone number after the label: phones.py reads it), nor "@ 150" (no label).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_NAME = r"(?P<h>[A-Za-z0-9][A-Za-z0-9_.\-]{1,31})"
_NAME_END = r"(?![\w@]|\.\w)"

_LABELS: dict[str, str] = {
    "telegram": r"telegram|tele|tg",
    "snapchat": r"snapchat|snap|sc",
    "instagram": r"instagram|insta|ig",
    "twitter": r"twitter|(?-i:X)",
    "wechat": r"wechat|we\s?chat|weixin|wx|vx|微信",
    "onlyfans": r"onlyfans|only\s?fans|(?-i:OF)",
    "signal": r"signal",
    "kik": r"kik(?:\s?messenger)?",
    "whatsapp": r"whatsapp|whats\s?app|wa",
}
_SHORT = frozenset({"tele", "tg", "sc", "ig", "x", "wx", "vx", "of", "wa"})
_LINKS: dict[str, str] = {
    "telegram": r"(?:https?://)?(?:t|telegram)\.me/" + _NAME,
    "snapchat": r"(?:https?://)?(?:www\.)?snapchat\.com/add/" + _NAME,
    "instagram": r"(?:https?://)?(?:www\.)?instagram\.com/" + _NAME,
    "twitter": r"(?:https?://)?(?:www\.)?(?:twitter|x)\.com/" + _NAME,
    "onlyfans": r"(?:https?://)?(?:www\.)?onlyfans\.com/" + _NAME,
    "kik": r"(?:https?://)?kik\.me/" + _NAME,
    "whatsapp": r"(?:https?://)?wa\.me/\+?(?P<h>\d{8,15})",
    "signal": r"(?:https?://)?signal\.me/#(?:u|p)/" + _NAME,
}
_ANY_LABEL = "|".join(_LABELS.values())
_FIRST = "tTsSiIwWvVoOkKX微"  # first letters of the labels: most positions fail on this look-ahead
_LABEL = re.compile(r"(?<![\w.])(?:" + "|".join(f"(?P<{p}>{v})" for p, v in _LABELS.items()) + r")(?![\w.])",
                    re.IGNORECASE)
_INTRO = (r"me|us|my|mijn|m'n|id|is|name|naam|user\s?name|gebruikersnaam|handle|account|acc|profile|profiel|nick|"
          r"at|on|op|allebei|both|ook|also|too")
_LABELLED = re.compile(
    rf"(?=[{_FIRST}])(?<![\w.@/])(?P<labels>(?:{_ANY_LABEL})(?:\s*(?:/|&|\+|,|and|en|or|of)\s*(?:{_ANY_LABEL}))*)(?![\w.])"
    rf"(?P<intro>(?:\s*,?\s*(?:{_INTRO})(?![\w.]))*)"
    r"(?P<sep>\s*(?:[:=]|-|–|—|>)\s*@?\s*|\s*@\s*|\s+)"
    rf"{_NAME}{_NAME_END}",
    re.IGNORECASE,
)
_AT_BEFORE = re.compile(
    rf"(?<![\w.@])@{_NAME}\s+(?:on|op|via|at)\s+(?P<labels>{_ANY_LABEL})(?![\w.])", re.IGNORECASE
)
_LINKED = re.compile(
    "|".join(f"(?P<{p}>{pattern.replace('(?P<h>', f'(?P<h_{p}>')})" for p, pattern in _LINKS.items()),
    re.IGNORECASE,
)
# One cheap scan first: most ads name no platform, and then the per-platform patterns need not run.
_ANY_PLATFORM = re.compile(
    rf"(?=[{_FIRST}])(?<![\w.])(?:" + _ANY_LABEL + r"|t\.me|telegram\.me|snapchat\.com|instagram\.com|twitter\.com|x\.com|"
    r"onlyfans\.com|kik\.me|wa\.me|signal\.me)(?![\w])",
    re.IGNORECASE,
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+|\b(?:t\.me|wa\.me)/[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
# Words that follow a platform name in prose and are not names.
_NOT_NAMES = frozenset("""
    a an and or the to too for of on in at me my us is it its only also just now here there please pls ok okay
    available avail account accounts stories story premium free vip link links bio below above more info pics photos
    photo video videos verified private public chat chats call calls text texts sms message messages msg msgs dm dms
    add follow follows followers subscribe preferred welcome yes no not never nope welkom alleen ook mij en of op in
    via voor naar met van is niet geen graag liever bellen appen sturen allebei both same name naam user username
    id handle profile
""".split())
_NEEDS_INTRO_OR_SHAPE = re.compile(r"[\d_.]")
_STRONG_INTRO = re.compile(r"\b(?:is|id|name|naam|user\s?name|gebruikersnaam|handle)\b", re.IGNORECASE)


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


def _platforms(labels: str, separated: bool) -> list[str]:
    """The platforms a run of labels names ("Twitter/X" -> twitter), or [] when a short label is
    used without a separator ("X" and "OF" match in capitals only: in lower case they are words)."""
    found = []
    for m in _LABEL.finditer(labels):
        platform = m.lastgroup or ""
        written = m.group().lower()
        if written in _SHORT and not separated:
            return []
        found.append(platform)
    return list(dict.fromkeys(found))


def _name_ok(raw: str, platform: str, sep: str, intro: str) -> bool:
    name = raw.lower()
    if name in _NOT_NAMES or len(name) < 2:
        return False
    if name.replace(".", "").replace("-", "").isdigit():
        return False  # a phone number after the label; phones.py reads it
    if platform == "whatsapp" and not any(c.isalpha() for c in name):
        return False
    if not sep.strip() and not _STRONG_INTRO.search(intro) and not _NEEDS_INTRO_OR_SHAPE.search(name):
        return False  # "Snapchat Leeds", "signal me later": after a bare space a name must look like one
    return True


def find_handles(text: str, masked: Sequence[tuple[int, int]] = ()) -> list[HandleFound]:
    """Handles in order of appearance; `masked` spans (e-mail addresses) hold none."""
    found: list[HandleFound] = []
    if not _ANY_PLATFORM.search(text):
        return found
    taken: list[tuple[int, int]] = list(masked)

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    lower = text.lower()
    links = _LINKED.finditer(text) if ".me/" in lower or ".com/" in lower else ()  # most ads have no link
    for m in links:
        platform = next(p for p in _LINKS if m.group(p) is not None)
        raw = m.group(f"h_{platform}").rstrip(".-")
        if free(m.start(), m.end()) and len(raw) >= 2:
            found.append(HandleFound(platform, raw.lower(), m.start(), m.start(f"h_{platform}") + len(raw)))
            taken.append((m.start(), m.end()))
    for pattern in (_LABELLED, _AT_BEFORE):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            sep = m.group("sep") if pattern is _LABELLED else "@"
            intro = m.group("intro") if pattern is _LABELLED else ""
            raw = m.group("h").rstrip(".-")
            platforms = [p for p in _platforms(m.group("labels"), bool(sep.strip())) if _name_ok(raw, p, sep, intro)]
            for platform in platforms:
                found.append(HandleFound(platform, raw.lower(), m.start(), m.start("h") + len(raw)))
            if platforms:
                taken.append((m.start(), m.end()))
    found.sort(key=lambda h: h.start)
    return found


def find_urls(text: str) -> list[UrlFound]:
    lower = text.lower()
    if "http" not in lower and "www." not in lower and ".me/" not in lower:
        return []
    return [UrlFound(m.group().rstrip(".,;:!?"), m.start(), m.start() + len(m.group().rstrip(".,;:!?")))
            for m in URL_RE.finditer(text)]
