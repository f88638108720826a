from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.db import session_scope
from core.schema import Ad, AdVersion, AuditEntry, Entity, IndicatorHit, Score, Site
from nlp import analyse as analyse_module
from nlp.analyse import analyse_pending

ADS = [
    # (title, body, age field, city field)
    ("Lisa (16) nieuw in Utrecht", "Bel 06*12*34*56*78, 24/7 beschikbaar.", "16", "Utrecht"),
    ("Eva", "Ontvangst in Zwolle. Bel 0612345679 voor een afspraak.", "17", "Zwolle"),
    ("Anna (29)", "Discreet, ontvangst in Breda, 150 euro per uur. anna@example.nl", "29", "Breda"),
    ("Mila", "Onze meiden spreken geen Nederlands. Bel mijn manager. Snap: mila_x", "", "Amsterdam"),
]


def _insert_ads(settings, ads=ADS) -> list[int]:
    with session_scope(settings) as session:
        site = Site(name="classic", base_url="http://127.0.0.1:8765/classic/", country="NL")
        session.add(site)
        session.flush()
        ids = []
        for n, (title, body, age, city) in enumerate(ads):
            ad = Ad(site_id=site.id, site_ad_id=f"a{n}", url=f"http://127.0.0.1:8765/classic/ad/a{n}")
            session.add(ad)
            session.flush()
            version = AdVersion(ad_id=ad.id, content_sha256=f"{n:064d}", title=title, body=body, age_text=age,
                                city=city)
            session.add(version)
            session.flush()
            ids.append(version.id)
        return ids


def _counts(session) -> tuple[int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Entity, IndicatorHit, Score))


def test_analyse_stores_entities_hits_and_scores(settings):
    ids = _insert_ads(settings)
    counts = analyse_pending(settings, batch=3)
    assert (counts.analysed, counts.batches) == (4, 2)
    with session_scope(settings) as session:
        versions = {v.id: v for v in session.scalars(select(AdVersion))}
        assert all(v.analysed_at is not None and v.lang == "nl" for v in versions.values())
        scores = {s.ad_version_id: s for s in session.scalars(select(Score))}
        assert {s.model_version for s in scores.values()} == {"rules-v1"}
        first, second, adult, managed = (scores[i] for i in ids)
        assert first.flagged and first.risk > 0.9 and any("age_under_18" in r for r in first.reasons)
        assert second.flagged  # the age only stands in the site's age field
        assert not adult.flagged and adult.risk < 0.35
        assert managed.flagged and managed.risk >= 0.35
        assert counts.flagged == 3

        hits = session.scalars(select(IndicatorHit).where(IndicatorHit.ad_version_id == ids[0])).all()
        text = versions[ids[0]].text
        assert {h.code for h in hits} >= {"age_under_18", "phone_disguised", "always_available"}
        assert all(text[h.start : h.end] == h.text and h.explanation and h.source for h in hits)
        field_hit = session.scalars(select(IndicatorHit).where(IndicatorHit.ad_version_id == ids[1])).one()
        assert field_hit.code == "age_under_18" and "age field" in field_hit.explanation

        entities = {(e.kind, e.value, e.obfuscated) for e in
                    session.scalars(select(Entity).where(Entity.ad_version_id == ids[0]))}
        assert ("phone", "+31612345678", True) in entities
        assert ("age", "16", False) in entities and ("city", "Utrecht", False) in entities
        kinds = {e.kind for e in session.scalars(select(Entity).where(Entity.ad_version_id == ids[2]))}
        assert kinds >= {"age", "email", "city", "price"}
        handle = session.scalars(select(Entity).where(Entity.kind == "handle")).one()
        assert (handle.platform, handle.value) == ("snapchat", "mila_x")
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "analyse")).all()
        assert [a.detail["analysed"] for a in audit] == [3, 1]


def test_rerun_is_idempotent_and_reanalyse_replaces(settings):
    _insert_ads(settings)
    analyse_pending(settings)
    with session_scope(settings) as session:
        before = _counts(session)
    again = analyse_pending(settings)
    assert again.analysed == 0
    redo = analyse_pending(settings, reanalyse=True)
    assert redo.analysed == 4
    with session_scope(settings) as session:
        assert _counts(session) == before


