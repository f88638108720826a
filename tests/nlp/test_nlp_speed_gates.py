"""Patterns tried only where a match can start (speed work): the same matches as scanning every character."""

from __future__ import annotations

import pytest

from nlp import ages, licences
from nlp.indicators.gates import gate_text, regex_matches

UNIT_TEXTS = [
    "Lisa, 23 jaar oud", "19-jarige", "21 jr. uit Gent", "22 j. ", "25 years young", "24 YRS OLD", "20yo", "25 y/o",
    "25 Y.O.", "Anna 23 Jahre alt", "23 AÑOS", "30 anos", "19 ans", "33 anni", "30 lat", "24 ani", "19 år", "Hans, 33",
    "verjaardag", "Jaarlijks 25 jaar", "any anal land yard jr",
]
LICENCE_TEXTS = [
    "Vergunning: ZWO-ESC-2025-0275", "EXPLOITATIEVERGUNNING nr. AB-1234", "xvergunning 12345", "licence number 1234-AB",
    "Registration #A12345 permit 9999X", "LICENSE no. 77777 en licentie 4321B", "registratie: 2024-88",
]


@pytest.mark.parametrize("text", UNIT_TEXTS)
def test_age_units_are_found_where_they_start(text):
    # _AGE_UNIT_STARTS lists what each alternative of _AGE_UNIT starts with: a unit added there needs its start here
    gated = regex_matches(ages._AGE_UNIT, text, gate_text(text), ages._AGE_UNIT_STARTS)
    assert [m.span() for m in gated] == [m.span() for m in ages._AGE_UNIT.finditer(text)]


@pytest.mark.parametrize("text", LICENCE_TEXTS)
def test_licences_are_found_where_they_start(text):
    found = licences.find_licences(text)
    assert bool(found) != text.startswith("x")  # "xvergunning": no word start, no licence
    assert found == [licences.LicenceFound(licences.normalised(m.group("number")), m.start("number"),
                                                     m.end("number")) for m in licences.LICENCE_RE.finditer(text)]


def test_moved_lookbehinds_read_as_before():
    # the first digit (or comma) opens the pattern and the lookbehind looks past it: the same test
    assert [m.group() for m in ages._TWO_DIGITS.finditer("25-35, 1.25, €40, x12, 123 18+")] == ["25", "35", "12", "18"]
    assert [m.group() for m in ages._BARE_TWO_DIGITS.finditer("Lisa 22j, 30y, 12/06, €25 23")] == ["22j", "30y", "23"]
    assert [m.group("num") for m in ages._BETWEEN_COMMAS.finditer("smile, 31, Glasgow ,25, x")] == ["31"]
