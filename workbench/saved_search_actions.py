"""Saved searches on the search page: save the current search, re-run one of the team's, turn one into a
watch (the watch popover's inputs from ``workbench.watch_actions``), delete one's own. Writes go through
``casefiles.savedsearch``."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from casefiles.cases import CaseError
from casefiles.savedsearch import (
    WATCH_KIND,
    delete_saved_search,
    list_saved_searches,
    save_search,
    watch_saved_search,
)
from core.permissions import PermissionDenied
from core.settings import get_settings
from workbench.access import can
from workbench.errors import message as error_message
from workbench.i18n import t
from workbench.search import guess_kind
from workbench.ui import Viewer, db, md
from workbench.watch_actions import watch_form_inputs, watch_form_values

# Search-page state a saved search sets: facet -> its key in a saved search's filters.
FACET_FILTERS = {"site": "sites", "city": "cities", "category": "categories", "decision": "decisions"}


def _refused(exc: Exception) -> None:
    st.session_state["flash"] = ("error", t("search.saved_refused", detail=error_message(exc)))


def _save(who: Viewer, kind: str, query: str, filters: dict[str, Any]) -> None:
    name = str(st.session_state.get("saved_search_name", ""))
    try:
        with db() as session:
            save_search(session, who.username, name, query, kind, filters)
    except (CaseError, PermissionDenied) as exc:
        _refused(exc)
        return
    st.session_state["saved_search_name"] = ""
    st.session_state["flash"] = ("success", t("search.saved_ok", name=name.strip()))


def _rerun(query: str, kind: str, filters: dict[str, Any]) -> None:
    """Put a saved search back in the search page's inputs; the page then runs it."""
    state = st.session_state
    state["search_query"], state["search_kind"], state["search_page"] = query, kind, 1
    for facet, field in FACET_FILTERS.items():
        state[f"search_facet_{facet}"] = list(filters.get(field, []))
    for field in ("date_from", "date_to"):
        value = filters.get(field)
        state[f"search_{field}"] = date.fromisoformat(value) if value else None


def _delete(who: Viewer, saved_id: int, name: str) -> None:
    try:
        with db() as session:
            delete_saved_search(session, who.username, saved_id)
    except (CaseError, PermissionDenied) as exc:
        _refused(exc)
        return
    st.session_state["flash"] = ("success", t("search.saved_deleted", name=name))


def _watch(who: Viewer, saved_id: int, guessed: str) -> None:
    reason, review_at, expires_at = watch_form_values(f"saved_{saved_id}")
    try:
        with db() as session:
            watch = watch_saved_search(session, who.username, saved_id, reason, review_at, expires_at,
                                       kind=guessed, country=get_settings().default_country)
            kind, shown = watch.kind, watch.value
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=error_message(exc)))
        return
    st.session_state[f"watch_reason_saved_{saved_id}"] = ""
    st.session_state["flash"] = ("success", t("watch.saved", kind=t("watch.kind." + kind), value=shown))


def save_control(who: Viewer, kind: str, query: str, filters: dict[str, Any]) -> None:
    """A popover that saves the current search (input, kind, facet filters) for the viewer's team."""
    if not query.strip() or not can(who, "search.save"):
        return
    with st.popover(t("search.save"), icon=":material/bookmark_add:"):
        st.text_input(t("search.saved_name"), key="saved_search_name")
        st.button(t("search.save_button"), key="saved_search_save", on_click=_save,
                  args=(who, kind, query.strip(), filters), icon=":material/bookmark:")


def saved_list(who: Viewer, expanded: bool) -> None:
    """The team's saved searches: click one to run it again; turn one into a watch; delete one's own."""
    if not can(who, "search.save"):
        return
    with db() as session:
        saved = [(s.id, s.name, s.query, s.kind, dict(s.filters or {}), s.owner)
                 for s in list_saved_searches(session, who.username)]
    with st.expander(t("search.saved_title", team=who.team, n=len(saved)), expanded=expanded,
                     icon=":material/bookmarks:"):
        if not saved:
            st.caption(t("search.saved_none"))
        for saved_id, name, query, kind, filters, owner in saved:
            with st.container(key=f"saved_search_{saved_id}"):
                a, b, c = st.columns([3, 1, 1])
                a.button(md(name), key=f"saved_run_{saved_id}", on_click=_rerun, args=(query, kind, filters),
                         icon=":material/search:", help=t("search.saved_run", query=query))
                a.caption(t("search.saved_line", query=md(query), kind=t("search.kind." + kind), owner=owner))
                guessed = guess_kind(query) if kind == "auto" else kind
                if WATCH_KIND.get(guessed) and can(who, "watch.create"):
                    with b.popover(t("search.saved_watch"), icon=":material/notifications:"):
                        st.caption(t("watch.what", kind=t("watch.kind." + WATCH_KIND[guessed]), value=query))
                        watch_form_inputs(f"saved_{saved_id}")
                        st.button(t("watch.save"), key=f"saved_watch_{saved_id}", on_click=_watch,
                                  args=(who, saved_id, guessed), icon=":material/notifications_active:")
                if owner == who.username:
                    c.button(t("search.saved_delete"), key=f"saved_delete_{saved_id}", on_click=_delete,
                             args=(who, saved_id, name), icon=":material/delete:")
