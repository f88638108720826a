"""Watch controls shared by the ad, network, search and home pages; writes go through ``casefiles.watches``."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import streamlit as st

from casefiles.cases import CaseError
from casefiles.watches import EXPIRY_DAYS, MAX_EXPIRY_DAYS, REVIEW_DAYS, acknowledge_alert, create_watch
from core.permissions import PermissionDenied
from core.settings import get_settings
from workbench.access import can
from workbench.i18n import t
from workbench.ui import Viewer, db

# What a search or network kind is called as a watch kind.
WATCH_KIND = {"phone": "phone", "email": "email", "handle": "handle", "image": "photo", "photo": "photo",
              "text": "text"}


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59), tzinfo=UTC)


def _save(who: Viewer, kind: str, value: str, key: str) -> None:
    reason = str(st.session_state.get(f"watch_reason_{key}", ""))
    review = st.session_state.get(f"watch_review_{key}")
    expires = st.session_state.get(f"watch_expires_{key}")
    try:
        with db() as session:
            watch = create_watch(session, who.username, kind, value, reason,
                                 review_at=_end_of_day(review) if review else None,
                                 expires_at=_end_of_day(expires) if expires else None,
                                 country=get_settings().default_country)
            shown = watch.value
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=str(exc)))
        return
    st.session_state[f"watch_reason_{key}"] = ""
    st.session_state["flash"] = ("success", t("watch.saved", kind=t("watch.kind." + kind), value=shown))


def watch_control(who: Viewer, kind: str, value: str, key: str) -> None:
    """A small popover that watches `value` for the viewer's team (nothing for roles that may not)."""
    kind = WATCH_KIND.get(kind, "")
    if not kind or not value.strip() or not can(who, "watch.create"):
        return
    today = date.today()
    with st.popover(t("watch.create"), icon=":material/notifications:"):
        st.caption(t("watch.what", kind=t("watch.kind." + kind), value=value))
        st.text_input(t("watch.reason"), key=f"watch_reason_{key}")
        c1, c2 = st.columns(2)
        c1.date_input(t("watch.review_at"), value=today + timedelta(days=REVIEW_DAYS),
                      min_value=today + timedelta(days=1), max_value=today + timedelta(days=MAX_EXPIRY_DAYS - 1),
                      key=f"watch_review_{key}")
        c2.date_input(t("watch.expires_at"), value=today + timedelta(days=EXPIRY_DAYS),
                      min_value=today + timedelta(days=1), max_value=today + timedelta(days=MAX_EXPIRY_DAYS - 1),
                      key=f"watch_expires_{key}")
        st.button(t("watch.save"), key=f"watch_save_{key}", on_click=_save, args=(who, kind, value, key),
                  icon=":material/notifications_active:")


def acknowledge(who: Viewer, alert_id: int) -> None:
    try:
        with db() as session:
            acknowledge_alert(session, who.username, alert_id)
    except (CaseError, PermissionDenied) as exc:
        st.session_state["flash"] = ("error", t("watch.refused", detail=str(exc)))
        return
    st.session_state["flash"] = ("success", t("watch.acknowledged", id=alert_id))
