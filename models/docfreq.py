"""Document frequencies in fixed memory, and the boilerplate cut both text clusterers make with them.

A count-min sketch: two rows of ``2**width_log2`` uint32 counters, each hash counted once per row
at a slot picked by multiply-shift with that row's salt; a frequency is the smaller of its two
counters. It never undercounts, and memory does not grow with the vocabulary (a million ads hold
tens of millions of distinct shingles). Callers pass hashes that are distinct within each text,
so counts are document counts.
"""

from __future__ import annotations

from functools import reduce

import numpy as np


class FrequencySketch:
    def __init__(self, width_log2: int, salts: np.ndarray):
        self.width_log2 = width_log2
        self.salts = salts  # one odd uint64 per row
        self.rows = np.zeros((len(salts), 1 << width_log2), dtype=np.uint32)

    def _slots(self, hashes: np.ndarray) -> list[np.ndarray]:
        shift = np.uint64(64 - self.width_log2)
        return [((hashes * salt) >> shift).astype(np.int64) for salt in self.salts]

    def count(self, hashes: np.ndarray) -> None:
        for row, slots in zip(self.rows, self._slots(hashes), strict=True):
            if len(slots) < len(row) // 8:  # few hashes: scattered adds beat a full-width bincount
                np.add.at(row, slots, 1)
            else:
                row += np.bincount(slots, minlength=len(row)).astype(np.uint32)

    def frequency(self, hashes: np.ndarray) -> np.ndarray:
        counts = (row[slots] for row, slots in zip(self.rows, self._slots(hashes), strict=True))
        return reduce(np.minimum, counts)


def boilerplate_limit(max_df: float, documents: int, min_documents: int) -> float:
    """Document frequency above which a shingle (or sentence) is boilerplate: more than ``max_df`` of
    the texts, and more than ``min_documents`` of them, so that in a small collection one busy
    template is not mistaken for boilerplate."""
    return max(max_df * documents, min_documents)


def without_boilerplate(sketch: FrequencySketch, hashes: np.ndarray, offsets: np.ndarray, limit: float,
                        documents: int) -> tuple[np.ndarray, np.ndarray]:
    """The hashes (text i owns ``hashes[offsets[i]:offsets[i + 1]]``) at or below ``limit``, with their
    new offsets; all of them while there are too few documents for anything to pass the limit."""
    if documents <= limit or not len(hashes):
        return hashes, offsets
    keep = sketch.frequency(hashes) <= limit
    kept_before = np.concatenate([[0], np.cumsum(keep)])
    return hashes[keep], kept_before[offsets]
