"""The workbench server: Streamlit's Starlette app for ``app.py`` plus the routes the script cannot be.

``signalstack workbench`` runs ``streamlit run workbench/server.py``; Streamlit finds ``app``
(an ``st.App``) and serves the pages of ``app.py`` next to ``/download/<token>``
(``workbench.downloads``) and ``/session/start`` and ``/session/end`` (``workbench.sessions``, which
sets and clears the HttpOnly session cookie). ``workbench.sessions.SessionGate`` runs in front of
everything and refuses ``/media/`` to a client without a valid session cookie.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench import downloads, sessions

app = st.App(Path(__file__).with_name("app.py"), routes=downloads.ROUTES + sessions.ROUTES,
             middleware=sessions.middleware())
