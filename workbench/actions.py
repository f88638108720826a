"""The writing controls: review decisions and adding ads to cases.

Writes go only through ``casefiles`` functions. Buttons use callbacks that carry
the decision id the analyst was *shown*, so a decision someone else made in the
meantime surfaces as a conflict instead of being overwritten.
"""

from __future__ import annotations

import streamlit as st

from casefiles.cases import CaseError, add_ad, create_case, get_case, list_cases
from casefiles.review import ReviewConflict, ReviewError, decide
from core.schema import User
from workbench.access import can
from workbench.i18n import t
from workbench.ui import Viewer, db

NEW_CASE = "__new__"


def flash(kind: str, message: str) -> None:
    st.session_state["flash"] = (kind, message)


def show_flash() -> None:
    """Show (once) the outcome of the last action."""
    kind, message = st.session_state.pop("flash", (None, None))
    if kind == "success":
        st.success(message)
    elif kind == "error":
        st.error(message)
    elif kind == "warning":
        st.warning(message)


def record_decision(who: Viewer, ad_id: int, decision: str, seen_decision_id: int | None) -> None:
    if not can(who, "review.decide"):
        flash("error", t("access.denied", action="review.decide"))
        return
    reason = str(st.session_state.get(f"reason_{ad_id}", ""))
    if decision == "dismiss" and not reason.strip():
        flash("error", t("review.reason_required"))
        return
    try:
        with db() as session:
            status = decide(session, session.get(User, who.id), ad_id, decision, reason, seen_decision_id).status
    except ReviewConflict as exc:
        flash("error", t("review.conflict", detail=str(exc)))
        return
    except ReviewError as exc:
        flash("error", t("review.refused", detail=str(exc)))
        return
    # Clear the field by value: popping the key lets the browser re-send the old text, and the next
    # decision on this ad would silently carry the previous reason.
    st.session_state[f"reason_{ad_id}"] = ""
    if status == "proposed":
        flash("warning", t("review.proposal_saved", ad=ad_id, decision=t("decision." + decision)))
        return
    flash("success", t("review.saved", ad=ad_id, decision=t("decision." + decision)))


def decision_controls(who: Viewer, ad_id: int, seen_decision_id: int | None) -> None:
    st.text_input(t("review.reason"), key=f"reason_{ad_id}", placeholder=t("review.reason_hint"))
    cols = st.columns(3)
    for col, decision in zip(cols, ("confirm", "dismiss", "urgent"), strict=True):
        col.button(t("decision." + decision), key=f"{decision}_{ad_id}", on_click=record_decision,
                   args=(who, ad_id, decision, seen_decision_id),
                   type="primary" if decision == "urgent" else "secondary")


def add_to_case(who: Viewer, ad_id: int) -> None:
    if not can(who, "case.add"):
        flash("error", t("access.denied", action="case.add"))
        return
    choice = st.session_state.get(f"case_{ad_id}")
    title = str(st.session_state.get(f"newcase_{ad_id}", ""))
    try:
        with db() as session:
            if choice == NEW_CASE:
                case = create_case(session, title, who.team, who.username)
            else:
                case = get_case(session, choice or "")
                if case.team != who.team:
                    raise CaseError(t("case.other_team"))
            add_ad(session, case, ad_id, who.username)
            number = case.number
    except CaseError as exc:
        flash("error", t("case.refused", detail=str(exc)))
        return
    flash("success", t("case.added", ad=ad_id, case=number))


def add_to_case_controls(who: Viewer, ad_id: int) -> None:
    with db() as session:
        cases = [(c.number, c.title) for c in list_cases(session, team=who.team) if c.status == "open"]
    options = [NEW_CASE] + [number for number, _ in cases]
    titles = dict(cases)
    c1, c2, c3 = st.columns([2, 2, 1])
    choice = c1.selectbox(t("case.choose"), options, key=f"case_{ad_id}",
                          format_func=lambda n: t("case.new") if n == NEW_CASE else f"{n} — {titles[n]}")
    if choice == NEW_CASE:
        c2.text_input(t("case.new_title"), key=f"newcase_{ad_id}")
    c3.button(t("case.add"), key=f"addcase_{ad_id}", on_click=add_to_case, args=(who, ad_id))
