"""De-obfuscation of digits: find runs of digit-like tokens and map them back to the original text.

Ads disguise phone numbers so that platform filters miss them: number words ("nul zes",
"zero six", "oh"), letters that look like digits ("O6", "l2"), odd separators ("06*12~34"),
keycap emoji, full-width or other Unicode digits, and mixtures ("06 een twee 34", "2ONE6").
Number words may be run together ("twotwoeight", "4oneninetwo", "nulzes") and tens and unit
written as one word ("twentysix", "zesentwintig"). Words that sound like digits ("for", "to",
"too", "ate") and a lone "o" count only inside a run of digits that is disguised already (see
``_kept_weak``), never in ordinary prose. Separators between digit groups include
``* ~ | # / $ ; @ ! { } ' "`` and a backslash.
A ``DigitRun`` is a maximal sequence of such tokens joined by short separators; every token
keeps the offsets of the characters it came from, so anything found in the digits can be shown
to an analyst in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

from nlp.regex_start import with_start_class

_UNITS_NL = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS_NL = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien",
             "achttien", "negentien"]
_TENS_NL = ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]
_UNITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_EN = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
             "eighteen", "nineteen"]
_TENS_EN = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Forms text2num does not read (or reads only in one language) but ads use for digits.
_EXTRA_WORDS = {"oh": 0, "één": 1, "eén": 1, "ėėn": 1, "nil": 0, "nought": 0}

_NL_COMPOUND = (
    r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(?:" + "|".join(_TENS_NL) + ")"
)
_EN_COMPOUND = r"(?:" + "|".join(_TENS_EN) + r")[ \-]?(?:one|two|three|four|five|six|seven|eight|nine)"
# NUMBER_WORD: the number words as a regular expression, for patterns that read one in place
# (ages.py). Longest forms first so that "zeventien" is not read as "zeven" + "tien".
_WORD_ALTERNATIVES = sorted(
    set(_UNITS_NL + _TEENS_NL + _TENS_NL + _UNITS_EN + _TEENS_EN + _TENS_EN + list(_EXTRA_WORDS)),
    key=len,
    reverse=True,
)
NUMBER_WORD = "(?:" + _NL_COMPOUND + "|" + _EN_COMPOUND + "|" + "|".join(_WORD_ALTERNATIVES) + ")"

# Parts of number words run together ("twotwoeight", "zeroseven", "nulzes"); the English compounds
# ("twentysix") come first so that they are read as one two-digit number.
_EN_GLUED_COMPOUNDS = [t + u for t in _TENS_EN for u in _UNITS_EN[1:]]
_GLUED_EN = sorted({*_EN_GLUED_COMPOUNDS, *_UNITS_EN, *_TEENS_EN, *_TENS_EN, "oh", "for", "to", "too", "ate", "o"},
                   key=len, reverse=True)
_NL_GLUED_COMPOUNDS = [u + joiner + t for u in [*_UNITS_NL[1:], "één"] for t in _TENS_NL for joiner in ("en", "ën")]
_GLUED_NL = sorted({*_NL_GLUED_COMPOUNDS, *_UNITS_NL, *_TEENS_NL, *_TENS_NL, "één"}, key=len, reverse=True)


def trie_pattern(words: Sequence[str]) -> str:
    """One regular expression for many literal words, as a trie, so that matching does not try
    every word at every character (the engine fails on the first character instead)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alternatives = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# "plus" glued in front of number words ("PlusFourNine...") is the "+" of a country code: matched as a
# part so that the word is seen at all; ``_read_tokens`` keeps it out of the token.
_PLUS_GLUED = "plus"
_GLUED_PART = trie_pattern(sorted({*_GLUED_EN, *_GLUED_NL, _PLUS_GLUED}))

# Digits that are not decimal digits to `\d` (circled, superscript, ...), read with unicodedata.digit.
_OTHER_DIGIT_CHARS = "".join(
    chr(cp)
    for cp in range(0x80, 0x10000)
    if unicodedata.digit(chr(cp), None) is not None and unicodedata.decimal(chr(cp), None) is None
    and unicodedata.digit(chr(cp)) < 10
)

