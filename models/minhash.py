"""MinHash signatures over shingle hashes, and the seeded values both text clusterers draw.

Vectorised multiply-shift hashing: permutation k of a shingle hash x is the top 32 bits of
``a_k * x + b_k`` (mod 2**64, ``a_k`` odd), and a text's value for k is the smallest over its
shingles. ``benchmarks/bench_cluster.py`` compares it with datasketch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK_ELEMENTS = 4_000_000  # shingles x permutations hashed at once (~32 MB of uint64)


@dataclass(frozen=True)
class HashSeeds:
    """Everything random in a clusterer, drawn from its ``random_state`` (same seed, same clusters)."""

    perm_a: np.ndarray  # odd multipliers, one per permutation
    perm_b: np.ndarray
    band_mix: np.ndarray  # odd multipliers that mix a band's rows into one LSH key
    sketch_salt: np.ndarray  # one per row of the document-frequency sketch

    @classmethod
    def draw(cls, random_state: int, num_perm: int, bands: int) -> HashSeeds:
        # the order of the draws is part of the contract: earlier fitted clusters stay reproducible
        rng = np.random.default_rng(random_state)
        perm_a = rng.integers(1, 2**63, num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        perm_b = rng.integers(0, 2**63, num_perm, dtype=np.uint64)
        band_mix = rng.integers(1, 2**63, num_perm // bands, dtype=np.uint64) | np.uint64(1)
        sketch_salt = rng.integers(1, 2**63, 2, dtype=np.uint64) | np.uint64(1)
        return cls(perm_a, perm_b, band_mix, sketch_salt)


def signatures(hashes: np.ndarray, offsets: np.ndarray, seeds: HashSeeds) -> np.ndarray:
    """Signatures of the texts owning ``hashes[offsets[i]:offsets[i+1]]``; all-max for an empty text."""
    texts = len(offsets) - 1
    num_perm = len(seeds.perm_a)
    out = np.full((texts, num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    per_chunk = max(1, CHUNK_ELEMENTS // num_perm)
    first = 0
    while first < texts:
        # the largest run of texts whose shingles fit in one chunk (at least one text)
        last = int(np.searchsorted(offsets, offsets[first] + per_chunk, side="right")) - 1
        last = min(max(last, first + 1), texts)
        lo, hi = offsets[first], offsets[last]
        if hi > lo:
            seg = offsets[first:last] - lo
            nonempty = seg < np.append(seg[1:], hi - lo)
            block = hashes[lo:hi]
            hashed = (block[:, None] * seeds.perm_a[None, :] + seeds.perm_b[None, :]) >> np.uint64(32)
            mins = np.minimum.reduceat(hashed, seg[nonempty], axis=0).astype(np.uint32)
            out[first:last][nonempty] = mins
        first = last
    return out
