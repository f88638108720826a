"""Twenty analysts on twenty real connections decide on the same few ads at once.

Every attempt must end either recorded or refused with ReviewConflict; a recorded decision
supersedes exactly the decision its author saw (no lost update, no fork in an ad's history);
no thread is left hanging; the audit chain verifies afterwards.
"""

from __future__ import annotations

import functools
import threading
from collections import Counter

import sqlalchemy
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from test_trust_world import make_ad, make_site, make_users

import core.db
from casefiles.review import ReviewConflict, decide, latest_decision
from core import audit
from core.db import session_scope
from core.schema import AuditEntry, ReviewDecision, User, utcnow

CLIENTS = 20
ROUNDS = 5
ADS = 4
DEADLINE_S = 120  # generous: a deadlock shows as a thread still alive, not as a slow run


def _engine_for_clients(settings, monkeypatch):
    """The project's engine configuration (pragmas, BEGIN IMMEDIATE), with room for every client."""
    roomy = functools.partial(sqlalchemy.create_engine, pool_size=CLIENTS, max_overflow=0, pool_timeout=DEADLINE_S)
    monkeypatch.setattr(core.db, "create_engine", roomy)
    return core.db._make_engine(settings.resolved_database_url, int(settings.sqlite_busy_timeout_ms))


def test_twenty_clients_decide_without_lost_updates(settings, monkeypatch):
    with session_scope(settings) as s:
        make_users(s)
        site, job = make_site(s)
        ad_ids = [make_ad(s, site, job, f"shared{n}", utcnow(), flagged=True).id for n in range(ADS)]
        user_id = s.execute(select(User.id).where(User.username == "anna")).scalar_one()
    engine = _engine_for_clients(settings, monkeypatch)
    start = threading.Barrier(CLIENTS, timeout=DEADLINE_S)
    outcomes: list[tuple[str, int, int | None, int | None]] = []  # (kind, ad, seen, recorded id)
    errors: list[BaseException] = []
    held: list[int] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        try:
            with engine.connect() as conn:
                conn.rollback()
                start.wait()
                with lock:
                    held.append(engine.pool.checkedout())
                for r in range(ROUNDS):
                    ad_id = ad_ids[(n + r) % ADS]
                    with Session(bind=conn) as s:  # what the analyst was shown
                        shown = latest_decision(s, ad_id)
                        seen = shown.id if shown else None
                        s.commit()
                    with Session(bind=conn) as s:
                        try:
                            row = decide(s, s.get(User, user_id), ad_id, ("confirm", "urgent")[r % 2],
                                         f"client {n} round {r}", seen_decision_id=seen)
                            s.commit()
                            result = ("recorded", ad_id, seen, row.id)
                        except ReviewConflict:
                            s.rollback()
                            result = ("conflict", ad_id, seen, None)
                    with lock:
                        outcomes.append(result)
        except BaseException as exc:  # reported by the main thread
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=DEADLINE_S)
    assert not [t for t in threads if t.is_alive()], "a client is still waiting: deadlock or lock leak"
    engine.dispose()
    assert errors == []
    assert max(held) == CLIENTS  # all twenty connections were open at once
    kinds = Counter(kind for kind, *_ in outcomes)
    assert sum(kinds.values()) == CLIENTS * ROUNDS
    assert kinds["recorded"] >= ADS and kinds["conflict"] > 0

    with session_scope(settings) as s:
        rows = {r.id: r for r in s.execute(select(ReviewDecision)).scalars()}
        recorded = {rid: (ad, seen) for kind, ad, seen, rid in outcomes if kind == "recorded"}
        assert set(rows) == set(recorded)  # nothing recorded that a client did not see succeed, nothing lost
        for rid, (ad, seen) in recorded.items():
            assert rows[rid].ad_id == ad and rows[rid].supersedes_id == seen
        for ad in ad_ids:
            history = sorted(r.id for r in rows.values() if r.ad_id == ad)
            # One linear history per ad: each decision supersedes the one right before it.
            assert [rows[h].supersedes_id for h in history] == [None, *history[:-1]]
        reviews = s.execute(select(func.count(AuditEntry.id)).where(AuditEntry.action.like("review.%"))).scalar()
        assert reviews == len(recorded)
        report = audit.verify_chain(s)
        assert report.ok, report
