"""Round 14 of issue 14: mechanisms added after reading dev18. The sentences are new wordings of each family,
not the set's own."""

from __future__ import annotations

import pytest

from nlp.emails import find_emails
from nlp.extract import extract
from nlp.handles import find_handles
from nlp.indicators.schedule import stay_spans


def categories(text: str, lang: str = "nl") -> set[str]:
    return {h["category"] for h in extract(text, lang=lang).indicators}


def test_a_time_after_tot_is_no_stay_that_ends():
    assert stay_spans("Ontvangst in Zwolle, doordeweeks alleen tot 22.30.") == []
    assert stay_spans("Alleen in Zwolle tot 22.06!")  # the 22nd of June


@pytest.mark.parametrize("text", [
    "Sanne, Meppel. Enkel bezoek aan huis of hotel, €120 per uur.",
    "Lotte, Gouda. Alleen bezoek, geen ontvangst. 130 per uur.",
])
def test_outcall_only_in_dutch_is_no_visit(text):
    assert "movement" not in categories(text)


def test_a_visit_said_with_op_still_is():
    assert "movement" in categories("Ik ben alleen op bezoek in Gouda, daarna weer weg.")


@pytest.mark.parametrize("text, lang", [
    ("Moved here for good last spring, bought my own flat. Jo, 41, Bath, incall.", "en"),
    ("Definitief in Zutphen gevestigd, appartement gekocht. Mirjam, 44, ontvangst.", "nl"),
    ("Gesloten van 24 december t/m 2 januari vanwege kerst, daarna weer terug in Assen. Ria, 47.", "nl"),
])
def test_a_move_for_good_and_a_holiday_closure_are_no_movement(text, lang):
    assert "movement" not in categories(text, lang)


def test_staying_until_a_day_is_still_movement():
    assert "movement" in categories("Net aangekomen in Venlo, ik blijf hier tot vrijdag.")


@pytest.mark.parametrize("text, lang", [
    ("Vivian, 27. Volgende halte na Zwolle is Deventer, vanaf maandag.", "nl"),
    ("Just been brought over to Hull by the team, new this week. Outcall only.", "en"),
    ("Ik zit nu drie weken in Vlissingen, daarna ga ik terug naar huis.", "nl"),
])
def test_the_next_stop_a_sending_and_a_stay_in_weeks_are_movement(text, lang):
    assert "movement" in categories(text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The deposit is sent to my agent's account before the visit.", "en"),
    ("Vorig jaar ben ik vier maanden in Portugal geweest, nu weer gewoon thuis in Ede.", "nl"),
])
def test_money_sent_a_past_stay_and_a_working_week_are_no_movement(text, lang):
    assert "movement" not in categories(text, lang)


def test_a_working_week_is_no_stay_counted_in_days():
    codes = {h["code"] for h in extract("Dit jaar werk ik drie dagen in de week, ontvangst in Ede.", lang="nl").indicators}
    assert "few_days" not in codes
    codes = {h["code"] for h in extract("Dit jaar werk ik drie weken in Ede, dan weer weg.", lang="nl").indicators}
    assert "few_days" in codes


@pytest.mark.parametrize("text, lang", [
    ("Fenna, geboren in april 2010, ontvangst in Emmen.", "nl"),
    ("Ik ben een lentekindje van 2011, ontvangst in Emmen.", "nl"),
    ("Hi, I'm a real 2010 girl, incall in Hull.", "en"),
    ("Ik kom niet in de discotheek want ik ben gewoon te jong. Ontvangst Emmen.", "nl"),
    ("Evenings till 9.30, my mum does a bed check after that.", "en"),
])
def test_youth_said_with_a_birth_month_a_child_of_a_year_and_too_young(text, lang):
    assert "minor" in categories(text, lang)


def test_a_flight_home_is_no_debt_but_a_trip_to_pay_off_is():
    assert "coercion" not in categories("Ik ben hier tot mijn vlucht terug naar huis op maandag. Mila, 30.")
    assert "coercion" in categories("De reis moet ik nog terug betalen aan de man die hem regelde.")


def test_showing_her_own_id_on_arrival_is_no_confinement():
    assert "coercion" not in categories("Ik laat bij aankomst graag mijn identiteitskaart zien. Eva, 19, eigen woning.")


def test_her_own_hours_and_money_are_self_managed():
    text = "Isa, 24. My cousin drives me sometimes, but I set my own hours and I keep my own money."
    assert "coercion" not in categories(text, "en")


def test_living_at_the_parlour_is_confinement():
    assert "coercion" in categories("Jade, 26. I work and sleep at the parlour, open every day.", "en")


def test_a_link_after_the_word_at_is_no_address():
    assert find_emails("Fan page at onlyfans.com/rosie_k") == []
    assert [(h.platform, h.handle) for h in find_handles("Fan page at onlyfans.com/rosie_k", [])] == [
        ("onlyfans", "rosie_k")]
    assert [e.address for e in find_emails("Mail rosie at gmail dot com")] == ["rosie@gmail.com"]


def test_ghost_is_a_word_for_snapchat():
    assert [(h.platform, h.handle) for h in find_handles("ghost: moon_pie22", [])] == [("snapchat", "moon_pie22")]
    assert find_handles("No ghosting, I always reply.", []) == []


# --- phones and ages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, symbol, e164", [
    ("Bel 06-5Q-12-Q4-78 (vervang Q door 3)", "Q", "+31653123478"),
    ("App 06 2% 4% 18 %9 (every % is a 7)", "%", "+31627471879"),
    ("Call 06 12 ?4 56 ?8, ? = 7", "?", "+31612745678"),
])
def test_a_stand_in_symbol_with_its_note_is_read_as_its_digit(text, symbol, e164):
    from nlp.phones import read_phones

    found = read_phones(text, "NL").phones
    assert [p.e164 for p in found] == [e164]
    assert "symbol_note" in found[0].disguises
    span = text[found[0].start:found[0].end]  # the number as the ad wrote it, symbols and all
    assert span.startswith("06") and symbol in span


