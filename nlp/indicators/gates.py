"""Literal gates for regular expressions: what every match needs, checked before the regex runs.

A case-insensitive regular expression tried at every position of a text costs far more than a
search for a few plain strings. From a parsed pattern (``re._parser``) we read, conservatively,
literal strings that every match needs (``regex_gate``: of each set, one literal occurs in the
text) and the literals every match starts with (``regex_prefixes``). Both are compared with the
lower-cased text (``gate_text``), so they only ever skip work that could not find a match: the
matches, and which alternative of a pattern matched, stay exactly those of the regex itself.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache, reduce
from operator import or_
from typing import Any

# Characters outside ASCII that a case-insensitive regular expression matches to an ASCII letter;
# ``gate_text`` maps them to it, so that a gate on the lower-cased text never misses a match.
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_GATE_RANGE_MAX = 10  # a character class of at most this many characters still gives a literal set


def _literal_char(code: int) -> str | None:
    """The character as a gate literal: ASCII, or a character without case (nothing folds to it)."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    return char if char.lower() == char == char.upper() and char.casefold() == char else None


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            codes = [av]
        elif op is sre_constants.RANGE and av[1] - av[0] < _GATE_RANGE_MAX:
            codes = list(range(av[0], av[1] + 1))
        else:
            return None  # negation, categories (digits, word characters), wide ranges
        for code in codes:
            char = _literal_char(code)
            if char is None:
                return None
            chars.add(char)
    return chars


def _required_sets(seq: Any) -> list[set[str]]:
    """Literal sets that every match of the parsed sequence `seq` needs: of each set, one literal
    occurs in the matched text (compared lower-cased). Runs of literals join into one string."""
    sets: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            sets.append({"".join(run)})
            run.clear()

    for op, av in seq:
        if op is sre_constants.LITERAL:
            char = _literal_char(av)
            if char is not None:
                run.append(char)
                continue
            flush()
        elif op is sre_constants.SUBPATTERN:
            flush()
            sets.extend(_required_sets(av[3]))
        elif op is sre_constants.BRANCH:
            flush()
            union: set[str] = set()
            for branch in av[1]:
                best = _best_set(_required_sets(branch))
                if best is None:
                    break
                union |= best
            else:
                sets.append(union)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            flush()
            if av[0] >= 1:
                sets.extend(_required_sets(av[2]))
        elif op is sre_constants.IN:
            flush()
            chars = _class_chars(av)
            if chars:
                sets.append(chars)
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero width: the text matched on either side is contiguous
        else:
            flush()
    flush()
    return sets


_PREFIXES_MAX = 32  # literals a prefix set may grow to while it is extended by what follows


def _prefix_set(seq: Any) -> set[str] | None:
    """Literals one of which every match of the parsed sequence `seq` starts with (lower-cased), or
    None when the start is not that simple (a class of many characters, an optional part ...)."""
    found = _prefixes(seq)
    return found[0] if found is not None and "" not in found[0] else None


def _prefixes(seq: Any) -> tuple[set[str], bool] | None:
    """(literals one of which every match of `seq` starts with, whether each literal is the whole of
    what `seq` matched along its path), or None. A literal stays complete through literals, small
    classes and alternatives of such ("(?:een|a|one)[ \\t]+": "een ", "a ", "a\\t", ...), so what
    follows extends it; past a repeat, or past _PREFIXES_MAX literals, the start is what it has."""
    found = {""}
    for op, av in seq:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue  # zero width
        step = _step_prefixes(op, av)
        if step is None:
            return (found, False) if found != {""} else None
        strings, complete = step
        longer = {f + s for f in found for s in strings}
        if len(longer) > _PREFIXES_MAX:
            return (found, False) if found != {""} else None
        found = longer
        if not complete:
            return found, False
    return found, True


def _step_prefixes(op: Any, av: Any) -> tuple[set[str], bool] | None:
    """``_prefixes`` of one parsed item."""
    if op is sre_constants.LITERAL:
        char = _literal_char(av)
        return ({char}, True) if char is not None else None
    if op is sre_constants.IN:
        chars = _class_chars(av)
        return (chars, True) if chars else None
    if op is sre_constants.SUBPATTERN:
        return _prefixes(av[3])
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        complete = True
        for branch in av[1]:
            found = _prefixes(branch)
            if found is None:
                return None
            union |= found[0]
            complete = complete and found[1]
        return union, complete
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT) and av[0] >= 1:
        found = _prefixes(av[2])
        if found is None:
            return None
        return found[0], found[1] and av[0] == av[1] == 1
    return None


