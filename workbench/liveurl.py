"""Live URLs of the site shown as text to copy, never as links: opening one reveals the viewer to the site."""

from __future__ import annotations

import streamlit as st

from workbench.i18n import t


def live_url(url: str, label: str = "") -> None:
    """`url` in a code block (which has a copy button) under a warning; nothing clickable."""
    if not url:
        return
    st.caption(("**" + label + "** · " if label else "") + ":material/warning: " + t("replay.live_warning"))
    st.code(url, language=None, wrap_lines=True)
