"""The whole demo path on a tiny world: generate → serve → crawl → analyse → cluster → accounts."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from core.db import session_scope
from core.schema import Ad, CrawlJob, IndicatorHit, User
from core.users import authenticate
from signalstack.demo import run_demo


def test_demo_pipeline_on_a_tiny_world(settings):
    summary = run_demo(ads=60, days=5, seed=3, settings=settings, progress=lambda _m: None)

    assert summary.generated > 40
    assert summary.complete, summary.missing
    assert summary.crawled == summary.generated
    # every ad whose ground truth plants a minor indicator is in the triage queue
    assert summary.truth_minor_ads >= 1
    assert summary.truth_minor_ads_flagged == summary.truth_minor_ads
    assert 0 < summary.flagged < summary.generated
    assert summary.networks >= 1

    with session_scope(settings) as s:
        assert s.execute(select(func.count(Ad.id))).scalar() == summary.generated
        jobs = s.execute(select(CrawlJob)).scalars().all()
        assert {j.purpose for j in jobs} == {"Demonstration on a synthetic ad world (no real persons)."}
        assert all(j.status == "finished" and j.legal_basis for j in jobs)
        assert s.execute(select(func.count(IndicatorHit.id))).scalar() > 0
        for name, password in summary.accounts.items():
            user = authenticate(s, name, password)
            assert user is not None and user.team == "demo"
        assert s.execute(select(func.count(User.id))).scalar() == 2

    # a rerun resumes on the same database: no ad is doubled, accounts get fresh passwords
    again = run_demo(ads=60, days=5, seed=3, settings=settings, progress=lambda _m: None)
    assert again.complete and again.crawled == summary.crawled
    assert again.accounts != summary.accounts
    with session_scope(settings) as s:
        assert s.execute(select(func.count(Ad.id))).scalar() == summary.generated
    truth = [json.loads(line) for line in (summary.world / "truth.jsonl").open()]
    assert truth, "the demo world writes its ground truth"
