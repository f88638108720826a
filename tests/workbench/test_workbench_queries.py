"""The triage and search queries the workbench pages stand on (scale behaviour in benchmarks/bench_queries.py)."""

from __future__ import annotations

from casefiles.review import decide
from core.db import session_scope
from core.schema import User
from workbench import queries
from workbench.queries import TriageFilters, triage_page
from workbench.search import search_ads


def test_the_queue_total_is_exact_until_the_count_limit(world, settings, monkeypatch):
    with session_scope(settings) as s:
        rows, total, exact = triage_page(s, TriageFilters(), page=0, page_size=1)
        assert [r.ad_id for r in rows] == [world.high] and total == 2 and exact
        monkeypatch.setattr(queries, "COUNT_AHEAD", 0)
        rows, total, exact = triage_page(s, TriageFilters(), page=0, page_size=1)
        assert [r.ad_id for r in rows] == [world.high] and total == 1 and not exact
        rows, total, exact = triage_page(s, TriageFilters(), page=1, page_size=1)
        assert [r.ad_id for r in rows] == [world.mid] and total == 2 and exact


def test_unreviewed_only_drops_every_decided_ad(world, settings):
    with session_scope(settings) as s:
        decide(s, s.get(User, world.users["anna"]), world.high, "dismiss", "adult, own agenda")
    with session_scope(settings) as s:
        rows, total, _ = triage_page(s, TriageFilters(unreviewed_only=True))
        assert [r.ad_id for r in rows] == [world.mid] and total == 1


def test_a_phone_in_national_form_finds_the_stored_e164_number(world, settings):
    with session_scope(settings) as s:
        found, total, kind = search_ads(s, "phone", "06 12 34 56 78")
        assert kind == "phone" and world.mid in {f.ad_id for f in found} and total >= 1
        found, total, _ = search_ads(s, "phone", "06 99 99 99 99")
        assert total == 0
