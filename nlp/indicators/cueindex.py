"""A cue list of ``context.yaml`` searched through the cues a text can hold.

A cue regex (``context._cue_regex``) joins a list of cues into one alternation; searched as a whole, it
tries every cue at every word. Most cues need literals (``gates.regex_gate``) that most ads lack, and a
cue that lacks one cannot match anywhere in the text. ``CueIndex.narrowed`` tells which cues are left
with one integer OR per chunk of the text (``gates.GateBits``) and hands out the regex of those cues
only, in their order: searched, it finds the same match as the whole list (the leftmost place, and there
the first cue that matches), because the cues left out match nowhere. With none left, nothing is searched.
The narrower regex often has literal prefixes the whole list lacks (one cue without them, or too many),
so ``gates.regex_search`` can try it at those places only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import reduce
from operator import or_

from nlp.indicators.gates import GateBits, regex_gate, regex_prefixes

_SUBSETS_KEPT = 4096  # distinct sets of cues left; ads repeat a few of them
_BITS_KEPT = 16384  # distinct bits of a list's cue sets a text has
_UNSEEN = object()  # bits not looked at yet (None is an answer: no cue left)


class CueIndex:
    def __init__(self, cues: Sequence[str], whole: re.Pattern[str],
                 build: Callable[[list[str]], re.Pattern[str]], gates: GateBits, first: int) -> None:
        """`whole` is ``build(cues)``, the regex of every cue (given: the caller has compiled it already);
        the cues' gates are those of `gates` from index `first` on (``cue_indexes``: one GateBits for all
        lists, so that a text is split and its chunks' bits joined once, not once per list)."""
        self.cues = tuple(cues)
        self.whole = whole
        self._build = build
        self._gates = gates
        self._needs = tuple(enumerate(gates.needs[first : first + len(self.cues)]))
        self._subsets: dict[tuple[int, ...], tuple[re.Pattern[str], tuple[str, ...]]] = {}
        # Which cues are left depends only on the text's bits of these cues' sets: per those bits the
        # answer, so that an ad whose bits were seen before (most: ads repeat their wording) costs a
        # look-up instead of a test of every cue.
        self._mask = reduce(or_, (need for _, need in self._needs), 0)
        self._by_bits: dict[int, tuple[re.Pattern[str], tuple[str, ...]] | None] = {}
        # The last text's answer: refusals are asked once per hit of an ad. One tuple, replaced whole.
        self._last: tuple[str | None, tuple[re.Pattern[str], tuple[str, ...]] | None] = (None, None)

    def narrowed(self, lowered: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        """The regex of the cues whose literals `lowered` (``gates.gate_text`` of the text) holds, with
        the literal prefixes of its matches (``gates.regex_prefixes``); None when no cue is left."""
        last = self._last
        if last[0] is lowered:
            return last[1]
        bits = self._gates.text_bits(lowered) & self._mask
        found = self._by_bits.get(bits, _UNSEEN)
        if found is _UNSEEN:
            found = self._narrowed(bits)
            if len(self._by_bits) < _BITS_KEPT:
                self._by_bits[bits] = found
        self._last = (lowered, found)
        return found

    def _narrowed(self, bits: int) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        kept = tuple([index for index, need in self._needs if bits & need == need])
        found = self._subsets.get(kept) if kept else None
        if found is None and kept:
            regex = self.whole if len(kept) == len(self.cues) else self._build([self.cues[i] for i in kept])
            found = (regex, regex_prefixes(regex.pattern))
            if len(self._subsets) < _SUBSETS_KEPT:
                self._subsets[kept] = found
        return found


def cue_indexes(lists: Sequence[tuple[Sequence[str], re.Pattern[str]]],
                build: Callable[[list[str]], re.Pattern[str]]) -> list[CueIndex]:
    """A ``CueIndex`` per (cues, whole regex) of `lists`, all sharing one ``GateBits``."""
    gates = GateBits(_chunk_gate(regex_gate(cue)) for cues, _ in lists for cue in cues)
    indexes, first = [], 0
    for cues, whole in lists:
        indexes.append(CueIndex(cues, whole, build, gates, first))
        first += len(cues)
    return indexes


def _chunk_gate(gate: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """`gate` with each literal that holds white space ("years ago") cut to its longest piece without
    ("years"), and the sets with a literal of white space only left out: a text that holds the literal
    holds the piece, inside one of its whitespace-delimited chunks. A weaker gate, so never shut where
    the cue could match, and GateBits finds it in the chunks' cached bits instead of searching the whole
    text for each literal with white space (hundreds of them over the cue lists)."""
    kept = []
    for literals in gate:
        pieces = [max(literal.split(), key=len, default="") for literal in literals]
        if all(pieces):
            kept.append(tuple(sorted(set(pieces))))
    return tuple(kept)
