"""Small helpers every page shares: the signed-in viewer, a database session, audited views."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import streamlit as st
from sqlalchemy.orm import Session

from core import audit
from core.db import session_scope
from core.schema import User
from core.settings import get_settings


@dataclass(frozen=True)
class Viewer:
    """The signed-in user as plain values (safe to keep across reruns)."""

    id: int
    username: str
    role: str
    team: str
    lang: str

    @classmethod
    def of(cls, user: User) -> Viewer:
        return cls(user.id, user.username, user.role, user.team, user.lang)


@contextmanager
def db() -> Iterator[Session]:
    """One transaction against the configured database."""
    with session_scope(get_settings()) as session:
        yield session


def viewer() -> Viewer:
    """The signed-in viewer; app.py only runs a page once someone is signed in."""
    found = st.session_state.get("viewer")
    if found is None:
        st.stop()
    return found


def audit_once(session: Session, who: Viewer, action: str, object_type: str = "", object_id: Any = "",
               **detail: Any) -> bool:
    """Audit a view or search once per distinct thing looked at, not on every rerun of the page.

    Streamlit reruns a page on every click; the log should say what was seen, not how often
    the browser redrew it. Returns whether an entry was written.
    """
    key = json.dumps([action, object_type, str(object_id), detail], sort_keys=True, default=str)
    seen = st.session_state.setdefault("_audited", {})
    if seen.get(action) == key:
        return False
    audit.record(session, who.username, action, object_type, object_id, **detail)
    seen[action] = key
    return True


def short_time(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


_MARKDOWN_SPECIALS = set("\\`*_{}[]()<>#+-.!|~$:")


def md(text: Any) -> str:
    """Untrusted text made literal for st.markdown: no links, images, HTML or emphasis from an ad."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text)).replace("\n", " ")


def short_date(value: Any) -> str:
    """A date as Dutch and English analysts both read it: 01-12-2026."""
    return value.strftime("%d-%m-%Y") if value is not None else ""


def scroll_and_focus(scroll: bool = False, focus_key: str | None = None, blur: bool = False) -> None:
    """After a rerun: scroll the page back to the top, put the cursor in the input keyed `focus_key`,
    or take it out of any field (so that single-key shortcuts work again).

    Streamlit has no call for these. A script in a zero-height component frame (same origin) does it
    in the page around it; a counter makes each frame's document new, so the browser runs it again.
    (A script in ``st.html`` lands in Streamlit's event container and does not run reliably on reruns.)
    """
    import streamlit.components.v1 as components

    if scroll or focus_key or blur:
        count = st.session_state["_script_runs"] = int(st.session_state.get("_script_runs", 0)) + 1
        steps = []
        if blur:
            steps.append("if (doc.activeElement && doc.activeElement !== doc.body) doc.activeElement.blur();")
        if scroll:
            steps.append("const main = doc.querySelector('[data-testid=\"stMain\"]'); if (main) main.scrollTo(0, 0);")
        if focus_key and re.fullmatch(r"[A-Za-z0-9_-]+", focus_key):
            steps.append(f"const field = doc.querySelector('.st-key-{focus_key} input'); if (field) field.focus();")
        st.session_state["_page_script"] = (f"<script>/* {count} */ const doc = window.parent.document; "
                                            f"setTimeout(() => {{ {' '.join(steps)} }}, 100);</script>")
    # Rendered on every run, unchanged until the next action: a rerun in between must not take the
    # frame away before it ran, and an unchanged frame does not run again.
    if "_page_script" in st.session_state:
        components.html(st.session_state["_page_script"], height=0)
