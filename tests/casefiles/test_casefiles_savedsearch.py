"""Saved searches: save, list per team, delete one's own, turn into a watch; audited, team-bound."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from casefiles.cases import CaseAccessDenied, CaseError
from casefiles.savedsearch import (
    SavedSearchError,
    delete_saved_search,
    get_saved_search,
    list_saved_searches,
    save_search,
    watch_saved_search,
)
from casefiles.watches import list_watches
from core.db import session_scope
from core.schema import AuditEntry, SavedSearch, User, utcnow


@pytest.fixture
def team(settings):
    with session_scope(settings) as s:
        for name, role, team in (("ana", "analyst", "vice"), ("coco", "coordinator", "vice"),
                                 ("audrey", "auditor", "vice"), ("adam", "admin", "vice"),
                                 ("otto", "analyst", "other")):
            s.add(User(username=name, password_hash="x", role=role, team=team))
    return settings


def _actions(s) -> list[str]:
    return [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id))]


def test_save_list_and_filters(team):
    with session_scope(team) as s:
        saved = save_search(s, "ana", " Manager ", " Bel mijn manager ", "text",
                            {"cities": ("Utrecht", "Amersfoort"), "date_from": date(2026, 1, 2), "sites": ()})
        save_search(s, "coco", "Alpha", "0612345678")
        save_search(s, "otto", "Theirs", "@lisa", "handle")
        saved_id = saved.id
    with session_scope(team) as s:
        got = get_saved_search(s, "coco", saved_id)
        assert (got.name, got.query, got.kind, got.owner, got.team) == (
            "Manager", "Bel mijn manager", "text", "ana", "vice")
        assert got.filters == {"cities": ["Amersfoort", "Utrecht"], "date_from": "2026-01-02"}
        assert [x.name for x in list_saved_searches(s, "ana")] == ["Alpha", "Manager"]
        assert [x.name for x in list_saved_searches(s, "otto")] == ["Theirs"]
        assert _actions(s).count("search.save") == 3


def test_save_refusals(team):
    with session_scope(team) as s:
        with pytest.raises(SavedSearchError, match="name"):
            save_search(s, "ana", " ", "x y z")
        with pytest.raises(SavedSearchError, match="no search"):
            save_search(s, "ana", "n", "  ")
        with pytest.raises(SavedSearchError, match="kind"):
            save_search(s, "ana", "n", "q", "everything")
        with pytest.raises(SavedSearchError, match="filter"):
            save_search(s, "ana", "n", "q", "text", {"colour": ["red"]})
        for who in ("audrey", "adam", "ghost"):
            with pytest.raises(CaseAccessDenied):
                save_search(s, who, "n", "q")
        with pytest.raises(CaseAccessDenied):
            list_saved_searches(s, "adam")
        assert s.execute(select(SavedSearch)).first() is None


def test_only_the_owner_deletes_and_other_teams_see_nothing(team):
    with session_scope(team) as s:
        saved_id = save_search(s, "ana", "Mine", "Bel mijn manager", "text").id
    with session_scope(team) as s:
        with pytest.raises(SavedSearchError, match="belongs to ana"):
            delete_saved_search(s, "coco", saved_id)
        for call in (lambda: delete_saved_search(s, "otto", saved_id), lambda: get_saved_search(s, "otto", saved_id),
                     lambda: delete_saved_search(s, "ana", 99999), lambda: delete_saved_search(s, "ana", "x")):
            with pytest.raises(CaseError) as info:
                call()
            assert "not found" in str(info.value)
    with session_scope(team) as s:
        delete_saved_search(s, "ana", saved_id)
    with session_scope(team) as s:
        assert list_saved_searches(s, "ana") == []
        assert "search.delete" in _actions(s)


def test_turn_into_a_watch(team):
    review, expires = utcnow() + timedelta(days=10), utcnow() + timedelta(days=60)
    with session_scope(team) as s:
        text_id = save_search(s, "ana", "Manager", "Bel mijn manager!", "text").id
        phone_id = save_search(s, "ana", "Nummer", "06-12345678", "auto").id
        image_id = save_search(s, "ana", "Foto", "c3a5f00f0ff0a5c3", "image").id
        url_id = save_search(s, "ana", "Url", "http://127.0.0.1/x", "url").id
    with session_scope(team) as s:
        phrase = watch_saved_search(s, "coco", text_id, "terugkerende tekst", review, expires)
        assert (phrase.kind, phrase.value, phrase.team, phrase.owner) == ("text", "bel mijn manager", "vice", "coco")
        assert phrase.review_at == review and phrase.expires_at == expires
        phone = watch_saved_search(s, "ana", phone_id, "nummer", kind="phone")
        assert (phone.kind, phone.value) == ("phone", "+31612345678")
        assert watch_saved_search(s, "ana", image_id, "foto").kind == "photo"
        with pytest.raises(SavedSearchError, match="cannot be watched"):
            watch_saved_search(s, "ana", url_id, "r")
        with pytest.raises(SavedSearchError, match="cannot be watched"):
            watch_saved_search(s, "ana", save_search(s, "ana", "Auto", "iets", "auto").id, "r")  # kind unguessed
        with pytest.raises(CaseError, match="reason"):
            watch_saved_search(s, "ana", text_id, " ")
        with pytest.raises(CaseError, match="not found"):
            watch_saved_search(s, "otto", text_id, "r")
        with pytest.raises(CaseAccessDenied):
            watch_saved_search(s, "audrey", text_id, "r")
    with session_scope(team) as s:
        assert sorted(w.kind for w in list_watches(s, "ana")) == ["phone", "photo", "text"]
        actions = _actions(s)
        assert actions.count("search.watch") == 3 and actions.count("watch.create") == 3
