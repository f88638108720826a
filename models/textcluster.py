"""Near-duplicate ad texts: MinHash signatures, LSH bands, confirmed by estimated Jaccard.

``TextClusterer`` follows the scikit-learn estimator conventions, but ``X`` is a
sequence of strings, not a numeric array, so sklearn's ``check_estimator`` does
not apply; ``tests/models`` checks ``clone``/``get_params`` and the fit contract.

How it decides (each step is there for a reason):

1. Texts become masked word shingles (``models.shingles``): one template with a
   different name, age, city, price or number gives the same shingles.
2. Boilerplate is dropped: a shingle found in more than ``max_df`` of all texts
   seen ("bel voor een afspraak", "100% echt") says nothing about who wrote the
   ad. A shingle must also be in more than ``min_boilerplate_docs`` texts, so that
   in a small collection one busy template is not mistaken for boilerplate. Document
   frequencies live in a fixed-size count-min sketch, so memory does not grow with
   the vocabulary. A text left with no shingles stands alone.
3. A vectorised MinHash (numpy multiply-shift hashing; see ``benchmarks/bench_cluster.py``
   for the comparison with datasketch) gives ``num_perm`` values per text.
4. LSH: texts that agree on all rows of one of ``bands`` bands are candidates. Each
   band bucket remembers its first text only, so memory grows with texts, not pairs.
5. A candidate pair of short texts (fewer than ``min_sentences`` sentences in either)
   joins when the estimated Jaccard similarity (share of equal MinHash values) is at
   least ``threshold``; shared boilerplate alone never gets there.
6. Longer texts are also compared sentence by sentence. A re-post often rewrites one
   sentence, moves another and writes the price another way: that costs many shingles
   but leaves most sentences as they were. Another advertiser who picked some of the
   same stock phrases, on the other hand, can share many shingles but fewer whole
   sentences. So such a pair joins when its estimated shingle similarity is at least
   ``candidate_threshold`` and the Jaccard similarity of its sets of masked sentences
   (exact, from one stored hash per sentence) is at least ``sentence_threshold``. The
   shingle condition keeps shared boilerplate sentences from joining texts on their own
   (they are cut in step 2); ``sentence_threshold=None`` makes every pair follow step 5.
   Each text also needs ``min_content_sentences`` sentences that are not boilerplate
   themselves (sentence document frequencies in a second, smaller sketch): a text made
   only of stock sentences matches a thousand others that share them, and joining those
   by sentences chains unrelated templates into one blob (thousands of ads at 400k).

``partial_fit`` adds texts to the existing index and clusters; earlier signatures
are never recomputed (the boilerplate cut for earlier texts used the frequencies
known at the time).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin

from models.candidates import band_keys
from models.docfreq import FrequencySketch, boilerplate_limit, without_boilerplate
from models.minhash import HashSeeds, signatures
from models.shingles import TEXTS_PER_CHUNK, batch_sentences, batch_shingles, masked_words
from models.unionfind import UnionFind


class TextClusterer(ClusterMixin, BaseEstimator):
    """Group near-duplicate texts.

    Parameters
    ----------
    threshold : float
        Estimated Jaccard similarity of the masked shingle sets from which two texts join.
    num_perm : int
        MinHash values per text.
    bands : int
        LSH bands; must divide ``num_perm``. More bands find lower similarities.
    shingle_size : int
        Words per shingle.
    max_df : float
        Shingles in more than this share of texts are boilerplate and ignored.
    min_boilerplate_docs : int
        A shingle in at most this many texts is never boilerplate.
    sketch_width_log2 : int
        Width of the document-frequency sketch (2 rows of 2**w uint32 counters).
    random_state : int
        Seed of the hash permutations (same seed, same clusters).
    candidate_threshold : float
        Estimated Jaccard similarity of the shingles from which a pair of longer texts is
        compared sentence by sentence (step 6).
    sentence_threshold : float or None
        Jaccard similarity of the sets of masked sentences from which such a pair joins;
        None turns step 6 off.
    min_sentences : int
        Texts with fewer distinct sentences than this are matched on shingles alone.
    min_content_sentences : int
        Texts with fewer sentences than this that are not boilerplate (in at most ``max_df``
        of all texts, as for shingles) are matched on shingles alone too.

    Attributes
    ----------
    labels_ : ndarray of shape (n_texts_seen,)
        Cluster number per text, -1 for a text that stands alone.
    n_texts_ : int
    signatures_ : ndarray of shape (n_texts_seen, num_perm), uint32
    """

    def __init__(
        self,
        threshold: float = 0.6,
        num_perm: int = 60,
        bands: int = 20,
        shingle_size: int = 3,
        max_df: float = 0.1,
        min_boilerplate_docs: int = 50,
        sketch_width_log2: int = 22,
        random_state: int = 0,
        candidate_threshold: float = 0.4,
        sentence_threshold: float | None = 0.55,
        min_sentences: int = 4,
        min_content_sentences: int = 2,
    ):
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.shingle_size = shingle_size
        self.max_df = max_df
        self.min_boilerplate_docs = min_boilerplate_docs
        self.sketch_width_log2 = sketch_width_log2
        self.random_state = random_state
        self.candidate_threshold = candidate_threshold
        self.sentence_threshold = sentence_threshold
        self.min_sentences = min_sentences
        self.min_content_sentences = min_content_sentences

    # -- fitting -----------------------------------------------------------------------
    def fit(self, X: Sequence[str], y: Any = None) -> TextClusterer:
        self._reset()
        return self._add(X)

    def partial_fit(self, X: Sequence[str], y: Any = None) -> TextClusterer:
        if not hasattr(self, "n_texts_"):
            self._reset()
        return self._add(X)

    def _reset(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"bands ({self.bands}) must divide num_perm ({self.num_perm})")
        if not 0 < self.threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        if self.sentence_threshold is not None and not (
            0 < self.sentence_threshold <= 1 and 0 < self.candidate_threshold <= self.threshold
        ):
            raise ValueError("sentence_threshold must be in (0, 1] and candidate_threshold in (0, threshold]")
        self._seeds = HashSeeds.draw(self.random_state, self.num_perm, self.bands)
        self._sketch = FrequencySketch(self.sketch_width_log2, self._seeds.sketch_salt)
        # Sentences are far fewer than shingles: their own, smaller sketch keeps the counts apart.
        self._sentence_sketch = FrequencySketch(max(10, self.sketch_width_log2 - 2), self._seeds.sketch_salt)
        self._buckets: list[dict[int, int]] = [{} for _ in range(self.bands)]
        self._uf = UnionFind()
        self._buffer = np.zeros((0, self.num_perm), dtype=np.uint32)
        self._alone = np.zeros(0, dtype=bool)
        self._content = np.zeros(0, dtype=np.int32)  # sentences per text that are not boilerplate
        self._sentences = np.zeros(0, dtype=np.uint64)  # distinct masked-sentence hashes, text by text
        self._sentence_offsets = np.zeros(1, dtype=np.int64)
        self._docs_counted = 0  # a second fit() must not count on the first one's texts
        self.n_texts_ = 0

    def _add(self, X: Sequence[str]) -> TextClusterer:
        if isinstance(X, str):
            raise ValueError("X must be a sequence of texts, not one string")
        # Pass 1 counts document frequencies over the whole batch, so the boilerplate cut of
        # pass 2 knows them; shingles are kept per chunk (8 bytes each), not recomputed.
        chunks = []
        with_sentences = self.sentence_threshold is not None
        for at in range(0, len(X), TEXTS_PER_CHUNK):
            words, starts, flat = masked_words(X[at : at + TEXTS_PER_CHUNK], with_sentences)
            hashes, offsets = batch_shingles(words, self.shingle_size, flat)
            sentences = batch_sentences(words, starts, flat) if with_sentences else None
            self._sketch.count(hashes)
            if sentences is not None:
                self._sentence_sketch.count(sentences[0])
            self._docs_counted += len(offsets) - 1
            chunks.append((hashes, offsets, sentences))
        self._grow(len(X))
        for hashes, offsets, sentences in chunks:
            start, count = self.n_texts_, len(offsets) - 1
            if sentences is not None:
                self._keep_sentences(*sentences)
                _, content = self._without_boilerplate(self._sentence_sketch, *sentences)
                self._content[start : start + count] = np.diff(content)
            hashes, offsets = self._without_boilerplate(self._sketch, hashes, offsets)
            chunk_signatures = signatures(hashes, offsets, self._seeds)
            self._buffer[start : start + count] = chunk_signatures
            self._alone[start : start + count] = offsets[1:] == offsets[:-1]
            self.n_texts_ += count
            self._uf.add(count)
            self._index(start, chunk_signatures)
        self.signatures_ = self._buffer[: self.n_texts_]
        self.labels_ = self._uf.labels()
        return self

    def _grow(self, extra: int) -> None:
        needed = self.n_texts_ + extra
        if needed <= len(self._buffer):
            return
        capacity = max(needed, 2 * len(self._buffer), 1024)
        buffer = np.zeros((capacity, self.num_perm), dtype=np.uint32)
        buffer[: self.n_texts_] = self._buffer[: self.n_texts_]
        alone = np.zeros(capacity, dtype=bool)
        alone[: self.n_texts_] = self._alone[: self.n_texts_]
        content = np.zeros(capacity, dtype=np.int32)
        content[: self.n_texts_] = self._content[: self.n_texts_]
        self._buffer, self._alone, self._content = buffer, alone, content

    def _keep_sentences(self, hashes: np.ndarray, offsets: np.ndarray) -> None:
        """Append one chunk's sentence hashes (texts in order; the buffer grows by doubling)."""
        used = int(self._sentence_offsets[-1])
        if used + len(hashes) > len(self._sentences):
            grown = np.zeros(max(used + len(hashes), 2 * len(self._sentences), 8192), dtype=np.uint64)
            grown[:used] = self._sentences[:used]
            self._sentences = grown
        self._sentences[used : used + len(hashes)] = hashes
        self._sentence_offsets = np.concatenate([self._sentence_offsets, used + offsets[1:]])

    def sentence_similarity(self, i: int, j: int) -> float:
        """Jaccard similarity of the masked-sentence sets of two fitted texts (by position)."""
        offsets, values = self._sentence_offsets, self._sentences
        a = values[offsets[i] : offsets[i + 1]].tolist()  # a few values each: sets beat numpy here
        b = values[offsets[j] : offsets[j + 1]].tolist()
        if not a or not b:
            return 0.0
        shared = len(set(a).intersection(b))
        return shared / (len(a) + len(b) - shared)

    # -- boilerplate ---------------------------------------------------------------------
    def _without_boilerplate(self, sketch: FrequencySketch, hashes: np.ndarray,
                             offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The shingles (or sentences) in at most max_df of all texts, with their new offsets."""
        limit = boilerplate_limit(self.max_df, self._docs_counted, self.min_boilerplate_docs)
        return without_boilerplate(sketch, hashes, offsets, limit, self._docs_counted)

    # -- LSH -------------------------------------------------------------------------------
    def _index(self, start: int, signatures: np.ndarray) -> None:
        uf, buckets, buffer = self._uf, self._buckets, self._buffer
        needed = int(np.ceil(self.threshold * self.num_perm))
        by_sentence = self.sentence_threshold is not None
        if by_sentence:
            recheck = int(np.ceil(self.candidate_threshold * self.num_perm))
            sentences = np.diff(self._sentence_offsets)
            content = self._content
        alone = self._alone
        for local, keys in enumerate(band_keys(signatures, self.bands, self._seeds.band_mix).tolist()):
            doc = start + local
            if alone[doc]:
                continue
            candidates = set()
            for bucket, key in zip(buckets, keys, strict=True):
                first = bucket.setdefault(key, doc)
                if first != doc:
                    candidates.add(first)
            for other in candidates:
                if uf.find(other) == uf.find(doc):
                    continue
                equal = np.count_nonzero(buffer[doc] == buffer[other])
                if (
                    not by_sentence
                    or min(sentences[doc], sentences[other]) < self.min_sentences
                    or min(content[doc], content[other]) < self.min_content_sentences
                ):
                    joins = equal >= needed
                else:
                    joins = (
                        equal >= recheck and self.sentence_similarity(doc, other) >= self.sentence_threshold
                    )
                if joins:
                    uf.union(other, doc)

    def similarity(self, i: int, j: int) -> float:
        """Estimated Jaccard similarity of two fitted texts (by position)."""
        return float(np.mean(self.signatures_[i] == self.signatures_[j]))
