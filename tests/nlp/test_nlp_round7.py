"""Round 7 (dev8 review): mechanisms, each tested on sentences written for the test, not taken from a set."""

from __future__ import annotations

import pytest

import nlp.listing as listing
from nlp.ages import read_ages
from nlp.extract import extract
from nlp.indicators.engine import match_patterns
from nlp.pipeline import get_pipeline
from tests.nlp.test_nlp_indicator_mechanisms import categories
from tests.nlp.test_nlp_round6 import _SureModel, codes


def raw_codes(text: str, lang: str) -> list[tuple[str, str]]:
    """(code, matched text) of every raw pattern hit, before the context rules."""
    return [(r.entry.code, text[r.start:r.end]) for r in match_patterns(get_pipeline(lang)(text), lang, text)]


# ---- the listing rule's cue is overruled for every category, not only minor ----

def test_a_rule_cue_holds_back_coercion_only_while_the_classifier_does_not_read_an_adult_ad(monkeypatch):
    # "Markt" (a market) is an ordinary-listing cue; here it is only where the hotel is.
    text = "Nieuw in Breda, mijn vriend neemt de telefoon op en regelt alles. Hotel bij de Grote Markt."
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(0.99))
    flagged, held = codes(text)
    assert "booking_via_third_party" in flagged and not held
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(listing.RULE_OVERRULED_FROM - 0.01))
    flagged, held = codes(text)
    assert "booking_via_third_party" in held and "booking_via_third_party" not in flagged


# ---- sentences and names ----

def test_a_free_order_pattern_stops_at_a_full_stop_the_dutch_tokenizer_keeps_with_its_word():
    # "App." ends a sentence; "vriendin" is in the next one. Together they are no one else booking.
    one_sentence = "Stuur een app naar mijn vriendin, zij plant de afspraak."
    two_sentences = "Bel of App. Ik logeer deze week bij een vriendin in het centrum."
    assert any(code == "booking_via_third_party" for code, _ in raw_codes(one_sentence, "nl"))
    assert not any(code == "booking_via_third_party" for code, _ in raw_codes(two_sentences, "nl"))


@pytest.mark.parametrize("text, named", [
    ("Vraag naar Dan voor een afspraak.", True),
    ("Stuur eerst een bericht, dan hoor je van mij.", False),
    ("Dan kom ik naar je toe, bel maar.", False),
    ("Bel Ben, hij regelt de kamer.", True),
    ("Bel gerust, ik ben er de hele dag.", False),
])
def test_a_name_that_is_also_a_word_is_a_name_only_with_a_capital_inside_a_sentence(text, named):
    found = [m for code, m in raw_codes(text, "nl") if code == "booking_via_third_party"]
    assert bool(found) == named, found


# ---- confinement ----

@pytest.mark.parametrize("text", [
    "She is not allowed out without the driver.",
    "I can't go outside alone, the boss says so.",
    "She never leaves the apartment.",
])
def test_being_kept_in_is_still_read(text):
    assert "coercion" in categories(text)


@pytest.mark.parametrize("text", [
    "I don't give out my number before we have chatted. Leiden, 27, text me.",
    "I don't travel outside the city, incall only. Delft, 34.",
    "Ik ben 30 en woon in Gouda. Om zes uur moet ik thuis zijn voor het eten, daarna mag ik niet meer weg.",
])
def test_other_verbs_with_out_and_house_rules_are_no_confinement(text):
    assert "coercion" not in categories(text)


# ---- movement in a settled ad ----

@pytest.mark.parametrize("text", [
    "Last days of my spring rate! I'm staying put in Zwolle, 36, text me.",
    "Laatste dagen van mijn zomerprijs. Ik blijf gewoon in Ede, 41, bel of app.",
    "Back in the day I toured a lot, these days I just stay home in Hoorn. 52, independent.",
    "Not new in town, been living here for 9 years. Haarlem, 39.",
])
def test_an_ad_that_says_she_stays_holds_no_movement(text):
    assert "movement" not in categories(text)


def test_a_stay_counted_in_days_is_still_movement():
    assert "movement" in categories("Only 3 days in Arnhem, then I travel on. Mila, 27.")
    # "na 3 uur" is three o'clock, not three hours
    assert "movement" not in categories("Ik ben Roos, 33, alleen na 3 uur beschikbaar in Ede.")


# ---- ages ----

@pytest.mark.parametrize("text, ages", [
    ("same old me, 11 years in Utrecht. 42.", [42]),
    ("been here 14 yrs, still love it. 38, Breda.", [38]),
    ("Brand new 19yr old in Amsterdam", [19]),
    ("ik b 17 en woon in Hoorn", [17]),
    ("Noor 17 (18 in december) - Zaandam", [17]),
    ("Sara 30 (€120) - incall", []),
    ("31 now, turning 32 next month. Tilburg.", [31]),
    ("Monday: Ina 27 / Tuesday: Bo 29", [27, 29]),
    ("Net 18? Nee hoor, 34. Assen.", [34]),
    ("achttien plus twaalf, dus 30", []),
])
def test_ages_read_as_ages_and_durations_jokes_and_sums_not(text, ages):
    assert [a.age for a in read_ages(text).stated] == ages


def test_a_stated_adult_age_outweighs_the_text_models_reading_as_young():
    result = extract("Payments to my manager only. Tilburg. 26yo.")
    assert "read_as_minor" not in {h["code"] for h in result.indicators}


def test_a_bare_introduction_is_not_read_as_young():
    for text in ("Hallo, ik ben Fleur uit Deventer.", "Hi, I'm Romy from Leiden."):
        assert extract(text).indicators == []


# ---- self-managed third-person ads, services around the clock ----

def test_a_third_person_ad_that_is_reached_directly_is_not_run_by_someone_else():
    run = "Nieuwe dame in Ede! Ze is vrolijk en neemt de tijd."
    direct = run + " Afspraken maak je rechtstreeks met haar."
    assert "third_person" in codes(run)[0]
    assert "coercion" not in categories(direct)


@pytest.mark.parametrize("text", [
    "Het meldpunt is 24/7 bereikbaar voor buurtbewoners.",
    "Questions about your stay? Our helpdesk answers 24/7.",
])
def test_around_the_clock_said_of_a_service_is_no_coercion(text):
    assert "coercion" not in {h["category"] for h in extract(text, site_content="mixed").indicators}


def test_a_handler_who_has_nothing_to_do_with_it_is_denied():
    assert "coercion" not in categories("Mijn vriend heeft er niks mee te maken. Ik plan alles zelf. 35, Assen.")
