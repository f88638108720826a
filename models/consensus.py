"""How close each text is to the consensus of its cluster: the check that stops chaining.

A cluster's consensus is the set of shingles that more than ``share`` of its members
contain, and at least two of them: the template as its members write it, without any
one member's edits. A member is scored against the consensus of the *other* members
(leave one out), so a member cannot vouch for itself, and a chain A~B~C, where A and C
have little in common, fails: A is far from what B and C share, and so is C.

Scores are weighted Jaccard similarities, each shingle weighted by its rarity
(``log(N / document frequency)``, from ``TextClusterer``'s counts): a line that many ads
carry counts for little, one that only this template has counts for much.

All members of all clusters are scored in one pass: shingles are keyed by (cluster,
shingle) and counted by sorting, so the cost is one sort of the clustered shingles.
"""

from __future__ import annotations

import numpy as np

_CLUSTER_MIX = np.uint64(0x9E3779B97F4A7C15)


def cluster_keys(hashes: np.ndarray, clusters: np.ndarray) -> np.ndarray:
    # (cluster, shingle) as one 64-bit key; a collision needs two 64-bit hashes to meet
    return hashes ^ ((clusters.astype(np.uint64) + np.uint64(1)) * _CLUSTER_MIX)


def needed(others: np.ndarray, share: float) -> np.ndarray:
    """How many of ``others`` members must hold a shingle for it to be in their consensus."""
    return np.maximum(np.floor(share * others).astype(np.int64) + 1, np.minimum(others, 2))


def grouped(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(keys, return_index, return_inverse, return_counts)``, but with an unstable sort:
    any position of a value serves as its index here (equal keys carry equal hashes and weights),
    and numpy's stable sort of 64-bit keys is much slower."""
    order = np.argsort(keys)
    ordered = keys[order]
    opens = np.empty(len(keys), dtype=bool)
    opens[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=opens[1:])
    starts = np.flatnonzero(opens)
    group = np.cumsum(opens) - 1
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = group
    counts = np.diff(np.append(starts, len(keys)))
    return ordered[starts], order[starts], inverse, counts


class Consensus:
    """Shingle counts per (cluster, shingle) for one labelling, scored against texts.

    ``hashes``/``weights``/``doc_of`` are the flat shingles of all texts (text ``doc_of[k]``
    owns ``hashes[k]``), ``labels`` the cluster per text (-1: none)."""

    def __init__(self, hashes: np.ndarray, weights: np.ndarray, doc_of: np.ndarray, labels: np.ndarray,
                 share: float, own: np.ndarray | None = None):
        self.share = share
        self.labels = labels
        # ``own``: each text's total weight, when ``hashes`` leave out shingles no other text holds
        # (they can never be in a consensus, but they count in the text's own weight)
        self.own = own
        self.n_texts = len(labels)
        clusters = labels[doc_of]
        inside = clusters >= 0
        self.sizes = np.bincount(labels[labels >= 0], minlength=int(labels.max()) + 1 if len(labels) else 0)
        self.hashes, self.weights = hashes[inside], weights[inside]
        self.docs, self.clusters = doc_of[inside], clusters[inside]
        keys = cluster_keys(self.hashes, self.clusters)
        self.table, first, inverse, counts = grouped(keys)
        self.table_counts = counts
        self.table_clusters = self.clusters[first]
        self.table_weights = self.weights[first]
        self.table_hashes = self.hashes[first]
        self.counts = counts[inverse]  # per member shingle: members of its cluster holding it

    def member_scores(self) -> np.ndarray:
        """Per text: weighted Jaccard to the consensus of the other members (NaN outside clusters)."""
        n = self.n_texts
        others = self.sizes - 1
        need_of = needed(others, self.share)
        need = need_of[self.clusters]
        shared = np.bincount(self.docs, self.weights * (self.counts - 1 >= need), minlength=n)
        own = self.own if self.own is not None else np.bincount(self.docs, self.weights, minlength=n)
        table_need = need_of[self.table_clusters]
        everyone = np.bincount(self.table_clusters, self.table_weights * (self.table_counts >= table_need),
                               minlength=len(self.sizes))
        # shingles counted in `everyone` only because this member holds them
        own_vote = np.bincount(self.docs, self.weights * (self.counts == need), minlength=n)
        scores = np.full(n, np.nan)
        members = np.flatnonzero(self.labels >= 0)
        labels = self.labels
        consensus = everyone[labels[members]] - own_vote[members]
        union = own[members] + consensus - shared[members]
        scores[members] = np.where(union > 0, shared[members] / np.maximum(union, 1e-12), 0.0)
        return scores

    def outsider_scores(self, hashes: np.ndarray, weights: np.ndarray, offsets: np.ndarray,
                        docs: np.ndarray, clusters: np.ndarray) -> np.ndarray:
        """Weighted Jaccard of text ``docs[p]`` (not a member) to the consensus of ``clusters[p]``."""
        need_of = needed(self.sizes, self.share)
        everyone = np.bincount(self.table_clusters, self.table_weights * (self.table_counts >= need_of[self.table_clusters]),
                               minlength=len(self.sizes))
        lengths = offsets[docs + 1] - offsets[docs]
        pair_of = np.repeat(np.arange(len(docs)), lengths)
        starts = np.repeat(offsets[docs] - np.cumsum(lengths) + lengths, lengths)
        flat = starts + np.arange(int(lengths.sum()))
        h, w, c = hashes[flat], weights[flat], clusters[pair_of]
        at = np.searchsorted(self.table, cluster_keys(h, c))
        at = np.minimum(at, len(self.table) - 1)
        found = (self.table[at] == cluster_keys(h, c)) & (self.table_counts[at] >= need_of[c])
        shared = np.bincount(pair_of, w * found, minlength=len(docs))
        own = np.bincount(pair_of, w, minlength=len(docs))
        union = own + everyone[clusters] - shared
        return np.where(union > 0, shared / np.maximum(union, 1e-12), 0.0)

    def consensus_similarity(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Weighted Jaccard of the consensus of cluster ``first[p]`` to that of ``second[p]``."""
        need_of = needed(self.sizes, self.share)
        in_consensus = self.table_counts >= need_of[self.table_clusters]
        everyone = np.bincount(self.table_clusters, self.table_weights * in_consensus, minlength=len(self.sizes))
        pair_of_cluster = np.full(len(self.sizes), -1, dtype=np.int64)
        pair_of_cluster[first] = np.arange(len(first))  # each cluster is a `first` at most once
        pair = pair_of_cluster[self.table_clusters]
        take = in_consensus & (pair >= 0)
        pair, h, w = pair[take], self.table_hashes[take], self.table_weights[take]
        other = second[pair]
        keys = cluster_keys(h, other)
        at = np.minimum(np.searchsorted(self.table, keys), len(self.table) - 1)
        found = (self.table[at] == keys) & (self.table_counts[at] >= need_of[other])
        shared = np.bincount(pair, w * found, minlength=len(first))
        union = everyone[first] + everyone[second] - shared
        return np.where(union > 0, shared / np.maximum(union, 1e-12), 0.0)
