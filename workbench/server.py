"""The workbench server: Streamlit's Starlette app for ``app.py`` plus the one-time download route.

``signalstack workbench`` runs ``streamlit run workbench/server.py``; Streamlit finds ``app``
(an ``st.App``) and serves the pages of ``app.py`` next to ``/download/<token>``
(``workbench.downloads``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.downloads import ROUTES

app = st.App(Path(__file__).with_name("app.py"), routes=ROUTES)
