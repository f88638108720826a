"""Round 11 (dev12 review): mechanisms, each tested on sentences written for the test, not taken from a set."""

from __future__ import annotations

import pytest

from nlp.extract import SUPPORTING_ONLY, extract
from nlp.indicators.engine import diminutive_stems


def categories(text: str, **kwargs) -> set[str]:
    return {h["category"] for h in extract(text, **kwargs).indicators}


def codes(text: str, **kwargs) -> set[str]:
    return {h["code"] for h in extract(text, **kwargs).indicators}


# --- weak evidence alone raises nothing ---------------------------------------------------------------

def test_a_low_price_alone_is_kept_back_not_counted():
    found = extract("Romy, 17, Zaandam. Avonden. 60 euro per uur, alleen appen.")
    assert "coercion" not in {h["category"] for h in found.indicators}
    assert "minor" in {h["category"] for h in found.indicators}
    held = [h for h in found.suppressed if h["code"] == "very_low_price"]
    assert held and held[0]["suppressed"] == SUPPORTING_ONLY
    assert found.risk == extract("Romy, 17, Zaandam. Avonden. Alleen appen.").risk  # it adds nothing


def test_a_low_price_beside_another_coercion_hit_counts():
    found = extract("Romy, 24, Zaandam. 60 euro per uur. Haar vriend regelt alle afspraken.")
    assert "very_low_price" in {h["code"] for h in found.indicators}
    assert not [h for h in found.suppressed if h["code"] == "very_low_price"]


# --- "same number" needs several women ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Deze week Zwolle, volgende week Assen. Ik ben Noor, 30. Overal hetzelfde nummer.",
    "This week Hull, next week York. Kim 35, texts only. Same number everywhere.",
])
def test_her_own_number_kept_on_tour_is_no_shared_line(text):
    assert "new_girls_weekly" not in codes(text)


@pytest.mark.parametrize("text", [
    "Vandaag Sanne, morgen iemand anders. Zelfde nummer.",
    "Three ladies this week, one number for all of them.",
])
def test_one_number_for_several_women_still_counts(text):
    assert "new_girls_weekly" in codes(text)


# --- documents and checks -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "For the school exchange to Japan the agency keeps your passport until the visa is issued. Costs 60 euro.",
    "Het uitzendbureau bewaart uw paspoort niet; u neemt het zelf mee naar de intake. Vergoeding 15 euro per uur.",
    "Mila, 29, Delft. I may ask guests for ID at the door. 160 per hour.",
])
def test_the_readers_papers_and_an_id_check_are_no_documents_held(text):
    assert "confinement" not in codes(text)


def test_her_papers_held_still_count():
    assert "confinement" in codes("De eigenaar bewaart haar paspoort. Mila, 22, Delft.")


def test_a_friend_running_her_own_bookings_is_no_handler():
    assert "booking_via_third_party" not in codes(
        "My sister works as well, but she manages her own bookings. Tess, 31, Bath. 150/hr.")
    assert "booking_via_third_party" in codes("My brother manages my bookings. Tess, 22, Bath.")


@pytest.mark.parametrize("text", [
    "Bereikbaar 24/7 via sms. Geen tussenpersoon, alles gaat via mij. Roos, 34, Tiel.",
    "Texts 24/7, and I work only when I want to. Roos, 34, Tiel, 150 an hour.",
])
def test_self_run_cues_hold_always_available(text):
    assert "always_available" not in codes(text)


# --- diminutives, text-speak ----------------------------------------------------------------------------

def test_diminutive_stems():
    assert diminutive_stems("avondje")[0] == "avond"
    assert diminutive_stems("weekjes")[0] == "week"
    assert "bal" in diminutive_stems("balletje")
    assert diminutive_stems("je") == []


def test_a_diminutive_reads_as_its_word():
    # a pattern hit, not the text model's reading: the patterns name "avond" and "weekend", not their diminutives
    assert "few_days" in codes("Laatste avondje hier in Hoorn! Eva 27.")
    assert "few_days" in codes("Alleen dit weekendje in Hoorn. Eva 27.")


def test_a_dotted_abbreviation_is_tried_as_text_speak():
    assert "school_words" in codes("Gr. 10 leerling, Almere. Na vieren.", lang="nl")


# --- youth without a number ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Not of legal age yet so discreet please. Leeds. Texts only.",
    "Voor uitgaan ben ik nog te jong, dus overdag. Tiel. Alleen appen.",
    "I'm still too young for a real job lol. Derby. Texts only.",
    "Op schoolreis deze week, Utrecht tot vrijdag. Alleen appen.",
])
def test_youth_said_without_a_number(text):
    assert "minor" in categories(text)


@pytest.mark.parametrize("text", [
    "I'm 34, so never too young for fun nights out? Derby, 150 per hour.",
    "Mila, 31. I organised a school trip as a teacher years ago. Now independent, Tiel, 160/hr.",
])
def test_youth_words_of_someone_else_or_adult(text):
    assert "minor" not in categories(text)


# --- movement ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2 nachten Zwolle, dan verder. Bel Iris.",
    "Only tonight Carlisle. Iris 26.",
    "Last few nights in Preston. Iris 26.",
    "Coming to Lincoln next Thursday, Iris 26.",
    "Iris komt volgende week naar Zutphen.",
    "Leaving shortly, so book now. Hull. Iris 26.",
])
def test_bounded_stays_and_planned_arrivals(text):
    assert "movement" in categories(text)