# What a glued word can start with, case-insensitively: an ASCII letter that starts a part, in either
# case, or any non-ASCII character (the engine's case folding matches "ſ" to "s", "K" to "k", ...).
# A cheap test that spares most words the case-insensitive alternatives of the glued form.
_GLUED_FIRST = "".join(sorted({c for w in (*_GLUED_EN, *_GLUED_NL, _PLUS_GLUED) if w[0].isascii()
                               for c in (w[0], w[0].upper())}))
# Every token starts with a word character or one of the other digits; the lookahead turns away
# spaces and punctuation before the five alternatives are tried there.
TOKEN_RE = re.compile(
    rf"(?=[\w{re.escape(_OTHER_DIGIT_CHARS)}])(?:"
    r"(?P<keycap>[0-9]\ufe0f?\u20e3)"
    r"|(?P<digits>\d+)"
    rf"|(?P<other>[{re.escape(_OTHER_DIGIT_CHARS)}]+)"
    rf"|(?=[{_GLUED_FIRST}]|[^\x00-\x7f])(?P<glued>(?i:{_GLUED_PART}){{2,}})(?![^\W\d_])"
    r"|(?P<alpha>[^\W\d_]+)"
    r")"
)
# What may stand between two digit tokens of one number. " $" right before digits is a price.
GAP_RE = re.compile(r"[ \t\u00a0*_~|#./\\\-()\[\]$;@!{}'\"]{0,5}")  # " } { " between braced groups (round 14)
_PRICE_GAP = re.compile(r".*\s\$")
PLAIN_GAP_CHARS = set(" -.()")  # "/" between digit groups (06/12/34/56/78) is a disguise
LETTER_DIGITS = {"o": "0", "l": "1", "i": "1"}
# Words that sound like a digit, and a lone "o": digits only inside a disguised run (``_kept_weak``);
# "sicks" for six too (round 12: "zero sicks five ...").
WEAK_WORDS = {"for": "4", "fore": "4", "to": "2", "too": "2", "ate": "8", "won": "1", "o": "0", "sicks": "6"}


@dataclass(frozen=True)
class DigitToken:
    start: int
    end: int
    digits: str
    kind: str  # digits | unicode | keycap | word | letters


def _new_token(start: int, end: int, digits: str, kind: str, _new: Callable[..., DigitToken] = object.__new__,
               _cls: type[DigitToken] = DigitToken) -> DigitToken:
    """``DigitToken(start, end, digits, kind)`` for the hot loop of ``_read_tokens``: the frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``, which costs more than
    the token is worth; this fills the same ``__dict__`` (a test checks both give equal tokens)."""
    token = _new(_cls)
    fields = token.__dict__
    fields["start"], fields["end"], fields["digits"], fields["kind"] = start, end, digits, kind
    return token


@dataclass(frozen=True)
class DigitRun:
    tokens: tuple[DigitToken, ...]
    gaps: tuple[str, ...]  # separator text between token i and i+1

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


_EN_GLUED = re.compile("(" + "|".join(_TENS_EN) + ")(" + "|".join(_UNITS_EN[1:]) + ")")


@lru_cache(maxsize=4096)
def number_word_value(word: str) -> int | None:
    """Value of a number word in Dutch or English, or None."""
    key = " ".join(word.lower().replace("-", " ").split())
    if key in _EXTRA_WORDS:
        return _EXTRA_WORDS[key]
    glued = _EN_GLUED.fullmatch(key)
    if glued:  # "twentytwo": text2num reads only "twenty two"
        key = f"{glued.group(1)} {glued.group(2)}"
    for lang in ("nl", "en"):
        try:
            return int(text2num(key, lang))
        except (ValueError, TypeError):
            continue
    return None