def test_a_symbol_without_a_note_stays_unread():
    from nlp.phones import read_phones

    assert read_phones("Bel 06-5Q-12-Q4-78", "NL").phones == []


def test_a_number_told_in_parts_may_end_with_a_subject_and_its_verb():
    from nlp.phones import read_phones

    text = "Het begint met 06, dan 27, daarna 38, dan 49 en ik eindig met 50."
    assert [p.e164 for p in read_phones(text, "NL").phones] == ["+31627384950"]


def test_lines_of_a_number_may_end_in_a_bracketed_note_and_groups_in_braces():
    from nlp.phones import read_phones

    assert [p.e164 for p in read_phones("06\n41\n82\n93\n14 (per regel een stuk)", "NL").phones] == ["+31641829314"]
    assert [p.e164 for p in read_phones("0-4-7-1 { 12 } { 34 } { 56 }", "BE").phones] == ["+32471123456"]


@pytest.mark.parametrize("text, age", [
    ("I'll be 35 on Friday, come celebrate. Incall Derby.", 34),
    ("Vrijdag word ik 35! Ontvangst in Tiel.", 34),
])
def test_a_birthday_on_a_day_gives_the_age_now(text, age):
    from nlp.ages import read_ages

    assert [a.age for a in read_ages(text).stated] == [age]


def test_a_house_number_is_no_age():
    from nlp.ages import read_ages

    assert [a.age for a in read_ages("Nina, 29, Bristol, flat 33 above the bakery, or at no. 41.").stated] == [29]
    assert [a.age for a in read_ages("#26 #Utrecht #incall").stated] == [26]


# --- from dev19 --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Nina, 23. No need to ask for my passport, my boss keeps it safe.", "en"),
    ("Vraag niet naar papieren, mijn id-kaart blijft bij de eigenaar. Sanne, 24.", "nl"),
])
def test_papers_kept_by_a_holder_after_a_request_are_confinement(text, lang):
    assert "coercion" in categories(text, lang)


def test_a_client_asked_for_his_own_id_is_no_confinement():
    codes = {h["code"] for h in extract("Bring your ID, the manager keeps a copy of it. Lisa, 32.", lang="en").indicators}
    assert "confinement" not in codes


@pytest.mark.parametrize("text, lang", [
    ("Summer break from school, so I'm free most afternoons. Kim, Breda.", "en"),
    ("Alleen in het weekend tot school weer begint. Fleur, Zwolle.", "nl"),
    ("Klas 4, mijn rooster zit vol, dus alleen woensdagmiddag. Yara, Ede.", "nl"),
])
def test_a_break_from_school_and_a_school_timetable_are_youth(text, lang):
    assert "minor" in categories(text, lang)


def test_a_mother_on_the_school_holidays_is_no_youth():
    assert "minor" not in categories("During the summer break from school my kids are with their dad. Anna, 41.", "en")


def test_staying_a_counted_number_of_days_is_movement_and_a_weekly_rhythm_is_not():
    assert "movement" in categories("Net in Roermond, ik blijf drie nachten.")
    assert "movement" not in categories("Ik werk drie dagen per week in Roermond, eigen woning.")


def test_rotating_women_at_one_place_are_no_movement_of_hers(monkeypatch):
    import nlp.extract
    from nlp.indicators.computed import ModelHit, computed_entry

    text = "Elke week andere dames op dit ene nummer in Gouda. Bel voor wie er is."
    reading = ModelHit(computed_entry("text_model_movement"), 0, len(text), 0.9, [("pinned", 1.0)])
    monkeypatch.setattr(nlp.extract, "text_model_hits", lambda _t, wanted: [reading] if "movement" in wanted else [])
    assert "movement" not in categories(text)
    abroad = "Elke week andere dames uit het buitenland op dit ene nummer in Gouda."
    reading = ModelHit(computed_entry("text_model_movement"), 0, len(abroad), 0.9, [("pinned", 1.0)])
    monkeypatch.setattr(nlp.extract, "text_model_hits", lambda _t, wanted: [reading] if "movement" in wanted else [])
    assert "movement" in categories(abroad)


def test_a_tour_that_is_over_with_work_from_home_now_is_no_movement():
    assert "movement" not in categories("I toured the UK back in 2019. Now I only see people at my home in Ely.", "en")


@pytest.mark.parametrize("text", [
    "Bekeuring 2025 / 0612 / 3344",
    "Lucky numbers 7 14 21 28 35 42",
    "Vergunning: ABC-0612-2025-88",
    "Tarieven: 120 / 180 / 350 / 900",
])
def test_numbers_labelled_as_something_else_are_no_phone(text):
    from nlp.phones import read_phones

    assert read_phones(text, "NL").phones == []


@pytest.mark.parametrize("text, e164", [
    ("Eerste deel 06 38. Tweede deel: 27 11. Laatste deel 90.", "+31638271190"),
    ("06 55 12 83 en plak er 47 achter", "+31655128347"),
    ("0x6y5z1q2w8e3r4t7u9 (only the digits count)", "+31651283479"),
])
def test_parts_told_over_sentences_appended_digits_and_letters_that_do_not_count(text, e164):
    from nlp.phones import read_phones

    assert [p.e164 for p in read_phones(text, "NL").phones] == [e164]


def test_her_age_in_the_title_stands_beside_a_client_rule_on_the_next_line():
    from nlp.ages import read_ages

    assert [a.age for a in read_ages("Mila 26 jaar\nGeen klanten onder 25.").stated] == [26]
