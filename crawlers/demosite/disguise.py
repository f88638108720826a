"""Written forms of phone numbers and e-mail addresses: plain, or disguised the way ads do it.

Each function returns (written, disguise_types); an empty list means an ordinary
notation (``06-12345678``, ``+31 6 1234 5678``) that needs no de-obfuscation.
"""

from __future__ import annotations

from crawlers.demosite.draw import below, between, pick

DIGIT_WORDS = {
    "nl": ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
}
PHONE_DISGUISES = (
    "spacing",
    "separators",
    "number_words",
    "mixed_words",
    "letters_for_digits",
    "emoji_digits",
    "fullwidth_digits",
)
_KEYCAP = "\ufe0f\u20e3"


def _pairs(digits: str, head: int) -> list[str]:
    """Prefix, then pairs of digits; an odd remainder starts with a group of three ("020 123 45 67")."""
    rest = digits[head:]
    groups = [digits[:head]]
    if len(rest) % 2:
        groups.append(rest[:3])
        rest = rest[3:]
    return groups + [rest[i : i + 2] for i in range(0, len(rest), 2)]


def plain_phone(national: str, e164: str, head: int, rng) -> str:
    """An ordinary notation: national with or without separators, or international."""
    form = below(rng, 6)
    if form == 0:
        return national
    if form == 1:
        return f"{national[:head]}-{national[head:]}"
    if form == 2:
        return " ".join(_pairs(national, head))
    if form == 3:
        cc = e164[:3]
        rest = e164[3:]
        return f"{cc} {rest[: head - 1]} {rest[head - 1 :]}"
    if form == 4:
        return e164
    return f"({national[:head]}) {national[head:]}"


def disguised_phone(national: str, head: int, kind: str, lang: str, rng) -> str:
    """`national` written with disguise `kind` (one of PHONE_DISGUISES)."""
    words = DIGIT_WORDS[lang]
    if kind == "spacing":
        return " ".join(national)
    if kind == "separators":
        sep = pick(rng, ("*", "_", "/", "~", "#"))
        return sep.join(_pairs(national, head))
    if kind == "number_words":
        return pick(rng, (" ", "-", " ")).join(words[int(d)] for d in national)
    if kind == "mixed_words":
        groups = _pairs(national, head)
        k = between(rng, 1, len(groups) - 1)
        groups[k] = " ".join(words[int(d)] for d in groups[k])
        return " ".join(groups)
    if kind == "letters_for_digits":
        swap = {"0": "O", "1": pick(rng, ("l", "I"))}
        return "".join(swap.get(d, d) for d in national)
    if kind == "emoji_digits":
        return "".join(d + _KEYCAP for d in national)
    if kind == "fullwidth_digits":
        return "".join(chr(0xFF10 + int(d)) for d in national)
    raise ValueError(f"unknown phone disguise {kind!r}")


def plain_foreign_phone(e164: str, head: int, rng) -> str:
    """A foreign number in a Dutch ad is written internationally (a national form would read as Dutch)."""
    cc, rest = e164[:3], e164[3:]
    form = below(rng, 3)
    if form == 0:
        return e164
    if form == 1:
        return f"{cc} {rest[: head - 1]} {rest[head - 1 :]}"
    return f"00{cc[1:]} {rest}"


def written_phone(national: str, e164: str, head: int, disguise: str | None, lang: str, rng):
    """(written form, disguise types) for one phone number in one ad."""
    if not e164.startswith("+31"):
        if disguise is None:
            return plain_foreign_phone(e164, head, rng), []
        national, head = "00" + e164[1:], 4
    if disguise is None:
        return plain_phone(national, e164, head, rng), []
    return disguised_phone(national, head, disguise, lang, rng), [disguise]


def written_email(address: str, disguised: bool, lang: str, rng) -> str:
    if not disguised:
        return address
    local, domain = address.split("@")
    form = below(rng, 3)
    if form == 0:
        dot = " punt " if lang == "nl" else " dot "
        return f"{local} at {domain.replace('.', dot)}"
    if form == 1:
        return f"{local} [at] {domain.replace('.', ' [dot] ')}"
    return f"{local}(at){domain.replace('.', '(dot)')}"