def regex_prefixes(pattern: str) -> tuple[str, ...]:
    """The literals every match of `pattern` starts with (``_prefix_set``), or () when unknown."""
    try:
        found = _prefix_set(list(sre_parse.parse(pattern, re.IGNORECASE)))
    except re.error:
        return ()
    return tuple(sorted(found)) if found else ()


def regex_word_start(pattern: str) -> bool:
    """Whether every match of `pattern` starts a word: it opens with ``\\b`` and each of its prefixes
    with a word character (so the character before the match, if any, is not one)."""
    try:
        parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    except re.error:
        return False
    # Lookarounds before the \b (nlp.regex_start's "(?=[...])") consume nothing: the match starts at the \b.
    while parsed and parsed[0][0] in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        parsed = parsed[1:]
    prefixes = regex_prefixes(pattern)
    return bool(parsed) and parsed[0] == (sre_constants.AT, sre_constants.AT_BOUNDARY) and bool(prefixes) \
        and all(_is_word_char(p[0]) for p in prefixes)


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


_CANDIDATES_MAX = 60  # more places than this to try a regex at (each a call): let the regex scan the text itself
_SHORT_PREFIX = 2


@lru_cache(maxsize=4096)
def _places_regex(prefixes: tuple[str, ...], word_start: bool) -> re.Pattern[str]:
    """A pattern that matches, in the gate text, where one of `prefixes` starts (at the start of a word
    with `word_start`: the gate text's characters are word characters where the text's are). It
    consumes the first character only, so no occurrence hides another, and it opens with that
    character, which the engine skips to at C speed (str.find per prefix, in Python, costs more)."""
    rests: dict[str, set[str]] = {}
    for prefix in prefixes:
        rests.setdefault(prefix[0], set()).add(prefix[1:])
    branches = [re.escape(first) + ("" if "" in after else
                                    "(?=" + "|".join(re.escape(a) for a in sorted(after, key=len, reverse=True)) + ")")
                for first, after in sorted(rests.items())]
    return re.compile("(?:" + "|".join(branches) + ")" + (r"(?<!\w[\s\S])" if word_start else ""))


# Per prefix set, with and without word starts: its ``_places_regex``, or None where str.find looks for
# the prefixes (all longer than _SHORT_PREFIX). Looked up by the prefixes alone: the age reader, the
# engine and the context rules ask about a dozen sets an ad, and lru_cache's key costs more than this.
_PLACES: tuple[dict[tuple[str, ...], re.Pattern[str] | None], dict[tuple[str, ...], re.Pattern[str] | None]] = ({}, {})
_UNPLANNED = re.compile("")  # not looked at yet (None is an answer)
_PLANS_KEPT = 4096


def _prefix_places(text: str, lowered: str, prefixes: tuple[str, ...], word_start: bool,
                   limit: int) -> list[int] | None:
    """The places in `lowered` where one of `prefixes` starts (a word, with `word_start`), in order, or
    None past `limit` of them. A prefix of one or two letters occurs all over a text: one pattern finds
    those places at C speed (``_places_regex``); longer ones are rare, and str.find is faster still."""
    places = _PLACES[word_start].get(prefixes, _UNPLANNED)
    if places is _UNPLANNED:
        places = _places_regex(prefixes, word_start) if min(map(len, prefixes)) <= _SHORT_PREFIX else None
        if len(_PLACES[word_start]) < _PLANS_KEPT:
            _PLACES[word_start][prefixes] = places
    if places is not None:
        starts = [m.start() for m in places.finditer(lowered)]
        return None if len(starts) > limit else starts
    found: set[int] = set()
    for prefix in prefixes:
        at = lowered.find(prefix)
        while at >= 0:
            if not (word_start and at and _is_word_char(text[at - 1])):
                found.add(at)
                if len(found) > limit:
                    return None
            at = lowered.find(prefix, at + 1)
    return sorted(found)


