"""Union-find over dense integer ids, growing as items are added."""

from __future__ import annotations

import numpy as np


class UnionFind:
    def __init__(self) -> None:
        self._parent: list[int] = []
        self._size: list[int] = []

    def __len__(self) -> int:
        return len(self._parent)

    def add(self, count: int = 1) -> None:
        start = len(self._parent)
        self._parent.extend(range(start, start + count))
        self._size.extend([1] * count)

    def find(self, item: int) -> int:
        parent = self._parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression keeps later finds near O(1)
            parent[item], item = root, parent[item]
        return root

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False when they were already one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]
        return True

    def labels(self) -> np.ndarray:
        """Dense component numbers in order of first member; -1 for items that stand alone."""
        roots = [self.find(i) for i in range(len(self._parent))]
        numbering: dict[int, int] = {}
        out = np.full(len(roots), -1, dtype=np.int64)
        for i, root in enumerate(roots):
            if self._size[root] < 2:
                continue
            out[i] = numbering.setdefault(root, len(numbering))
        return out
