"""Stated ages apart from dates, client age limits and past ages (synthetic, non-explicit texts)."""

from __future__ import annotations

import pytest

from nlp.ages import find_ages, read_ages
from nlp.extract import extract


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Sweet Lily - 25\nIncall downtown, call me", [25]),
        ("Latina | 23 | new in town", [23]),
        ("About me 29\nFriendly and discreet", [29]),
        ("age: 24\nlocation: centre", [24]),
        ("Hi, I'm Roos, 24 yrs, discreet", [24]),
        ("Mandy, twenty-nine, from the coast", [29]),
        ("I am twentytwo and new here", [22]),
        ("Mature lady 45\nDiscreet visits only", [45]),
        ("Mia 24 & Zoe 27\nDuo available", [24, 27]),
        ("Turned 30 last week, come celebrate", [30]),
        ("Sinds mijn 20e woon ik hier, nu ben ik 35.", [35]),
    ],
)
def test_stated_ages_in_the_conventions_ads_use(text, ages):
    assert [a.age for a in find_ages(text)] == ages


@pytest.mark.parametrize(
    "text",
    [
        "Available June 25, 2016 and July 2",
        "Here until the 21st, book early",
        "Saturday 21 and Sunday 22 in town",
        "Ik ben 21 juni in Utrecht",
        "Mon 12/03 and Tue 13/03 only",
        "Room 25, second floor",
        "Rates: 30 min 80, 1 hr 150",
        "My kids are 12 and 14, so daytime only",
        "Open 24 hours, 7 days",
    ],
)
def test_dates_rooms_prices_and_other_peoples_ages_are_not_stated_ages(text):
    assert find_ages(text) == []


def test_client_age_limits_are_reported_apart_and_never_as_the_advertisers_age():
    reading = read_ages("Clients 25-60 only, no one under 21, 30+ gentlemen welcome. Heren tot 60 jaar.")
    assert reading.stated == []
    assert [(x.low, x.high) for x in reading.client_limits] == [(25, 60), (21, None), (30, None), (None, 60)]


def test_past_ages_are_reported_apart():
    reading = read_ages("I'm 24 now. I started dancing when I was 16, and toen ik 17 was moved to the city.")
    assert [a.age for a in reading.stated] == [24]
    assert [a.age for a in reading.past] == [16, 17]


def test_a_past_age_or_client_limit_alone_raises_no_minor_flag():
    for text in ("I have danced since I was 16 years old.", "Clients 16-18 never, 25-60 only."):
        result = extract(text, lang="en")
        assert result.ages == []
        assert not any(hit["code"].startswith("stated_age") for hit in result.indicators)
    result = extract("I have danced since I was 16 years old.", lang="en")
    assert result.past_ages == [16] and result.contract()["past_ages"] == [16]
    limits = extract("Gentlemen 30-65 welcome", lang="en").client_age_limits
    assert limits == [{"min": 30, "max": 65}]
