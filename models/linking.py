"""Entity networks: ads joined by a shared phone, e-mail, handle, reused photo or text cluster.

``NetworkLinker`` follows the scikit-learn estimator conventions (``__init__`` only
stores parameters, ``fit`` returns self, learned attributes end in ``_``) but it is
not a numeric-array estimator: ``X`` is a sequence of ad records (plain dicts), so
sklearn's ``check_estimator`` does not apply; ``tests/models`` checks ``clone`` and
``get_params`` instead.

An ad record may carry:

- ``phones``, ``emails``: lists of strings (phones in E.164);
- ``handles``: list of ``{"platform", "handle"}`` dicts or ``"platform:handle"`` strings;
- ``images``: list of 64-bit pHash hex strings or ``{"phash", "phash_mirror"}`` dicts;
- ``text_cluster``: a near-duplicate text cluster key (or None);
- ``non_adult``: True for a listing that is not an adult-service ad (a job ad, something
  for sale; ``models.jobs.mark_non_adult``). Its text cluster links it to no one: a network
  is who advertises adult services, and one job or for-sale text is posted by unrelated
  people. Its phones, e-mails, handles and photos still link it;
- ``city`` / ``seen_at`` or ``sightings`` (``[{"city", "at"}]``) for the movement timeline.

Photos match when the Hamming distance of a's pHash to b's pHash, or to b's
mirrored pHash, is at most ``phash_threshold``. Candidates come from an index of
hash bands (pigeonhole: two hashes within distance t agree exactly on at least one
of t+1 bands), so photos are never compared all against all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin

from models.unionfind import UnionFind

LINK_KINDS = ("phone", "email", "handle", "image", "text")
PHASH_BITS = 64


def normalised_handle(handle: Any) -> str:
    if isinstance(handle, Mapping):
        platform = str(handle.get("platform", "")).strip().lower()
        name = str(handle.get("handle", "")).strip().lower().lstrip("@")
        return f"{platform}:{name}" if platform else name
    return str(handle).strip().lower().lstrip("@")


def parse_phash(value: Any) -> int:
    """A 64-bit pHash from its hex form; ValueError with a readable message otherwise."""
    text = str(value).strip().lower()
    if len(text) != PHASH_BITS // 4:
        raise ValueError(f"pHash must be {PHASH_BITS // 4} hex digits, got {value!r}")
    try:
        return int(text, 16)
    except ValueError:
        raise ValueError(f"pHash is not hexadecimal: {value!r}") from None


def image_hashes(image: Any) -> tuple[int, int | None]:
    """(pHash, mirrored pHash or None) of one image entry."""
    if isinstance(image, Mapping):
        if "phash" not in image:
            raise ValueError("image object without 'phash'")
        mirror = image.get("phash_mirror")
        return parse_phash(image["phash"]), (parse_phash(mirror) if mirror else None)
    return parse_phash(image), None


def identifiers(record: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    """(kind, normalised value) of every exact identifier an ad carries (a non-adult
    listing's text cluster is not one)."""
    for phone in record.get("phones") or ():
        yield "phone", str(phone).replace(" ", "")
    for email in record.get("emails") or ():
        yield "email", str(email).strip().lower()
    for handle in record.get("handles") or ():
        yield "handle", normalised_handle(handle)
    cluster = record.get("text_cluster")
    if cluster is not None and not record.get("non_adult"):
        yield "text", str(cluster)


def _band_slices(threshold: int) -> list[tuple[int, int]]:
    """(shift, mask) of threshold+1 bands that together cover the 64 bits."""
    bands = threshold + 1
    widths = [PHASH_BITS // bands + (1 if i < PHASH_BITS % bands else 0) for i in range(bands)]
    out, shift = [], 0
    for width in widths:
        out.append((shift, (1 << width) - 1))
        shift += width
    return out


class NetworkLinker(ClusterMixin, BaseEstimator):
    """Connected components of ads over shared identifiers and near-identical photos.

    Parameters
    ----------
    phash_threshold : int
        Largest Hamming distance (of 64 bits) at which two photos count as the same.
    min_phash_bits : int
        Photos whose pHash has fewer than this many set bits (or more than 64 minus it)
        are ignored: a pHash is a median split, so a real photo sets about half the bits,
        while blank or placeholder images hash to (nearly) all zeros and would link everything.
    link_on : tuple of str
        Which of ``phone``, ``email``, ``handle``, ``image``, ``text`` create links.
    max_text_cluster : int or None
        A text cluster with more ads than this links no one: a text that many ads share is
        a template in wide use (ads made of stock phrases grow such clusters at scale), not
        a sign of one advertiser. Its ads keep the cluster and their other links.

    Attributes
    ----------
    labels_ : ndarray of shape (n_ads,)
        Network number per ad, -1 for an ad that stands alone.
    n_networks_ : int
    links_ : list of (i, j, kind, value)
        The links that joined two networks (a spanning forest: why each ad is in its network).
    """

    def __init__(
        self,
        phash_threshold: int = 6,
        min_phash_bits: int = 8,
        link_on: tuple[str, ...] = LINK_KINDS,
        max_text_cluster: int | None = 1000,
    ):
        self.phash_threshold = phash_threshold
        self.min_phash_bits = min_phash_bits
        self.link_on = link_on
        self.max_text_cluster = max_text_cluster

    def fit(self, X: Sequence[Mapping[str, Any]], y: Any = None) -> NetworkLinker:
        unknown = set(self.link_on) - set(LINK_KINDS)
        if unknown:
            raise ValueError(f"unknown link kinds {sorted(unknown)}; choose from {LINK_KINDS}")
        if not 0 <= self.phash_threshold < PHASH_BITS // 2:
            raise ValueError("phash_threshold must be between 0 and 31")
        uf = UnionFind()
        uf.add(len(X))
        links: list[tuple[int, int, str, str]] = []

        text_sizes = Counter(value for record in X for kind, value in identifiers(record) if kind == "text")
        too_common = {v for v, n in text_sizes.items() if self.max_text_cluster is not None and n > self.max_text_cluster}
        first_holder: dict[tuple[str, str], int] = {}
        for i, record in enumerate(X):
            for kind, value in identifiers(record):
                if kind not in self.link_on or not value or (kind == "text" and value in too_common):
                    continue
                holder = first_holder.setdefault((kind, value), i)
                if holder != i and uf.union(holder, i):
                    links.append((holder, i, kind, value))
        if "image" in self.link_on:
            self._link_images(X, uf, links)

        self.labels_ = uf.labels()
        self.n_networks_ = int(self.labels_.max() + 1) if len(self.labels_) else 0
        self.links_ = links
        return self

    def _informative(self, phash: int) -> bool:
        bits = phash.bit_count()
        return self.min_phash_bits <= bits <= PHASH_BITS - self.min_phash_bits

    def _link_images(self, X: Sequence[Mapping[str, Any]], uf: UnionFind, links: list) -> None:
        # Exact repeats are the common case (one photo reposted): group them first so the
        # band index below only ever sees each distinct hash once.
        ads_by_hash: dict[int, list[int]] = defaultdict(list)
        mirrors: dict[int, set[int]] = defaultdict(set)
        for i, record in enumerate(X):
            for image in record.get("images") or ():
                phash, mirror = image_hashes(image)
                if not self._informative(phash):
                    continue
                ads_by_hash[phash].append(i)
                if mirror is not None and self._informative(mirror):
                    mirrors[phash].add(mirror)
        for phash, ads in ads_by_hash.items():
            for other in ads[1:]:
                if uf.union(ads[0], other):
                    links.append((ads[0], other, "image", f"{phash:016x}"))

        slices = _band_slices(self.phash_threshold)
        index: list[dict[int, list[tuple[int, int]]]] = [defaultdict(list) for _ in slices]
        # Index each photo under its own hash and its mirror's, so a query with b's pHash
        # finds a when b is a or a mirrored a.
        for phash in ads_by_hash:
            for variant in (phash, *mirrors.get(phash, ())):
                for band, (shift, mask) in zip(index, slices, strict=True):
                    band[(variant >> shift) & mask].append((variant, phash))
        for phash, ads in ads_by_hash.items():
            checked: set[int] = set()
            for band, (shift, mask) in zip(index, slices, strict=True):
                for variant, owner in band.get((phash >> shift) & mask, ()):
                    if owner == phash or owner in checked:
                        continue
                    distance = (variant ^ phash).bit_count()
                    if distance > self.phash_threshold:
                        continue
                    checked.add(owner)
                    if uf.union(ads[0], ads_by_hash[owner][0]):
                        mirrored = variant != owner
                        links.append((ads_by_hash[owner][0], ads[0], "image",
                                      f"{owner:016x}~{phash:016x} d={distance}{' mirrored' if mirrored else ''}"))


def _sightings(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    seen = [(str(s.get("city") or ""), str(s.get("at") or "")) for s in record.get("sightings") or ()]
    if not seen and record.get("city"):
        seen = [(str(record["city"]), str(record.get("seen_at") or ""))]
    return [(city, at) for city, at in seen if city]


def describe_network(
    records: Sequence[Mapping[str, Any]], members: Sequence[int], links: Iterable[tuple[int, int, str, str]] = ()
) -> dict[str, Any]:
    """Plain facts about one network: its ads, identifiers, cities and movement over time.

    ``timeline`` lists per city when the network was first and last seen there (ISO
    times sort as text), ordered by first sighting: displacement shows as a walk
    through cities.
    """
    ids = [records[i].get("id") for i in members]
    shared: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    phones, emails, handles, images, cities = set(), set(), set(), set(), set()
    timeline: dict[str, dict[str, Any]] = {}
    for i in members:
        record = records[i]
        for kind, value in set(identifiers(record)):
            shared[kind][value] += 1
            {"phone": phones, "email": emails, "handle": handles}.get(kind, set()).add(value)
        for image in record.get("images") or ():
            images.add(f"{image_hashes(image)[0]:016x}")
        for city, at in _sightings(record):
            cities.add(city)
            span = timeline.setdefault(city, {"city": city, "first_seen": at, "last_seen": at, "ads": set()})
            if at and (not span["first_seen"] or at < span["first_seen"]):
                span["first_seen"] = at
            if at and at > span["last_seen"]:
                span["last_seen"] = at
            span["ads"].add(str(record.get("id")))
    return {
        "size": len(members),
        "ads": ids,
        "phones": sorted(phones),
        "emails": sorted(emails),
        "handles": sorted(handles),
        "images": sorted(images),
        "cities": sorted(cities),
        "timeline": sorted(
            ({**span, "ads": len(span["ads"])} for span in timeline.values()),
            key=lambda s: (s["first_seen"], s["city"]),
        ),
        "shared": {kind: {v: n for v, n in sorted(values.items()) if n > 1} for kind, values in shared.items()},
        "links": [
            {"a": records[a].get("id"), "b": records[b].get("id"), "kind": kind, "value": value}
            for a, b, kind, value in links
        ],
    }


def network_members(labels: np.ndarray) -> list[list[int]]:
    """Member indices per network number, in network order."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        if label >= 0:
            groups[label].append(i)
    return [groups[k] for k in sorted(groups)]