def test_a_failing_batch_leaves_no_half_analysed_version(settings, monkeypatch):
    ids = _insert_ads(settings)
    real = analyse_module.analyse_version
    calls = {"n": 0}

    def crash_on_second(session, version, country, threshold, register=None, *rest):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("killed")
        return real(session, version, country, threshold, register, *rest)

    monkeypatch.setattr(analyse_module, "analyse_version", crash_on_second)
    with pytest.raises(RuntimeError):
        analyse_pending(settings, batch=2)
    with session_scope(settings) as session:
        assert _counts(session) == (0, 0, 0)
        assert session.scalar(select(func.count()).where(AdVersion.analysed_at.is_not(None))) == 0
    monkeypatch.setattr(analyse_module, "analyse_version", real)
    resumed = analyse_pending(settings, batch=2)
    assert resumed.analysed == len(ids)
    with session_scope(settings) as session:
        assert session.scalar(select(func.count()).select_from(Score)) == len(ids)


def test_site_country_sets_the_phone_region(settings):
    with session_scope(settings) as session:
        site = Site(name="uk", base_url="http://example.invalid/", country="GB")
        session.add(site)
        session.flush()
        ad = Ad(site_id=site.id, site_ad_id="1", url="http://example.invalid/1")
        session.add(ad)
        session.flush()
        session.add(AdVersion(ad_id=ad.id, content_sha256="x" * 64, title="Amy", body="Call 07911 123456"))
    analyse_pending(settings)
    with session_scope(settings) as session:
        assert session.scalars(select(Entity.value).where(Entity.kind == "phone")).all() == ["+447911123456"]


def test_licence_register_setting_is_used(settings, tmp_path, monkeypatch):
    from core.settings import Settings

    register = tmp_path / "register.csv"
    register.write_text("licence\nZWO-ESC-2025-0275\n", encoding="utf-8")
    monkeypatch.setenv("SIGNALSTACK_LICENCE_REGISTER", str(register))
    with session_scope(settings) as session:
        site = Site(name="classic", base_url="http://example.invalid/", country="NL")
        session.add(site)
        session.flush()
        for n, number in enumerate(["ZWO-ESC-2025-0275", "ZWO-ESC-2025-9999"]):
            ad = Ad(site_id=site.id, site_ad_id=str(n), url=f"http://example.invalid/{n}")
            session.add(ad)
            session.flush()
            session.add(AdVersion(ad_id=ad.id, content_sha256=f"{n:064d}", title="Escort Zwolle",
                                  body=f"Vergunning: {number}"))
    analyse_pending(Settings())
    with session_scope(settings) as session:
        hits = session.scalars(select(IndicatorHit).where(IndicatorHit.code == "licence_unknown")).all()
        assert [h.text for h in hits] == ["ZWO-ESC-2025-9999"]
        assert len(session.scalars(select(Entity).where(Entity.kind == "licence")).all()) == 2


def test_indicators_in_an_ordinary_listing_are_held_back_with_the_reason_and_not_counted(settings):
    from core.schema import HeldBackHit

    job = "Bijbaan voor scholieren uit de brugklas en 4 havo: vakkenvullen in Zwolle, 12 euro per uur."
    [version_id] = _insert_ads(settings, [("Vakkenvuller gezocht", job, "", "")])
    analyse_pending(settings)
    analyse_pending(settings, reanalyse=True)  # a rerun replaces them, never adds
    with session_scope(settings) as session:
        assert session.scalars(select(IndicatorHit).where(IndicatorHit.ad_version_id == version_id)).all() == []
        score = session.scalars(select(Score).where(Score.ad_version_id == version_id)).one()
        assert not score.flagged and score.risk < 0.35
        held = session.scalars(select(HeldBackHit).where(HeldBackHit.ad_version_id == version_id)).all()
        assert {h.code for h in held} >= {"school_words"} and {h.reason for h in held} == {"non_adult_listing"}
        text = session.get(AdVersion, version_id).text
        assert all(text[h.start:h.end] == h.text for h in held)
        assert all(h.verdict["method"] in ("rules", "classifier") for h in held)


def test_weak_evidence_alone_is_stored_held_back_with_its_own_verdict(settings):
    # Round 11: a low price alone in its category is kept back as supporting_only, not counted in the score.
    from core.schema import HeldBackHit
    from nlp.extract import SUPPORTING_ONLY

    [version_id] = _insert_ads(settings, [("Romy", "Romy, 17, Zaandam. Avonden. 60 euro per uur, alleen appen.",
                                           "", "")])
    analyse_pending(settings)
    with session_scope(settings) as session:
        hits = session.scalars(select(IndicatorHit).where(IndicatorHit.ad_version_id == version_id)).all()
        assert {h.category for h in hits} == {"minor"}
        held = session.scalars(select(HeldBackHit).where(HeldBackHit.ad_version_id == version_id)).all()
        assert [(h.code, h.reason, h.verdict) for h in held] == [
            ("very_low_price", SUPPORTING_ONLY, {"method": "supporting"})]
