"""Near-duplicate ad texts that cannot chain: MinHash-LSH candidates, clusters checked against
their consensus. The pipeline's default engine since 2026-12-01 (issue #15, "Status" below).

``CentreClusterer`` follows the scikit-learn estimator conventions, but ``X`` is a
sequence of strings, not a numeric array, so sklearn's ``check_estimator`` does
not apply; ``tests/models`` checks ``clone``/``get_params`` and the fit contract.

How it decides, and why (docs/CLUSTERING.md has the measurements):

1. Texts become masked word shingles (``models.shingles``): one template with another
   name, age, city, price or phone gives the same shingles. Pairs of words, not
   triples: a dropped, doubled or swapped word costs two or three pairs, more triples.
2. Boilerplate is learned from the corpus, not listed: each shingle is weighted by its
   rarity, ``log((1 + N) / (1 + df)) + 1`` over the N texts seen, and a shingle in more
   than ``max_df`` of them (and in more than ``min_boilerplate_docs``) weighs nothing.
   Document frequencies live in a fixed-size count-min sketch. A text left with no
   shingle of weight stands alone.
3. MinHash (vectorised multiply-shift hashing) over the weighted shingles and LSH
   bands give candidate pairs (``models.candidates``); their estimated Jaccard is the
   share of equal MinHash values.
4. Pairs must also agree sentence by sentence. The share of the two texts' sentences that the
   other text holds (Jaccard of the sentence sets) must reach ``sentence_threshold``, where a
   sentence counts as held when ``sentence_match`` of its within-sentence shingles occur anywhere
   in the other text: a dropped, doubled or swapped word, or a line inserted into the sentence,
   leaves it matched; a different stock phrase does not. This is what keeps advertisers who
   compose ads from a small pool of stock phrases apart (the demo worlds): pairs of two of them
   can be as alike in shingles as an edited copy, but they differ in several whole sentences.
   Every step below uses only pairs that pass (pairs at ``sentence_trusted`` or above skip it).
5. Clusters cannot chain. Pivot clustering (``models.pivot``) on the pairs whose estimate
   is at least ``threshold`` makes each cluster a centre and its direct neighbours. Then
   every member is scored against the consensus of the other members (the shingles most
   of them share, ``models.consensus``) and members below ``member_threshold`` are put
   out, the worst first. Texts left out, and members of small fragments, then join the
   neighbouring cluster whose consensus they match best, if they match it well enough;
   a second pivot round groups what is still free. Single links never join anything:
   a member must match what its cluster has in common.
6. A cluster must share something of its own. Its common sentences (masked, word for word, in
   more than ``stock_share`` of its members) are expected together in N * prod(df / N) of the N
   texts; where that is more than the cluster's size, the corpus holds the same combination of
   lines in many more texts than the group, so the lines are stock text, not the group's template,
   and the members stand alone. This catches ads whose edit dropped the template's one distinctive
   sentence: what is left is word for word what other templates' stripped ads say, so no similarity
   between them can tell them apart (Louvain inside such clusters did not; docs/CLUSTERING.md).
   Document frequencies here are exact (a sort of all sentence hashes), not sketched. A cluster that
   fails word for word is looked at again with sentences matched across word edits, so a template
   whose own sentence was edited in most of its ads is not mistaken for stock text.

``partial_fit`` adds texts: their shingles and signatures are computed once, and the
clusters are recomputed over all texts seen (cheap next to hashing), so later texts can
split or merge earlier clusters; ``models.keys`` keeps keys stable across that.

Status (docs/CLUSTERING.md): with the sentence check (step 4, 2026-12-01) it scores B-cubed F1
0.957-0.962 on the demo worlds (seeds 7, 11, 23, 42; ``TextClusterer`` 0.955-0.957) and 0.977 /
ARI 0.981 on the 20k edit corpus (``benchmarks.editcorpus``; ``TextClusterer`` 0.64). Without it
(``sentence_threshold=None``) demo-world precision was 0.65-0.74: an ad made of the commonest
stock picks became a centre with dozens of advertisers around it. With step 6 (2026-12-01) the largest
cluster at 1M synthetic ads is 48, the largest true one 48 (373 before); demo worlds and edit corpus
unchanged.

Speed: the consensus is built once per labelling, then again only for the clusters that lost
members (``_verified``); its tables leave out weightless shingles and shingles no other text holds
(each text's total weight is passed separately).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin

from models.candidates import band_keys, candidate_pairs, estimated_similarity
from models.consensus import Consensus, cluster_keys, grouped, needed
from models.docfreq import FrequencySketch, boilerplate_limit, without_boilerplate
from models.minhash import CHUNK_ELEMENTS, HashSeeds, signatures
from models.pivot import pivot_clusters
from models.shingles import (
    _MIX,
    TEXTS_PER_CHUNK,
    batch_sentences,
    batch_shingles,
    distinct_per_text,
    masked_words,
)

_VERIFY_ROUNDS = 8
_NO_SENTENCE = 255  # a shingle that spans two sentences
_PAIR_MIX = np.uint64(0x9E3779B97F4A7C15)


class CentreClusterer(ClusterMixin, BaseEstimator):
    """Group near-duplicate texts.

    Parameters
    ----------
    threshold : float
        Estimated Jaccard similarity from which two texts are near-duplicates outright;
        cluster centres and their first members are found on such pairs.
    num_perm : int
        MinHash values per text.
    bands : int
        LSH bands; must divide ``num_perm``. More bands find lower similarities.
    shingle_size : int
        Words per shingle.
    max_df : float
        Shingles in more than this share of texts are boilerplate and weigh nothing.
    min_boilerplate_docs : int
        A shingle in at most this many texts is never boilerplate.
    sketch_width_log2 : int
        Width of the document-frequency sketch (2 rows of 2**w uint32 counters).
    random_state : int
        Seed of the hash permutations (same seed, same clusters).
    member_threshold : float
        Weighted Jaccard similarity to the consensus of the other members that every
        member of a cluster must reach.
    candidate_threshold : float
        Estimated Jaccard similarity from which a pair may bring a text to the other
        text's cluster (which the text then joins only if it matches the consensus).
    consensus_share : float
        A shingle is in a cluster's consensus when more than this share of the members
        (and at least two of them) hold it.
    merge_threshold : float
        Weighted Jaccard similarity of two neighbouring clusters' consensus from which the
        smaller may join the larger (fragments of one template, or its two variants).
    sentence_threshold : float or None
        Share of sentences two texts must have in common for their pair to count at all
        (pivot, merge and absorption all use only such pairs); None turns the check off.
        Sentences match across word edits: see ``sentence_match``.
    sentence_match : float
        A sentence of one text is found in the other when at least this share of its
        within-sentence shingles occur anywhere in the other text.
    sentence_trusted : float or None
        Pairs whose estimated similarity is at least this skip the sentence check (saves
        time on large corpora); None checks every pair.
    stock_share : float or None
        A sentence held word for word (masked) by more than this share of a cluster's members is
        something they have in common. When the corpus is expected to hold all of a cluster's
        common sentences together in more texts than the cluster has members, the cluster is
        stock text and its members stand alone (step 6); None turns that check off.

    Attributes
    ----------
    labels_ : ndarray of shape (n_texts_seen,)
        Cluster number per text, -1 for a text that stands alone.
    n_texts_ : int
    signatures_ : ndarray of shape (n_texts_seen, num_perm), uint32
    member_scores_ : ndarray of shape (n_texts_seen,)
        Each clustered text's score against its cluster's consensus (NaN when alone).
    """

    def __init__(
        self,
        threshold: float = 0.4,
        num_perm: int = 60,
        bands: int = 20,
        shingle_size: int = 2,
        max_df: float = 0.1,
        min_boilerplate_docs: int = 50,
        sketch_width_log2: int = 22,
        random_state: int = 0,
        member_threshold: float = 0.3,
        candidate_threshold: float = 0.2,
        consensus_share: float = 0.3,
        merge_threshold: float = 0.25,
        sentence_threshold: float | None = 0.65,
        sentence_match: float = 0.6,
        sentence_trusted: float | None = 0.8,
        stock_share: float | None = 0.5,
    ):
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.shingle_size = shingle_size
        self.max_df = max_df
        self.min_boilerplate_docs = min_boilerplate_docs
        self.sketch_width_log2 = sketch_width_log2
        self.random_state = random_state
        self.member_threshold = member_threshold
        self.candidate_threshold = candidate_threshold
        self.consensus_share = consensus_share
        self.merge_threshold = merge_threshold
        self.sentence_threshold = sentence_threshold
        self.sentence_match = sentence_match
        self.sentence_trusted = sentence_trusted
        self.stock_share = stock_share

    # -- fitting -----------------------------------------------------------------------
    def fit(self, X: Sequence[str], y: Any = None) -> CentreClusterer:
        self._reset()
        return self._add(X)

    def partial_fit(self, X: Sequence[str], y: Any = None) -> CentreClusterer:
        if not hasattr(self, "n_texts_"):
            self._reset()
        return self._add(X)

    def _reset(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"bands ({self.bands}) must divide num_perm ({self.num_perm})")
        for name in ("threshold", "member_threshold", "candidate_threshold"):
            if not 0 < getattr(self, name) <= 1:
                raise ValueError(f"{name} must be in (0, 1]")
        if self.candidate_threshold > self.threshold:
            raise ValueError("candidate_threshold must not exceed threshold")
        if self.stock_share is not None and not 0 < self.stock_share < 1:
            raise ValueError("stock_share must be in (0, 1)")
        if self.sentence_threshold is not None and not (
            0 < self.sentence_threshold <= 1 and 0 < self.sentence_match <= 1
        ):
            raise ValueError("sentence_threshold and sentence_match must be in (0, 1]")
        self._seeds = HashSeeds.draw(self.random_state, self.num_perm, self.bands)
        self._sketch = FrequencySketch(self.sketch_width_log2, self._seeds.sketch_salt)
        self._signatures = np.zeros((0, self.num_perm), dtype=np.uint32)
        self._keys = np.zeros((0, self.bands), dtype=np.uint64)
        self._alone = np.zeros(0, dtype=bool)
        self._shingles = np.zeros(0, dtype=np.uint64)  # distinct shingle hashes, text by text
        self._sentence_of = np.zeros(0, dtype=np.uint8)  # per stored shingle: its sentence in the text
        self._offsets = np.zeros(1, dtype=np.int64)
        self._sentences = np.zeros(0, dtype=np.uint64)  # distinct masked-sentence hashes, text by text
        self._sentence_offsets = np.zeros(1, dtype=np.int64)
        self._sentence_order = np.zeros(0, dtype=np.uint64)  # every sentence's hash, text by text, in order
        self._sentence_order_offsets = np.zeros(1, dtype=np.int64)
        self._docs_counted = 0  # a second fit() must not count on the first one's texts
        self.n_texts_ = 0

    def _add(self, X: Sequence[str]) -> CentreClusterer:
        if isinstance(X, str):
            raise ValueError("X must be a sequence of texts, not one string")
        # Pass 1 counts document frequencies over the whole batch, so the boilerplate cut of
        # pass 2 knows them; shingles are kept per chunk (8 bytes each), not recomputed.
        chunks = []
        by_sentence = self.sentence_threshold is not None
        whole_sentences = self.stock_share is not None
        for at in range(0, len(X), TEXTS_PER_CHUNK):
            words, starts, flat = masked_words(X[at : at + TEXTS_PER_CHUNK], by_sentence or whole_sentences)
            hashes, offsets = batch_shingles(words, self.shingle_size, flat)
            if by_sentence:
                sentence_of = _sentence_of_shingles(hashes, offsets, starts, flat, self.shingle_size)
            else:
                sentence_of = np.full(len(hashes), _NO_SENTENCE, dtype=np.uint8)
            if whole_sentences:
                self._keep_sentences(*batch_sentences(words, starts, flat, in_order=True))
            self._sketch.count(hashes)
            self._docs_counted += len(offsets) - 1
            chunks.append((hashes, offsets, sentence_of))
        signature_list, keys, alone = [self._signatures], [self._keys], [self._alone]
        shingles, offsets_list, sentences = [self._shingles], [self._offsets], [self._sentence_of]
        for hashes, offsets, sentence_of in chunks:
            kept, kept_offsets = self._without_boilerplate(hashes, offsets)
            chunk_signatures = signatures(kept, kept_offsets, self._seeds)
            signature_list.append(chunk_signatures)
            keys.append(band_keys(chunk_signatures, self.bands, self._seeds.band_mix))
            alone.append(kept_offsets[1:] == kept_offsets[:-1])
            shingles.append(hashes)
            sentences.append(sentence_of)
            offsets_list.append(offsets[1:] + offsets_list[-1][-1] if len(offsets_list) > 1 else
                                offsets[1:] + self._offsets[-1])
        self._signatures = np.concatenate(signature_list)
        self._keys = np.concatenate(keys)
        self._alone = np.concatenate(alone)
        self._shingles = np.concatenate(shingles)
        self._sentence_of = np.concatenate(sentences)
        self._offsets = np.concatenate(offsets_list)
        self.n_texts_ = len(self._signatures)
        self.signatures_ = self._signatures
        self._cluster()
        return self

    def _keep_sentences(self, hashes: np.ndarray, offsets: np.ndarray) -> None:
        """Append one chunk's masked-sentence hashes, in text order (``batch_sentences(in_order=True)``:
        sentence k of a text is the k-th, as numbered in ``_sentence_of``) and distinct per text."""
        self._sentence_order = np.concatenate([self._sentence_order, hashes])
        self._sentence_order_offsets = np.concatenate([self._sentence_order_offsets,
                                                       offsets[1:] + self._sentence_order_offsets[-1]])
        texts = len(offsets) - 1
        distinct, distinct_offsets = distinct_per_text(hashes, np.repeat(np.arange(texts), np.diff(offsets)), texts)
        self._sentences = np.concatenate([self._sentences, distinct])
        self._sentence_offsets = np.concatenate([self._sentence_offsets,
                                                 distinct_offsets[1:] + self._sentence_offsets[-1]])

    # -- boilerplate ---------------------------------------------------------------------
    def _limit(self) -> float:
        return boilerplate_limit(self.max_df, self._docs_counted, self.min_boilerplate_docs)

    def _without_boilerplate(self, hashes: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The shingles in at most max_df of all texts, with their new offsets."""
        return without_boilerplate(self._sketch, hashes, offsets, self._limit(), self._docs_counted)

    def _document_frequency(self, hashes: np.ndarray) -> np.ndarray:
        return self._sketch.frequency(hashes)

    def _weights(self) -> np.ndarray:
        """Rarity weight of every stored shingle under the current counts (0: boilerplate)."""
        df = self._document_frequency(self._shingles).astype(np.float64)
        n = self._docs_counted
        weights = np.log((1.0 + n) / (1.0 + df)) + 1.0
        if n > self._limit():
            weights[df > self._limit()] = 0.0
        return weights

    # -- clustering ------------------------------------------------------------------------
    def _cluster(self) -> None:
        n = self.n_texts_
        docs = np.flatnonzero(~self._alone)
        if len(docs) < 2:
            self.labels_ = np.full(n, -1, dtype=np.int64)
            self.member_scores_ = np.full(n, np.nan)
            return
        i, j = candidate_pairs(self._keys, docs)
        similarity = estimated_similarity(self._signatures, i, j)
        near = similarity >= self.candidate_threshold
        i, j, similarity = i[near], j[near], similarity[near]
        if self.sentence_threshold is not None:
            check = np.ones(len(i), dtype=bool)
            if self.sentence_trusted is not None:
                check = similarity < self.sentence_trusted
            agree = np.ones(len(i), dtype=bool)
            agree[check] = self.sentence_agreement(i[check], j[check]) >= self.sentence_threshold
            i, j, similarity = i[agree], j[agree], similarity[agree]
        weights = self._weights()
        doc_of = np.repeat(np.arange(n), np.diff(self._offsets))
        # The consensus tables need only shingles of weight that another text holds too.
        useful = (weights > 0) & (self._document_frequency(self._shingles) > 1)
        self._view = (self._shingles[useful], weights[useful], doc_of[useful],
                      np.bincount(doc_of, weights, minlength=n))
        strong = similarity >= self.threshold
        free = ~self._alone
        labels = pivot_clusters(n, i[strong], j[strong], free)
        labels = self._verified(labels, weights, doc_of)
        for _ in range(2):
            labels = self._merged(labels, i, j, weights, doc_of)
        labels = self._absorbed(labels, i, j, weights, doc_of)
        free = (labels < 0) & ~self._alone
        second = pivot_clusters(n, i[strong], j[strong], free)
        labels = np.where(second >= 0, second, labels)
        labels = self._verified(labels, weights, doc_of)
        labels = self._without_stock_groups(labels)
        self.labels_, self.member_scores_ = self._numbered(labels, weights, doc_of)

    def _consensus(self, labels: np.ndarray) -> Consensus:
        hashes, weights, doc_of, own = self._view
        return Consensus(hashes, weights, doc_of, labels, self.consensus_share, own)

    def _verified(self, labels: np.ndarray, weights: np.ndarray, doc_of: np.ndarray) -> np.ndarray:
        """Put out members below member_threshold against the others' consensus, round by round:
        all of them where the cluster keeps two members that pass, else only the worst one."""
        labels = _dense(labels)
        scores = self._consensus(labels).member_scores()
        for _ in range(_VERIFY_ROUNDS):
            inside = labels >= 0
            failing = inside & ~(scores >= self.member_threshold)
            if not failing.any():
                break
            passing = np.bincount(labels[inside & ~failing], minlength=int(labels.max()) + 1)
            whole = inside & (passing[np.maximum(labels, 0)] < 2)  # nearly the whole cluster fails: a loose group
            out = failing & ~whole
            # in a loose group, the worst member leaves (ties: the later text)
            loose = np.flatnonzero(failing & whole)
            if len(loose):
                order = np.lexsort((-loose, scores[loose], labels[loose]))
                ordered = loose[order]
                firsts = np.concatenate([[True], labels[ordered[1:]] != labels[ordered[:-1]]])
                out[ordered[firsts]] = True
            touched = np.isin(labels, np.unique(labels[out]))
            labels[out] = -1
            labels = _dense(labels)
            # only the clusters that lost members are scored again
            dirty = touched & (labels >= 0)
            scores[~(labels >= 0)] = np.nan
            if dirty.any():
                scores[dirty] = self._consensus(np.where(dirty, labels, -1)).member_scores()[dirty]
        return _dense(labels)

    def _merged(self, labels: np.ndarray, i: np.ndarray, j: np.ndarray, weights: np.ndarray,
                doc_of: np.ndarray) -> np.ndarray:
        """Fragments of one template join: a cluster moves into the larger neighbouring cluster it
        has most pairs with, when, together, nearly all its members match the joint consensus
        (a variant's rewritten sentence enters the consensus once enough members carry it) and
        the larger cluster's members pass as before."""
        a, b = labels[i], labels[j]
        linked = (a >= 0) & (b >= 0) & (a != b)
        if not linked.any():
            return labels
        sizes = np.bincount(labels[labels >= 0])
        a, b = a[linked], b[linked]
        small, large = np.where(sizes[a] <= sizes[b], a, b), np.where(sizes[a] <= sizes[b], b, a)
        codes, counts = np.unique(small * len(sizes) + large, return_counts=True)
        small, large = codes // len(sizes), codes % len(sizes)
        order = np.lexsort((-sizes[large], -counts, small))
        small, large = small[order], large[order]
        first = np.concatenate([[True], small[1:] != small[:-1]])
        small, large = small[first], large[first]
        settled = ~np.isin(large, small)  # a target that moves itself would chain two moves
        small, large = small[settled], large[settled]
        if not len(small):
            return labels
        target = np.arange(len(sizes))
        target[small] = large
        current = self._consensus(labels)
        alike = current.consensus_similarity(small, large) >= self.merge_threshold
        small, large = small[alike], large[alike]
        if not len(small):
            return labels
        target = np.arange(len(sizes))
        target[small] = large
        before = current.member_scores()
        trial = np.where(labels >= 0, target[np.maximum(labels, 0)], -1)
        after = self._consensus(trial).member_scores()
        inside = labels >= 0
        passes_after = np.bincount(labels[inside], after[inside] >= self.member_threshold, minlength=len(sizes))
        passes_before = np.bincount(labels[inside], before[inside] >= self.member_threshold, minlength=len(sizes))
        joins = (passes_after[small] >= 0.5 * sizes[small]) & (
            passes_after[large] >= passes_before[large] - 0.05 * sizes[large]
        )
        target = np.arange(len(sizes))
        target[small[joins]] = large[joins]
        return np.where(labels >= 0, target[np.maximum(labels, 0)], -1)

    def _absorbed(self, labels: np.ndarray, i: np.ndarray, j: np.ndarray, weights: np.ndarray,
                  doc_of: np.ndarray) -> np.ndarray:
        """Texts alone or in a smaller cluster move to a neighbour's larger cluster whose consensus
        they match (best match, at least member_threshold)."""
        sizes = np.bincount(labels[labels >= 0])
        own = np.where(labels >= 0, sizes[np.maximum(labels, 0)], 1) if len(sizes) else np.ones(len(labels))
        texts = np.concatenate([i, j])
        others = np.concatenate([j, i])
        target = labels[others]
        keep = (target >= 0) & (target != labels[texts])
        texts, target = texts[keep], target[keep]
        keep = sizes[target] > own[texts]
        texts, target = texts[keep], target[keep]
        if not len(texts):
            return labels
        codes = np.unique(texts * (len(sizes) + 1) + target)
        texts, target = codes // (len(sizes) + 1), codes % (len(sizes) + 1)
        consensus = self._consensus(labels)
        scores = consensus.outsider_scores(self._shingles, weights, self._offsets, texts, target)
        good = scores >= self.member_threshold
        texts, target, scores = texts[good], target[good], scores[good]
        if not len(texts):  # nobody matches well enough
            return labels
        order = np.lexsort((target, -scores, texts))
        texts, target = texts[order], target[order]
        best = np.concatenate([[True], texts[1:] != texts[:-1]])
        moved = labels.copy()
        moved[texts[best]] = target[best]
        return moved

    def _without_stock_groups(self, labels: np.ndarray) -> np.ndarray:
        """Clusters whose common sentences are stock text, not their own, are taken apart.

        A cluster's common sentences are the masked sentences that more than ``stock_share`` of its
        members hold. If each is held by df of the N texts, about N * prod(df / N) texts hold them
        all, were sentences independent. A template's own sentence is held by little more than its
        ads, so that figure falls below the cluster's size. Ads that share only stock lines (an edit
        dropped the one sentence that was the template's own) are the other way round: the corpus
        holds their common lines, together, in many more texts than the cluster, most of them other
        templates' ads. Such a cluster is not evidence of one author; its members stand alone. The
        demo worlds' advertisers are combinations of common phrases: each is common, but all of them
        together are rare, so the product (not the rarest sentence alone) decides.

        First every cluster is looked at with sentences matched word for word (one sort). A word
        edit changes a sentence's hash, so a template whose own sentence was edited in most of its
        ads looks like stock text that way; the clusters that fail are looked at again, with the
        sentences of their best-matching member (the least edited) held by a member as in
        ``sentence_agreement``, across word edits."""
        if self.stock_share is None or not (labels >= 0).any():
            return labels
        labels = _dense(labels)
        sizes = np.bincount(labels[labels >= 0])
        everywhere = np.sort(self._sentences)  # exact document frequencies: hashes are distinct per text

        def log_expected(hashes: np.ndarray, clusters: np.ndarray, widening: float | np.ndarray = 1.0) -> np.ndarray:
            df = np.searchsorted(everywhere, hashes, side="right") - np.searchsorted(everywhere, hashes, side="left")
            share = np.minimum(df * widening / self.n_texts_, 1.0)
            return np.log(self.n_texts_) + np.bincount(clusters, np.log(share), minlength=len(sizes))

        doc_of = np.repeat(np.arange(self.n_texts_), np.diff(self._sentence_offsets))
        clusters = labels[doc_of]
        inside = clusters >= 0
        hashes, clusters = self._sentences[inside], clusters[inside]
        table, first, _, held = grouped(cluster_keys(hashes, clusters))
        hashes, clusters = hashes[first], clusters[first]
        common = held >= needed(sizes[clusters], self.stock_share)
        suspect = log_expected(hashes[common], clusters[common]) > np.log(sizes)
        if suspect.any():
            suspects = np.where((labels >= 0) & suspect[np.maximum(labels, 0)], labels, -1)
            hashes, clusters, holders = self._common_sentences_across_edits(suspects)
            # Matched across edits, a sentence is held more widely than its exact words are: by as
            # many times more texts in the corpus, it is assumed, as in the cluster. (A sentence that
            # opens with the name keeps it unmasked: "Mila hier, 18 jaar jong." is rare word for word,
            # common across edits.)
            keys = cluster_keys(hashes, clusters)
            at = np.minimum(np.searchsorted(table, keys), len(table) - 1)
            exact = np.where(table[at] == keys, held[at], 1)
            suspect &= log_expected(hashes, clusters, holders / np.maximum(exact, 1)) > np.log(sizes)
        return _dense(np.where((labels >= 0) & ~suspect[np.maximum(labels, 0)], labels, -1))

    def _common_sentences_across_edits(self, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(hash, cluster, members holding it) of each cluster's common sentences, matched across word
        edits: the sentences of its centre (the member closest to the others' consensus) that more than
        ``stock_share`` of the members hold, a member holding one when ``sentence_match`` of its
        shingles occur there. The hash is the centre's words."""
        scores = self._consensus(labels).member_scores()
        members = np.flatnonzero(labels >= 0)
        ordered = members[np.lexsort((members, -scores[members], labels[members]))]  # best first per cluster
        firsts = np.concatenate([[True], labels[ordered[1:]] != labels[ordered[:-1]]])
        centre_of = np.full(int(labels.max()) + 1, -1, dtype=np.int64)
        centre_of[labels[ordered[firsts]]] = ordered[firsts]
        others = ordered[~firsts]
        centres = centre_of[labels[others]]
        width = _NO_SENTENCE  # sentence numbers are below it
        codes = [np.zeros(0, dtype=np.int64)]
        counts = np.diff(self._offsets)
        in_sentence = self._sentence_of != _NO_SENTENCE
        at = 0
        while at < len(others):
            cost = np.cumsum(counts[centres[at:]] + counts[others[at:]])
            stop = at + max(1, int(np.searchsorted(cost, CHUNK_ELEMENTS // 2, side="right")))
            a, b = centres[at:stop], others[at:stop]
            place_a, place_b = self._expanded(a, counts), self._expanded(b, counts)
            held = self._held_sentences(place_a, place_b, len(a), in_sentence)
            pair, sentence = np.nonzero(held)
            codes.append(labels[a[pair]] * width + sentence)
            at = stop
        codes = np.concatenate(codes)
        keys, held = np.unique(codes, return_counts=True)
        clusters, sentence = keys // width, keys % width
        sizes = np.bincount(labels[labels >= 0])
        common = held + 1 >= needed(sizes[clusters], self.stock_share)  # + 1: the centre itself
        clusters, sentence, held = clusters[common], sentence[common], held[common] + 1
        centre = centre_of[clusters]
        order_offsets = self._sentence_order_offsets
        known = sentence < np.diff(order_offsets)[centre]
        return (self._sentence_order[order_offsets[centre[known]] + sentence[known]], clusters[known],
                held[known])

    def _numbered(self, labels: np.ndarray, weights: np.ndarray, doc_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Dense cluster numbers in order of first member; -1 for texts alone."""
        labels = _dense(labels)
        scores = self._consensus(labels).member_scores()
        return labels, scores

    def similarity(self, i: int, j: int) -> float:
        """Estimated Jaccard similarity of two fitted texts (by position)."""
        return float(np.mean(self.signatures_[i] == self.signatures_[j]))

    def sentence_agreement(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Per pair of fitted texts: the Jaccard similarity of their sentence sets, where a sentence
        of one text is in the other when ``sentence_match`` of its within-sentence shingles occur
        there (so a dropped, doubled or swapped word, or a line inserted into it, still matches)."""
        i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
        out = np.zeros(len(i), dtype=np.float32)
        counts = np.diff(self._offsets)
        in_sentence = self._sentence_of != _NO_SENTENCE
        sentences = _count_sentences(self._sentence_of, self._offsets)
        at = 0
        while at < len(i):
            # as many pairs as fit in one chunk of shingles (at least one pair)
            cost = np.cumsum(counts[i[at:]] + counts[j[at:]])
            stop = at + max(1, int(np.searchsorted(cost, CHUNK_ELEMENTS // 2, side="right")))
            a, b = i[at:stop], j[at:stop]
            found_a, found_b = self._found_sentences(a, b, counts, in_sentence)
            n_a, n_b = sentences[a], sentences[b]
            shared = (found_a + found_b) / 2.0
            union = n_a + n_b - shared
            out[at:stop] = np.where(union > 0, shared / np.maximum(union, 1e-12), 0.0)
            at = stop
        return out

    def _found_sentences(self, a: np.ndarray, b: np.ndarray, counts: np.ndarray,
                         in_sentence: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per pair: how many sentences of a are found in b, and of b in a."""
        place_a, place_b = self._expanded(a, counts), self._expanded(b, counts)
        found_a = self._held_sentences(place_a, place_b, len(a), in_sentence).sum(axis=1).astype(np.float64)
        found_b = self._held_sentences(place_b, place_a, len(a), in_sentence).sum(axis=1).astype(np.float64)
        return found_a, found_b

    def _held_sentences(self, own_place: tuple[np.ndarray, np.ndarray], other_place: tuple[np.ndarray, np.ndarray],
                        pairs: int, in_sentence: np.ndarray) -> np.ndarray:
        """(pairs, sentences) booleans: sentence k of pair p's own text is held by its other text
        (``sentence_match`` of its shingles occur there). ``*_place``: ``_expanded`` of each side. A
        text's shingles are stored sorted, so one side is looked up in the other by binary search."""
        (own, own_pair), (other, other_pair) = own_place, other_place
        # (pair, top 32 bits of the hash) keys are sorted: pairs in order, each text's hashes sorted
        other_keys = (other_pair.astype(np.uint64) << np.uint64(32)) | (self._shingles[other] >> np.uint64(32))
        own_keys = (own_pair.astype(np.uint64) << np.uint64(32)) | (self._shingles[own] >> np.uint64(32))
        at = np.minimum(np.searchsorted(other_keys, own_keys), max(len(other_keys) - 1, 0))
        hit = (other_keys[at] == own_keys) & (self._shingles[other[at]] == self._shingles[own]) if len(other) \
            else np.zeros(len(own), dtype=bool)
        inside = in_sentence[own]
        sentence = self._sentence_of[own][inside].astype(np.int64)
        width = int(sentence.max()) + 1 if len(sentence) else 1
        code = own_pair[inside] * width + sentence
        totals = np.bincount(code, minlength=pairs * width)
        hits = np.bincount(code, hit[inside], minlength=pairs * width)
        return ((totals > 0) & (hits >= self.sentence_match * totals)).reshape(pairs, width)

    def _expanded(self, docs: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions in the stored shingles of every shingle of ``docs[p]``, and p for each."""
        lengths = counts[docs]
        pair = np.repeat(np.arange(len(docs)), lengths)
        flat = np.repeat(self._offsets[docs] - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        return flat, pair


def _sentence_of_shingles(hashes: np.ndarray, offsets: np.ndarray, starts: list[list[int]],
                          flat: tuple[np.ndarray, np.ndarray], size: int) -> np.ndarray:
    """For each of ``batch_shingles``' distinct shingles (``hashes``/``offsets``): the number of the
    sentence of its text that holds it whole (the first such one), or _NO_SENTENCE when every
    occurrence spans two sentences."""
    texts = len(offsets) - 1
    out = np.full(len(hashes), _NO_SENTENCE, dtype=np.uint8)
    values, lengths = flat
    combined, first, docs = shingle_positions(values, lengths, size)
    if not len(combined):
        return out
    opens = sentence_openings(lengths, starts)
    sentence = np.cumsum(opens) - 1  # global sentence number of every word
    first_sentence = sentence[(np.cumsum(lengths) - lengths)[docs]]  # docs hold words: never past the end
    whole = sentence[first] == sentence[first + size - 1]
    local = np.minimum(sentence[first] - first_sentence, _NO_SENTENCE - 1).astype(np.uint8)
    keys = combined[whole] ^ ((docs[whole].astype(np.uint64) + np.uint64(1)) * _PAIR_MIX)
    local = local[whole]
    order = np.lexsort((local, keys))
    keys, local = keys[order], local[order]
    firsts = np.concatenate([[True], keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, dtype=bool)
    keys, local = keys[firsts], local[firsts]
    stored = hashes ^ ((np.repeat(np.arange(texts), np.diff(offsets)).astype(np.uint64) + np.uint64(1)) * _PAIR_MIX)
    at = np.minimum(np.searchsorted(keys, stored), max(len(keys) - 1, 0))
    hit = (keys[at] == stored) if len(keys) else np.zeros(len(stored), dtype=bool)
    out[hit] = local[at[hit]]
    return out


def shingle_positions(values: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every full shingle of the texts whose word hashes are ``values`` (``lengths`` per text), hashed
    as ``batch_shingles`` does: (hashes, position of the first word, text)."""
    starts = np.cumsum(lengths) - lengths
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    position = np.arange(len(values)) - starts[doc_of]
    first = np.flatnonzero(position <= (lengths[doc_of] - size))
    combined = np.zeros(len(first), dtype=np.uint64)
    for offset in range(size):
        combined = (combined ^ values[first + offset]) * _MIX[offset % len(_MIX)]
    return combined, first, doc_of[first]


def sentence_openings(lengths: np.ndarray, starts: list[list[int]]) -> np.ndarray:
    """Per word of the flattened texts: whether a sentence begins there (``starts`` from
    ``matching_words``; a text's first word always begins one)."""
    total = int(lengths.sum())
    text_start = np.cumsum(lengths) - lengths
    counts = np.fromiter((len(x) for x in starts), dtype=np.int64, count=len(starts))
    within = np.fromiter(chain.from_iterable(starts), dtype=np.int64, count=int(counts.sum()))
    at = within + np.repeat(text_start, counts)
    opens = np.zeros(total + 1, dtype=bool)  # one spare slot: a start at a text's very end
    opens[at[within < np.repeat(lengths, counts)]] = True
    opens[text_start[lengths > 0]] = True
    return opens[:-1]


def _count_sentences(sentence_of: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Sentences per text that hold at least one shingle whole."""
    texts = len(offsets) - 1
    inside = sentence_of != _NO_SENTENCE
    doc = np.repeat(np.arange(texts), np.diff(offsets))[inside]
    codes = np.unique(doc * 256 + sentence_of[inside].astype(np.int64))
    return np.bincount(codes // 256, minlength=texts).astype(np.float64)


def _dense(labels: np.ndarray) -> np.ndarray:
    """Numbers 0.. in order of first member for groups of two or more; -1 for the rest."""
    out = np.full(len(labels), -1, dtype=np.int64)
    inside = np.flatnonzero(labels >= 0)
    if not len(inside):
        return out
    values, first, inverse, counts = np.unique(labels[inside], return_index=True, return_inverse=True,
                                               return_counts=True)
    big = counts >= 2
    order = np.argsort(first[big] if big.any() else first[:0])
    number = np.full(len(values), -1, dtype=np.int64)
    number[np.flatnonzero(big)[order]] = np.arange(int(big.sum()))
    out[inside] = number[inverse]
    return out
