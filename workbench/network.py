"""The link graph around a seed: ads joined by the phones, e-mails, handles, photos and text clusters they share.

Loading (``neighbourhood``) reads the database; ``build_graph`` and ``layout_frames``
are pure, so they are tested on plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import networkx as nx
from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from core.lookup import parse_id
from core.schema import Ad, AdVersion, Cluster, ClusterMember, Entity, Site
from workbench.queries import text_matches
from workbench.search import SearchError, matching_ad_ids

LINK_KINDS = ("phone", "email", "handle")


@dataclass
class AdFacts:
    ad_id: int
    site: str
    title: str
    first_seen: datetime
    last_seen: datetime
    removed_at: datetime | None
    posted_at: datetime | None = None  # the site's own posting date, when the page shows one
    links: set[tuple[str, str]] = field(default_factory=set)  # (kind, value): phone, email, handle, image, cluster
    places: list[tuple[datetime, str]] = field(default_factory=list)  # (captured_at, city) per version


def site_date(text: str) -> datetime | None:
    """An ISO 8601 date or time as a site shows it (``2026-11-03``, ``…T10:00:00Z``), as aware UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def photo_key(image: dict[str, Any]) -> str:
    """One key for a photo and its mirror image: a reused photo is often flipped to dodge matching."""
    return min(str(image["phash"]), str(image.get("phash_mirror") or image["phash"]))


def seed_ad_ids(session: Session, seed: str, country: str = "NL") -> set[int]:
    """The ads a seed such as ``ad:12``, ``cluster:3``, ``phone:06 1234 5678`` or ``image:<phash>`` names."""
    kind, _, value = seed.partition(":")
    value = value.strip()
    if not value:
        raise SearchError("a seed looks like ad:12, phone:0612345678, email:x@y.nl, image:<hash>")
    if kind == "cluster":
        cluster_id = parse_id(value)
        if cluster_id is None:
            raise SearchError("a cluster seed needs the cluster's number")
        return set(session.execute(select(ClusterMember.ad_id).where(ClusterMember.cluster_id == cluster_id))
                   .scalars())
    if kind == "ad":
        ad_id = parse_id(value)
        if ad_id is None:
            raise SearchError("an ad seed needs the ad's number")
        return {ad_id} if session.get(Ad, ad_id) else set()
    return set(session.execute(matching_ad_ids(kind, value, country)).scalars())


def _facts(session: Session, ad_ids: set[int]) -> dict[int, AdFacts]:
    facts: dict[int, AdFacts] = {}
    if not ad_ids:
        return facts
    for ad, site in session.execute(select(Ad, Site.name).join(Site, Site.id == Ad.site_id)
                                    .where(Ad.id.in_(ad_ids))).all():
        title = ad.versions[-1].title if ad.versions else ""
        posted = site_date(ad.versions[0].posted_at) if ad.versions else None
        facts[ad.id] = AdFacts(ad.id, site, title, ad.first_seen, ad.last_seen, ad.removed_at, posted)
        for i, v in enumerate(ad.versions):
            # A first crawl sees every ad at once; the site's posting date places the first version
            # in time, so the timeline and the cities chart show when ads really appeared.
            at = posted if i == 0 and posted and posted < v.captured_at else v.captured_at
            facts[ad.id].places.append((at, v.city))
            for image in v.images or []:
                if isinstance(image, dict) and image.get("phash"):
                    facts[ad.id].links.add(("image", photo_key(image)))
    for ad_id, kind, value in session.execute(
        select(AdVersion.ad_id, Entity.kind, Entity.value).join(Entity, Entity.ad_version_id == AdVersion.id)
        .where(AdVersion.ad_id.in_(ad_ids), Entity.kind.in_(LINK_KINDS))
    ).all():
        facts[ad_id].links.add((kind, value))
    for ad_id, cluster_id in session.execute(
        select(ClusterMember.ad_id, ClusterMember.cluster_id).where(ClusterMember.ad_id.in_(ad_ids))
    ).all():
        facts[ad_id].links.add(("cluster", str(cluster_id)))
    return facts


def _ads_sharing(session: Session, links: set[tuple[str, str]], limit: int) -> set[int]:
    found: set[int] = set()
    by_kind: dict[str, list[str]] = {}
    for kind, value in links:
        by_kind.setdefault(kind, []).append(value)
    for kind in LINK_KINDS:
        if by_kind.get(kind):
            found |= set(session.execute(
                select(AdVersion.ad_id).join(Entity, Entity.ad_version_id == AdVersion.id)
                .where(Entity.kind == kind, Entity.value.in_(by_kind[kind])).limit(limit)).scalars())
    if by_kind.get("cluster"):
        found |= set(session.execute(select(ClusterMember.ad_id).where(
            ClusterMember.cluster_id.in_([int(c) for c in by_kind["cluster"]])).limit(limit)).scalars())
    for phash in by_kind.get("image", [])[:20]:
        found |= set(session.execute(select(AdVersion.ad_id).where(
            text_matches(cast(AdVersion.images, Text), phash)).limit(limit)).scalars())
    return found


def neighbourhood(session: Session, seeds: set[int], hops: int = 2, max_ads: int = 150) -> dict[int, AdFacts]:
    """The seed ads and every ad reachable from them over shared links in `hops` steps (at most `max_ads`)."""
    known = set(seeds)
    frontier = set(seeds)
    for _ in range(hops):
        if not frontier or len(known) >= max_ads:
            break
        links = set().union(*(f.links for f in _facts(session, frontier).values()))
        new = _ads_sharing(session, links, max_ads) - known
        new = set(sorted(new)[: max_ads - len(known)])
        known |= new
        frontier = new
    return _facts(session, known)


