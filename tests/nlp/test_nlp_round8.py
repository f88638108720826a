"""Round 8 (dev9 review): mechanisms, each tested on sentences written for the test, not taken from a set."""

from __future__ import annotations

import pytest

from nlp.ages import read_ages
from nlp.extract import extract
from tests.nlp.test_nlp_indicator_mechanisms import categories
from tests.nlp.test_nlp_round6 import codes


def ages(text: str, title: str | None = None) -> list[int]:
    return extract(text, title=title).ages


# ---- context: what a hit's sentence says around it ----

@pytest.mark.parametrize("denied, said", [
    ("Niemand bewaart mijn paspoort, ik heb het zelf. Eva, 31.", "De baas bewaart mijn paspoort. Eva, 31."),
    ("Nobody keeps my passport but me. Kim, 29.", "The boss keeps my passport. Kim, 29."),
])
def test_nobody_as_the_subject_denies_the_verb(denied, said):
    assert "coercion" not in categories(denied)
    assert "coercion" in categories(said)


def test_a_negation_reaches_across_quote_marks():
    assert "movement" not in categories("Geen 'alleen dit weekend' bij mij: ik woon hier. Tess, 35, Zwolle.")
    assert "movement" in categories("Alleen dit weekend in Zwolle! Tess, 35.")


@pytest.mark.parametrize("past, now", [
    ("Vroeger werkte ik in een club waar de eigenaar alles regelde. Nu werk ik voor mezelf. Ria, 44.",
     "De eigenaar regelt alles voor mij. Ria, 24."),
    ("Back in 2014 I was new in town; I have lived in Hull since. Jo, 40.", "New in town this week! Jo, 24."),
    ("Toen ik net in Nederland woonde, sprak ik geen Nederlands. Nu wel. Ana, 38.",
     "Net in Nederland, ik spreek geen Nederlands, mijn vriend vertaalt. Ana, 24."),
])
def test_a_sentence_set_in_the_long_past_raises_no_coercion_or_movement(past, now):
    assert not categories(past) & {"coercion", "movement"}
    assert categories(now) & {"coercion", "movement"}


def test_her_own_i_between_a_handlers_words_makes_the_act_hers():
    # the uncle "thinks"; it is she who calls. With no "I" between, the same words are his act.
    assert "booking_via_third_party" not in codes("My uncle believes I call a taxi firm for work. Eve, 30.")[0]
    assert "booking_via_third_party" in codes("My uncle will call you back to book. Eve, 30.")[0]


@pytest.mark.parametrize("text", [
    "If you're new in town, I know every good restaurant. Mara, 37, lived here all my life.",
    "Als je nieuw in de stad bent: welkom! Ik woon al mijn hele leven in Gouda. Mara, 37.",
    "Some men ask whether I'm on tour. I am not, Delft is home. Mara, 37.",
])
def test_new_in_town_said_of_the_reader_or_asked_by_others_is_not_her_movement(text):
    assert "movement" not in categories(text)


def test_site_notice_keeps_its_signals_back_and_says_why():
    notice = ("Let op, adverteerders: iemand die alleen via een tolk spreekt, geen eigen telefoon heeft of door een "
              "chauffeur wordt gebracht, kan slachtoffer zijn van uitbuiting. Herken je dit? Meld het bij de politie.")
    result = extract(notice)
    assert not {h["category"] for h in result.indicators} & {"minor", "coercion", "movement"}
    assert result.suppressed and {h["suppressed"] for h in result.suppressed} == {"site_notice"}
    assert result.listing["method"] == "notice" and "slachtoffer" in result.listing["cue"]
    # The same signals in an ad with a price are flagged: one offers someone, the other warns.
    ad = "Zij spreekt alleen via een tolk en heeft geen eigen telefoon. De chauffeur brengt haar. 150 per uur."
    assert "coercion" in categories(ad)


def test_a_single_kind_of_notice_word_does_not_make_an_ad_a_notice():
    text = "Mijn vriend regelt mijn afspraken. Zie je een kopie van deze advertentie, meld het."
    assert "coercion" in categories(text)


def test_a_listing_cue_that_is_the_debts_own_word_does_not_hold_the_debt_back():
    debt = "The girls work to pay off their tickets and visa first. Call us."
    job = "Concert tickets for sale, 20 euro each. Call us."
    assert "debt_bondage" in codes(debt)[0]
    assert not codes(job)[0] & {"debt_bondage"}