def _number_words() -> dict[str, int]:
    """Every single-word number form 0..99 in Dutch and English, valued by text2num (Dutch compounds
    from their parts)."""
    words = {}
    for word in [*_UNITS_NL, *_TEENS_NL, *_TENS_NL, *_UNITS_EN, *_TEENS_EN, *_TENS_EN, *_EXTRA_WORDS,
                 *_EN_GLUED_COMPOUNDS]:
        value = number_word_value(word)
        if value is not None:
            words[word] = value
    # Dutch unit-and-tens compounds, valued from their parts: text2num misses "tweeentwintig", the
    # spelling without the diaeresis that ads use as often as "tweeëntwintig".
    for unit, unit_value in [*zip(_UNITS_NL[1:], range(1, 10), strict=True), ("één", 1)]:
        for tens, tens_value in zip(_TENS_NL, range(20, 100, 10), strict=True):
            for joiner in ("en", "ën"):
                words[f"{unit}{joiner}{tens}"] = tens_value + unit_value
    return words


NUMBER_WORDS = _number_words()
LOOKALIKE_LETTERS = frozenset("oOlI")

# ``TOKEN_RE`` for ASCII text, matched on the lower-cased text, less the runs of letters that cannot
# be a token. In ASCII text ``TOKEN_RE`` matches whole runs of digits and whole runs of letters
# (there are no keycaps and no other digits), and an ASCII letter matches a part case-insensitively
# exactly when its lower case equals it; so this finds the same digit and glued matches, and of the
# other runs of letters those that could be a number word, a digit-sounding word or look-alike
# letters (``_read_tokens`` drops the rest, as it would have).
_CANDIDATE_WORDS = trie_pattern(sorted({*NUMBER_WORDS, *WEAK_WORDS}))
ASCII_TOKEN_RE = with_start_class(re.compile(
    r"(?P<digits>\d+)"
    rf"|(?<![^\W\d_])(?:(?P<glued>(?:{_GLUED_PART}){{2,}})|(?P<alpha>{_CANDIDATE_WORDS}|[oli]+))(?![^\W\d_])",
    re.ASCII,
))


def _touches_digit(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isdecimal()) or (end < len(text) and text[end].isdecimal())


# A group of look-alike letters standing between two digit groups as a group of its own ("06 55 ol 92
# 83": "ol" for "01"). Short groups only, and never the pronoun "I" ("at 10 I 20 ..."): a longer word
# of those letters ("lol", "loo") is a word.
_LOOKALIKE_GROUP_GAP = re.compile(r"[ \t.\-]{1,2}")


def _may_be_between(raw: str) -> bool:
    """What ``_between_digit_groups`` asks of the group itself: short, and not the pronoun."""
    return len(raw) <= 2 and raw != "I"


def _between_digit_groups(text: str, start: int, end: int) -> bool:
    if not _may_be_between(text[start:end]) or start < 2 or end + 2 > len(text):
        return False
    before = _LOOKALIKE_GROUP_GAP.search(text, max(0, start - 2), start)
    after = _LOOKALIKE_GROUP_GAP.match(text, end)
    return before is not None and before.end() == start and text[before.start() - 1].isdecimal() \
        and after is not None and after.end() < len(text) and text[after.end()].isdecimal()


def _merged_compounds(text: str, tokens: list[DigitToken]) -> list[DigitToken]:
    """English tens + unit written apart ("thirty four", "thirty-four") read as one number. Not Dutch
    tens: Dutch writes the unit first ("vierendertig"), so "twintig vijf" is 20, 5."""
    merged: list[DigitToken] = []
    for token in tokens:
        prev = merged[-1] if merged else None
        if (prev and prev.kind == "word" and token.kind == "word" and len(prev.digits) == 2
                and prev.digits.endswith("0") and len(token.digits) == 1 and token.digits != "0"
                and text[prev.end : token.start] in (" ", "-") and text[prev.start : prev.end].lower() in _TENS_EN):
            merged[-1] = DigitToken(prev.start, token.end, prev.digits[0] + token.digits, "word")
        else:
            merged.append(token)
    return merged


