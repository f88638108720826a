"""Round 9 (dev10 review): mechanisms, each tested on sentences written for the test, not taken from a set."""

from __future__ import annotations

import pytest

from nlp.extract import extract
from nlp.indicators.context import notice_cues
from nlp.indicators.engine import skeleton
from nlp.textmodel import model_tokens
from tests.nlp.test_nlp_indicator_mechanisms import categories
from tests.nlp.test_nlp_round6 import codes

# ---- a question answered by her alone, or by nobody ----

@pytest.mark.parametrize("answered, asked", [
    ("Who takes your calls? Only me. Dee, 31, Hull.", "Who takes your calls? My manager Rob. Dee, 31, Hull."),
    ("Wie regelt je afspraken? Niemand, dat doe ik. Fleur, 29.", "Wie regelt je afspraken? Mijn vriend Dave. Fleur, 29."),
])
def test_a_question_answered_with_only_me_or_nobody_denies_its_signal(answered, asked):
    assert "coercion" not in categories(answered)
    assert "coercion" in categories(asked)


# ---- the text model does not read a signal into a sentence that names it to deny it ----

def test_a_sentence_that_names_roles_only_to_deny_them_is_not_read_as_coercion():
    denied = "Er is geen broer die mijn agenda bijhoudt en geen chauffeur die het geld ophaalt. Alles zelf. Noa, 26, Ede."
    assert "coercion" not in categories(denied)
    said = "Mijn broer houdt mijn agenda bij en de chauffeur haalt het geld op. Noa, 26, Ede."
    assert "coercion" in categories(said)


# ---- her own: a handler's words that end on "her", and the next word makes it hers ----

@pytest.mark.parametrize("own, other", [
    ("Vera is an independent lady who runs her own diary. Call Vera on her own line. Vera, 36, Leeds.",
     "Vera's manager runs her diary, call him. Vera, 26, Leeds."),
    ("Our ladies keep their own phones and set their own rates; call each lady on her own number.",
     "Our ladies have no phones; the office sets their rates and books them."),
])
def test_a_phrase_that_makes_the_work_her_own_is_no_handler(own, other):
    assert "coercion" not in categories(own)
    assert "coercion" in categories(other)


def test_the_own_after_a_language_is_still_a_dependency():
    assert "coercion" in categories("She speaks only her own language, her friend answers for her.")


@pytest.mark.parametrize("text", [
    "I keep the diary myself, my sister only took the photos. Isa, 30, Delft.",
    "Ik ben de enige meid op dit nummer. Sterre, 28, Venlo.",
])
def test_her_own_hands_on_the_work_in_the_first_person(text):
    assert "coercion" not in categories(text)


# ---- a sentence that seeks a man as a client speaks of the client ----

@pytest.mark.parametrize("client, handler", [
    ("Zoekt een nette heer die weet wat hij wil. Lotte, 30, Breda.", "Mijn vriend weet wat hij doet, hij regelt alles. Lotte, 30."),
    ("Seeking a generous sugar daddy, pay per date. Mel, 27, York.", "My daddy books my dates, pay him. Mel, 27, York."),
])
def test_the_man_sought_as_a_client_is_no_handler(client, handler):
    assert "coercion" not in categories(client)
    assert "coercion" in categories(handler)


# ---- text-speak without vowels ----

def test_a_word_written_without_its_vowels_matches_its_word_set():
    assert skeleton("manager") == "mngr" and skeleton("driver") == "drvr"
    assert "coercion" in categories("my mngr sets the times, text him. Zoe, 22, Leiden.")
    assert "coercion" in categories("drvr brings me and collects the cash. Zoe, 22.")
    # a short word is left alone: three letters name too many words
    assert "coercion" not in categories("pls txt me, Zoe, 34, Leiden, thx.")


# ---- the text model reads a date as a date ----

