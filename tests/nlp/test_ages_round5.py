"""Round 5 age mechanisms: number words where digits are read, titles that list several women, years
in other languages, and numbers that are denied, a child's, or a house number (synthetic texts)."""

from __future__ import annotations

import pytest

from nlp.ages import find_ages, read_ages


def ages(text: str) -> list[int]:
    return [a.age for a in find_ages(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word in the bracket after a name or a title word, as digits would be read
        ("Velvet queen (forty)\nText me first.", [40]),
        ("Hey, I'm Noor (twenty two), Delft, text only.", [22]),
        ("Roos (negenentwintig)\nAlleen sms.", [29]),
        # a title for several women: a group word, then one age each
        ("Two ladies: 23 and 27\nSeparate bookings only.", [23, 27]),
        ("Sweet pair: 22 & 25\nDen Bosch.", [22, 25]),
        ("Zusjes - 20 en 22\nNijmegen.", [20, 22]),
        # a title of name/age pairs split by slashes
        ("Eva 23 / Fien 26 / Gina 30\nAgency in Almere.", [23, 26, 30]),
        # "years" in another language
        ("Morena, 27 años\nNieuw in Utrecht.", [27]),
        ("Sophie 24 ans\nParis girl visiting Antwerpen.", [24]),
        ("Anja, 31 Jahre alt, aus Köln.", [31]),
        # a title age closed by a bracket that holds no price
        ("Fresh 21 (new in town)\nText only.", [21]),
        # the age word, a few words, a mark, the number
        ("Age is only a number: 47\nMassage studio.", [47]),
        ("Leeftijd doet er niet toe: 38", [38]),
    ],
)
def test_ages_read_by_the_new_mechanisms(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a child's age is not hers
        ("Sanne, 35, mom of a 14-year-old, daytime only.", [35]),
        ("Ilse, 33. My 15 year old daughter lives with her dad.", [33]),
        ("Moeder van een zoon van 16, zelf 41 jaar.", [41]),
        # a denied number is not her age
        ("Not 17, not 18, I'm 22 😉 Zwolle.", [22]),
        ("Niet 17, ik ben 23. Groningen.", [23]),
        # a name and a number before a postcode is an address
        ("Kiki 28\nFind me at Meent 64, 3012 AD. Parking nearby.", [28]),
        # a bracket with a price after a title number is no age cue
        ("Lisa 30 (€100)\nIncall.", []),
        # a group word is no licence to read durations
        ("Two hours: 30 and 60\nRates inside.", []),
        # the age word with client words after it stays a limit
        ("Age of clients: 25 and up.", []),
    ],
)
def test_numbers_that_are_not_her_age(text, expected):
    assert ages(text) == expected


def test_a_group_title_is_no_client_range():
    reading = read_ages("Hot trio: 21 and 24\nBooking by text.")
    assert [a.age for a in reading.stated] == [21, 24]
    assert reading.client_limits == []


def test_a_mother_in_a_title_still_states_her_own_age():
    assert ages("Mom 41 & Mia 22\nTwo ladies, one flat.") == [41, 22]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number word where a title or a comma-set age would take digits
        ("Nora seventeen\nLeeds, after class.", [17]),
        ("Mia twenty four | Leeds\nIncall.", [24]),
        ("Open 10pm till 3am on 3 March. Fleur, thirty two.", [32]),
        # a title suffix between marks without spaces
        ("Sienna~24~Bristol\nIncall.", [24]),
        # a sentence that opens with the age
        ("Only 20 and a bit nervous ❤ Hull.", [20]),
        # a name, "who is", the number; an article and a word after "I'm"
        ("Call Daisy, who is 28, for a duo.", [28]),
        ("I'm a curvy 39, text me.", [39]),
        # a stats run before an age with its unit: no client range
        ("I'm 1.65m, 58kg and 27 years old.", [27]),
    ],
)
def test_more_places_an_age_is_written(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leeftijd: 33 jaar. Ervaring: 12 jaar.", [33]),  # years of experience after their label
        ("I'm a size 14, text me.", []),  # a dress size
        ("Only 30 and 60 min sessions.", []),  # durations
        ("Lisa, twenty minutes.", []),
    ],
)
def test_more_numbers_that_are_not_her_age(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next name and number in a list of pairs, however it closes
        ("Weekend deal\nSaskia 29 and Lotte 33 together this Friday.", [29, 33]),
        # a number opening a sentence, a comma and a capitalised place
        ("Hey there! 27, Rotterdam centrum, text only.", [27]),
        # "Name is NN" closed by an em dash
        ("I'm 26, my friend Nina is 30 — duo possible.", [26, 30]),
    ],
)
def test_lists_and_sentence_openings(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize("text", ["Rates. 30, 60 or 90 min.", "Open daily. 12, Main Street."])
def test_a_sentence_opening_number_needs_a_capitalised_word_after_it(text):
    assert ages(text) == []
