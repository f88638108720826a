"""The signalstack workbench: `streamlit run workbench/app.py` (or `signalstack workbench`).

Nothing is shown before sign-in; after it, the pages the viewer's role may use.
"""

from __future__ import annotations

import streamlit as st

from workbench import auth, nav

st.set_page_config(page_title="signalstack", page_icon=":material/policy:", layout="wide")

viewer = auth.signed_in_viewer()
if viewer is None:
    st.navigation(nav.sign_in_pages(auth.sign_in_page), position="hidden").run()
else:
    auth.sidebar(viewer)
    st.navigation(nav.pages_for(viewer)).run()
