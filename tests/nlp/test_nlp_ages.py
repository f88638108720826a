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


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # cue grammar: "age is", dotted fields, an adverb between cue and number
        ("Hi, my age is 26 and I live in Cardiff.", [26]),
        ("Mijn leeftijd is 34, ik ontvang in Venlo.", [34]),
        ("Age...23 | Hair...brown | Eyes...green", [23]),
        ("Sinds mijn 18e werk ik in de horeca. Ik ben nu 27.", [27]),
        ("I'm only 19, new in Leeds.", [19]),
        # "and"/"en" before a first-person phrase is no client range
        ("New to Denver and I am 25, easy going.", [25]),
        ("Ik woon in Utrecht en ik ben 25. Bel voor een afspraak.", [25]),
        ("I'm Chloe and I'm twenty three.", [23]),
        # an introduction, a name and a number; a name and "is"
        ("hi im jess 19 from wigan text me", [19]),
        ("hey its britt 20 in the area for a couple days", [20]),
        ("Mia is 23 and Ella is 25, both in Leeds.", [23, 25]),
        # duo ads and stats runs
        ("Maya & Leah, 24 and 26, duo in Glasgow.", [24, 26]),
        ("Duo Kim & Lotte - 22 en 24\nSamen boeken in Tilburg.", [22, 24]),
        ("5'4, 120lbs and 23, Dallas. Ask for Kayla.", [23]),
        # position conventions in the title
        ("19 and new in town\nCall Britney, Eastside incall.", [19]),
        ("Twentyfive and fun\nRosie here, outcall only.", [25]),
        ("Tori | twenty four | Leeds\nIncall and outcall.", [24]),
        ("♥ Exotic Beauty ♥ -- 24\nOutcall only, Queens.", [24]),
        ("New in town | Jade | 24\nAvailable 24/7 in Slough.", [24]),
        ("ANNA 25 NEW IN TOWN\nCall for details, Wembley.", [25]),
        ("Lena 25 Amsterdam\nPrivé ontvangst, discreet.", [25]),
        ("Petite & Sweet 💕 22 💕\nIncall Midtown, call or text.", [22]),
        # "j"/"y" glued to the number
        ("Lisa 22j\nOntvangst in Amersfoort.", [22]),
        ("Lief meisje, 17j, Gouda.", [17]),
    ],
)
def test_stated_ages_read_by_cue_grammar_and_position(text, ages):
    assert [a.age for a in find_ages(text)] == ages


@pytest.mark.parametrize(
    "text",
    [
        "I have 10 years of experience and have lived in London for 12 years.",
        "Sixteen years of experience, ask for Marla.",
        "I'm Roxy, 15 years in the business.",
        "Minimum age is 21 for all clients. Ask for Lydia.",
        "Quickie is 60, overnight is 95 per hour. Chantelle, Luton.",
        "30 & 60 min specials\nIncall Downtown, ask for Rhea.",
        "50 and over welcome\nDiscreet companion, call Joy.",
        "Escort Rotterdam 24 uur\nAltijd bereikbaar.",
        "Studio 54 Amsterdam\nBel voor een afspraak.",
        "Ik ben bijna 19 en woon in Gouda.",
        "Ask for extension 23.",
        "Weekend special - $80\nIncall only, ask for Candy.",
        "Kiki - 80 half hour\nIncall Stratford.",
        "Height 1.65, dress size 10, shoe size 38. Yasmin, Derby.",
        "Tuesday 30 October only\nVisiting Newcastle.",
        "Postcode 3512JK, Utrecht.",
        "Deal ** 50 ** off\nThis week only.",
        "Hot 🔥 24/7 🔥\nCall anytime.",
    ],
)
def test_durations_limits_prices_and_numbers_by_position_are_not_stated_ages(text):
    assert find_ages(text) == []


def test_a_duos_two_ages_with_a_unit_are_no_client_range():
    reading = read_ages("Mia & Zoe, 22 and 24 years old, duo in Leeds.")
    assert [a.age for a in reading.stated] == [22, 24]
    assert reading.client_limits == []
    # the same numbers said of clients are a range
    reading = read_ages("Clients 22 and 24 years old only. Mia, 30.")
    assert [a.age for a in reading.stated] == [30]
    assert [(x.low, x.high) for x in reading.client_limits] == [(22, 24)]


def test_a_name_and_is_spans_the_phrase_and_a_client_limit_is_kept_apart():
    text = "Clients 21 and up only. Mia is 30."
    reading = read_ages(text)
    assert [(a.age, text[a.start : a.end]) for a in reading.stated] == [(30, "Mia is 30")]
    assert [(x.low, x.high) for x in reading.client_limits] == [(21, None)]


def test_past_age_in_words_and_a_minor_stated_by_introduction():
    reading = read_ages("When I was nineteen I moved to Paris. Now I live in Bath.")
    assert reading.stated == [] and [a.age for a in reading.past] == [19]
    assert [a.age for a in find_ages("hi im jess 16 from wigan")] == [16]
