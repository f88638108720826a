"""Round 9 (dev10 review), phones and ages: mechanisms, each tested on sentences written for the test."""

from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.phones import find_phones


def phones(text: str, country: str = "NL") -> list[str]:
    return [p.e164 for p in find_phones(text, country)]


def ages(text: str, title: str | None = None) -> list[int]:
    return extract(text, title=title).ages


# ---- phones ----

@pytest.mark.parametrize("text, country, e164", [
    ("Whatsapp me:\n06 41\n38 24\n59\nxx", "NL", "+31641382459"),
    ("0722\n813\n546\nBucuresti", "RO", "+40722813546"),
    ("0476\n21 38\n54, Gent, tot vrijdag", "BE", "+32476213854"),
])
def test_a_number_stacked_over_short_lines_of_digit_groups(text, country, e164):
    assert phones(text, country) == [e164]


def test_stacked_lines_need_a_number_start_and_short_lines():
    # lines of prices do not start like a number; two whole numbers on two lines stay two numbers
    assert phones("Prijzen:\n150\n250\n300") == []
    assert phones("0612345678\n0687654321") == ["+31612345678", "+31687654321"]


def test_opening_hours_on_lines_are_no_stacked_number():
    assert phones("Open\n09 00\n17 00") == []


def test_two_numbers_stacked_one_after_the_other_stay_two():
    assert phones("06 12\n34 56\n78\n06 41\n76 54\n32") == ["+31612345678", "+31641765432"]


@pytest.mark.parametrize("text", [
    "bel n-u-l z-e-s 23 45 67 81",
    "text z e r o  s i x  2 3 4 5 6 7 8 1 now",
    "Z.E.R.O S.I.X 23456781",
])
def test_number_words_spelled_letter_by_letter(text):
    assert phones(text) == ["+31623456781"]


def test_spelled_letters_that_make_no_number_word_are_no_digits():
    assert phones("a b c d 23 45 67 81") == []


def test_look_alike_letters_as_a_group_between_digit_groups():
    assert phones("app me o6 2l 4o 9l 83") == ["+31621409183"]
    assert phones("bel 06 12 ol 34 56") == ["+31612013456"]


def test_a_word_of_look_alike_letters_between_groups_is_no_group():
    # "lol" is a word, "I" a pronoun: neither stands for digits
    assert phones("bel 06 12 lol 34 56") == []
    assert phones("at 10 I 20 you") == []


@pytest.mark.parametrize("text", [
    "first half 0623, second half 456781, thanks",
    "eerste deel 06 23 45, tweede deel 67 81. Groetjes",
    "het eerste deel: 0623, de rest 456781",
])
def test_a_number_announced_in_parts(text):
    assert phones(text) == ["+31623456781"]


def test_parts_without_an_announcement_stay_apart():
    assert phones("Prijs 0623, kamer 456781") == []


@pytest.mark.parametrize("text", [
    "nul zes vier drie keer twee acht een vijf negen, appen",
    "zero six four three times two eight one five nine please",
    "nul zes vier tripel twee acht een vijf negen",
])
def test_a_digit_said_a_number_of_times(text):
    assert phones(text) == ["+31642228159"]


def test_a_count_in_digits_before_keer_is_no_repeat():
    assert phones("2 keer 60 min, bel 0612345678") == ["+31612345678"]


@pytest.mark.parametrize("text", [
    "bel 23 45 67 81 vanaf 12 uur. Begin met 06!",
    "starts with 06, the rest is 23 45 67 81",
    "23456781 (zet er 06 voor)",
])
def test_a_head_given_apart_from_the_rest(text):
    assert phones(text) == ["+31623456781"]


def test_a_head_note_leaves_a_date_alone():
    assert phones("Op 12.03.2024 ben ik er, begin met 06 als je belt") == []


def test_a_head_note_leaves_a_whole_number_alone():
    assert phones("Mijn nummer begint met 06: 0623456781") == ["+31623456781"]


def test_a_number_to_be_read_backwards():
    assert phones("App 1876543260 achterstevoren 😉") == ["+31623456781"]
    assert phones("read 18 76 54 32 60 right to left") == ["+31623456781"]


def test_backwards_elsewhere_leaves_a_number_as_written():
    assert phones("Bel 0623456781, ik parkeer altijd achteruit in") == ["+31623456781"]


# ---- ages ----

@pytest.mark.parametrize("text", [
    "Je vindt me in Zwolle, ik ontvang op de Markt 31. Bel vanaf 10 uur.",
    "Privé ontvangst aan de Vaart 27, Leiden.",
    "Mijn adres: Dorpsstraat 44, bellen voor een afspraak.",
])
def test_a_street_and_its_house_number_is_no_age(text):
    assert ages(text) == []


def test_a_name_and_a_number_is_still_an_age():
    assert ages("Hoi, ik ben Anna 22. Bel me.") == [22]


@pytest.mark.parametrize("text, age", [
    ("Met mijn 43 jaren weet ik hoe ik je moet verwennen.", 43),
    ("With my 39 years I know what a gentleman likes.", 39),
    ("Ik ben Fenna, ben 31 en ontvang in Ede.", 31),
    ("Somewhere in my late thirties, 38 to be exact. Delft.", 38),
    ("Geen twintig meer maar 41 en nog altijd jong van geest.", 41),
    ("Not 25 anymore but 36, and loving it.", 36),
])
def test_her_years_said_another_way(text, age):
    assert ages(text) == [age]


def test_years_of_experience_are_no_age():
    assert ages("With my 12 years of experience I know the job.") == []
    assert ages("Sorry, ben 20 dagen op vakantie.") == []
    assert ages("Hoi, ben 25 jaar ervaring rijker dan vorig jaar.") == []


@pytest.mark.parametrize("text, age", [
    ("How old are you? 24. Where? Ede.", 24),
    ("Hoe oud ben je? 27. Waar? Gouda.", 27),
    ("Wat is je leeftijd? 33 - en jij?", 33),
])
def test_the_age_asked_and_answered(text, age):
    assert ages(text) == [age]


def test_a_price_corrected_or_a_discount_tag_is_no_age():
    assert ages("Prijs: not 20 but 30 roses for the hour.") == []
    assert ages("Geen 50 maar 40 per half uur deze week.") == []
    assert ages("#30 #off #deal this week only") == []


def test_an_age_as_a_field_between_symbols_or_a_hashtag():
    assert ages("Welkom\n🌸 Breda 🌸 27 🌸 escort 🌸 privé") == [27]
    assert ages("Hi, Roos here. #31 #Haarlem #privé. Text me.") == [31]


def test_two_number_fields_or_a_lone_tag_are_no_age():
    assert ages("Welkom\n💕 30 💕 60 💕 Utrecht 💕") == []
    assert ages("Welkom\n⭐ incall 80 ⭐ 50 ⭐ outcall € ⭐") == []
    assert ages("Room #12 on the first floor.") == []


def test_a_duo_gives_both_ages_in_words():
    assert sorted(ages("Wij zijn twee zussen van tweeëntwintig en vijfentwintig jaar.")) == [22, 25]


def test_a_client_range_in_words_is_no_duo():
    assert ages("Heren tussen twintig en dertig jaar zijn welkom.") == []


def test_a_range_in_a_title_is_no_age():
    assert ages("Our club has several ladies available.", title="Ladies 25-35 in Den Haag") == []
    assert ages("Nieuw in Den Haag.", title="Mila 25 - nieuw") == [25]
