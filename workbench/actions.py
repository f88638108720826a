"""The writing controls: review decisions and adding ads to cases.

Writes go only through ``casefiles`` functions. Buttons use callbacks that carry
the decision id the analyst was *shown*, so a decision someone else made in the
meantime surfaces as a conflict instead of being overwritten.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from casefiles.cases import CaseError, add_ad, create_case, get_case, list_cases
from casefiles.review import ReviewConflict, ReviewError, decide, may_read
from core.schema import User
from workbench.access import can
from workbench.errors import message as error_message
from workbench.i18n import action_label, t
from workbench.ui import Viewer, db, md

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


def outcome_of(ad_id: int) -> dict[str, Any] | None:
    """The outcome of the viewer's last decision on `ad_id` in this session, shown on that ad's card."""
    return st.session_state.setdefault("review_outcomes", {}).get(ad_id)


def _set_outcome(ad_id: int, **outcome: Any) -> None:
    st.session_state.setdefault("review_outcomes", {})[ad_id] = outcome


def record_decision(who: Viewer, ad_id: int, decision: str, seen_decision_id: int | None) -> None:
    """Record a decision; its outcome (saved, proposed, conflict, refused) lands on the ad's own card."""
    if not can(who, "review.decide"):
        _set_outcome(ad_id, kind="error", text=t("access.denied", action=action_label("review.decide")))
        return
    reason = str(st.session_state.get(f"reason_{ad_id}", ""))
    if decision == "dismiss" and not reason.strip():
        # Dismissing needs a reason: put the cursor in the field; Enter there completes the dismissal.
        st.session_state["dismiss_pending"] = ad_id
        st.session_state["focus_reason"] = ad_id
        _set_outcome(ad_id, kind="info", text=t("review.reason_required"))
        return
    st.session_state.pop("dismiss_pending", None)
    conflict: dict[str, Any] | None = None
    with db() as session:
        try:
            status = decide(session, session.get(User, who.id), ad_id, decision, reason, seen_decision_id).status
        except ReviewConflict as exc:
            latest = exc.latest
            shown = may_read(who, latest)
            conflict = {"theirs": latest.decision if shown else None, "by": latest.user.username if shown else None,
                        "their_reason": latest.reason if shown else "", "status": latest.status}
        except ReviewError as exc:
            _set_outcome(ad_id, kind="error", text=t("review.refused", detail=error_message(exc)))
            return
    st.session_state["triage_blur"] = True
    # The card stays where it is (also in a list of unreviewed ads), with the outcome on it.
    st.session_state.setdefault("decided_here", set()).add(ad_id)
    st.session_state["triage_focus_ad"] = ad_id
    if conflict is not None:
        _set_outcome(ad_id, kind="conflict", mine=decision, my_reason=reason, **conflict)
        return
    # Clear the field by value: popping the key lets the browser re-send the old text, and the next
    # decision on this ad would silently carry the previous reason.
    st.session_state[f"reason_{ad_id}"] = ""
    if status == "proposed":
        _set_outcome(ad_id, kind="warning", text=t("review.proposal_saved", ad=ad_id, decision=t("decision." + decision)))
        return
    _set_outcome(ad_id, kind="success", text=t("review.saved", ad=ad_id, decision=t("decision." + decision)))


def _reason_entered(who: Viewer, ad_id: int, seen_decision_id: int | None) -> None:
    """Enter in the reason field after "dismiss" asked for one completes that dismissal."""
    if st.session_state.get("dismiss_pending") == ad_id and str(st.session_state.get(f"reason_{ad_id}", "")).strip():
        record_decision(who, ad_id, "dismiss", seen_decision_id)