def test_dates_times_and_day_ranges_are_no_age_bands():
    tokens = model_tokens("Leiden 03/05 - 06/05, then 7-9 Gouda, from 10.30")
    assert "getal_kind" not in tokens and tokens.count("datum") == 4
    # a range of teen ages stays numbers
    assert model_tokens("meiden 16-17").count("getal_tiener") == 2


# ---- site notices: news items, the law, the site speaking to its advertiser, report forms ----

@pytest.mark.parametrize("notice", [
    "Police arrested two men on suspicion of exploiting a 16-year-old girl. According to police the ads ran for weeks.",
    "De minimumleeftijd voor escorts in deze gemeente is 21 jaar. Plaats je advertentie met je vergunningsnummer; "
    "een advertentie van iemand die nog op school zit, wordt verwijderd.",
    "Report this profile: [ ] she looks underage [ ] someone else arranges her dates [ ] fake photos. "
    "A staff member reviews it.",
])
def test_a_notice_that_names_signals_offers_no_one(notice):
    assert not categories(notice) & {"minor", "coercion"}


def test_a_news_item_naming_an_age_is_a_notice_with_three_kinds_of_cue():
    news = "Police arrested two men on suspicion of exploiting a 16-year-old girl. According to police the ads ran for weeks."
    result = extract(news)
    assert result.ages and result.listing and result.listing["method"] == "notice"
    assert any(h["suppressed"] == "site_notice" and h["category"] == "minor" for h in result.suppressed)
    # with an age read, two kinds of cue are not enough: the police and an arrest beside her own age of 16
    ad = "The police came by, a man was arrested next door. I am 16, my friend arranges everything, Leeds."
    assert len(notice_cues(ad)) == 2 and extract(ad).ages == [16]
    assert "minor" in categories(ad)


def test_an_ad_with_a_price_is_never_a_notice():
    ad = "Police? No. I am 16, 100 per hour, my friend arranges it. Report fake copies of this ad."
    assert {"minor", "coercion"} <= categories(ad)


# ---- listings: pets, language courses, a taxi firm and the taxi she is sent in ----

@pytest.mark.parametrize("listing", [
    "Missing dog! Brown terrier, 3 years old, she is new to the area and shy. Chipped. Reward.",
    "Ik pas op je huisdieren als je op vakantie bent, 10 euro per dag. App me, Iris (16).",
    "Dutch courses for newcomers: if you only speak one language, our teachers help. Evening classes.",
])
def test_ordinary_listings_of_round_nine_raise_no_minor_or_coercion(listing):
    assert not categories(listing) & {"minor", "coercion"}


def test_the_taxi_she_is_sent_in_is_not_a_taxi_firm():
    assert {"minor", "coercion"} <= categories("Choose from the photos, the youngest is 16, we send her by taxi.")


# ---- families from dev10 ----

@pytest.mark.parametrize("text", [
    "Nu in Assen, over vijf dagen in Emmen. Roos, 25.",
    "Currently Zwolle, Thursday onwards Kampen. Bo, 24.",
    "I switch between Delft and Gouda, never more than three nights in one place. Lin, 26.",
    "Om de drie weken zit ik in een andere stad. Nu: Hoorn. Mia, 29.",
    "Fresh in Tilburg since Sunday! Ava, 23.",
    "Blijf hier een week of twee, daarna verder. Pien, 27, Goes.",
])
def test_movement_said_with_schedules_alternation_and_caps(text):
    assert "movement" in categories(text)


@pytest.mark.parametrize("text", [
    "Only a few days a week available, always at my studio in Ede. Kay, 35.",
    "Back from my coffee break, available again in my flat in Weert. Kay, 35.",
    "Cash only, leave it on the table please. Kay, 35, Weert.",
    "60 quick visit, 100 the hour. Kay, 35, Weert.",
])
def test_movement_look_alikes_of_round_nine(text):
    assert "movement" not in categories(text)


@pytest.mark.parametrize("text", [
    "Jill, Heerlen, onder de achttien, alleen overdag.",
    "underaged but mature, text Jill, Venlo.",
    "Net mijn 16e verjaardag gevierd, Jill, Weert.",
    "Ik zit in de derde, app na vieren. Jill, Weert.",
    "my mum n dad both work till 5 so come before. Jill, Venlo.",
])
def test_youth_said_in_round_nine_shapes(text):
    assert "minor" in categories(text)


