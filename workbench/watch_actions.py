"""Watch controls shared by the ad, network, search and home pages; writes go through ``casefiles.watches``."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import streamlit as st

from casefiles.cases import CaseError
from casefiles.watches import (
    EXPIRY_DAYS,
    MAX_EXPIRY_DAYS,
    REVIEW_DAYS,
    acknowledge_alert,
    create_watch,
    end_watch,
    review_watch,
)
from core.permissions import PermissionDenied
from core.settings import get_settings
from workbench.access import can
from workbench.errors import message as error_message
from workbench.i18n import t
from workbench.ui import Viewer, db

# What a search or network kind is called as a watch kind.
WATCH_KIND = {"phone": "phone", "email": "email", "handle": "handle", "image": "photo", "photo": "photo",
              "text": "text"}


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59), tzinfo=UTC)


def watch_form_values(key: str) -> tuple[str, datetime | None, datetime | None]:
    """The reason, review and expiry a ``watch_form_inputs(key)`` popover holds."""
    reason = str(st.session_state.get(f"watch_reason_{key}", ""))
    review = st.session_state.get(f"watch_review_{key}")
    expires = st.session_state.get(f"watch_expires_{key}")
    return reason, _end_of_day(review) if review else None, _end_of_day(expires) if expires else None


def _save(who: Viewer, kind: str, value: str, key: str) -> None:
    reason, review_at, expires_at = watch_form_values(key)
    try:
        with db() as session:
            watch = create_watch(session, who.username, kind, value, reason, review_at=review_at,
                                 expires_at=expires_at, country=get_settings().default_country)
            shown = watch.value
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=error_message(exc)))
        return
    st.session_state[f"watch_reason_{key}"] = ""
    st.session_state["flash"] = ("success", t("watch.saved", kind=t("watch.kind." + kind), value=shown))


def watch_form_inputs(key: str) -> None:
    """The reason, review date and expiry date inputs of a watch popover (read by ``watch_form_values``)."""
    today = date.today()
    st.text_input(t("watch.reason"), key=f"watch_reason_{key}")
    c1, c2 = st.columns(2)
    c1.date_input(t("watch.review_at"), format="DD-MM-YYYY", value=today + timedelta(days=REVIEW_DAYS),
                  min_value=today + timedelta(days=1), max_value=today + timedelta(days=MAX_EXPIRY_DAYS - 1),
                  key=f"watch_review_{key}")
    c2.date_input(t("watch.expires_at"), format="DD-MM-YYYY", value=today + timedelta(days=EXPIRY_DAYS),
                  min_value=today + timedelta(days=1), max_value=today + timedelta(days=MAX_EXPIRY_DAYS - 1),
                  key=f"watch_expires_{key}")


def watch_control(who: Viewer, kind: str, value: str, key: str) -> None:
    """A small popover that watches `value` for the viewer's team (nothing for roles that may not)."""
    kind = WATCH_KIND.get(kind, "")
    if not kind or not value.strip() or not can(who, "watch.create"):
        return
    with st.popover(t("watch.create"), icon=":material/notifications:"):
        st.caption(t("watch.what", kind=t("watch.kind." + kind), value=value))
        watch_form_inputs(key)
        st.button(t("watch.save"), key=f"watch_save_{key}", on_click=_save, args=(who, kind, value, key),
                  icon=":material/notifications_active:")


def acknowledge(who: Viewer, alert_id: int) -> None:
    try:
        with db() as session:
            acknowledge_alert(session, who.username, alert_id)
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=error_message(exc)))
        return
    st.session_state["flash"] = ("success", t("watch.acknowledged", id=alert_id))


def renew(who: Viewer, watch_id: int) -> None:
    """Keep watching: the new review date (and expiry) from the watch's renew inputs on the home page."""
    review = st.session_state.get(f"renew_review_{watch_id}")
    expires = st.session_state.get(f"renew_expires_{watch_id}")
    if review is None:
        st.session_state["flash"] = ("error", t("watch.refused", detail=t("watch.renew_needs_date")))
        return
    try:
        with db() as session:
            review_watch(session, who.username, watch_id, _end_of_day(review),
                         _end_of_day(expires) if expires else None)
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=error_message(exc)))
        return
    st.session_state["flash"] = ("success", t("watch.renewed", id=watch_id, review=review.isoformat()))


def end(who: Viewer, watch_id: int) -> None:
    """Stop watching, with the reason typed beside the end button."""
    reason = str(st.session_state.get(f"end_reason_{watch_id}", ""))
    try:
        with db() as session:
            end_watch(session, who.username, watch_id, reason)
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=error_message(exc)))
        return
    st.session_state["flash"] = ("success", t("watch.ended", id=watch_id))


def renew_or_end_control(who: Viewer, watch_id: int, expires: date) -> None:
    """Renew (a new review date, and expiry) or end a watch that is due for review."""
    if not can(who, "watch.review"):
        return
    today = date.today()
    limit = today + timedelta(days=MAX_EXPIRY_DAYS - 1)
    a, b = st.columns(2)
    with a.popover(t("watch.renew"), icon=":material/event_repeat:"):
        review_default = min(today + timedelta(days=REVIEW_DAYS), max(expires, today + timedelta(days=1)))
        st.date_input(t("watch.review_at"), format="DD-MM-YYYY", value=review_default,
                      min_value=today + timedelta(days=1),
                      max_value=limit, key=f"renew_review_{watch_id}")
        st.date_input(t("watch.expires_at"), format="DD-MM-YYYY", value=min(max(expires, review_default), limit),
                      min_value=today + timedelta(days=1),
                      max_value=limit, key=f"renew_expires_{watch_id}")
        st.button(t("watch.renew"), key=f"renew_{watch_id}", on_click=renew, args=(who, watch_id),
                  icon=":material/event_repeat:")
    with b.popover(t("watch.end"), icon=":material/notifications_off:"):
        st.text_input(t("watch.end_reason"), key=f"end_reason_{watch_id}")
        st.button(t("watch.end"), key=f"end_{watch_id}", on_click=end, args=(who, watch_id),
                  icon=":material/notifications_off:")