def build_graph(facts: dict[int, AdFacts]) -> nx.Graph:
    """Ads and the things they share; a phone, photo or cluster only one ad uses is left out as noise.

    Nodes and edges are added in a fixed order, so the seeded layout is the same in every process."""
    users: dict[tuple[str, str], set[int]] = {}
    ordered = [facts[ad_id] for ad_id in sorted(facts)]
    for f in ordered:
        for link in sorted(f.links):
            users.setdefault(link, set()).add(f.ad_id)
    graph = nx.Graph()
    for f in ordered:
        graph.add_node(f"ad:{f.ad_id}", kind="ad", label=f"ad {f.ad_id} · {f.site}", title=f.title)
    for (kind, value), ads in users.items():
        if len(ads) < 2:
            continue
        node = f"{kind}:{value}"
        graph.add_node(node, kind=kind, label=f"{kind} {value}", title=value)
        for ad_id in sorted(ads):
            graph.add_edge(f"ad:{ad_id}", node)
    return graph


def layout_frames(graph: nx.Graph, seed: int = 7) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(nodes with x, y, kind, label, degree; edges as pairs of points) for a chart."""
    if graph.number_of_nodes() == 0:
        return [], []
    pos = nx.spring_layout(graph, seed=seed)
    nodes = [{"id": n, "x": float(pos[n][0]), "y": float(pos[n][1]), "kind": d["kind"], "label": d["label"],
              "title": d.get("title", ""), "degree": graph.degree(n)} for n, d in graph.nodes(data=True)]
    edges = []
    for i, (a, b) in enumerate(graph.edges()):
        edges.append({"edge": i, "x": float(pos[a][0]), "y": float(pos[a][1])})
        edges.append({"edge": i, "x": float(pos[b][0]), "y": float(pos[b][1])})
    return nodes, edges


def movements(facts: dict[int, AdFacts]) -> list[dict[str, Any]]:
    """One row per ad per version: where it was advertised when (for the cities-over-time chart)."""
    return [{"ad": f"ad {f.ad_id}", "at": at, "city": city or "?"}
            for f in facts.values() for at, city in sorted(f.places)]


def city_changes(facts: dict[int, AdFacts]) -> list[dict[str, Any]]:
    """Each time an ad moved from one city to another (a displacement signal)."""
    changes = []
    for f in facts.values():
        places = sorted(f.places)
        for (_, before), (at, after) in zip(places, places[1:], strict=False):
            if before and after and before != after:
                changes.append({"ad": f.ad_id, "at": at, "from": before, "to": after})
    return sorted(changes, key=lambda c: c["at"])


def clusters_in(session: Session, facts: dict[int, AdFacts]) -> list[Cluster]:
    ids = {int(v) for f in facts.values() for k, v in f.links if k == "cluster"}
    if not ids:
        return []
    return list(session.execute(select(Cluster).where(Cluster.id.in_(ids)).order_by(Cluster.id)).scalars())


SEED_KINDS = ("ad", "cluster", "phone", "email", "handle", "image", "text", "url")


def resolve_seed(session: Session, seed: str, country: str = "NL") -> tuple[str, str, set[int]]:
    """(kind, value, ads) for a start typed as in search: ``0612345678``, ``x@y.nl``, ``@handle``, ``12``
    (an ad), a URL, words, an image hash; ``kind:value`` (``cluster:3``, ``phone:…``) also works."""
    from workbench.search import guess_kind

    text = seed.strip()
    kind, colon, value = text.partition(":")
    if colon and kind.strip().lower() in SEED_KINDS and not text.lower().startswith(("http:", "https:")):
        kind, value = kind.strip().lower(), value.strip()
    else:
        kind, value = guess_kind(text), text
    if kind == "phone":
        from workbench.search import normalised_phone

        value = normalised_phone(value, country)[0] or value  # stored phones are E.164
    if kind == "text" and len(value) >= 3:
        ids = set(session.execute(matching_ad_ids("text", value, country).limit(50)).scalars())
        return kind, value, ids
    return kind, value, seed_ad_ids(session, f"{kind}:{value}", country)


def ads_of_node(session: Session, node: str, country: str = "NL", limit: int = 150) -> set[int]:
    """The ads a graph node stands for (an ad itself; the ads sharing a phone, photo or cluster)."""
    kind, _, value = node.partition(":")
    if kind == "ad":
        ad_id = parse_id(value)
        return {ad_id} if ad_id is not None else set()
    if kind in LINK_KINDS or kind in ("image", "cluster"):
        return _ads_sharing(session, {(kind, value)}, limit)
    return set()


def expanded_neighbourhood(session: Session, seeds: set[int], hops: int, expanded: list[str],
                           max_ads: int = 150, country: str = "NL") -> dict[int, AdFacts]:
    """`neighbourhood` of the seeds, plus one more hop around each node the analyst expanded."""
    facts = neighbourhood(session, seeds, hops=hops, max_ads=max_ads)
    if not expanded:
        return facts
    known = set(facts)
    for node in expanded:
        around = ads_of_node(session, node, country, max_ads)
        known |= set(neighbourhood(session, around, hops=1, max_ads=max_ads))
    return _facts(session, known)
