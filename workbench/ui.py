"""Small helpers every page shares: the signed-in viewer, a database session, audited views."""

from __future__ import annotations

import json
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
