"""A missing object and another team's get the same words (no enumeration), on both backends."""

from __future__ import annotations

import pytest

from casefiles.cases import CaseError, add_ad, add_dossier, create_case, get_case
from casefiles.dossiers import DossierError, add_note, classify, create_dossier, get_dossier
from casefiles.review import ReviewError, decide
from core.db import session_scope
from core.schema import User


def _message(call) -> str:
    with pytest.raises((DossierError, CaseError, ReviewError)) as info:
        call()
    return str(info.value)


def test_dossier_and_case_refusals_read_alike(settings, world):
    with session_scope(settings) as s:
        dossier = create_dossier(s, "ana", "phone", "+31612345678")
        case = create_case(s, "vice case", "vice", "ana")
        ids = {"dossier": dossier.id, "case": case.number, "missing_dossier": dossier.id + 100}
    with session_scope(settings) as s:
        for kind, call_other, call_missing in (
            ("dossier", lambda: get_dossier(s, "otto", ids["dossier"]),
             lambda: get_dossier(s, "otto", ids["missing_dossier"])),
            ("dossier", lambda: add_note(s, "otto", ids["dossier"], "x"),
             lambda: add_note(s, "otto", ids["missing_dossier"], "x")),
            ("dossier", lambda: classify(s, "olga", ids["dossier"], "rood", "x"),
             lambda: classify(s, "olga", ids["missing_dossier"], "rood", "x")),
            ("case", lambda: get_case(s, ids["case"], "otto"), lambda: get_case(s, "SS-1999-0001", "otto")),
        ):
            other, missing = _message(call_other), _message(call_missing)
            assert other.endswith(": not found or not allowed") and missing.endswith(": not found or not allowed")
            assert other.startswith(kind) and missing.startswith(kind) and "vice" not in other


@pytest.mark.parametrize("bad", ["999999999999999999999", "-3", "1e3", 2**70])
def test_huge_or_malformed_ids_never_reach_the_database(settings, world, bad):
    with session_scope(settings) as s:
        case = create_case(s, "vice case", "vice", "ana")
        ana = s.query(User).filter_by(username="ana").one()
        for call in (lambda: get_dossier(s, "ana", bad), lambda: add_ad(s, case, bad, "ana"),
                     lambda: add_dossier(s, case, bad, "ana"), lambda: get_case(s, str(bad), "ana"),
                     lambda: decide(s, ana, bad, "confirm")):
            assert _message(call).endswith("not found or not allowed")
