"""E-mail addresses, also written in a disguised way ("naam at gmail punt com", "name [at] mail [dot] com").

A plain address is found as written. A disguised one replaces "@" and "." by words or bracketed
words; because "at" and "punt" are ordinary words, a spelled-out address is only accepted when its
top-level domain is one that ads actually use, so "meet me at home dot ..." stays prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def find_emails(text: str) -> list[EmailFound]:
    found: list[EmailFound] = []
    if not _AT_HINT.search(text):
        return found  # no "@" and no spelled-out "at": the address patterns need not run
    matches = [*PLAIN_EMAIL_RE.finditer(text), *EMAIL_RE.finditer(text)]
    for m in matches:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        if m.group("local").lower() in _PLATFORM_LABELS:
            continue  # "Telegram @lisa.nl" is a handle, not an address
        labels = [part for part in _DOT_SPLIT.split(m.group("domain")) if part]
        address = f"{m.group('local')}@{'.'.join(labels)}.{m.group('tld')}".lower()
        written = m.group()
        plain = re.fullmatch(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})*", written) is not None
        found.append(EmailFound(address, m.start(), m.end(), not plain))
    return sorted(found, key=lambda f: f.start)
