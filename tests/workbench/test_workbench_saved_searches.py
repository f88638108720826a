"""Saved searches on the search page (save, re-run, turn into a watch, delete) and renewing or ending a
watch due for review on the home page, through AppTest on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from casefiles.watches import create_watch
from core.db import session_scope
from core.schema import AuditEntry, SavedSearch, Watch, utcnow


def _actions(settings) -> list[str]:
    with session_scope(settings) as s:
        return [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]


def _saved(settings) -> list[tuple]:
    with session_scope(settings) as s:
        return [(x.id, x.name, x.query, x.kind, x.filters, x.owner, x.team)
                for x in s.execute(select(SavedSearch).order_by(SavedSearch.id)).scalars()]


def test_save_rerun_watch_and_delete_a_search(world, app, settings):
    at = app(world, "anna", "search", q="0612345678")
    at.multiselect(key="search_facet_city").set_value(["Rotterdam"]).run()
    at.text_input(key="saved_search_name").set_value("Nummer Nina").run()
    at.button(key="saved_search_save").click().run()
    assert not app.failed(at), app.failed(at)
    assert any("Nummer Nina" in s.value for s in at.success)
    [(saved_id, name, query, kind, filters, owner, team)] = _saved(settings)
    assert (name, query, kind, filters, owner, team) == (
        "Nummer Nina", "0612345678", "auto", {"cities": ["Rotterdam"]}, "anna", "zuid")
    assert "search.save" in _actions(settings)

    # A teammate sees it, runs it again with its filters, and turns it into a watch.
    carl = app(world, "carl", "search")
    assert carl.button(key=f"saved_run_{saved_id}").label == "Nummer Nina"
    assert not [b for b in carl.button if b.key == f"saved_delete_{saved_id}"]  # only the owner deletes
    carl.button(key=f"saved_run_{saved_id}").click().run()
    assert not app.failed(carl), app.failed(carl)
    assert carl.text_input(key="search_query").value == "0612345678"
    assert carl.multiselect(key="search_facet_city").value == ["Rotterdam"]
    captions = " ".join(c.value for c in carl.caption)
    assert "Rotterdam" in captions and "Amersfoort" not in captions
    carl.text_input(key=f"watch_reason_saved_{saved_id}").set_value("terugkerend nummer").run()
    carl.date_input(key=f"watch_review_saved_{saved_id}").set_value(date.today() + timedelta(days=7)).run()
    carl.button(key=f"saved_watch_{saved_id}").click().run()
    assert not carl.error, [e.value for e in carl.error]
    with session_scope(settings) as s:
        [watch] = s.execute(select(Watch)).scalars().all()
        assert (watch.kind, watch.value, watch.team, watch.owner, watch.reason) == (
            "phone", "+31612345678", "zuid", "carl", "terugkerend nummer")
        assert watch.review_at.date() == date.today() + timedelta(days=7)
    assert {"search.watch", "watch.create"} <= set(_actions(settings))

    # Another team sees none of it; the auditor may not save; the owner deletes it.
    assert not [b for b in app(world, "bert", "search").button if b.key == f"saved_run_{saved_id}"]
    assert not [b for b in app(world, "audrey", "search", q="0612345678").button if b.key == "saved_search_save"]
    at = app(world, "anna", "search")
    at.button(key=f"saved_delete_{saved_id}").click().run()
    assert not app.failed(at), app.failed(at)
    assert _saved(settings) == [] and "search.delete" in _actions(settings)


def test_saving_without_a_name_is_refused(world, app, settings):
    at = app(world, "anna", "search", q="Bel mijn manager", kind="text")
    at.button(key="saved_search_save").click().run()
    assert any("naam" in e.value.lower() or "name" in e.value for e in at.error)
    assert _saved(settings) == []


def _due_watch(settings, value: str) -> int:
    with session_scope(settings) as s:
        watch = create_watch(s, "anna", "phone", value, "volgen")
        watch.review_at = utcnow() - timedelta(hours=1)  # due for review
        return watch.id


def test_home_renews_and_ends_a_watch_due_for_review(world, app, settings):
    renew_id, end_id = _due_watch(settings, "0612345678"), _due_watch(settings, "0687654321")
    # The auditor sees what is due but may not renew or end it.
    audrey = app(world, "audrey", "home")
    assert any("0612345678" in w.value for w in audrey.warning)
    assert not [b for b in audrey.button if b.key in (f"renew_{renew_id}", f"end_{end_id}")]

    at = app(world, "anna", "home")
    new_review = date.today() + timedelta(days=20)
    at.date_input(key=f"renew_review_{renew_id}").set_value(new_review).run()
    at.button(key=f"renew_{renew_id}").click().run()
    assert not app.failed(at) and not at.error, [e.value for e in at.error]
    at.button(key=f"end_{end_id}").click().run()  # no reason: refused
    assert at.error
    at.text_input(key=f"end_reason_{end_id}").set_value("nummer niet meer in gebruik").run()
    at.button(key=f"end_{end_id}").click().run()
    assert not app.failed(at)
    with session_scope(settings) as s:
        renewed, ended = s.get(Watch, renew_id), s.get(Watch, end_id)
        assert renewed.review_at.date() == new_review and renewed.ended_at is None
        assert ended.ended_at is not None and ended.ended_by == "anna"
        assert ended.ended_reason == "nummer niet meer in gebruik"
    assert {"watch.review", "watch.end"} <= set(_actions(settings))
    # Neither is due any more.
    at = app(world, "anna", "home")
    assert not [b for b in at.button if b.key in (f"renew_{renew_id}", f"end_{end_id}")]
