"""Claim controls in the triage list: claim an ad or the whole page, and for coordinators
assign ads to a team member and release stale claims. Writes go through ``casefiles.claims``."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import select

from casefiles.claims import ClaimError, ClaimView, assign, claim, release, release_stale
from core.schema import User
from workbench.access import can
from workbench.actions import flash
from workbench.errors import message as error_message
from workbench.i18n import plural, t
from workbench.ui import Viewer, db


def claim_error(exc: ClaimError) -> str:
    """A claim refusal in the viewer's language (the back end gives a message key and values)."""
    return error_message(exc)


def _claim(who: Viewer, ad_ids: list[int]) -> None:
    try:
        with db() as session:
            taken, skipped = claim(session, session.get(User, who.id), ad_ids)
    except ClaimError as exc:
        flash("error", claim_error(exc))
        return
    message = t("claim.taken", ads=plural("triage.ads", len(taken)))
    if skipped:
        message += " " + t("claim.skipped", ads=plural("triage.ads", len(skipped)))
    flash("success" if taken else "warning", message)


def _release(who: Viewer, ad_id: int) -> None:
    try:
        with db() as session:
            release(session, session.get(User, who.id), [ad_id])
    except ClaimError as exc:
        flash("error", claim_error(exc))
        return
    flash("success", t("claim.released", ad=ad_id))


def _assign(who: Viewer, ad_ids: list[int]) -> None:
    to = str(st.session_state.get("claim_assign_to") or "")
    try:
        with db() as session:
            taken, skipped = assign(session, session.get(User, who.id), ad_ids, to)
    except ClaimError as exc:
        flash("error", claim_error(exc))
        return
    message = t("claim.assigned", ads=plural("triage.ads", len(taken)), user=to)
    if skipped:
        message += " " + t("claim.skipped", ads=plural("triage.ads", len(skipped)))
    flash("success" if taken else "warning", message)


def _release_stale(who: Viewer) -> None:
    try:
        with db() as session:
            count = release_stale(session, session.get(User, who.id))
    except ClaimError as exc:
        flash("error", claim_error(exc))
        return
    flash("success", t("claim.stale_released", claims=plural("claim.claims", count)))


def team_members(who: Viewer) -> list[str]:
    with db() as session:
        return list(session.execute(select(User.username).where(
            User.team == who.team, User.active.is_(True), User.role.in_(("analyst", "coordinator")))
            .order_by(User.username)).scalars())


def toolbar(who: Viewer, page_ad_ids: list[int]) -> None:
    """Claim the page; for coordinators also assign it and release stale claims."""
    if not page_ad_ids or not can(who, "claim.make"):
        return
    with st.container(horizontal=True, key="claim_toolbar", vertical_alignment="bottom"):
        st.button(t("claim.page"), key="claim_page", on_click=_claim, args=(who, page_ad_ids),
                  icon=":material/lock:")
        if can(who, "claim.assign", who.team):
            st.selectbox(t("claim.assign_to"), team_members(who), key="claim_assign_to", width=220,
                         placeholder=t("common.choose"))
            st.button(t("claim.assign_page"), key="claim_assign", on_click=_assign, args=(who, page_ad_ids),
                      icon=":material/assignment_ind:")
            st.button(t("claim.release_stale"), key="claim_release_stale", on_click=_release_stale, args=(who,),
                      icon=":material/lock_reset:")


def claim_button(who: Viewer, ad_id: int, held: ClaimView | None) -> None:
    """Claim this ad (L), or release it when it is the viewer's own (or the coordinator's team's)."""
    if held is None:
        st.button(t("claim.one"), key=f"claim_{ad_id}", on_click=_claim, args=(who, [ad_id]),
                  icon=":material/lock:", shortcut="L")
    elif held.username == who.username or can(who, "claim.release", held.team) and held.team == who.team:
        st.button(t("claim.release"), key=f"unclaim_{ad_id}", on_click=_release, args=(who, ad_id),
                  icon=":material/lock_open:", shortcut="L")
