"""Fast draws from a `random.Random`: the generator makes millions, and these cost a third of
`choice` / `randrange` / `randint` (one call to `random()` each). Same seed, same draws."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Sequence
from random import Random
from typing import TypeVar

T = TypeVar("T")


def pick(rng: Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def below(rng: Random, n: int) -> int:
    """An integer in [0, n)."""
    return int(rng.random() * n)


def between(rng: Random, low: int, high: int) -> int:
    """An integer in [low, high], both included."""
    return low + int(rng.random() * (high - low + 1))


def weighted(rng: Random, seq: Sequence[T], cum_weights: Sequence[float]) -> T:
    """One item of `seq`, drawn with the given cumulative weights."""
    return seq[bisect(cum_weights, rng.random() * cum_weights[-1])]
