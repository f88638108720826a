"""Cluster the stored ads and keep the assignment in ``clusters`` / ``cluster_members``.

Two kinds are stored: ``text`` (near-duplicate texts, summary = template and slots)
and ``network`` (ads linked by phone, e-mail, handle, photo or text cluster,
summary = the network's facts and movement timeline). Each run replaces the
previous assignment of a kind in one transaction. A cluster keeps its key (and
its row id, which dossiers and the workbench point at) when it grows, and the
key of a merge is the key of its largest earlier part (``models.keys``).

Ads are identified as ``<site name>:<site ad id>``, which stays the same across
databases and re-imports. Phones, e-mails and handles come from the ``Entity``
rows of every version of an ad (a number an ad used to show still links it); the
text is that of the current version; photos come from ``AdVersion.images``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from core import audit
from core.schema import Ad, AdVersion, Cluster, ClusterMember, Entity, Site
from models.jobs import mark_non_adult, network_keys, text_cluster_keys, text_clusterer
from models.linking import NetworkLinker, describe_network, image_hashes
from models.templates import describe_text_cluster

ENTITY_FIELDS = {"phone": "phones", "email": "emails", "e-mail": "emails", "handle": "handles"}
KINDS = ("text", "network")


def _usable_images(images: Sequence[Any]) -> list[dict[str, Any]]:
    usable = []
    for image in images or ():
        if not isinstance(image, dict) or not image.get("phash"):
            continue  # fetch failed or not hashed: nothing to compare
        try:
            image_hashes(image)
        except ValueError:
            continue
        usable.append({"phash": image["phash"], "phash_mirror": image.get("phash_mirror")})
    return usable


def stored_records(session: Session) -> list[dict[str, Any]]:
    """One plain record per stored ad (with at least one version), ordered by ad id."""
    ads = session.execute(
        select(Ad).options(selectinload(Ad.versions), selectinload(Ad.site)).order_by(Ad.id)
    ).scalars().all()
    identifiers: dict[int, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    rows = session.execute(
        select(AdVersion.ad_id, Entity.kind, Entity.value, Entity.platform)
        .join(Entity, Entity.ad_version_id == AdVersion.id)
        .where(Entity.kind.in_(ENTITY_FIELDS))
        .order_by(Entity.id)
    )
    for ad_id, kind, value, platform in rows:
        field = ENTITY_FIELDS[kind]
        item = {"platform": platform, "handle": value} if field == "handles" and platform else value
        if item not in identifiers[ad_id][field]:
            identifiers[ad_id][field].append(item)
    records = []
    for ad in ads:
        if not ad.versions:
            continue
        current = ad.current
        found = identifiers.get(ad.id, {})
        records.append({
            "id": f"{ad.site.name}:{ad.site_ad_id}",
            "ad_id": ad.id,
            "text": current.text,
            "phones": found.get("phones", []),
            "emails": found.get("emails", []),
            "handles": found.get("handles", []),
            "images": [img for v in ad.versions for img in _usable_images(v.images)],
            "sightings": [{"city": v.city, "at": v.captured_at.isoformat()} for v in ad.versions if v.city],
        })
    return records


def _previous_keys(session: Session, kind: str) -> tuple[dict[str, str], dict[str, Cluster]]:
    clusters = {c.key: c for c in session.execute(select(Cluster).where(Cluster.kind == kind)).scalars()}
    members = session.execute(
        select(Ad.site_ad_id, Ad.site_id, Cluster.key)
        .join(ClusterMember, ClusterMember.ad_id == Ad.id)
        .join(Cluster, Cluster.id == ClusterMember.cluster_id)
        .where(Cluster.kind == kind)
    ).all()
    site_names = dict(session.execute(select(Site.id, Site.name)).all())
    return {f"{site_names[site_id]}:{site_ad_id}": key for site_ad_id, site_id, key in members}, clusters


def _store_kind(session: Session, kind: str, records: Sequence[dict[str, Any]], keys: Sequence[str | None],
                summaries: dict[str, dict[str, Any]], existing: dict[str, Cluster]) -> dict[str, int]:
    members: dict[str, list[int]] = defaultdict(list)
    for record, key in zip(records, keys, strict=True):
        if key is not None:
            members[key].append(record["ad_id"])
    gone = [c.id for key, c in existing.items() if key not in members]
    if existing:
        session.execute(delete(ClusterMember).where(ClusterMember.cluster_id.in_([c.id for c in existing.values()])))
    if gone:
        session.execute(delete(Cluster).where(Cluster.id.in_(gone)))
    created = kept = 0
    for key in sorted(members):
        cluster = existing.get(key)
        if cluster is None:
            cluster = Cluster(kind=kind, key=key, summary=summaries[key])
            session.add(cluster)
            created += 1
        else:
            cluster.summary = summaries[key]
            kept += 1
    session.flush()
    ids = {c.key: c.id for c in session.execute(select(Cluster).where(Cluster.kind == kind)).scalars()}
    session.add_all(ClusterMember(cluster_id=ids[key], ad_id=ad_id) for key, ad_ids in members.items()
                    for ad_id in ad_ids)
    session.flush()
    return {"clusters": len(members), "created": created, "kept": kept, "removed": len(gone),
            "ads": sum(len(v) for v in members.values())}


def cluster_stored_ads(session: Session, actor: str = "system", threshold: float | None = None,
                       engine: str | None = None) -> dict[str, Any]:
    """Recompute text clusters and networks of all stored ads inside the caller's transaction, with the
    configured text engine (setting ``text_clusterer``) unless `engine` names one."""
    records = stored_records(session)
    report: dict[str, Any] = {"ads": len(records)}

    previous, existing = _previous_keys(session, "text")
    clusterer = text_clusterer(engine, threshold)
    text_keys = text_cluster_keys(records, clusterer, previous) if records else []
    text_summaries: dict[str, dict[str, Any]] = {}
    by_text: dict[str, list[str]] = defaultdict(list)
    for record, key in zip(records, text_keys, strict=True):
        if key is not None:
            by_text[key].append(record["text"])
    for key, texts in by_text.items():
        text_summaries[key] = describe_text_cluster(texts)
    report["text"] = _store_kind(session, "text", records, text_keys, text_summaries, existing)

    mark_non_adult(records)  # a job ad or a sale joins a network by its identifiers only
    for record, key in zip(records, text_keys, strict=True):
        record["text_cluster"] = key
    previous, existing = _previous_keys(session, "network")
    if records:
        net_keys, linker = network_keys(records, NetworkLinker(), previous)
    else:
        net_keys, linker = [], None
    net_summaries: dict[str, dict[str, Any]] = {}
    if linker is not None:
        index_of_key: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(net_keys):
            if key is not None:
                index_of_key[key].append(i)
        links_by_key: dict[str, list] = defaultdict(list)
        for link in linker.links_:
            links_by_key[net_keys[link[0]]].append(link)
        for key, member_indices in index_of_key.items():
            net_summaries[key] = describe_network(records, member_indices, links_by_key[key])
    report["network"] = _store_kind(session, "network", records, net_keys, net_summaries, existing)
    audit.record(session, actor, "cluster", "clusters", "all", engine=type(clusterer).__name__,
                 threshold=clusterer.threshold,
                 **{k: v for k, v in report.items()})
    return report