def test_a_meeting_for_payment_is_no_side_job():
    text = "Bijbaantje gezocht door Jade (16), afspraakjes tegen vergoeding, 90 per uur, Tilburg."
    assert "minor" in categories(text)
    assert "minor" not in categories("Bijbaantje gezocht door Jade (16): oppassen of de hond uitlaten, Tilburg.")


@pytest.mark.parametrize("text", [
    "Ze werkt zelfstandig en plant haar eigen dagen. Sophie, 33, Delft.",
    "Je spreekt rechtstreeks met haar, niemand anders. Sophie, 33, Delft.",
])
def test_self_management_said_in_the_third_person_is_no_handler_voice(text):
    assert "third_person" not in codes(text)[0]


# ---- pattern families ----

@pytest.mark.parametrize("text", [
    "Alleen als mijn ouders aan het werk zijn, tussen 2 en 5. Apeldoorn.",
    "only when my mum is away on nightshift lol. Leeds",
    "Lief, jong en onschuldig. Nooit eerder gedaan. Hoorn.",
    "Thuis mogen ze het niet weten, dus alleen berichtjes. Ede.",
])
def test_youth_said_without_a_number(text):
    assert "minor" in categories(text)


def test_a_bracketed_age_after_a_child_word_is_the_childs():
    assert "minor" not in categories("Dit weekend dicht: met mijn zoon (15) naar een toernooi. Marga, 47, Hoorn.")


@pytest.mark.parametrize("text", [
    "Vanaf vandaag tot zaterdag in Assen, daarna door naar Emmen.",
    "From today until Friday in Bath, then I move on.",
    "Wisselend in Leiden, Gouda en Delft, vraag waar ik zit.",
    "Tour: Breda 2-5, Tilburg 6-9, Venlo 10-13.",
    "Per stad blijf ik maar drie nachten. Kim, 27.",
    "Na een half jaar Spanje weer terug in Breda!",
    "Very new in Exeter, here since Tuesday.",
])
def test_movement_said_with_ranges_rotations_and_returns(text):
    assert "movement" in categories(text)


@pytest.mark.parametrize("text", [
    "Marloes wordt door haar vriendin naar de sportschool gebracht. Ze is 30.",  # "door" is "by" here
    "Open: Ma 10-18, Di 10-18, Wo 12-20. Linda, 41.",  # opening hours, not a city schedule
    "Na 2 weken vakantie weer terug op het vertrouwde adres. Linda, 41.",  # a holiday is no move
    "Per uur 150, twee uur 280, een nacht 900. Linda, 41, Zwolle.",
    "Great time with Nora in Leeds last week, lovely company. Five stars.",  # a review's past week
])
def test_movement_look_alikes(text):
    assert "movement" not in categories(text)


# ---- ages ----

@pytest.mark.parametrize("title, text, expected", [
    ("Kim", "kim 26 groningen alleen ontvangst", [26]),  # the title's name in lower case
    ("Agenda", "📅 di-za 🎂 34 📍 Emmen", [34]),  # a birthday cake marks the age field
    ("Kort", "29 / Zwolle / 120 p/u", [29]),  # a field list that opens with the age
    (None, "Forty-one and loving it. Incall in Bath.", [41]),  # an age in words opening the text
    (None, "Ik word in juni 30, nu nog 29. Venlo.", [29]),  # now still
    (None, "Lena, 25. Not the 17 year old from that other ad!", [25]),  # a denied age
    (None, "Blonde Mira, (28), Delft.", [28]),  # a bracketed age after a comma
    ("Moeder van drie, 39", "Ik ben 39, de kinderen zijn 4, 7 en 9. Overdag in Ede.", [39]),
])
def test_ages_written_in_more_shapes(title, text, expected):
    assert ages(text, title) == expected


@pytest.mark.parametrize("text", [
    "Twenty minutes for 60 euro. Delft.",  # a duration in words is no age
    "Kamer 12 / Hotel Centraal, Delft.",  # a room number before a slash
    "Nu, 16 jaar later, woon ik nog steeds in Delft.",  # years later, a duration
])
def test_shapes_that_are_not_ages(text):
    assert read_ages(text).stated == []


