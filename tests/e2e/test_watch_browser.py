"""Watches in a real browser: an alert on the team's home page is acknowledged, and a watch is made
from the search page. Screenshots land in the test's tmp folder (and SIGNALSTACK_SCREENSHOTS if set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from casefiles.watches import create_watch, match_new
from core.db import session_scope
from core.schema import AuditEntry, Entity, Watch
from tests.e2e.test_browser import T, idle, open_page, sign_in, type_in

pytestmark = pytest.mark.slow


def _shot(page, tmp_path: Path, name: str) -> None:
    folder = Path(os.environ.get("SIGNALSTACK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_alert_on_home_is_acknowledged_and_a_watch_is_made_from_search(demo_database, workbench_url,
                                                                       browser_page, tmp_path):
    settings = demo_database.settings
    with session_scope(settings) as s:
        phone = s.execute(select(Entity.value).where(Entity.kind == "phone").order_by(Entity.id)).scalars().first()
        watch = create_watch(s, "analist", "phone", phone, "lead from the casusoverleg")
        watch.from_version_id = 0  # as if made before the crawl, so this crawl's ads alert
        match_new(s, since_version_id=0)

    page = browser_page
    sign_in(page, workbench_url, "analist", demo_database.accounts["analist"])
    idle(page)
    page.get_by_text(T("watch.alerts_title", team="demo")).wait_for()
    _shot(page, tmp_path, "home_alert")
    page.get_by_role("button", name=T("watch.acknowledge")).first.click()
    page.get_by_text(T("watch.acknowledged", id=1)).wait_for()
    with session_scope(settings) as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == "watch.acknowledge")).scalars().first()

    open_page(page, "page.search")
    type_in(page, page.get_by_label(T("search.query")), "nieuw in de stad")
    idle(page)
    page.get_by_role("button", name=T("watch.create")).click()
    type_in(page, page.get_by_label(T("watch.reason")), "recurring phrase of an operation")
    _shot(page, tmp_path, "search_watch")
    page.get_by_role("button", name=T("watch.save")).click()
    page.get_by_text(T("watch.saved", kind=T("watch.kind.text"), value="nieuw in de stad")).wait_for()
    with session_scope(settings) as s:
        assert s.execute(select(Watch.value).where(Watch.kind == "text")).scalar() == "nieuw in de stad"