@lru_cache(maxsize=4096)
def glued_digits(word: str, touches_digit: bool = False) -> str | None:
    """The digits of number words run together ("twotwoeight" -> "228", "nulzes" -> "06"), or None.
    At least two parts, all from one language, and not only digit-sounding words ("toto") unless
    the word is glued to a digit ("561ateforfor70")."""
    lower = word.lower()
    for parts in (_GLUED_EN, _GLUED_NL):
        split = _split_glued(lower, tuple(parts))
        if split and len(split) >= 2 and (touches_digit or any(p not in WEAK_WORDS and p != "oh" for p in split)):
            return "".join(WEAK_WORDS.get(p) or str(NUMBER_WORDS[p]) for p in split)
    return None


def _split_glued(word: str, parts: tuple[str, ...]) -> list[str] | None:
    """`word` as a sequence of `parts`, longest part first at each place (depth-first), or None."""
    if not word:
        return []
    for part in parts:
        if word.startswith(part):
            rest = _split_glued(word[len(part):], parts)
            if rest is not None:
                return [part, *rest]
    return None


# Words that are no number word, no digit-sounding word and not only look-alike letters: most words
# of an ad. ``digit_tokens`` skips them after one look-up (bounded, like the other caches here).
_PLAIN_WORDS: set[str] = set()
_PLAIN_WORDS_LIMIT = 100_000


def _plain_word(raw: str) -> bool:
    lower = raw.lower()
    return lower not in NUMBER_WORDS and lower not in WEAK_WORDS and not LOOKALIKE_LETTERS.issuperset(raw)


# Characters outside ASCII that ``ASCII_TOKEN_RE`` would not read as ``TOKEN_RE`` does: word
# characters (letters, digits), the other digits and keycap marks. Text without them ("€", emoji,
# curly quotes) is read by ``ASCII_TOKEN_RE`` too: there those characters only separate tokens.
_NOT_ASCII_READABLE = re.compile(rf"[^\W\x00-\x7f]|[{re.escape(_OTHER_DIGIT_CHARS)}\ufe0f\u20e3]")


# A look-alike token whose reading depends on the text around its chunk (``_between_digit_groups`` looks
# across white space): the kind a chunk's reading gives it until ``digit_tokens`` decides on the whole text.
_PENDING = "pending"
_CHUNKS_CACHED_MAX = 100_000
# Per whitespace-delimited chunk, what ``_matched_tokens`` reads in it, as (start, end, digits, kind)
# relative to the chunk: one dict for chunks of text read by ``ASCII_TOKEN_RE``, one for ``TOKEN_RE``.
_CHUNK_TOKENS: tuple[dict[str, tuple[tuple[int, int, str, str], ...]], ...] = ({}, {})


def digit_tokens(text: str) -> list[DigitToken]:
    """``_read_tokens`` of the text, chunk by chunk. No token holds white space, and neither pattern looks
    past the white space around a token (``ASCII_TOKEN_RE`` looks at the letter before and after; white
    space is none), so a text's matches are those of its whitespace-delimited chunks; ads repeat their
    words, and a chunk read before costs a look-up instead of the pattern's try at every word. Only a lone
    look-alike group ("06 55 ol 92") looks beyond its chunk: it is decided here, on the whole text."""
    ascii_read = text.isascii() or (not _NOT_ASCII_READABLE.search(text) and len(text.lower()) == len(text))
    cache = _CHUNK_TOKENS[0 if ascii_read else 1]
    chunks = text.split()
    found = list(map(cache.get, chunks))  # the cached chunks at C speed, then the few new ones
    if None in found:
        found = [tokens if tokens is not None else _chunk_tokens(chunk, ascii_read)
                 for tokens, chunk in zip(found, chunks, strict=True)]
    tokens: list[DigitToken] = []
    weak = False
    at = 0  # where the last chunk with tokens ended
    for chunk, read in zip(chunks, found, strict=True):
        if not read:  # most chunks hold no digit token
            continue
        at = _chunk_start(text, chunk, at)
        for start, end, digits, kind in read:
            if kind is _PENDING:
                token = _pending_token(text, at + start, at + end, digits)
                if token is None:
                    continue
                tokens.append(token)
                kind = token.kind
            else:
                tokens.append(_new_token(at + start, at + end, digits, kind))
            weak = weak or kind == "weak"
        at += len(chunk)
    tokens = _merged_compounds(text, tokens)
    return _kept_weak(text, tokens) if weak else tokens


