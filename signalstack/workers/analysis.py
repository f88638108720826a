"""Analysis partitioned by ad-version id ranges, so several workers share it without a claim column.

A dispatcher cuts the unanalysed ids into ranges; each range is analysed in one transaction that
locks its rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises
writers anyway) and only takes versions whose ``analysed_at`` is still empty. A range handed out twice
(a redelivered message, two dispatchers) is therefore analysed once: the second run finds nothing left.
A worker killed mid-range leaves no rows behind, because its transaction never commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.db import session_scope
from core.schema import AdVersion
from core.settings import Settings


@dataclass(frozen=True)
class RangeResult:
    first_id: int
    last_id: int
    analysed: int
    flagged: int
    skipped: int  # in the range but already analysed, or locked by another worker


def pending_ranges(session: Session, batch_size: int) -> list[tuple[int, int]]:
    """Inclusive (first, last) id ranges covering every unanalysed version, `batch_size` versions each."""
    if batch_size < 1:
        raise ValueError("analyse_batch_size must be at least 1")
    ids = session.scalars(
        select(AdVersion.id).where(AdVersion.analysed_at.is_(None)).order_by(AdVersion.id)
    ).all()
    chunks = (ids[i:i + batch_size] for i in range(0, len(ids), batch_size))
    return [(chunk[0], chunk[-1]) for chunk in chunks]


def pending_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AdVersion).where(AdVersion.analysed_at.is_(None))))


def analyse_range(settings: Settings, first_id: int, last_id: int, actor: str = "system:worker") -> RangeResult:
    """Analyse the still-unanalysed versions with first_id <= id <= last_id, in one transaction."""
    from nlp.analyse import analyse_rows, locked_versions
    from nlp.licences import load_register

    threshold = float(settings.flag_threshold)
    register = load_register(settings.licence_register) if settings.licence_register else None
    with session_scope(settings) as session:
        in_range = int(session.scalar(
            select(func.count()).select_from(AdVersion).where(AdVersion.id.between(first_id, last_id))))
        rows = locked_versions(session, AdVersion.id.between(first_id, last_id), AdVersion.analysed_at.is_(None))
        if not rows:
            return RangeResult(first_id, last_id, 0, 0, in_range)
        flagged = analyse_rows(session, rows, threshold, register, actor)
    return RangeResult(first_id, last_id, len(rows), flagged, in_range - len(rows))
