"""Round 6 (dev7 review): the listing decision on adult sites, compensated dating, and near-misses."""

from __future__ import annotations

import pytest

import nlp.listing as listing
from nlp.extract import extract
from nlp.listing import ListingVerdict, rule_overruled


def codes(text: str) -> tuple[set[str], set[str]]:
    """The codes flagged, and those held back as a non-adult listing."""
    result = extract(text)
    return {h["code"] for h in result.indicators}, {h["code"] for h in result.suppressed}


class _SureModel:
    """A stand-in classifier that gives every text one probability."""

    def __init__(self, probability: float) -> None:
        self.p = probability

    def adult_probability(self, text: str) -> float:
        return self.p

    def adult_probability_below(self, text: str, limit: float) -> bool:
        return self.p < limit

    def verdict(self, text: str, confident_below: float = listing.CONFIDENT_BELOW) -> ListingVerdict:
        return ListingVerdict(adult_probability=self.p, is_non_adult=self.p < confident_below,
                              reasons=[("stub", -1.0)])


@pytest.mark.parametrize("text", [
    "Hoi, ik ben Mila, 16 jaar, uit Zwolle. Ik zoek een gulle heer die mij wil helpen met mijn rijlessen. "
    "Na school heb ik tijd.",
    "Hi, I'm Jade, 17, from Leiden. Looking for a generous gentleman, I'm saving for driving lessons. "
    "Free after school.",
    "Ik ben Roos, 15, en zoek iemand die me wil verwennen. Ik heb een bijbaantje, dus alleen in het weekend.",
])
def test_compensated_dating_is_no_ordinary_listing_whatever_the_money_is_for(text):
    flagged, held = codes(text)
    assert "age_under_18" in flagged and not held


def test_a_pupil_looking_for_a_job_stays_an_ordinary_listing():
    flagged, held = codes("Ik ben 16 en zoek een bijbaantje in Zwolle, na school en op zaterdag.")
    assert not flagged & {"age_under_18", "school_words"} and "age_under_18" in held


def test_the_classifier_overrules_the_rule_for_minor_hits_only_when_it_reads_an_adult_ad(monkeypatch):
    by_rule = ListingVerdict(adult_probability=None, is_non_adult=True, method="rules", cue="bijbaantje")
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(0.99))
    assert rule_overruled("any text", by_rule)
    assert not rule_overruled("any text", ListingVerdict(None, False, method="rules"))
    assert not rule_overruled("any text", ListingVerdict(0.0, True, method="classifier"))
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(listing.RULE_OVERRULED_FROM - 0.01))
    assert not rule_overruled("any text", by_rule)
    text = "Ik ben Sanne, 16, en zoek een bijbaantje. Na school vrij."
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(0.99))
    flagged, held = codes(text)
    assert "age_under_18" in flagged and "age_under_18" not in held
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(0.2))
    flagged, held = codes(text)
    assert "age_under_18" not in flagged and "age_under_18" in held


def test_the_adult_site_veto_holds_back_movement_in_an_ordinary_listing(monkeypatch):
    text = "De expositie reist verder: deze week in Deventer, volgende week in Zutphen. Toegang gratis."
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(0.5))
    flagged, held = codes(text)
    assert "tour" in flagged and not held
    monkeypatch.setattr(listing, "shipped_model", lambda: _SureModel(listing.ADULT_SITE_CONFIDENT_BELOW / 2))
    result = extract(text)
    assert not result.indicators and "tour" in {h["code"] for h in result.suppressed}
    assert result.listing["is_non_adult"] and result.listing["reasons"]


@pytest.mark.parametrize("text", [
    "Back in Utrecht since 2018, own phone, Mara 31.",
    "Terug van de lunch, vanaf 14 uur weer bereikbaar. Eva 30, Leiden.",
    "One woman, one phone: Sophie, 35, Breda.",
    "Ik heb gewoon mijn id bij me, Lotte 27, Delft.",
])
def test_settled_self_run_ads_raise_nothing(text):
    flagged, _ = codes(text)
    assert not flagged & {"new_in_town", "new_girls_weekly", "confinement"}, flagged


@pytest.mark.parametrize("text", [
    "Terug in Utrecht na drie maanden in Spanje.",
    "Same phone for all the girls, tell us who you want.",
    "Haar paspoort ligt bij de baas.",
])
def test_the_same_patterns_still_fire_where_they_mean_it(text):
    flagged, _ = codes(text)
    assert flagged & {"new_in_town", "new_girls_weekly", "confinement", "booking_via_third_party"}, flagged


def test_a_phrase_denied_at_the_end_of_a_dutch_clause_is_refused():
    flagged, _ = codes("Ik ben een echte Bredase; nieuw in de stad ben ik dus zeker niet. Bel me zelf.")
    assert "new_in_town" not in flagged
    flagged, _ = codes("Nieuw in de stad! Ik ben Eva, bel me.")
    assert "new_in_town" in flagged


def test_just_18_as_a_figure_of_speech_next_to_an_adult_age_is_no_minor_signal():
    assert "just_18" not in codes("Freshly 18 vibes forever, but really I am 34. Utrecht.")[0]
    assert "just_18" in codes("Freshly 18 and still at school in Utrecht.")[0]


@pytest.mark.parametrize("text, expected", [
    ("Ontvangst di t/m za, 12-22 uur. Marloes 34, Utrecht.", False),
    ("Werkdagen: woensdag tot en met zaterdag. Jess 26.", False),
    ("Alleen in Breda tot en met zaterdag!", True),
    ("In Groningen tot dinsdag.", True),
])
def test_a_working_week_is_no_stay_that_ends(text, expected):
    assert ("few_days" in codes(text)[0]) is expected


def test_having_time_is_not_someone_else_arranging_her_times():
    assert "booking_via_third_party" not in codes("Overdag heb ik tijd, mijn tante werkt. Eva 19, Delft.")[0]
    assert "booking_via_third_party" not in codes("During the day I have time because my sister works.")[0]
    assert "booking_via_third_party" in codes("Her boyfriend plans her times and takes the calls.")[0]


@pytest.mark.parametrize("text", [
    "Dance school in Delft: classes for girls aged 11-16, after school, first lesson free.",
    "Vakantiehuisje in Renesse, alleen nog vrij van 3 t/m 6 juli, boekingen via ons kantoor.",
    "Holiday cottage in Wales, sleeps 6, available for a few days only in May.",
])
def test_group_age_ranges_and_holiday_rentals_are_ordinary_listings(text):
    flagged, held = codes(text)
    assert not flagged & {"school_words", "age_under_18", "booking_via_third_party", "few_days"}, flagged