def _chunk_start(text: str, chunk: str, at: int) -> int:
    """Where `chunk`, the next whitespace-delimited chunk of its text from `at` on, starts: the first
    place from `at` where it stands between white space or the text's ends (chunks skipped on the way
    hold no token, so they differ from it)."""
    end = len(text)
    while True:
        at = text.find(chunk, at)
        after = at + len(chunk)
        if (at == 0 or text[at - 1].isspace()) and (after == end or text[after].isspace()):
            return at
        at += 1


def _chunk_tokens(chunk: str, ascii_read: bool) -> tuple[tuple[int, int, str, str], ...]:
    matches = ASCII_TOKEN_RE.finditer(chunk.lower()) if ascii_read else TOKEN_RE.finditer(chunk)
    read = tuple((t.start, t.end, t.digits, t.kind) for t in _matched_tokens(chunk, matches, whole=False)[0])
    cache = _CHUNK_TOKENS[0 if ascii_read else 1]
    if len(cache) < _CHUNKS_CACHED_MAX:
        cache[chunk] = read
    return read


def _pending_token(text: str, start: int, end: int, digits: str) -> DigitToken | None:
    """A look-alike group's token read on the whole text: what ``_matched_tokens`` makes of it there."""
    if _between_digit_groups(text, start, end):
        return DigitToken(start, end, digits, "letters")
    lower = text[start:end].lower()
    return DigitToken(start, end, WEAK_WORDS[lower], "weak") if lower in WEAK_WORDS else None


def _read_tokens(text: str, matches: Iterator[re.Match[str]]) -> list[DigitToken]:
    """The digit tokens of `text` from the matches of ``TOKEN_RE`` (or ``ASCII_TOKEN_RE``) in it, read
    on the whole text at once (``digit_tokens`` reads the same chunk by chunk)."""
    tokens, weak = _matched_tokens(text, matches)
    tokens = _merged_compounds(text, tokens)
    return _kept_weak(text, tokens) if weak else tokens


def _matched_tokens(text: str, matches: Iterator[re.Match[str]], whole: bool = True) -> tuple[list[DigitToken], bool]:
    """The tokens of the matches, before compounds are merged, and whether a digit-sounding word is one.
    With `whole` false `text` is a chunk of a text: a look-alike group that may stand between two digit
    groups beyond it is left _PENDING (its digits those of the letters)."""
    tokens: list[DigitToken] = []
    weak = False
    plain = _PLAIN_WORDS
    for match in matches:
        kind = match.lastgroup
        start, end = match.span()
        raw = text[start:end]
        if kind == "alpha":
            if raw in plain:
                continue
            if _plain_word(raw):
                if len(plain) < _PLAIN_WORDS_LIMIT:
                    plain.add(raw)
                continue
        if kind == "glued":
            if raw[:4].lower() == _PLUS_GLUED and len(raw) > 4:
                # the token starts after "plus", which reads as the "+" before it (``phones._plus_before``)
                start, raw = start + 4, raw[4:]
            value = NUMBER_WORDS.get(raw.lower())
            digits = str(value) if value is not None else glued_digits(raw, _touches_digit(text, start, end))
            if digits is not None:
                tokens.append(DigitToken(start, end, digits, "word" if value is not None else "glued"))
                continue
            kind = "alpha"
            start, raw = match.start(), text[match.start() : end]  # "plus" and a digit-sounding word: a word
        if kind == "alpha":
            lower = raw.lower()
            value = NUMBER_WORDS.get(lower)
            if value is not None:
                tokens.append(_new_token(start, end, str(value), "word"))
            elif LOOKALIKE_LETTERS.issuperset(raw) and not whole and not _touches_digit(text, start, end) \
                    and _may_be_between(raw):
                tokens.append(DigitToken(start, end, "".join(LETTER_DIGITS[c.lower()] for c in raw), _PENDING))
            elif LOOKALIKE_LETTERS.issuperset(raw) and (_touches_digit(text, start, end)
                                                        or whole and _between_digit_groups(text, start, end)):
                tokens.append(DigitToken(start, end, "".join(LETTER_DIGITS[c.lower()] for c in raw), "letters"))
            elif lower in WEAK_WORDS:
                glued = _touches_digit(text, start, end)  # "30561ate70": part of the digits
                tokens.append(DigitToken(start, end, WEAK_WORDS[lower], "glued" if glued else "weak"))
                weak = weak or not glued
        elif kind == "digits":
            if raw.isascii():  # 0-9: their own decimal values
                tokens.append(_new_token(start, end, raw, "digits"))
            else:
                tokens.append(DigitToken(start, end, "".join(str(unicodedata.decimal(c)) for c in raw), "unicode"))
        elif kind == "keycap":
            tokens.append(DigitToken(start, end, raw[0], "keycap"))
        elif kind == "other":
            tokens.append(DigitToken(start, end, "".join(str(unicodedata.digit(c)) for c in raw), "unicode"))
    return tokens, weak


