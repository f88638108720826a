"""Round 6 phone mechanisms (branch phones7), on synthetic texts: runs joined across odd separators,
commas between number words and words that go on with a number; a note to put a "0" in front; dates
that need a real day and month; labels of things that are not phones; a label naming the given
country; calling codes of other numbers; digit-sounding words that spell a number; Dutch tens."""

from __future__ import annotations

import pytest

from nlp.normalise import NUMBER_WORDS, glued_digits
from nlp.phones import find_phones, masked_ranges, read_phones


def phones(text: str, country: str | None = "NL") -> list[str]:
    return [p.e164 for p in find_phones(text, country)]


@pytest.mark.parametrize(
    "text",
    [
        "Bel ０６－２４６８１３５７",  # full-width digits and a full-width hyphen
        "06 ★ 24 ★ 68 ★ 13 ★ 57 appje",
        "06 ♥️ 24 ♥️ 68 ♥️ 13 ♥️ 57",  # a heart with its variation selector
        "0 6 \u2011 2 4 \u2011 6 8 \u2011 1 3 \u2011 5 7",  # non-breaking hyphens
        "06 – 24 – 68 – 13 – 57",
        "06 • 2468 • 1357",
    ],
)
def test_odd_separators_between_digit_groups(text):
    found = find_phones(text, "NL")
    assert [p.e164 for p in found] == ["+31624681357"]
    assert "separators" in found[0].disguises


@pytest.mark.parametrize(
    "text",
    [
        "Prijzen: 100 € 150 € 200 € 250",
        "100 €, 150 €, 200 € en 250 € per uur",
        "Tarief 0 € 1234 5678",
    ],
)
def test_currency_signs_are_no_separators(text):
    assert read_phones(text, "NL").phones == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nul zes, twee vier, zes acht, een drie, vijf zeven", "+31624681357"),
        ("zero six, two four, six eight, one three, five seven", "+31624681357"),
        ("nul-zes, twee-vier-zes-acht, 1357", "+31624681357"),
        ("plus three one, six two four, six eight one, three five seven", "+31624681357"),
    ],
)
def test_commas_between_number_words_go_on_with_the_number(text, expected):
    assert phones(text) == [expected]


def test_commas_between_plain_digits_stay_a_list():
    assert phones("Prijs 100, 150, 200, 250, 300, 350") == []
    assert phones("Ik ben vijfentwintig, 06 87654321") == ["+31687654321"]


@pytest.mark.parametrize(
    "text",
    [
        "first 06 and then 24 68 13 57",
        "het begint met 06, daarna 2468 en eindigt op 1357",
        "06 followed by 24681357",
        "nul zes en dan twee vier zes acht een drie vijf zeven",
    ],
)
def test_words_that_go_on_with_a_number(text):
    assert phones(text) == ["+31624681357"]


@pytest.mark.parametrize(
    "text",
    [
        "Open tussen 09 00 en 17 00, ook op zaterdag",
        "delivery from 09 00 and then 13 00 at the latest",  # a head of two groups is no trunk prefix
        "Kamer 0 and then 1234 and then 5678",  # nor is one digit
    ],
)
def test_ranges_and_lists_are_not_joined(text):
    assert phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nummer 6 24 68 13 57 (zet er een 0 voor)",
        "six two four, six eight, one three, five seven - add a zero in front",
        "624681357, put 0 at the start",
        "624681357 met de nul ervoor",
    ],
)
def test_a_note_to_put_a_zero_in_front(text):
    found = find_phones(text, "NL")
    assert [p.e164 for p in found] == ["+31624681357"]


def test_no_zero_is_added_without_the_note():
    assert phones("Bel 624681357 vandaag") == []
    # a note far from the number is about something else
    assert phones("624681357 is my customer code. " + "Parking is free on weekdays, " * 3 + "0 in front.") == []


def test_a_date_needs_a_day_and_a_month():
    assert masked_ranges("bel 04;71.42.08;13") == []
    assert phones("bel 04;71.42.08;13", "BE") == ["+32471420813"]
    assert masked_ranges("op 12.03.26 of 3/31/2026") == [(3, 11), (15, 24)]


@pytest.mark.parametrize(
    "text",
    [
        "Fiets te koop, framenummer 0624 6813 57, ophalen in Delft",
        "serial no. 0624681357",
        "Artikel nr: 06 24 68 13 57",
        "Track and trace: tracking code 4T NLD 0624 6813 57",
    ],
)
def test_numbers_of_things_are_no_phones(text):
    assert read_phones(text, "NL").phones == [] and read_phones(text, "").phones == []


def test_a_label_naming_the_given_country_keeps_the_number_home():
    text = "Spanish sim +34 612 34 56 78, my Dutch one 06 24 68 13 57"
    assert phones(text) == ["+34612345678", "+31624681357"]


def test_a_calling_code_of_another_number_does_not_move_a_local_one():
    assert phones("Bel 06 24 68 13 57 of de Franse +33 7 81 23 45 67") == ["+31624681357", "+33781234567"]
    # the same number written twice: the code places both
    assert phones("+33 6 12 34 56 78 ou 06 12 34 56 78") == ["+33612345678", "+33612345678"]


def test_digit_sounding_words_that_spell_a_number():
    assert phones("sms 06 ate 5 for 3 to 7 won 9") == ["+31685432719"]
    assert phones("100 for 30 min, 150 for 60 min, 200 for 90 min") == []
    assert phones("open 9 to 5, 2 for 1 deals") == []


