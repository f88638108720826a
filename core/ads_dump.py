"""`signalstack ads dump`: stored ads with their extracted fields, risk and clusters, as JSON Lines.

Reads only kernel tables, so it needs no stage code. One object per ad (its current version),
in ad id order, streamed in pages so memory does not grow with the store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.schema import (
    Ad,
    AdVersion,
    Cluster,
    ClusterMember,
    Entity,
    IndicatorHit,
    Score,
    Site,
    analysis_text,
)

PAGE = 500


def _current_versions(session: Session, ad_ids: list[int]) -> dict[int, AdVersion]:
    newest: dict[int, AdVersion] = {}
    for v in session.execute(select(AdVersion).where(AdVersion.ad_id.in_(ad_ids))
                             .order_by(AdVersion.ad_id, AdVersion.version_no)).scalars():
        newest[v.ad_id] = v
    return newest


def dump_ads(session: Session) -> Iterator[dict[str, Any]]:
    last_id = 0
    while True:
        ads = session.execute(select(Ad, Site.name).join(Site, Site.id == Ad.site_id)
                              .where(Ad.id > last_id).order_by(Ad.id).limit(PAGE)).all()
        if not ads:
            return
        last_id = ads[-1][0].id
        ad_ids = [ad.id for ad, _ in ads]
        versions = _current_versions(session, ad_ids)
        version_ids = [v.id for v in versions.values()]
        entities: dict[int, list[Entity]] = defaultdict(list)
        for e in session.execute(select(Entity).where(Entity.ad_version_id.in_(version_ids))
                                 .order_by(Entity.id)).scalars():
            entities[e.ad_version_id].append(e)
        hits: dict[int, list[IndicatorHit]] = defaultdict(list)
        for h in session.execute(select(IndicatorHit).where(IndicatorHit.ad_version_id.in_(version_ids))
                                 .order_by(IndicatorHit.start)).scalars():
            hits[h.ad_version_id].append(h)
        scores: dict[int, Score] = {}
        for sc in session.execute(select(Score).where(Score.ad_version_id.in_(version_ids))
                                  .order_by(Score.id)).scalars():
            scores[sc.ad_version_id] = sc  # the newest score wins
        clusters: dict[int, dict[str, str]] = defaultdict(dict)
        for ad_id, kind, key in session.execute(
                select(ClusterMember.ad_id, Cluster.kind, Cluster.key).join(Cluster)
                .where(ClusterMember.ad_id.in_(ad_ids))):
            clusters[ad_id][kind] = key
        for ad, site in ads:
            v = versions.get(ad.id)
            if v is None:
                continue
            ents = entities[v.id]
            score = scores.get(v.id)

            def values(kind: str, ents: list[Entity] = ents) -> list[str]:
                return list(dict.fromkeys(e.value for e in ents if e.kind == kind))

            yield {
                "id": ad.id, "site": site, "site_ad_id": ad.site_ad_id, "url": ad.url,
                "first_seen": ad.first_seen.isoformat(), "last_seen": ad.last_seen.isoformat(),
                "removed_at": ad.removed_at.isoformat() if ad.removed_at else None,
                "version": v.version_no, "lang": v.lang, "title": v.title,
                "text": analysis_text(v.title, v.body), "city": v.city,
                "phones": values("phone"),
                "phones_obfuscated": any(e.obfuscated for e in ents if e.kind == "phone"),
                "emails": values("email"),
                "handles": [{"platform": e.platform, "handle": e.value} for e in ents if e.kind == "handle"],
                "ages": [int(a) for a in values("age") if a.isdigit()],
                "indicators": [{"code": h.code, "category": h.category, "start": h.start, "end": h.end,
                                "text": h.text, "weight": h.weight} for h in hits[v.id]],
                "risk": score.risk if score else None,
                "flagged": score.flagged if score else None,
                "model_version": score.model_version if score else None,
                "cluster": clusters[ad.id].get("text"),
                "network": clusters[ad.id].get("network"),
            }


def dump_lines(session: Session) -> Iterator[str]:
    for row in dump_ads(session):
        yield json.dumps(row, ensure_ascii=False)
