"""The signalstack workbench: `streamlit run workbench/app.py` (or `signalstack workbench`).

Nothing is shown before sign-in; after it, the pages the viewer's role may use. A page
that fails shows a short message with a reference; the traceback goes to the server
log only (it can hold ad text and query details).
"""

from __future__ import annotations

import base64
import logging
import uuid
from pathlib import Path

import streamlit as st

from workbench import auth, nav, password_change
from workbench.i18n import t

log = logging.getLogger("signalstack.workbench")

# A file, not ":material/...": for those the browser fetches the favicon from fonts.gstatic.com, and
# the workbench must make no request to another host (it would reveal its use). Inlined as a data URL:
# a file path would be served from /media/, which needs a session cookie (workbench.sessions), so the
# sign-in page would have no icon.
FAVICON = Path(__file__).with_name("static") / "favicon.png"
FAVICON_URL = "data:image/png;base64," + base64.b64encode(FAVICON.read_bytes()).decode("ascii")

st.set_page_config(page_title="signalstack", page_icon=FAVICON_URL, layout="wide")

try:
    viewer = auth.signed_in_viewer()
    if viewer is None:
        st.navigation(nav.sign_in_pages(auth.sign_in_page), position="hidden").run()
    elif st.session_state.get("must_change_password"):
        st.navigation([st.Page(password_change.page, title=t("password.title"), url_path="home", default=True)],
                      position="hidden").run()
    else:
        auth.sidebar(viewer)
        st.navigation(nav.pages_for(viewer)).run()
except Exception:  # st.stop and st.rerun are BaseExceptions and pass through
    reference = uuid.uuid4().hex[:8]
    log.exception("workbench page failed (reference %s)", reference)
    st.error(t("common.failed", reference=reference))
