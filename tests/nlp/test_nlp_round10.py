"""Round 10 (dev11 review): mechanisms, each tested on sentences written for the test, not taken from a set."""

from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.indicators.context import is_put_to_reader, is_reported_question
from nlp.indicators.engine import standard_spelling
from nlp.indicators.schedule import schedule_spans
from tests.nlp.test_nlp_indicator_mechanisms import categories
from tests.nlp.test_nlp_round6 import codes

# ---- a stated adult age outweighs youth said without an age, not an age under 18 or "tiener" ----

@pytest.mark.parametrize("outweighed, kept", [
    ("My parents still think I work at a call centre, and I'm 31. Gina, Leeds.",
     "My parents still think I work at a call centre. Gina, Leeds."),
    ("Schoolvakanties ben ik er niet, dan zijn mijn kinderen thuis. Ik ben Petra, 44.",
     "Na schooltijd ben ik er, ik zit in 4 havo. Petra."),
])
def test_a_stated_adult_age_outweighs_youth_said_without_an_age(outweighed, kept):
    assert "minor" not in categories(outweighed)
    assert "minor" in categories(kept)


def test_an_age_under_18_or_a_word_naming_her_young_outlasts_an_adult_age_elsewhere():
    assert "minor" in categories("Tienermeisje, zegt 23 te zijn. Bel Kim.")
    assert "minor" in categories("Zestien maar ik zeg 22. Bel Kim.")


def test_an_age_she_had_is_her_history_not_her_age():
    past = "When I was seventeen I waited tables in Hove; now I'm Carla, 45, and I pick my own hours."
    assert "minor" not in categories(past)
    assert "minor" in categories("I'm seventeen and I pick my own hours. Carla, Hove.")


# ---- a question others ask, or one put to the reader, is not said of her ----

def test_a_reported_question_is_not_a_statement():
    text = "Klanten stellen me soms de vraag of er een pooier achter mij zit. Nee hoor. Sanne, 35, Ede."
    assert "coercion" not in categories(text)
    assert "coercion" in categories("Mijn pooier regelt mijn afspraken. Sanne, 35, Ede.")


def test_asking_for_a_man_by_name_is_no_reported_question():
    assert not is_reported_question("Vraag naar Dirk of Sem, hij regelt alles", 0, 40)
    assert is_reported_question("people keep asking me whether a boss runs me", 30, 44)


def test_a_question_put_to_the_reader_is_a_help_lines_not_her_situation():
    help_line = "Houdt iemand je identiteitskaart vast, of moet je al je geld afgeven? Bel de hulplijn, gratis."
    assert is_put_to_reader(help_line, 12)
    assert "coercion" not in categories(help_line)
    assert not is_put_to_reader("Iemand houdt haar identiteitskaart vast. Bel Ruud.", 12)


# ---- a weak sign with her own running of it ----

def test_just_18_is_kept_back_when_she_runs_it_herself_and_stays_when_she_does_not():
    # beside another youth sign, as a stated 18 alone is supporting evidence only (round 12)
    assert "just_18" not in codes("Net 18 geworden, zit nog op school, zelfstandige dame, ik plan alles zelf. Bo.")[0]
    assert "just_18" in codes("Net 18 geworden, zit nog op school. Bel Bo, Gouda.")[0]


def test_daily_work_by_her_own_choice_is_no_coercion_but_daily_work_alone_still_is():
    assert "always_available" not in codes("I work every day because I enjoy it. Nobody tells me what to do. Tess, 38.")[0]
    assert "always_available" in codes("Works every day, 24/7. Tess.")[0]


# ---- her own arranging denied, or the writer deciding for her ----

@pytest.mark.parametrize("text", [
    "Mila maakt zelf geen afspraken, bel Sven.",
    "She doesn't answer her own phone, text the number below.",
    "Stuur mij een bericht, ik zeg wel wanneer ze tijd heeft.",
    "You deal with me, not her. Cash on arrival.",
    "Ik breng haar naar je hotel en wacht beneden.",
])
def test_the_writer_in_control_of_her_arranging_is_coercion(text):
    assert "coercion" in categories(text)


@pytest.mark.parametrize("text", [
    "I take my own calls and book myself, no agency. Jade, 33.",
    "Ik maak zelf mijn afspraken, geen bureau. Jade, 33.",
    "She takes her own calls and books herself. Jade, 33.",
])
def test_her_own_arranging_stated_is_no_coercion(text):
    assert "coercion" not in categories(text)


# ---- movement: relative periods, circuits, text-speak, back from abroad ----

def test_a_schedule_of_relative_periods_reads_as_an_itinerary():
    assert schedule_spans("Zit nu in Zwolle, na het weekend in Deventer.")
    assert schedule_spans("This week Truro, next week Exeter.")
    assert not schedule_spans("Nu nieuw: lingerie.")


def test_a_circuit_between_named_places_reads_as_movement_but_not_between_languages_or_days():
    assert schedule_spans("The ladies rotate weekly between Derby, Leicester and Nottingham.")
    assert not schedule_spans("I switch between English and Dutch easily.")
    assert not schedule_spans("I alternate between Monday and Thursday.")
    assert not schedule_spans("I travel between work and home.")


def test_text_speak_spellings_read_as_the_word_they_stand_for():
    assert standard_spelling("2moro") == "tomorrow"
    assert standard_spelling("leavin") == "leaving"
    assert standard_spelling("leavin'") == "leaving"
    assert standard_spelling("cabin") == "cabing"  # tried, then found in no pattern: harmless
    assert standard_spelling("hi") is None
    assert "movement" in categories("leavin 2moro, 2nite only x Tia, Hull")