def test_a_parent_writing_about_their_child_raises_no_youth_words_without_an_adult_service():
    parent = "Wie helpt onze dochter met Engels? Ze zit in 3 havo en heeft een toets volgende week. Ede."
    pupil = "Ik zit in 3 havo en zoek een man die me verwent. Ede."
    assert "minor" not in categories(parent)
    assert "minor" in categories(pupil)
    # with an adult service named, the child words are not explained away
    assert "minor" in categories("Escort in Ede, ontvangst bij mij thuis. Mijn kinderen weten van niks. "
                                 "Zelf zit ik nog in 3 havo.")


def test_a_clients_review_is_written_about_her_not_run_for_her():
    review = "Ervaring: gisteren bij Noor geweest in Delft. Ze is vriendelijk en ze neemt de tijd. Aanrader, 5/5."
    assert "third_person" not in codes(review)[0]
    assert "third_person" in codes("Ze is vriendelijk en ze neemt de tijd. Noor, Delft.")[0]


def test_years_after_which_something_happened_are_no_age():
    assert read_ages("I went independent after ten years with a club. Jade, 38.").stated[0].age == 38
    assert [a.age for a in read_ages("Na 12 jaar in de zorg nu escort. Jade, 38.").stated] == [38]


def test_a_weekend_range_is_a_visit_and_a_working_week_is_not():
    assert "movement" in categories("Just visiting: Leeds Fri to Sun only. Kay, 30.")
    assert "movement" not in categories("Open Mon to Fri only, 10-18. Kay, 30, Leeds.")


@pytest.mark.parametrize("text, young", [
    ("Zit in de examenklas, overdag kan ik dus niet. Hoorn.", True),
    ("Sixth former, weekends only. Leeds.", True),
    ("Former sixth form teacher, now a companion. Leeds, 45.", False),
    ("Studente (22), derde jaar rechten, Leiden.", False),
    ("Ik zit in de derde klas, alleen na school. Leiden.", True),
])
def test_school_years_and_degree_years(text, young):
    assert ("minor" in categories(text)) == young


# ---- phones ----

@pytest.mark.parametrize("text, phone", [
    ("zes een twee drie vier vijf zes zeven acht (begin met 0)", "+31612345678"),
    ("six one two, three four five, six seven eight - starts with a zero", "+31612345678"),
    ("06 12 34\n56 78 <- mijn nummer", "+31612345678"),  # broken over lines, pointed at from after
    ("06 12 34\n\n56 78 <- bel of app", "+31612345678"),
])
def test_phone_notes_said_in_more_ways(text, phone):
    assert extract(text).phones == [phone]


def test_two_short_lines_without_a_number_note_stay_apart():
    assert extract("Prijzen:\n100 30\n150 60 <- per uur").phones == []


@pytest.mark.parametrize("text, young", [
    ("nog geen 16 maar wel volwassen voor mijn leeftijd, Gouda", True),
    ("not even 17 yet, dm me", True),
    ("Nog geen 15 minuten rijden van Utrecht. Eva, 30.", False),
])
def test_an_age_under_18_not_reached_yet(text, young):
    assert ("minor" in categories(text)) == young


def test_a_parent_writes_her_child_in_the_third_person_without_a_handler_voice():
    text = "Our daughter (15) walks dogs in Ede. She is reliable and she loves animals. 5 euro a walk."
    assert "third_person" not in codes(text)[0]


def test_plural_weekdays_with_hours_are_no_city_schedule():
    assert "movement" not in categories("Monique, 36, Tilburg. Weekdays 11-6, Saturdays 12-4. 130/h.")


def test_a_verification_rule_of_the_site_is_a_notice():
    text = ("Verificatie: upload een selfie met je ID. Minderjarigen worden geweigerd, en accounts van bureaus "
            "die voor anderen adverteren worden verwijderd.")
    assert not {h["category"] for h in extract(text).indicators} & {"minor", "coercion"}


def test_a_spoken_country_code_and_the_rest_of_the_number_across_commas():
    assert extract("plus drie een, zes, vijf nul zeven een drie acht vier twee").phones == ["+31650713842"]
    assert extract("Prijzen: twee, 150 euro. Bel 0612345678").phones == ["+31612345678"]