@pytest.mark.parametrize("text", [
    "Nog geen 18 jaar ervaring maar wel 15. Ans, 49, Zwolle.",
    "Sorry boys, at 20 you're too young for me. Ans, 44.",
    "Schooluniform als kostuum op aanvraag. Ans, 32, Zwolle.",
])
def test_youth_look_alikes_of_round_nine(text):
    assert "minor" not in categories(text)


@pytest.mark.parametrize("text", [
    "Ik moet de helft afdragen aan mijn baas. Eva, 24.",
    "De eigenaar houdt onze telefoons in bewaring, bel de receptie. Eva, 24.",
    "Only Polish spoken, the contact man answers and sets the price. Eva, 24.",
])
def test_coercion_families_of_round_nine(text):
    assert "coercion" in categories(text)


def test_a_schools_phone_rule_is_no_confinement():
    assert "confinement" not in codes("Pupils hand in their phones before the exam and collect them after.")[0]


# ---- Dutch compound heads: "*actie" in a word set matches "kerstactie", not "reactie" ----

def test_a_compound_whose_head_is_a_discount_word_is_an_offer():
    assert "movement" not in categories("Laatste dagen van mijn kerstactie! Tot en met vrijdag 15% korting. Ine, 33, Ede.")
    # "re|actie" is no compound: its first part is no word of its own
    assert "movement" in categories("Laatste dagen in Ede, snelle reactie gegarandeerd. Ine, 23.")


@pytest.mark.parametrize("text", [
    "Mijn nieuwe outfits zijn net aangekomen, kom kijken in mijn vaste studio. Ine, 36, Tiel.",
    "School uniform as a costume on request. Ine, 31, all bookings by me.",
])
def test_things_that_arrive_and_costumes_are_no_signal(text):
    assert not categories(text) & {"minor", "movement"}


@pytest.mark.parametrize("listing", [
    "Coach trip: 3-5 June Bruges, 6-8 June Ghent, guide included, £199.",
    "Moving abroad next week, must sell my bike and my desk. Pick up in Leiden.",
])
def test_trips_sold_and_sales_before_a_move_are_no_movement(listing):
    assert "movement" not in categories(listing)


def test_a_short_visit_of_thirty_minutes_is_an_appointment():
    assert "movement" not in categories("Kort bezoek (30 min) kan ook. Ria, 52, al jaren in dezelfde woning in Ede.")
    assert "movement" in categories("Kort bezoek aan Ede, alleen dit weekend! Ria, 32.")


@pytest.mark.parametrize("text", [
    "Open 7 days a week from 9 to 21, nail salon Utrecht.",
    "Net verhuisd van Assen naar Zwolle, zelfde nummer, nieuwe stad. Jet, 31.",
    "Ik heb geen manager, je spreekt alleen mij. Jet, 31, Ede.",
    "Kies uit onze foto's je favoriete pup, wij brengen hem bij u thuis. Kennel Het Veld.",
])
def test_coercion_look_alikes_of_round_nine(text):
    assert "coercion" not in categories(text)


def test_working_every_day_of_the_week_is_still_read_for_a_person():
    assert "always_available" in codes("Available 7 days a week, call my driver. Jet, 21.")[0]


# ---- the lexicon check: every file's patterns apply to every language, so none is written twice ----

def test_a_pattern_written_twice_for_one_code_is_a_lexicon_problem():
    from dataclasses import replace

    from nlp.lexicon import entry_problems, load_entries, load_words

    entries, words = load_entries(), load_words()
    assert entry_problems(entries, words) == []
    first = next(e for e in entries if e.patterns)
    copy = replace(first, file="other.yaml", patterns=(first.patterns[0],))
    problems = entry_problems((*entries, copy), words)
    assert any("written twice" in p and first.code in p for p in problems)
