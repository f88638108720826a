"""E-mail addresses, also written in a disguised way ("naam at gmail punt com", "name [at] mail [dot] com").

A plain address is found as written. A disguised one replaces "@" and "." by words or bracketed
words; because "at" and "punt" are ordinary words, a spelled-out address is only accepted when its
top-level domain is one that ads actually use, so "meet me at home dot ..." stays prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.indicators.gates import gate_text, matches_at
from nlp.regex_start import with_start_class

# A spelled-out address needs a top-level domain from this list ("example" is the reserved one that
# test data uses); a plain address with "@" may have any.
_TLDS = (
    "com|nl|net|org|be|de|eu|info|io|me|co|uk|fr|pl|ro|bg|hu|es|it|ru|ua|biz|online|email|mail|live|cz|sk|example"
)
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
_LABEL = r"[A-Za-z0-9][A-Za-z0-9\-]{0,62}"
_AT_WORD = r"(?:at|apenstaartje)"
_DOT_WORD = r"(?:dot|punt|point|period)"
_AT = rf"(?:\s*@\s*|\s*＠\s*|\s*[\[({{<]\s*{_AT_WORD}\s*[\])}}>]\s*|\s+{_AT_WORD}\s+)"
_DOT = rf"(?:[ ]?\.[ ]?|\s*[\[({{<]\s*{_DOT_WORD}\s*[\])}}>]\s*|\s+{_DOT_WORD}\s+)"

EMAIL_RE = re.compile(
    rf"(?<![\w.%+\-])(?P<local>{_LOCAL}){_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})*){_DOT}(?P<tld>{_TLDS})(?![\w\-])",
    re.IGNORECASE,
)
PLAIN_EMAIL_RE = re.compile(
    rf"(?<![\w.%+\-])(?P<local>{_LOCAL})@(?P<domain>{_LABEL}(?:\.{_LABEL})*)\.(?P<tld>[A-Za-z]{{2,24}})(?![\w\-])"
)
_DOT_SPLIT = re.compile(_DOT, re.IGNORECASE)
_AT_HINT = with_start_class(re.compile(r"[@＠]|\b(?:at|apenstaartje)\b", re.IGNORECASE))
_PLATFORM_LABELS = frozenset("telegram tg snapchat snap sc instagram insta ig signal kik whatsapp wa".split())


@dataclass(frozen=True)
class EmailFound:
    address: str
    start: int
    end: int
    obfuscated: bool


_LOCAL_TAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}\Z", re.IGNORECASE)  # the local part's characters, as EMAIL_RE reads them
_OPENING = "[({<"


def _local_end(text: str, at: int, lowered: str) -> int:
    """Where the local part ends when the "@" (or a spelled-out "at") starts at `at`: back over the
    white space before it, and over an opening bracket and the white space before that ("lisa [at]")."""
    i = at
    while i and text[i - 1].isspace():
        i -= 1
    if i and text[i - 1] in _OPENING and lowered[at] != "@" and lowered[at] != "＠":
        i -= 1
        while i and text[i - 1].isspace():
            i -= 1
    return i


def _address_starts(text: str) -> list[int] | None:
    """Every place an address of EMAIL_RE or PLAIN_EMAIL_RE can start (and some more), in order, or
    None when the text does not allow this reading (then the regexes scan the whole text).

    Both start with a local part, a run of [A-Za-z0-9._%+-] after none of those characters, that the
    "@" follows (over white space and a bracket, or a spelled-out "at"). None of those characters
    starts an "@" or a white space, so the local part is the whole run before it: one place per "@",
    and per "at" or "apenstaartje" after a space or a bracket. A regex tried at every character of
    a long ad costs more than the rest of e-mail reading; tried at these places only, it finds the
    same matches (``_matches``)."""
    lowered = gate_text(text)
    if len(lowered) != len(text):
        return None
    markers = [i for mark in ("@", "＠") for i in _occurrences(lowered, mark)]
    markers += [i for word in ("at", "apenstaartje") for i in _occurrences(lowered, word)
                if i and (text[i - 1].isspace() or text[i - 1] in _OPENING)]
    starts = set()
    for at in markers:
        end = _local_end(text, at, lowered)
        tail = _LOCAL_TAIL.search(text, max(0, end - 64), end) if end else None
        if tail is not None:
            starts.add(tail.start())
    return sorted(starts)


def _occurrences(text: str, literal: str) -> list[int]:
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def _matches(regex: re.Pattern[str], text: str, starts: list[int] | None) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` when every match starts at one of `starts` (None: unknown)."""
    if starts is None:
        return list(regex.finditer(text))
    return matches_at(regex, text, starts)


def find_emails(text: str) -> list[EmailFound]:
    found: list[EmailFound] = []
    if not _AT_HINT.search(text):
        return found  # no "@" and no spelled-out "at": the address patterns need not run
    starts = _address_starts(text)
    matches = [*_matches(PLAIN_EMAIL_RE, text, starts), *_matches(EMAIL_RE, text, starts)]
    for m in matches:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        if m.group("local").lower() in _PLATFORM_LABELS:
            continue  # "Telegram @lisa.nl" is a handle, not an address
        labels = [part for part in _DOT_SPLIT.split(m.group("domain")) if part]
        address = f"{m.group('local')}@{'.'.join(labels)}.{m.group('tld')}".lower()
        written = m.group()
        plain = re.fullmatch(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})*", written) is not None
        if not plain and text.startswith("/", m.end()):
            continue  # "content at onlyfans.com/amber": a word "at" before a link, whose path follows (round 14)
        found.append(EmailFound(address, m.start(), m.end(), not plain))
    return sorted(found, key=lambda f: f.start)