def regex_matches(regex: re.Pattern[str], text: str, lowered: str, prefixes: tuple[str, ...],
                  word_start: bool = False, limit: int = _CANDIDATES_MAX) -> list[re.Match[str]]:
    """``list(regex.finditer(text))``. When every match starts with one of `prefixes` and they occur
    in few places of `lowered` (``gate_text(text)``, as long as the text), the regex is tried at
    those places only, from left to right, each after the end of the previous match: the matches
    finditer finds, without scanning every position of the text. With `word_start`
    (``regex_word_start``) only the places that start a word count. Past `limit` places the regex
    scans the text itself."""
    if not prefixes or len(lowered) != len(text):
        return list(regex.finditer(text))
    starts = _prefix_places(text, lowered, prefixes, word_start, limit)
    if starts is None:
        return list(regex.finditer(text))
    return matches_at(regex, text, starts)


def matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` when every match starts at one of `starts` (in order): each
    tried after the end of the previous match."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (m := regex.match(text, start)) is not None:
            found.append(m)
            end = m.end()
    return found


def regex_search(regex: re.Pattern[str], text: str, lowered: str, prefixes: tuple[str, ...],
                 places: list[int] | None = None, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """``regex.search(text, pos, endpos)`` for a regex every match of which starts with one of
    `prefixes`: tried only at the places where one occurs in `lowered` (``gate_text(text)``), from
    the left. `places` is ``prefix_places`` of the text when the caller searches it several times."""
    if places is None:
        places = prefix_places(text, lowered, prefixes)
    if places is None:
        return regex.search(text, pos) if endpos is None else regex.search(text, pos, endpos)
    end = len(text) if endpos is None else endpos
    for start in places[bisect_left(places, pos):]:
        if start >= end:
            break
        m = regex.match(text, start, end)
        if m is not None:
            return m
    return None


def prefix_places(text: str, lowered: str, prefixes: tuple[str, ...]) -> list[int] | None:
    """The places ``regex_search`` tries, or None when it has to let the regex scan the text."""
    if not prefixes or len(lowered) != len(text):
        return None
    return _prefix_places(text, lowered, prefixes, False, _CANDIDATES_MAX)


def _best_set(sets: list[set[str]]) -> set[str] | None:
    """The most telling of a branch's literal sets: longest shortest literal, then fewest literals."""
    return min(sets, key=lambda s: (-min(map(len, s)), len(s)), default=None)


def regex_gate(pattern: str) -> tuple[tuple[str, ...], ...]:
    """The literal sets `pattern` needs (see ``_required_sets``), fewest literals first; sets of
    white space only are left out (nearly every text has them)."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return ()
    sets = [s for s in _required_sets(list(parsed)) if not all(lit.isspace() for lit in s)]
    unique = {tuple(sorted(s)) for s in sets}
    return tuple(sorted(unique, key=lambda s: (len(s), s)))


# The last text asked about and its gate text: the engine, the age reader, the context rules and the
# schedule each ask for the same ad's (eight times an ad). One tuple, replaced whole: thread-safe.
_last_gate_text: tuple[str | None, str] = (None, "")


def gate_text(text: str) -> str:
    """The text the gates look in: lower-cased, with the few characters that match an ASCII letter
    case-insensitively but do not lower-case to it mapped to that letter."""
    global _last_gate_text
    last = _last_gate_text
    if last[0] is text:
        return last[1]
    lowered = text.lower() if text.isascii() else text.translate(_FOLD_TO_ASCII).lower()
    _last_gate_text = (text, lowered)
    return lowered


def gate_open(gate: tuple[tuple[str, ...], ...], lowered: str) -> bool:
    for literals in gate:
        for literal in literals:
            if literal in lowered:
                break
        else:
            return False
    return True


def minimal_gate(gate: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """`gate` with each set's literals that hold another of its literals left out ("asked" holds "ask"):
    a text holds one of the set exactly when it holds one of what is left, with fewer to look for."""
    return tuple(tuple(lit for lit in literals if not any(other != lit and other in lit for other in literals))
                 for literals in gate)


def window_gate_open(gate: tuple[tuple[str, ...], ...], text: str, lowered: str, start: int, end: int) -> bool:
    """``gate_open`` of the text between `start` and `end`: whether ``text[start:end]`` may hold a match
    (a match inside the window holds its literals there). `lowered` is ``gate_text(text)``; where it
    is not as long as the text its places are not the text's, and the gate stays open."""
    if len(lowered) != len(text):
        return True
    for literals in gate:
        for literal in literals:
            if lowered.find(literal, start, end) >= 0:
                break
        else:
            return False
    return True


_CHUNKS_CACHED_MAX = 100_000
_OPEN_KEPT = 16_384  # distinct text bits whose open gates are kept


class GateBits:
    """Which of many gates are open in a text (``gate_open`` of each), from bits: one integer OR per
    chunk of the text.

    Each literal set of each gate is a bit. A chunk's bits (cached: ads repeat their words) are those
    of the sets that one of its literals belongs to; a text's are the OR of its chunks' and of the sets
    of the literals with white space that occur in it (looked for in the text itself: ``str.split`` cuts
    them apart). A gate is open when all its bits are set.
    """

    def __init__(self, gates: Iterable[Iterable[Iterable[str]]]) -> None:
        self.needs: list[int] = []  # per gate, the bits of its sets (0: no set, always open)
        bits_of: dict[str, int] = {}  # literal -> the bits of the sets it is in
        bit = 1
        for gate in gates:
            need = 0
            for literals in gate:
                need |= bit
                for literal in literals:
                    bits_of[literal] = bits_of.get(literal, 0) | bit
                bit <<= 1
            self.needs.append(need)
        self.bits_of = bits_of
        self.spaced = tuple(sorted((lit, b) for lit, b in bits_of.items() if not lit or any(c.isspace() for c in lit)))
        # Per first character, the lengths of the literals without white space that start with it: a
        # chunk is looked up slice by slice (a dozen lengths where there are dozens of literals).
        lengths: dict[str, set[int]] = {}
        for literal in bits_of:
            if literal and not any(c.isspace() for c in literal):
                lengths.setdefault(literal[0], set()).add(len(literal))
        self.lengths_by_first = {first: tuple(sorted(found)) for first, found in lengths.items()}
        self.chunks: dict[str, int] = {}
        self._last: tuple[str | None, int] = (None, 0)  # the last text's bits: several lists ask of one ad
        self._open: dict[int, tuple[int, ...]] = {}  # ``open`` per text bits

    def _chunk_bits(self, chunk: str) -> int:
        bits = 0
        lengths, bits_of = self.lengths_by_first.get, self.bits_of.get
        size = len(chunk)
        for i, char in enumerate(chunk):
            room = size - i
            for n in lengths(char, ()):  # a slice is a literal without white space, or none (a chunk has none)
                if n > room:  # (lengths ascend) a longer slice is chunk[i:] again, looked up already if a length
                    break
                bits |= bits_of(chunk[i : i + n], 0)
        if len(self.chunks) < _CHUNKS_CACHED_MAX:
            self.chunks[chunk] = bits
        return bits

    def text_bits(self, lowered: str) -> int:
        """The bits of the literal sets `lowered` (``gate_text`` of the text) holds a literal of."""
        last = self._last
        if last[0] is lowered:
            return last[1]
        chunks = lowered.split()
        found = list(map(self.chunks.get, chunks))  # the cached chunks at C speed, then the few new ones
        if None in found:
            found = [self._chunk_bits(chunk) if bits is None else bits for bits, chunk in zip(found, chunks, strict=True)]
        bits = reduce(or_, found, 0)
        for literal, literal_bits in self.spaced:
            if literal in lowered:
                bits |= literal_bits
        self._last = (lowered, bits)
        return bits

    def open(self, lowered: str) -> list[int]:
        """The indices of the gates open in `lowered` (``gate_text`` of the text), in order."""
        bits = self.text_bits(lowered)
        # Per text bits the answer: ads repeat their wording, and a look-up beats testing every gate.
        found = self._open.get(bits)
        if found is None:
            found = tuple([index for index, need in enumerate(self.needs) if bits & need == need])
            if len(self._open) < _OPEN_KEPT:
                self._open[bits] = found
        return list(found)
