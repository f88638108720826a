"""Stable cluster keys: a cluster keeps its key across runs and when it grows.

A key is claimed from the previous assignment (member -> key) when the new group
holds members that had that key; the group holding most of them wins it, so the
bigger half of a split keeps the key and a merge keeps the key of its largest
part. A group with no history gets a key derived from its smallest member, which
is the same on every run over the same ads.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence


def derived_key(prefix: str, members: Sequence[str]) -> str:
    digest = hashlib.sha1(min(members).encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{prefix}-{digest[:12]}"


def stable_keys(
    groups: Sequence[Sequence[str]], prefix: str, previous: Mapping[str, str] | None = None
) -> list[str]:
    """One key per group (groups are lists of member keys; each member in at most one group)."""
    previous = previous or {}
    claims: list[tuple[int, str, str | None, int]] = []  # (-support, smallest member, key, group)
    for index, members in enumerate(groups):
        counts = Counter(previous[m] for m in members if m in previous)
        if counts:
            key, support = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        else:
            key, support = None, 0
        claims.append((-support, min(members), key or "", index))

    result: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    for _neg_support, _smallest, key, index in sorted(claims):
        if key and key not in taken:
            result[index] = key
            taken.add(key)
    for _neg_support, _smallest, _key, index in sorted(claims, key=lambda c: c[1]):
        if result[index] is not None:
            continue
        base = derived_key(prefix, groups[index])
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        result[index] = key
        taken.add(key)
    return [k for k in result if k is not None]
