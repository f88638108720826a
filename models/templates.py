"""The template of a text cluster (what its members share) and its slots (what varies).

The reference is the member of median length. Every other member is aligned to it
word by word (``difflib`` on masked tokens, so "Lisa" and "Sanne" line up as the
same slot). A reference word belongs to the template when most members have a
word there and nearly all of them (``support``) have the same word; runs of
other words are slots, numbered in reading order, and each slot lists the values
members have between the template words around it.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from models.shingles import EMAIL, NAME, NUMBER, URL, Token, tokens

SLOT_MASKS = {NAME, NUMBER, EMAIL, URL}
_EDGE_PUNCTUATION = " \t\r\n.,;:!?()[]{}\"'-–—"
_SPACE_RE = re.compile(r"\s+")


def _aligned(ref: list[Token], member: list[Token]) -> tuple[dict[int, int], set[int]]:
    """Reference position -> member position for matching words, and the reference
    positions the member replaced with other words (a deletion is neither)."""
    matcher = difflib.SequenceMatcher(None, [t.masked for t in ref], [t.masked for t in member], autojunk=False)
    pairs: dict[int, int] = {}
    replaced: set[int] = set()
    for op, i1, i2, j1, _j2 in matcher.get_opcodes():
        if op == "equal":
            pairs.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif op == "replace":
            replaced.update(range(i1, i2))
    return pairs, replaced


def _clean(value: str) -> str:
    return _SPACE_RE.sub(" ", value).strip(_EDGE_PUNCTUATION)


def _kind(token: Token) -> str:
    return {NUMBER: "number", NAME: "name", EMAIL: "email", URL: "url"}.get(token.masked, "text")


def describe_text_cluster(texts: Sequence[str], sample: int = 50, support: float = 0.8,
                          max_values: int = 20) -> dict[str, Any]:
    """``{"size", "template", "slots": [{"slot", "kind", "values": [{"value", "count"}]}]}``.

    ``template`` is the reference text with each slot replaced by ``{n}``. Only the
    first ``sample`` members are aligned (alignment is quadratic in text length).
    """
    if not texts:
        raise ValueError("a cluster needs at least one text")
    members = list(texts[:sample])
    tokenised = [tokens(t) for t in members]
    order = sorted(range(len(members)), key=lambda i: len(tokenised[i]))
    ref_index = order[len(order) // 2]
    ref, ref_text = tokenised[ref_index], members[ref_index]
    alignments = [_aligned(ref, toks) for toks in tokenised]

    agree, present = [0] * len(ref), [0] * len(ref)
    for toks, (pairs, replaced) in zip(tokenised, alignments, strict=True):
        for a in replaced:
            present[a] += 1
        for a, b in pairs.items():
            present[a] += 1
            if toks[b].plain == ref[a].plain:
                agree[a] += 1
    # Fixed: most members have a word here and nearly all of those have this word (a member
    # that dropped the sentence does not make it a slot). A name or number that varies at
    # all is a slot, even when most members share it.
    fixed = [
        present[a] > len(members) / 2
        and agree[a] >= (1.0 if ref[a].masked in SLOT_MASKS else support) * present[a]
        for a in range(len(ref))
    ]

    # Slots: maximal runs of reference words that are not fixed, split where the kind of
    # word changes ("Lisa, 19" is a name slot and a number slot).
    runs: list[tuple[int, int]] = []
    a = 0
    while a < len(ref):
        if fixed[a]:
            a += 1
            continue
        b = a
        while b + 1 < len(ref) and not fixed[b + 1] and _kind(ref[b + 1]) == _kind(ref[a]):
            b += 1
        runs.append((a, b))
        a = b + 1

    template_parts, cursor, slots = [], 0, []
    for number, (first, last) in enumerate(runs, start=1):
        template_parts.append(ref_text[cursor:ref[first].start])
        template_parts.append(f"{{{number}}}")
        cursor = ref[last].end
        values: Counter[str] = Counter()
        for text, toks, (pairs, _replaced) in zip(members, tokenised, alignments, strict=True):
            left = pairs.get(first - 1) if first > 0 else -1
            right = pairs.get(last + 1) if last + 1 < len(ref) else len(toks)
            if left is None or right is None or right <= left + 1:
                continue
            value = _clean(text[toks[left + 1].start:toks[right - 1].end])
            if value:
                values[value] += 1
        slots.append({
            "slot": number,
            "kind": _kind(ref[first]),
            "values": [{"value": v, "count": n} for v, n in values.most_common(max_values)],
        })
    template_parts.append(ref_text[cursor:])
    return {"size": len(texts), "template": "".join(template_parts), "slots": slots}