@pytest.mark.parametrize("text", [
    "Iris, 40, own flat in Leeds for years. Free parking on the road outside. 150 an hour.",
    "I gave up touring long ago; now only in Hull. Iris 44, 140 per hour.",
    "Just got my new phone, same number. Iris 38, own flat in Hull, 150 an hour.",
    "Come to me in my flat in Leeds, Iris 38, 150 an hour.",
])
def test_settled_ads_stay_settled(text):
    assert "movement" not in categories(text)


# --- texts that must raise nothing (dev13 review) -----------------------------------------------------

def test_a_missing_person_appeal_is_a_notice():
    found = extract("Wie heeft Sara (15) gezien? Ze is sinds vrijdag vermist uit Tiel. Tips aan de politie. Delen mag!")
    assert not {h["category"] for h in found.indicators} & {"minor", "coercion"}
    assert {h["suppressed"] for h in found.suppressed} == {"site_notice"}


def test_an_ad_that_says_share_is_still_an_ad():
    # one cue kind (share) is no notice; an age and a price make it an ad
    assert "minor" in categories("Sara 16, Tiel. 80 per uur. Delen mag!")


def test_a_parent_driving_her_child_to_a_job_is_no_handler():
    text = "Trots! Onze 15-jarige dochter heeft een zaterdagbaan bij de bakker. Ik breng haar er elke week heen."
    assert "coercion" not in categories(text)


def test_a_parent_who_brings_a_child_to_a_paying_client_is_still_a_handler():
    assert "coercion" in categories("Mijn dochter, 16, komt naar je toe. 100 per uur, ik breng haar.")


@pytest.mark.parametrize("text", [
    "Altijd bereikbaar per app, maar de uren kies ik zelf. Mira, 38, Ede. 150 per uur.",
    "Texts welcome 24/7, I set my own hours. Mira, 38, Ede, 150 an hour.",
])
def test_her_own_hours_hold_reachability(text):
    assert "always_available" not in codes(text)


@pytest.mark.parametrize("text", [
    "Loodgieter Jansen: dag en nacht bereikbaar voor spoed, lekkage of verstopping. Voorrijden 30 euro.",
    "Order 24/7 through our website, delivered next day. Flowers from 20 euro.",
])
def test_a_business_open_day_and_night_is_no_sign(text):
    assert "always_available" not in codes(text)


def test_papers_collected_by_teachers_are_no_confinement():
    text = "Excursion Year 9 to Paris: teachers collect all passports at the airport and keep them until we return."
    assert "confinement" not in codes(text)


def test_an_older_couple_is_no_parent():
    assert "minor" not in categories("Kamer te huur, je woont bij een ouder stel in Zwolle, 400 per maand.")
    assert "minor" in categories("Woon nog bij mijn ouders in Zwolle, dus alleen overdag. 80 per uur.")


@pytest.mark.parametrize("text", [
    "Terug van vakantie! Vanaf dinsdag weer op de gewone plek in Assen. Mila, 41.",
    "Back after my holiday, same place in Hull as before. Mila, 41.",
])
def test_back_from_holiday_is_no_movement(text):
    assert "movement" not in categories(text)


def test_back_after_time_abroad_is_still_movement():
    assert "movement" in categories("Back in Hull after three months abroad, only until Friday. Mila, 29.")


# --- coercion families (dev12 review) -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Uitsluitend Roemeens. Bel de tolk voor een afspraak. Ana 24.",
    "Polish only, our interpreter answers. Ana 24, Slough.",
])
def test_a_single_other_language_and_an_interpreter(text):
    assert "no_language" in codes(text)


@pytest.mark.parametrize("text", [
    "Ik spreek alleen Engels en een beetje Spaans. Ana 34, Delft.",
    "Only French fries and coffee at our stand this Saturday.",
])
def test_other_languages_beside_english_or_not_a_language(text):
    assert "no_language" not in codes(text)


@pytest.mark.parametrize("text, code", [
    ("Verblijfsvergunning in beheer van de baas. Ana 22.", "confinement"),
    ("She stays at the studio and works seven days out of seven. Ana 22.", "lives_on_premises"),
    ("Zeven van de zeven dagen, geen rustdag. Ana 22, Emmen.", "always_available"),
    ("Our driver moves her to a new town every week. Ana 22.", "booking_via_third_party"),
    ("Afspraken via ons, Ana 22, Emmen.", "booking_via_third_party"),
])
def test_control_said_in_other_words(text, code):
    assert code in codes(text)


def test_living_in_a_flat_of_her_own_is_no_premises():
    assert "lives_on_premises" not in codes("I live in the flat above my shop in Leeds. Ana 41, 150 an hour.")


@pytest.mark.parametrize("text", [
    "Twee nachten per stad: Hoorn, Alkmaar, Den Helder. Jill 29.",
    "Every week somewhere else, now Carlisle. Jill 29.",
    "Nieuwe stad, nieuw nummer? Nee: nieuwe stad, zelfde nummer. Jill 29, nu Assen.",
    "Op rondreis door Drenthe: Assen, Emmen, Meppel. Jill 29.",
])
def test_stays_per_stop_and_somewhere_new(text):
    assert "movement" in categories(text)


def test_a_trip_sold_with_a_guide_is_still_an_ordinary_listing():
    found = extract("Rondreis met reisleider door Schotland, 8 dagen: Edinburgh, Inverness, Glasgow. Vanaf 899 p.p.")
    assert not found.indicators


@pytest.mark.parametrize("text", [
    "2e jaars hbo, 22, eigen kamer in Delft. 150 per uur.",
    "Left home at sixteen, now 38 and on my own in Hull. 140 an hour.",
])
def test_higher_education_and_an_age_then_are_no_youth(text):
    assert "minor" not in categories(text)
