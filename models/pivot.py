"""Pivot clustering: a cluster is a centre and those of its neighbours nobody took yet.

Single-link (connected components) lets A join C through B even when A and C have
nothing in common; at a million ads such chains made blobs of thousands. Here every
member is a direct neighbour of its centre. Centres are taken in order of falling
degree (the most connected text first, ties by position), which is deterministic and
puts the centre in the middle of a dense group (KwikCluster, Ailon et al. 2008, picks
centres at random; degree order does at least as well on near-duplicate graphs).
"""

from __future__ import annotations

import numpy as np


def adjacency(n: int, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CSR (indptr, neighbours) of the undirected graph with edges (i, j)."""
    heads = np.concatenate([i, j])
    tails = np.concatenate([j, i])
    order = np.argsort(heads, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=n), out=indptr[1:])
    return indptr, tails[order]


def pivot_clusters(n: int, i: np.ndarray, j: np.ndarray, free: np.ndarray) -> np.ndarray:
    """Label per item (the centre's position, or -1): clusters of the graph's ``free`` items."""
    keep = free[i] & free[j]
    indptr, neighbours = adjacency(n, i[keep], j[keep])
    degree = np.diff(indptr)
    labels = np.full(n, -1, dtype=np.int64)
    order = np.lexsort((np.arange(n), -degree))
    for centre in order[: int(np.count_nonzero(degree))].tolist():
        if labels[centre] >= 0:
            continue
        around = neighbours[indptr[centre] : indptr[centre + 1]]
        around = around[labels[around] < 0]
        if len(around):
            labels[centre] = centre
            labels[around] = centre
    return labels
