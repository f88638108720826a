"""Append-only, hash-chained audit log.

Each entry's hash covers its content and the previous entry's hash, so an
edited, deleted or re-ordered row breaks the chain at that row. The
application only ever inserts here; ``verify_chain`` names the first bad entry.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.schema import AuditEntry, utcnow

GENESIS = "0" * 64
# Set on a session that appended entries; ``core.db.session_scope`` checkpoints the head after its commit.
WROTE = "audit.wrote"
# Any constant works; it only has to be the same for every writer.
_PG_AUDIT_LOCK = 0x5157A7


def _entry_hash(prev_hash: str, at: datetime, actor: str, action: str, object_type: str,
                object_id: str, detail: dict[str, Any]) -> str:
    payload = json.dumps(
        [prev_hash, at.astimezone(UTC).isoformat(timespec="microseconds"), actor, action,
         object_type, object_id, detail],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, actor: str, action: str, object_type: str = "", object_id: Any = "",
           **detail: Any) -> AuditEntry:
    """Append one entry inside the caller's transaction (so it commits or rolls back with the act)."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers so two entries never chain to the same predecessor.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    prev = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    at = utcnow()
    detail = json.loads(json.dumps(detail, default=str))
    entry = AuditEntry(
        at=at, actor=actor, action=action, object_type=object_type, object_id=str(object_id),
        detail=detail, prev_hash=prev or GENESIS,
        hash=_entry_hash(prev or GENESIS, at, actor, action, object_type, str(object_id), detail),
    )
    session.add(entry)
    session.flush()
    session.info[WROTE] = True
    return entry


@dataclass
class ChainReport:
    ok: bool
    entries: int
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS
    count = 0
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        count += 1
        if entry.prev_hash != prev:
            return ChainReport(False, count, entry.id, "does not follow the entry before it "
                               "(an entry was deleted or re-ordered)")
        expected = _entry_hash(entry.prev_hash, entry.at, entry.actor, entry.action,
                               entry.object_type, entry.object_id, entry.detail)
        if expected != entry.hash:
            return ChainReport(False, count, entry.id, "content does not match its hash (edited)")
        prev = entry.hash
    return ChainReport(True, count)