def show_outcome(ad_id: int) -> None:
    """The result of the viewer's last decision on this ad, on its card; a conflict shows both sides."""
    outcome = outcome_of(ad_id)
    if not outcome:
        return
    kind = outcome["kind"]
    if kind == "conflict":
        st.error(t("review.conflict_title"), icon=":material/sync_problem:")
        mine, theirs = st.columns(2)
        mine.markdown(f"**{t('review.conflict_mine')}**  \n{t('decision.' + outcome['mine'])} — "
                      f"{md(outcome['my_reason'] or '—')}")
        if outcome["theirs"]:
            label = t("decision." + outcome["theirs"])
            if outcome["status"] == "proposed":
                label += f" ({t('review.proposed_mark')})"
            theirs.markdown(f"**{t('review.conflict_theirs', user=md(outcome['by']))}**  \n{label} — "
                            f"{md(outcome['their_reason'] or '—')}")
        else:
            theirs.markdown(f"**{t('review.conflict_hidden')}**")
        st.caption(t("review.conflict_again"))
        return
    {"success": st.success, "warning": st.warning, "info": st.info}.get(kind, st.error)(outcome["text"])


SHORTCUTS = {"confirm": "1", "dismiss": "2", "urgent": "3"}


def decision_controls(who: Viewer, ad_id: int, seen_decision_id: int | None, shortcuts: bool = False) -> None:
    """Reason field and the three decision buttons, with the outcome of the last decision above them.

    With `shortcuts` (one ad at a time, as in the triage panel) the buttons answer to 1, 2 and 3. Their
    keys are then the same for every ad (``panel_confirm``, ...): the browser keeps one set of buttons
    whose shortcuts follow the ad shown. (Per-ad buttons that come and go left a shortcut bound to the
    ad shown before, in Streamlit 1.67.)
    """
    show_outcome(ad_id)
    st.text_input(t("review.reason"), key=f"reason_{ad_id}", placeholder=t("review.reason_hint"),
                  on_change=_reason_entered, args=(who, ad_id, seen_decision_id))
    # In the narrow triage panel a row that sizes to its labels (and wraps) keeps them whole.
    row = st.container(horizontal=True) if shortcuts else None
    cols = [row, row, row] if row is not None else st.columns(3)
    for col, decision in zip(cols, ("confirm", "dismiss", "urgent"), strict=True):
        col.button(t("decision." + decision), key=f"panel_{decision}" if shortcuts else f"{decision}_{ad_id}",
                   on_click=record_decision,
                   args=(who, ad_id, decision, seen_decision_id),
                   type="primary" if decision == "urgent" else "secondary",
                   shortcut=SHORTCUTS[decision] if shortcuts else None)


def add_to_case(who: Viewer, ad_id: int) -> None:
    if not can(who, "case.add"):
        flash("error", t("access.denied", action=action_label("case.add")))
        return
    choice = st.session_state.get(f"case_{ad_id}")
    title = str(st.session_state.get(f"newcase_{ad_id}", ""))
    try:
        with db() as session:
            if choice == NEW_CASE:
                case = create_case(session, title, who.team, who.username)
            else:
                case = get_case(session, choice or "")
                if case.team != who.team:  # nothing written yet: leaving the transaction changes nothing
                    flash("error", t("case.refused", detail=t("case.other_team")))
                    return
            add_ad(session, case, ad_id, who.username)
            number = case.number
    except CaseError as exc:
        flash("error", t("case.refused", detail=error_message(exc)))
        return
    flash("success", t("case.added", ad=ad_id, case=number))


def add_to_case_controls(who: Viewer, ad_id: int) -> None:
    with db() as session:
        cases = [(c.number, c.title) for c in list_cases(session, team=who.team) if c.status == "open"]
    options = [NEW_CASE] + [number for number, _ in cases]
    titles = dict(cases)
    c1, c2, c3 = st.columns([2, 2, 1])
    choice = c1.selectbox(t("case.choose"), options, key=f"case_{ad_id}",
                          format_func=lambda n: t("case.new") if n == NEW_CASE else f"{n} — {titles[n]}",
                          placeholder=t("common.choose"))
    if choice == NEW_CASE:
        c2.text_input(t("case.new_title"), key=f"newcase_{ad_id}")
    c3.button(t("case.add"), key=f"addcase_{ad_id}", on_click=add_to_case, args=(who, ad_id))
