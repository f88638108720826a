"""What the signed-in viewer may do: a thin bridge to ``core.permissions``.

The rules live in one place (the kernel); the workbench only asks, hides what a
role cannot use, and shows a clear message instead of a traceback.
"""

from __future__ import annotations

import streamlit as st

from core.permissions import can as _can
from workbench.i18n import action_label, t
from workbench.ui import Viewer


def can(who: Viewer, action: str, team: str | None = None) -> bool:
    return _can(who, action, team)


def require(who: Viewer, action: str, team: str | None = None) -> None:
    """Stop the page with a clear message when `who` may not do `action`."""
    if not can(who, action, team):
        st.warning(t("access.denied", action=action_label(action)))
        st.stop()