def test_back_after_time_abroad_is_movement_but_a_holiday_or_years_ago_is_not():
    assert "movement" in categories("Na drie maanden in het buitenland ben ik terug in Delft. Iris, 30.")
    assert "movement" not in categories("Back from my holiday abroad, same flat as always. Iris, 30.")
    assert "movement" not in categories("Lived abroad once, back in Delft since 2015. Iris, 40.")


# ---- short stays that are a calendar, an offer or a listing's term ----

@pytest.mark.parametrize("text", [
    "Laatste avond van de maand en nog één plekje vrij. Ans, 45, vast adres in Assen.",
    "Nog maar een paar dagen: mijn kerstactie loopt tot zondag. Ans, 45, Assen.",
    "Your ad stays visible on the city page for 14 days.",
])
def test_a_calendar_an_offer_or_a_listings_term_is_no_stay(text):
    assert "movement" not in categories(text)


# ---- youth without a number: not old enough yet, a fake ID, a whole birth date ----

@pytest.mark.parametrize("text", [
    "Can't even get served in a pub yet lol. Amy, Leeds.",
    "Yes I have a fake ID but I'd rather meet at yours. Amy, Leeds.",
    "Naam: Noor\nGeboortedatum: 14-03-2011\nStad: Breda",
    "Amy, b. 2010, Leeds, text only",
])
def test_youth_without_a_stated_age_is_read(text):
    assert "minor" in categories(text)


def test_a_birth_date_of_an_adult_is_no_youth():
    assert "minor" not in categories("Naam: Noor\nGeboortedatum: 14-03-1994\nStad: Breda")


def test_a_half_hour_rate_is_no_age():
    found = extract("Halfuur 60, uur 100. Parkeren in de straat.")
    assert found.ages == []


# ---- reachable is not available; a busy week is not always; a question answered "don't have one" ----

def test_reachable_by_text_around_the_clock_is_not_round_the_clock_work():
    assert "always_available" not in codes("24/7 via app, reactie zodra ik wakker ben. Roos, 39.")[0]
    assert "always_available" in codes("24/7 beschikbaar. Roos.")[0]


def test_every_day_of_one_week_is_a_busy_stretch():
    assert "always_available" not in codes("Working every day this week, then two weeks off. Fay, 36.")[0]
    assert "always_available" in codes("Working every day. Fay.")[0]


def test_a_question_answered_that_she_has_none_denies_the_text_models_reading():
    assert "coercion" not in categories("Een chauffeur? Die heb ik niet. Alles via mij. Lies, 34.")


# ---- her own home, her own profile, her own line ----

def test_living_where_she_works_in_her_own_home_is_no_premises():
    assert "lives_on_premises" not in codes("Ik woon en werk in mijn eigen appartement. Tineke, 52.")[0]
    assert "lives_on_premises" in codes("De meiden wonen en werken in hetzelfde pand.")[0]


def test_new_to_advertising_is_no_arrival():
    assert "movement" not in categories("I'm new to advertising, not to Norwich: 20 years here. Kay, 44.")


def test_the_text_speak_file_the_engine_reads_is_the_one_the_data_check_checks():
    from nlp.indicators.engine import TEXT_SPEAK_FILE as read
    from nlp.lexicon import TEXT_SPEAK_FILE as checked

    assert read.resolve() == checked.resolve()


def test_a_text_speak_entry_that_is_two_words_or_upper_case_is_refused():
    from nlp.lexicon import TextSpeakFile

    with pytest.raises(ValueError, match="one lower-case word"):
        TextSpeakFile.model_validate({"words": {"2Moro": "tomorrow"}})
    with pytest.raises(ValueError, match="one lower-case word"):
        TextSpeakFile.model_validate({"words": {"brb": "be right back"}})


def test_what_others_think_of_her_is_not_said_of_her_unless_a_but_says_it():
    assert "coercion" not in categories("Some clients assume I don't speak English, yet I do. Call me. Ana, 30.")
    assert "coercion" in categories("Clients think she is free but her boyfriend takes all the money. Ana.")


# ---- the local language given, her day job, room rent, a past date ----

def test_denying_one_local_language_while_giving_her_the_other_is_no_dependency():
    assert "no_language" not in codes("Ik spreek geen Engels, wel Nederlands. Bel gerust. Els, 50.")[0]
    assert "no_language" not in codes("No Dutch, but English fine. Call me. Els, 50.")[0]
    assert "no_language" in codes("Spreekt geen Nederlands en geen Engels, alleen Pools. Bel Marek.")[0]


def test_a_boss_at_her_day_job_is_no_handler():
    assert "coercion" not in categories("De manager op mijn werk mag dit nooit weten, hij zou schrikken. Els, 33.")
    assert "coercion" in categories("Mijn manager regelt de afspraken, bel hem. Els, 33.")


def test_room_rent_paid_to_the_house_is_no_handler_taking_money():
    assert "booking_via_third_party" not in codes("Payment to the house for the room rent; my own fee I keep. Els, 40.")[0]
    assert "booking_via_third_party" in codes("All payment goes to the house. Els.")[0]


def test_since_last_week_is_a_past_date_not_the_last_week_of_a_stay():
    assert "few_days" not in codes("New number since last week, same place as always. Els, 40.")[0]
    assert "few_days" in codes("My last week in Bath, then I move on. Els, 40.")[0]