def test_dutch_tens_are_not_joined_to_the_unit_after_them():
    assert phones("nul twintig drie vier vijftig zes zeven acht") == ["+31203450678"]
    assert phones("zero six twenty four thirteen fifty seven eighty two") == ["+31624135782"]  # English: 57


def test_dutch_compounds_glued_and_without_diaeresis():
    assert NUMBER_WORDS["tweeentachtig"] == NUMBER_WORDS["tweeëntachtig"] == 82
    assert glued_digits("vierentwintigdertien") == "2413"
    assert phones("nulzes vierentwintigdertienzevenenvijftigtweeentachtig") == ["+31624135782"]


@pytest.mark.parametrize(
    "text",
    [
        "06,24,68,13,57",
        "06:24:68:13:57",
        "06 + 24 + 68 + 13 + 57",
        "06=24=68=13=57",
    ],
)
def test_groups_chained_by_one_sign(text):
    assert phones(text) == ["+31624681357"]


@pytest.mark.parametrize(
    "text",
    [
        "06, 07, 08, 09 en 10 juni vrij",  # a list: commas with spaces
        "0,50, 0,75, 1,00, 1,25",
        "Open 09:00-17:00, 10:00-18:00",
        "2 + 2 + 2 + 2 + 2",
        "1,250,000,000 views",
    ],
)
def test_lists_and_sums_are_no_chains(text):
    assert phones(text) == [] and phones(text, "") == []


def test_a_word_that_repeats_the_next_digit():
    assert phones("oh six double four six eight one three five seven") == ["+31644681357"]
    assert phones("nul zes, dubbel twee, twee vier vijf zes zeven acht") == ["+31622245678"]
    assert phones("o six triple two 4 5 6 7 8") == ["+31622245678"]


def test_dutch_unit_and_tens_written_apart():
    assert phones("nul zes, vier en twintig, acht en zestig, dertien, zeven en vijftig") == ["+31624681357"]
    assert phones("ik ben vier en twintig, bel 06 24681357") == ["+31624681357"]


def test_a_look_alike_zero_before_digit_groups_is_no_date():
    assert masked_ranges("O6-24-68-I3-57") == []
    assert phones("O6-24-68-I3-57") == ["+31624681357"]
    assert masked_ranges("op 6-24-68 en 12.3.2026") == [(3, 10), (14, 23)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nul zes tweee vier zes acht een drie vijf zeven", "+31624681357"),
        ("zero six two four six eigth one three five seven", "+31624681357"),
        ("zero six, fourty six, eighteen, thirteen, fifty seven", "+31646181357"),  # "fourty six": 46
        ("nul zes vierentwintog achtenzestig dertien zevenenvijftig", "+31624681357"),
    ],
)
def test_a_number_word_misspelled_by_one_letter_between_number_words(text, expected):
    assert phones(text) == [expected]


def test_words_near_number_words_stay_words_outside_a_disguised_run():
    assert phones("Het is echt negen uur, tot tegen tienen") == []
    assert phones("one two three four fine") == []


def test_a_trunk_prefix_alone_on_its_line():
    assert phones("06\n24681357 (na 12u bellen)") == ["+31624681357"]
    assert phones("Prijzen\n30 min 100\n60 min 150") == []


def test_an_hour_needs_real_hours_and_minutes():
    assert masked_ranges("+44 75.84/79/78/27") == []
    assert phones("+44 75.84/79/78/27") == ["+447584797827"]
    assert masked_ranges("open 9.30-17.45, za 10:00 - 16h00") == [(5, 15), (20, 33)]


def test_a_thing_named_without_number_may_offer_the_phone():
    assert phones("Local band on tour.\nTickets: 024 772 6055") == ["+31247726055"]
    assert phones("Ticket nr 024 772 6055") == []


@pytest.mark.parametrize(
    "text",
    [
        "z3r0 s1x tw0 f0ur s1x e1ght 0ne thr33 f1ve s3v3n",  # digits for letters
        "zer0 6ix 2wo 4our 6ix 8ight 1ne 3hree 5ive 7even",  # a digit with the rest of its word
    ],
)
def test_words_of_letters_and_digits_spell_one_digit(text):
    found = find_phones(text, "NL")
    assert [p.e164 for p in found] == ["+31624681357"]
    assert "letters" in found[0].disguises


def test_letters_glued_to_digits_in_prose_stay_prose():
    assert phones("bel 4u 2day, 24h open, 30min 100euro, 18jaar, mp3 b4 06 24681357") == ["+31624681357"]


def test_by_shape_a_mobile_reading_wins_over_a_landline_in_the_ads_language():
    # "06 ..." is a mobile number in several plans; in an English ad it is no Irish landline "064 ..."
    found = read_phones("text me: z3r0 s1x f0ur n1ne two zero three seven one six", "", lang="en")
    assert "+353649203716" not in [p.e164 for p in found.phones]


def test_a_dutch_town_places_a_national_number_without_a_site_country():
    assert phones("Schiedam incall. 06.24.68.13.57. Text me.", "") == ["+31624681357"]


def test_by_shape_a_dutch_ad_keeps_its_landline_dutch():
    # Dutch is no language of ads everywhere: its region comes before a foreign mobile reading
    found = read_phones("Bel gerust: nul tien, vier vijf zes, twee drie negen acht", "", lang="nl")
    assert [p.e164 for p in found.phones] == ["+31104562398"]
