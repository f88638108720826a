"""Exporting a case as a signed evidence bundle (coordinators), then downloading it.

The bundle is written by ``casefiles.bundle.export_case`` (which checks the right to
export and audits it) under ``<data_dir>/exports``; the download itself is audited too,
because that is the moment the evidence leaves the system.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from casefiles.bundle import BundleError, export_case
from casefiles.cases import CaseError
from casefiles.signing import SigningError
from core import audit
from core.permissions import PermissionDenied
from core.schema import utcnow
from core.settings import get_settings
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


def _downloaded(who: Viewer, case_id: int, path: str) -> None:
    with db() as session:
        audit.record(session, who.username, "case.download", "case", case_id, path=path)


def export_controls(who: Viewer, case_id: int, number: str) -> None:
    st.button(t("cases.export"), key=f"export_{case_id}_go", on_click=_export, args=(who, case_id, number))
    path = st.session_state.get(f"export_{case_id}")
    if path and Path(path).is_file():
        st.download_button(t("cases.download", name=Path(path).name), Path(path).read_bytes(),
                           file_name=Path(path).name, mime="application/zip", key=f"export_{case_id}_download",
                           on_click=_downloaded, args=(who, case_id, path))
