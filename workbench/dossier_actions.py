"""The dossier page's writing controls: open a dossier, add a note or a partner's enrichment,
classify with a colour, stack the dossier in a case. Writes go through ``casefiles`` only."""

from __future__ import annotations

import streamlit as st

from casefiles.cases import CaseError, add_dossier, get_case, list_cases
from casefiles.dossiers import NOTE_KINDS, SUBJECT_KINDS, DossierError, add_note, classify, create_dossier
from casefiles.scheme import COLOURS
from core.permissions import PermissionDenied
from workbench.actions import flash
from workbench.errors import message as error_message
from workbench.i18n import t
from workbench.ui import Viewer, db

REFUSALS = (DossierError, CaseError, PermissionDenied)


def _create(who: Viewer) -> None:
    kind = st.session_state.get("dossier_new_kind", "phone")
    subject = str(st.session_state.get("dossier_new_subject", ""))
    title = str(st.session_state.get("dossier_new_title", ""))
    try:
        with db() as session:
            dossier_id = create_dossier(session, who.username, kind, subject, title).id
    except REFUSALS as exc:
        flash("error", t("dossier.refused", detail=error_message(exc)))
        return
    st.session_state["dossier_select"] = dossier_id
    st.query_params["dossier"] = str(dossier_id)
    flash("success", t("dossier.created", id=dossier_id))


def create_controls(who: Viewer) -> None:
    with st.expander(t("dossier.new")):
        c1, c2, c3 = st.columns([1, 2, 2])
        c1.selectbox(t("dossier.subject_kind"), SUBJECT_KINDS, format_func=lambda k: t("dossier.kind." + k),
                     key="dossier_new_kind", placeholder=t("common.choose"))
        c2.text_input(t("dossier.subject"), key="dossier_new_subject", placeholder="06 1234 5678 · t-0001 · Lisa")
        c3.text_input(t("dossier.title"), key="dossier_new_title")
        st.button(t("dossier.create"), key="dossier_create", on_click=_create, args=(who,))


def _note(who: Viewer, dossier_id: int) -> None:
    state = st.session_state
    try:
        with db() as session:
            add_note(session, who.username, dossier_id, str(state.get("note_text", "")),
                     kind=state.get("note_kind", "note"), source=str(state.get("note_source", "")),
                     partner=str(state.get("note_partner", "")) or None,
                     no_information=bool(state.get("note_no_info", False)))
    except REFUSALS as exc:
        flash("error", t("dossier.refused", detail=error_message(exc)))
        return
    # Reset by value (see actions.record_decision: a popped key comes back from the browser).
    for key in ("note_text", "note_source", "note_partner"):
        state[key] = ""
    state["note_no_info"] = False
    flash("success", t("dossier.note_added"))


def note_controls(who: Viewer, dossier_id: int) -> None:
    with st.expander(t("dossier.add_note")):
        c1, c2, c3 = st.columns(3)
        c1.selectbox(t("dossier.note_kind"), NOTE_KINDS, format_func=lambda k: t("dossier.note." + k),
                     key="note_kind", placeholder=t("common.choose"))
        c2.text_input(t("dossier.partner"), key="note_partner", placeholder=t("dossier.partner_hint"))
        c3.text_input(t("dossier.source"), key="note_source")
        st.text_area(t("dossier.text"), key="note_text")
        st.checkbox(t("dossier.no_information"), key="note_no_info")
        st.button(t("dossier.save_note"), key="note_save", on_click=_note, args=(who, dossier_id))


def _classify(who: Viewer, dossier_id: int) -> None:
    try:
        with db() as session:
            row = classify(session, who.username, dossier_id, st.session_state.get("classify_colour", ""),
                           str(st.session_state.get("classify_reason", "")),
                           below_minimum_reason=str(st.session_state.get("classify_below_reason", "")))
            colour = row.colour
    except REFUSALS as exc:
        flash("error", t("dossier.refused", detail=error_message(exc)))
        return
    st.session_state["classify_reason"] = ""
    st.session_state["classify_below_reason"] = ""
    flash("success", t("dossier.classified", colour=t("colour." + colour)))


def classify_controls(who: Viewer, dossier_id: int, suggested: str, minimum: str = "blauw",
                      because: tuple[str, ...] = ()) -> None:
    """Colour, reason and save; a colour below the signals' minimum shows a warning and asks for its own reason."""
    c1, c2, c3 = st.columns([1, 3, 1], vertical_alignment="bottom")
    colour = c1.selectbox(t("dossier.colour"), COLOURS, index=COLOURS.index(suggested) if suggested in COLOURS else 0,
                          format_func=lambda c: t("colour." + c), key="classify_colour",
                          placeholder=t("common.choose"))
    c2.text_input(t("dossier.reason"), key="classify_reason")
    if colour in COLOURS and minimum in COLOURS and COLOURS.index(colour) < COLOURS.index(minimum):
        st.warning(t("dossier.below_minimum", colour=t("colour." + colour), minimum=t("colour." + minimum),
                     signals=", ".join(because) or "—"), icon=":material/warning:")
        st.text_input(t("dossier.below_minimum_reason"), key="classify_below_reason")
    c3.button(t("dossier.classify"), key="classify_save", on_click=_classify, args=(who, dossier_id))


def _to_case(who: Viewer, dossier_id: int) -> None:
    try:
        with db() as session:
            case = get_case(session, st.session_state.get("dossier_case", ""), who.username)
            add_dossier(session, case, dossier_id, who.username)
            number = case.number
    except REFUSALS as exc:
        flash("error", t("case.refused", detail=error_message(exc)))
        return
    flash("success", t("dossier.added_to_case", case=number))


def case_controls(who: Viewer, dossier_id: int) -> None:
    with db() as session:
        cases = [(c.number, c.title) for c in list_cases(session, team=who.team) if c.status == "open"]
    if not cases:
        st.caption(t("dossier.no_cases"))
        return
    titles = dict(cases)
    c1, c2 = st.columns([3, 1])
    c1.selectbox(t("case.choose"), [n for n, _ in cases], format_func=lambda n: f"{n} — {titles[n]}",
                 key="dossier_case", placeholder=t("common.choose"))
    c2.button(t("case.add"), key="dossier_to_case", on_click=_to_case, args=(who, dossier_id))