_DISGUISED_KINDS = frozenset({"word", "glued", "letters", "keycap"})


def _kept_weak(text: str, tokens: list[DigitToken]) -> list[DigitToken]:
    """Digit-sounding words ("for", "to", "ate", "o") kept only between two digit tokens, joined by
    short separators, in a stretch of the text that also holds number words, glued words, look-alike
    letters or keycaps, or between two single digits: "six oh two for 5" but not "150 for 30". At the
    edge of a run one number word next to it is enough: "O seven nine ..." """
    kept: list[DigitToken] = []
    n = len(tokens)
    for k, token in enumerate(tokens):
        if token.kind != "weak":
            kept.append(token)
            continue
        lo = k - 1
        while lo >= 0 and tokens[lo].kind == "weak" and _joined(text, tokens[lo], tokens[lo + 1]):
            lo -= 1
        hi = k + 1
        while hi < n and tokens[hi].kind == "weak" and _joined(text, tokens[hi - 1], tokens[hi]):
            hi += 1
        left = lo >= 0 and _joined(text, tokens[lo], tokens[lo + 1])
        right = hi < n and _joined(text, tokens[hi - 1], tokens[hi])
        if left != right:  # at the edge of a run: kept next to a number word, or digit by digit
            inner, beyond = (lo, lo - 1) if left else (hi, hi + 1)
            # Before a run only a lone "o" starts one digit by digit ("o 6 too 3 ..."): "text to 06 ..."
            # has the preposition there. Right after a "+" the word is the country code ("+for for 7
            # ate ..."): a preposition never follows a plus sign.
            first = left or token.digits == "0" or _after_plus_sign(text, tokens[lo + 1].start)
            spelled = first and _spelled_digit_by_digit(text, tokens, inner, beyond)
            if tokens[inner].kind in ("word", "glued") or spelled:
                kept.append(token)
            continue
        if not left:
            continue
        window = [t for t in tokens[max(0, lo - 3) : hi + 4] if t.kind != "weak"]
        if any(t.kind in _DISGUISED_KINDS for t in window) or \
                (len(tokens[lo].digits) == 1 and len(tokens[hi].digits) == 1) or _weak_stretch(text, tokens, k) >= 3:
            kept.append(token)
    return kept


