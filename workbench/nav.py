"""Which pages a viewer sees, in which order. Each page also checks its own permission."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from workbench.access import can
from workbench.i18n import t
from workbench.ui import Viewer

PAGES_DIR = Path(__file__).with_name("views")

# (file stem, url path, icon, action needed to see it or None)
PAGES = (
    ("home", "home", ":material/dashboard:", None),
    ("triage", "triage", ":material/checklist:", "ad.view"),
    ("ad", "ad", ":material/article:", "ad.view"),
    ("capture", "capture", ":material/history_edu:", "ad.view"),
    ("search", "search", ":material/search:", "ad.view"),
    ("network", "network", ":material/hub:", "ad.view"),
    ("trends", "trends", ":material/trending_up:", "ad.view"),
    ("dossiers", "dossiers", ":material/folder_shared:", "dossier.view"),
    ("cases", "cases", ":material/cases:", "case.view"),
    ("users", "users", ":material/group:", "users.manage"),
    ("audit", "audit", ":material/verified_user:", "audit.view"),
)


def page_path(stem: str) -> str:
    return str(PAGES_DIR / f"{stem}.py")


def sign_in_pages(sign_in: Callable[[], None]) -> list[st.Page]:
    """Every page address shows the sign-in form while nobody is signed in.

    So a deep link (``/ad?ad=12``) survives signing in, and signing out leaves the
    browser on a page that exists.
    """
    return [st.Page(sign_in, title=t("signin.title"), url_path=url, default=(stem == "home"))
            for stem, url, _, _ in PAGES]


def pages_for(who: Viewer) -> list[st.Page]:
    return [
        st.Page(page_path(stem), title=t(f"page.{stem}"), icon=icon, url_path=url, default=(stem == "home"))
        for stem, url, icon, action in PAGES
        if action is None or can(who, action)
    ]
