"""Exporting a case as a signed evidence bundle (coordinators), then downloading it.

The bundle is written by ``casefiles.bundle.export_case`` (which checks the right to
export and audits it) under ``<data_dir>/exports``. Its bytes are never given to
``st.download_button`` (whose ``/media/`` URL answers anyone for a while): "prepare
download" issues a one-time, short-lived link bound to this browser, and the route behind it
audits the download, because that is the moment the evidence leaves the system
(``workbench.downloads``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from casefiles.bundle import BundleError, export_case
from casefiles.cases import CaseError
from casefiles.signing import SigningError
from core.permissions import PermissionDenied
from core.schema import utcnow
from core.settings import get_settings
from workbench import downloads
from workbench.actions import flash
from workbench.i18n import t
from workbench.ui import Viewer, db


def _export(who: Viewer, case_id: int, number: str) -> None:
    settings = get_settings()
    folder = settings.data_path / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{number}-{utcnow().strftime('%Y%m%dT%H%M%SZ')}.zip"
    try:
        with st.spinner(t("cases.exporting")), db() as session:
            result = export_case(session, settings, who.username, case_id, out)
    except (BundleError, CaseError, SigningError, PermissionDenied) as exc:
        flash("error", t("cases.export_failed", detail=str(exc)))
        return
    st.session_state[f"export_{case_id}"] = str(result.path)
    flash("success", t("cases.exported", case=number, files=result.files, key=result.key_fingerprint,
                       path=str(result.path)))


def _prepare(who: Viewer, case_id: int, team: str, path: str) -> None:
    try:
        token = downloads.issue(Path(path), who.username, team, "case", case_id, st.context.cookies)
    except downloads.DownloadRefused as exc:
        flash("error", t("cases.download_refused", detail=str(exc)))
        return
    st.session_state[f"download_{case_id}"] = token


def export_controls(who: Viewer, case_id: int, number: str, team: str | None = None) -> None:
    st.button(t("cases.export"), key=f"export_{case_id}_go", on_click=_export, args=(who, case_id, number))
    path = st.session_state.get(f"export_{case_id}")
    if path and Path(path).is_file():
        st.button(t("cases.prepare_download", name=Path(path).name), key=f"export_{case_id}_prepare",
                  on_click=_prepare, args=(who, case_id, team or who.team, path), icon=":material/key:")
        token = st.session_state.get(f"download_{case_id}")
        if token and downloads.pending(token):
            # Relative: the route sits beside the pages, also behind a proxy. One use, a minute.
            st.markdown(f"[{t('cases.download', name=Path(path).name)}]({downloads.PREFIX}/{token})")
            st.caption(t("cases.download_once", seconds=downloads.TOKEN_TTL_S))
