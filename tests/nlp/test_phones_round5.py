"""Round 5 phone mechanisms: a plus word or sign before number words, dates with the year first, and
a number broken over two lines after a "number" lead-in (synthetic texts)."""

from __future__ import annotations

import pytest

from nlp.normalise import digit_tokens
from nlp.phones import find_phones, read_phones


def phones(text: str, country: str | None = "NL") -> list[str]:
    return [p.e164 for p in find_phones(text, country)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "plus" glued to CamelCase or capitalised number words is the "+" of the country code
        ("Nu in Berlijn: PlusFourNineOneSevenSixEightThreeNineTwoZeroFiveOneFour", "+4917683920514"),
        ("Bel PLUSTHREEONESIXFIVETWOSEVENEIGHTONENINEFOURZERO", "+31652781940"),
        ("plusthreeone six 5 3 1 9 5 0 2 8", "+31653195028"),
        ("PlusFour FourSeven nine one one two three four five six zero", "+447911234560"),
    ],
)
def test_plus_glued_to_number_words_is_the_country_code(text, expected):
    found = find_phones(text, "NL")
    assert [p.e164 for p in found] == [expected]
    assert text[found[0].start :].lower().startswith("plus")
    assert "words" in found[0].disguises


def test_plus_glued_to_words_that_are_no_number_stays_prose():
    assert phones("surplusfour plusto 0612345678") == ["+31612345678"]
    assert not [t for t in digit_tokens("plusto plusplus") if t.kind != "weak"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a digit-sounding word right after "+" starts the country code
        ("Brits nummer: +for for 7 nine 1 1 too 3 for 5 6 0", "+447911234560"),
        ("call +for nine 1 seven 6 ate 3 9 too 0 5 1 for", "+4917683920514"),
        ("+ for for 7 nine 1 1 too 3 for 5 6 0", "+447911234560"),
    ],
)
def test_digit_sounding_word_right_after_a_plus_sign(text, expected):
    assert phones(text) == [expected]
    assert phones(text, "") == [expected]


def test_digit_sounding_word_without_a_plus_sign_stays_prose():
    # "for" before a run needs the "+": prose keeps its prepositions
    assert phones("Only for 06 12 34 56 78") == ["+31612345678"]
    assert phones("100 for 30 min, 150 for 1 hour") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tour dates 2027 05 11 - 2027 05 16, details soon.",
        "Beschikbaar 2026 11 2 & 2026 11 30",
        "Beschikbaar 2026 1 2 t/m 2026 1 9",
        "Ik ben er 2025 12 24 en 2025 12 31",
        "Van 11 05 2027 - 16 05 2027",
    ],
)
def test_spaced_dates_with_a_four_digit_year_are_not_phones(text):
    assert read_phones(text, "NL") == read_phones(text, "")
    assert read_phones(text, "NL").phones == [] and read_phones(text, "NL").ambiguous == []


def test_a_phone_next_to_a_spaced_iso_date_is_still_read():
    assert phones("Op 2026 03 04 in Utrecht, bel 06 41 92 73 85") == ["+31641927385"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My number starts with 06417\n29385 ok?", "+31641729385"),
        ("Mijn nummer: 0641\n  729385", "+31641729385"),
        ("Telefoonnummer 064\r\n1729385", "+31641729385"),
    ],
)
def test_a_number_broken_over_two_lines_after_a_number_lead_in(text, expected):
    found = find_phones(text, "NL")
    assert [p.e164 for p in found] == [expected]
    assert text[found[0].start : found[0].end].startswith("06")
    assert text[found[0].end - 1].isdigit()


@pytest.mark.parametrize(
    "text",
    [
        # no lead-in: a line break ends a number
        "Prijzen 06417\n29385",
        "30 min 100\n1 uur 150\n2 uur 280",
        # the lead-in is on another line
        "Mijn nummer\nvolgt\n06417\n29385",
    ],
)
def test_line_breaks_without_a_number_lead_in_split(text):
    assert phones(text) == []


def test_a_part_long_enough_to_stand_alone_is_not_joined_to_the_next_line():
    assert phones("Mijn nummer 0641729385\n12345") == ["+31641729385"]
