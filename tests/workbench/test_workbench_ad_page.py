"""The ad page (issue 18): claims as in the triage list, and disguised numbers beside their plain reading."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casefiles.claims import claim
from core.db import session_scope
from core.schema import Ad, AdVersion, Claim, User

pytestmark = pytest.mark.parametrize("settings", ["sqlite"], indirect=True)


def _claim_row_text(at) -> str:
    return " ".join(str(e.value) for e in list(at.caption) + list(at.info))


def test_claim_and_release_on_the_ad_page(world, app, settings):
    at = app(world, "anna", "ad", ad=str(world.high))
    assert "Niemand heeft deze advertentie geclaimd." in _claim_row_text(at)
    at.button(key=f"claim_{world.high}").click().run()
    assert "Door u geclaimd tot" in _claim_row_text(at)
    with session_scope(settings) as s:
        assert s.execute(select(Claim.username).where(Claim.ad_id == world.high)).scalar_one() == "anna"
    at.button(key=f"unclaim_{world.high}").click().run()
    assert "Niemand heeft deze advertentie geclaimd." in _claim_row_text(at)
    with session_scope(settings) as s:
        assert s.execute(select(Claim).where(Claim.ad_id == world.high)).first() is None


def test_someone_elses_claim_says_who_and_until_when(world, app, settings):
    with session_scope(settings) as s:
        claim(s, s.get(User, world.users["carl"]), [world.mid])
    anna = app(world, "anna", "ad", ad=str(world.mid))
    held = [e.value for e in anna.info if "Geclaimd door carl tot" in e.value]
    assert held, [e.value for e in anna.info]
    keys = {b.key for b in anna.button}
    assert f"claim_{world.mid}" not in keys and f"unclaim_{world.mid}" not in keys  # not hers to take or drop
    carl = app(world, "carl", "ad", ad=str(world.mid))
    assert f"unclaim_{world.mid}" in {b.key for b in carl.button}


def test_a_disguised_number_is_read_beside_the_text_and_in_the_diff(world, app, settings):
    fullwidth = "".join(chr(0xFF10 + int(d)) for d in "0639824543")
    with session_scope(settings) as s:
        old = s.get(Ad, world.low).current
        s.add(AdVersion(ad_id=world.low, version_no=old.version_no + 1, content_sha256="f" * 64, title=old.title,
                        body=f"{old.body} Bel {fullwidth}.", city=old.city, age_text=old.age_text))
    at = app(world, "anna", "ad", ad=str(world.low))
    readings = [c.value for c in at.caption if "leest als" in c.value]
    assert readings and fullwidth in readings[0] and "**0639824543**" in readings[0]
    assert any("+Eva, 30 jaar, eigen agenda. Bel 0639824543." in c.value for c in at.code)


def _hold_back_jaar(settings, ad_id: int, reason: str, verdict: dict) -> None:
    """A held-back minor hit on the word "jaar" of the ad's current version, with `reason` and `verdict`."""
    from core.schema import HeldBackHit

    with session_scope(settings) as s:
        version = s.get(Ad, ad_id).current
        start = version.text.index("jaar")
        s.add(HeldBackHit(ad_version_id=version.id, code="school_words", category="minor", start=start,
                          end=start + 4, text="jaar", weight=0.4, explanation="school year", source="lexicon",
                          reason=reason, verdict=verdict))


def test_indicators_held_back_in_an_ordinary_listing_are_shown_with_why(world, app, settings):
    _hold_back_jaar(settings, world.low, "non_adult_listing",
                    {"method": "classifier", "adult_probability": 0.08, "cue": None,
                     "terms": [{"term": "vakantiewerk", "weight": -1.2}]})
    at = app(world, "anna", "ad", ad=str(world.low))
    held = [e for e in at.expander if "niet meegeteld" in e.label]
    assert [e.label for e in held] == ["1 indicator niet meegeteld: gewone advertentie (geen seksadvertentie)"]
    why = " ".join(c.value for c in at.caption)
    assert "0.08" in why and "vakantiewerk" in why
    other = app(world, "anna", "ad", ad=str(world.mid))  # an ad with nothing held back shows no such section
    assert not [e for e in other.expander if "niet meegeteld" in e.label]


def test_indicators_held_back_in_a_site_notice_say_it_is_a_notice(world, app, settings):
    _hold_back_jaar(settings, world.low, "site_notice",
                    {"method": "notice", "adult_probability": None, "is_non_adult": True,
                     "cue": "meld het, slachtoffer", "reasons": []})
    at = app(world, "anna", "ad", ad=str(world.low))
    held = [e.label for e in at.expander if "niet meegeteld" in e.label]
    assert held == ["1 indicator niet meegeteld: mededeling of waarschuwing van de site (geen advertentie)"]
    why = " ".join(c.value for c in at.caption)
    assert "mededeling of waarschuwing" in why and "meld het, slachtoffer" in why


def test_weak_evidence_held_back_beside_a_listing_veto_gets_its_own_panel(world, app, settings):
    # Round 11: a low price alone is kept back as supporting_only; with a listing veto on the same ad the
    # two reasons are shown apart, each with its own heading and caption.
    _hold_back_jaar(settings, world.low, "non_adult_listing",
                    {"method": "rules", "adult_probability": None, "cue": "vakantiewerk", "terms": []})
    _hold_back_jaar(settings, world.low, "supporting_only", {"method": "supporting"})
    at = app(world, "anna", "ad", ad=str(world.low))
    held = sorted(e.label for e in at.expander if "niet meegeteld" in e.label)
    assert held == ["1 indicator niet meegeteld: gewone advertentie (geen seksadvertentie)",
                    "1 indicator niet meegeteld: zwak signaal zonder ander signaal ernaast"]
    why = " ".join(c.value for c in at.caption)
    assert "vakantiewerk" in why and "zwak signaal (zoals een lage prijs)" in why