def _weak_stretch(text: str, tokens: list[DigitToken], k: int) -> int:
    """How many digit-sounding words the joined stretch around token k holds: three or more between
    digits ("06 ate 7 for 1 to 9 won 3") spell a number, where prose has one ("150 for 30")."""
    lo = k
    while lo > 0 and _joined(text, tokens[lo - 1], tokens[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(tokens) and _joined(text, tokens[hi], tokens[hi + 1]):
        hi += 1
    return sum(t.kind == "weak" for t in tokens[lo : hi + 1])


def _after_plus_sign(text: str, start: int) -> bool:
    """Whether a "+" (ASCII or full-width) stands right before `start`, a space between at most."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    return before[-1:] in ("+", "\uff0b")


def _spelled_digit_by_digit(text: str, tokens: list[DigitToken], inner: int, beyond: int) -> bool:
    """Whether the run goes on digit by digit from `inner`: a single digit joined to another single
    digit or a digit-sounding word ("o 6 too 3 ...", "... 9 won for too too for"), as a number is
    spelled out, unlike "150 for 30" or "open 7 to 11"."""
    if not 0 <= beyond < len(tokens) or len(tokens[inner].digits) != 1:
        return False
    near = tokens[beyond]
    joined = _joined(text, *sorted((tokens[inner], near), key=lambda t: t.start))
    return joined and (near.kind == "weak" or len(near.digits) == 1)


def _joined(text: str, left: DigitToken, right: DigitToken) -> bool:
    return GAP_RE.fullmatch(text, left.end, right.start) is not None


def digit_runs(text: str, masked: Sequence[tuple[int, int]] = (),
               tokens_found: Sequence[DigitToken] | None = None) -> list[DigitRun]:
    """Maximal runs of digit tokens joined by short separators, skipping masked ranges."""
    runs: list[DigitRun] = []
    tokens: list[DigitToken] = []
    gaps: list[str] = []
    for token in digit_tokens(text) if tokens_found is None else tokens_found:
        if masked and any(s <= token.start < e or s < token.end <= e for s, e in masked):
            continue
        if tokens:
            last_end = tokens[-1].end
            if token.start - last_end <= 5:  # GAP_RE takes at most five characters
                gap = text[last_end : token.start]
                if GAP_RE.fullmatch(gap) and not ("$" in gap and _PRICE_GAP.match(gap)):
                    tokens.append(token)
                    gaps.append(gap)
                    continue
            runs.append(DigitRun(tuple(tokens), tuple(gaps)))
        tokens, gaps = [token], []
    if tokens:
        runs.append(DigitRun(tuple(tokens), tuple(gaps)))
    return runs


def disguise_kinds(tokens: tuple[DigitToken, ...], gaps: tuple[str, ...]) -> list[str]:
    """How a number was disguised (empty when written plainly)."""
    kinds = set()
    for token in tokens:
        if token.kind in ("word", "glued", "weak"):
            kinds.add("words")
        elif token.kind == "letters":
            kinds.add("letters")
        elif token.kind == "keycap":
            kinds.add("keycap")
        elif token.kind == "unicode":
            kinds.add("unicode")
    if any(set(gap) - PLAIN_GAP_CHARS for gap in gaps):
        kinds.add("separators")
    if len(tokens) >= 6 and all(len(t.digits) == 1 for t in tokens) and "words" not in kinds \
            and "keycap" not in kinds:
        kinds.add("spaced")
    return sorted(kinds)


@dataclass(frozen=True)
class Deobfuscated:
    """`text` with every digit token written as plain ASCII digits; `spans[i]` is the (start, end)
    in the original text of the character `text[i]` came from."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised range text[start:end] (end > start)."""
        return self.spans[start][0], self.spans[end - 1][1]


def deobfuscated(text: str) -> Deobfuscated:
    """The whole text with disguised digits made plain ("nul zes" -> "0 6"), plus the offset map."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for token in digit_tokens(text):
        pieces.append(text[position : token.start])
        spans += [(i, i + 1) for i in range(position, token.start)]
        pieces.append(token.digits)
        spans += [(token.start, token.end)] * len(token.digits)
        position = token.end
    pieces.append(text[position:])
    spans += [(i, i + 1) for i in range(position, len(text))]
    return Deobfuscated("".join(pieces), tuple(spans))
