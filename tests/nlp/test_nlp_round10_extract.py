"""Round 10 extraction mechanisms (ages and phones), on sentences written for these tests."""

from __future__ import annotations

import pytest

from nlp.ages import find_ages, read_ages


def _ages(text: str) -> list[int]:
    return [a.age for a in find_ages(text)]


@pytest.mark.parametrize(("text", "ages"), [
    # a bare number as a whole segment of the title
    ("29 • Marloes • Zwolle\nDiscreet en lief, bel na 10 uur.", [29]),
    ("Moeder van drie, 41\nAlleen overdag, de kinderen zijn dan op school.", [41]),
    ("Single mom / 34 / Leeds\nDaytime visits only.", [34]),
    # not a range, a price, a discount, or a number out of the age band
    ("Escort service - 24/7 - Zwolle\nWelkom.", []),
    ("Incall, 50, 30 min\nCall me.", []),
    ("Studio | 12 | Utrecht\nOpen.", []),
    # the answer to "how old" marked as an answer
    ("Q: How old are you?\nA: 26\nQ: Where are you based? A: Hull.", [26]),
    ("Vraag: Hoe oud ben je? Antwoord: 31.", [31]),
    # the writer's friend in a duo; not a child, a difference or a friend who is not on offer
    ("Ik ben 27 en mijn beste vriendin is 29, samen of apart te boeken.", [27, 29]),
    ("I'm 24 and my friend Tess is 26, both in Bath.", [24, 26]),
    ("Ik ben 38 en mijn zoon is 16.", [38]),
    ("I'm 30, my friend is 4 years older.", [30]),
    ("I'm 22, my friend is 23 but she does not work here.", [22]),
    # a number word with "now"
    ("Forty-one now and loving it. Incall in Derby.", [41]),
    # a duo's ages in words after their names
    ("Wij zijn Femke en Lara, zesentwintig en achtentwintig, en we ontvangen samen.", [26, 28]),
    ("Jade & Skye: twenty-two and twenty-four. Outcall only.", [22, 24]),
    # years of something other than a life
    ("Since 2012 in business. 14 years of satisfied gentlemen!", []),
    ("Ik ben een dame van 19 years of age.", [19]),
])
def test_round10_ages(text: str, ages: list[int]) -> None:
    assert _ages(text) == ages


def test_plus_after_title_number_is_a_limit_not_an_age() -> None:
    reading = read_ages("Rijpe vrouw 40+ in Zeist\nOntvangt heren met smaak, alleen op afspraak.")
    assert [a.age for a in reading.stated] == []
