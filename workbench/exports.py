"""Exporting a case as a signed evidence bundle (coordinators), then downloading it.

The bundle is written by ``casefiles.bundle.export_case`` (which checks the right to
export and audits it) under ``<data_dir>/exports``. Its bytes are never given to
``st.download_button`` (whose ``/media/`` URL answers anyone for a while): "prepare
download" issues a one-time, short-lived link bound to this browser, and the route behind it
audits the download, because that is the moment the evidence leaves the system
(``workbench.downloads``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from casefiles.bundle import BundleError, export_case
from casefiles.cases import CaseError, get_case, record_export_check
from casefiles.signing import SigningError
from casefiles.verify import verify_bundle
from core.permissions import PermissionDenied
from core.schema import utcnow
from core.settings import get_settings
from workbench import downloads
from workbench.actions import flash
from workbench.errors import message as error_message
from workbench.i18n import plural, t
from workbench.ui import Viewer, db


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 hex digits of a key fingerprint in groups of four ("8563 d039 1052 a9a7"): enough to
    compare with ``case verify``'s output by eye, without a 64-character string in a message."""
    digits = "".join(ch for ch in fingerprint if ch.isalnum())[:16]
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _export(who: Viewer, case_id: int, number: str) -> None:
    """Export, then verify the bundle as ``signalstack case verify`` does, so the file count shown is the one
    verify gives; the check is audited and forms the case's export history. The message names the file and
    the key's fingerprint, never a server path or a key."""
    settings = get_settings()
    folder = settings.data_path / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{number}-{utcnow().strftime('%Y%m%dT%H%M%SZ')}.zip"
    try:
        with st.spinner(t("cases.exporting")), db() as session:
            result = export_case(session, settings, who.username, case_id, out)
            check = verify_bundle(result.path)
            record_export_check(session, get_case(session, case_id), who.username, result.path.name,
                                _sha256(result.path), check.ok, check.files, check.problems)
    except (BundleError, CaseError, SigningError, PermissionDenied) as exc:
        flash("error", t("cases.export_failed", detail=error_message(exc)))
        return
    st.session_state[f"export_{case_id}"] = str(result.path)
    st.session_state.pop(f"download_{case_id}", None)
    if not check.ok:
        import logging

        logging.getLogger("signalstack.workbench").warning("exported bundle %s failed its check: %s",
                                                          result.path.name, check.problems[:5])
    flash("success" if check.ok else "warning",
          t("cases.exported", case=number, files=plural("cases.files", check.files),
            key=short_fingerprint(result.key_fingerprint),
                    path=result.path.name)
          + " " + t("cases.verified" if check.ok else "cases.not_verified"))


def _prepare(who: Viewer, case_id: int, team: str, path: str) -> None:
    try:
        token = downloads.issue(Path(path), who.username, team, "case", case_id, st.context.cookies)
    except downloads.DownloadRefused as exc:
        flash("error", t("cases.download_refused", detail=error_message(exc)))
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
