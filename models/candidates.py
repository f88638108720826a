"""Candidate pairs from MinHash LSH bands, found by sorting instead of a bucket dictionary.

Texts whose signatures agree on every row of one band share a bucket. Pairing every
member of a bucket with every other one is quadratic in the bucket (a template posted
500 times fills one bucket per band with the same 500 ads), so each member is paired
with the bucket's first member (smallest id) and with the member before it. That keeps
the pairs linear in the texts, while every member still reaches a common hub. The
clustering step (``models.textcluster``) does not need all pairs: it checks members
against a cluster's consensus, not against each other.
"""

from __future__ import annotations

import numpy as np


def band_keys(signatures: np.ndarray, bands: int, mix: np.ndarray) -> np.ndarray:
    """One 64-bit key per text and band: a mix of the band's rows of the signature."""
    rows = signatures.shape[1] // bands
    shaped = signatures.reshape(len(signatures), bands, rows).astype(np.uint64)
    return (shaped * mix[None, None, :]).sum(axis=2, dtype=np.uint64)


def candidate_pairs(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs (i < j) of ``docs`` (ascending ids) that share a bucket in some band."""
    firsts, seconds = [], []
    positions = np.arange(len(docs))
    for band in range(keys.shape[1]):
        column = keys[docs, band]
        order = np.argsort(column, kind="stable")  # stable: within a bucket, ids stay ascending
        ordered, members = column[order], docs[order]
        same = ordered[1:] == ordered[:-1]
        opens = np.concatenate([[True], ~same])
        first_at = np.maximum.accumulate(np.where(opens, positions, 0))
        later = np.flatnonzero(same) + 1
        firsts.extend([members[first_at[later]], members[later - 1]])
        seconds.extend([members[later], members[later]])
    if not firsts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    a, b = np.concatenate(firsts).astype(np.int64), np.concatenate(seconds).astype(np.int64)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    codes = np.unique(lo[keep] * (int(docs.max()) + 1) + hi[keep])
    return codes // (int(docs.max()) + 1), codes % (int(docs.max()) + 1)


def estimated_similarity(signatures: np.ndarray, i: np.ndarray, j: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """Share of equal MinHash values (the estimated Jaccard similarity) of each pair."""
    out = np.empty(len(i), dtype=np.float32)
    for at in range(0, len(i), chunk):
        equal = signatures[i[at : at + chunk]] == signatures[j[at : at + chunk]]
        out[at : at + chunk] = equal.mean(axis=1)
    return out
