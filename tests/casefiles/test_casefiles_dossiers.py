from __future__ import annotations

import pytest
import yaml

from casefiles import scheme
from casefiles.dossiers import (
    DossierAccessDenied,
    DossierError,
    add_note,
    classify,
    create_dossier,
    get_dossier,
    history,
    list_dossiers,
    stacked_signals,
    tally,
)
from core.audit import verify_chain
from core.datafiles import file_problems, read_yaml
from core.db import session_scope

PHONE = "+31612345678"  # the number behind ads a1 and a2 in the conftest world


def test_scheme_file_is_valid_and_problems_are_named(tmp_path):
    assert scheme.validate_all() == []
    broken = read_yaml(scheme.SCHEME_FILE)
    broken["indicators"]["tour"]["points"] = -1
    del broken["indicators"]["school_words"]["source"]
    broken["indicators"]["first_time"]["measure"] = "ads"  # measures belong to dossier-wide signals
    broken["signals"]["many_ads"]["category"] = "colour"
    path = tmp_path / "scheme.yaml"
    path.write_text(yaml.safe_dump(broken))
    problems = file_problems(path, scheme.Scheme)
    assert "scheme.yaml: indicators.tour.points: Input should be greater than or equal to 0 (got -1)" in problems
    assert "scheme.yaml: indicators.school_words.source: missing" in problems
    assert "scheme.yaml: indicators.first_time.measure: unknown key" in problems
    assert any(p.startswith("scheme.yaml: signals.many_ads.category: Input should be 'minor'") for p in problems)
    fixed = read_yaml(scheme.SCHEME_FILE)
    fixed["colours"][2]["min_points"] = 1
    path.write_text(yaml.safe_dump(fixed))
    assert file_problems(path, scheme.Scheme) == ["scheme.yaml: colours: min_points must rise strictly from 0"]


def test_tally_rules():
    s = scheme.load_scheme()
    low = scheme.tally_signals({"tour": ("movement", 4)}, {})
    assert low["total"] == s["indicators"]["tour"]["points"]  # presence counts once
    assert low["suggested_colour"] == "blauw"
    minor = scheme.tally_signals({"age_under_18": ("minor", 1)}, {})
    assert minor["suggested_colour"] in ("oranje", "rood")  # minimum colour of a stated minor
    unknown = scheme.tally_signals({"made_up": ("coercion", 2)}, {})
    assert unknown["rows"] == [{"category": "coercion", "code": "made_up", "points": 0, "count": 2,
                                "source": "not in the points scheme", "explanation": ""}]
    enrich = scheme.tally_signals({}, {"enrichments": 10})
    entry = s["signals"]["partner_enrichment"]
    assert enrich["total"] == entry["points"] * entry["max_count"]


def test_phone_dossier_stacks_every_version_and_note(settings, world):
    with session_scope(settings) as s:
        d = create_dossier(s, "ana", "phone", "06-12345678", title="Lisa")
        assert d.subject == PHONE and d.team == "vice"
        add_note(s, "ana", d.id, "Gemeente: geen vergunning bekend", kind="enrichment", source="HON check",
                 partner="Gemeente Utrecht")
        add_note(s, "ana", d.id, "", kind="enrichment", partner="Zorg", no_information=True)
        dossier_id = d.id
    with session_scope(settings) as s:
        signals = stacked_signals(s, dossier_id)
        ads = [x for x in signals if x["kind"] == "ad_version"]
        assert [(x["ad_id"], x["version_no"]) for x in ads] == [(world.ads["a1"], 1), (world.ads["a1"], 2),
                                                               (world.ads["a2"], 1)]
        assert [x["when"] for x in signals] == sorted(x["when"] for x in signals)
        assert all(x["who"] and "source" in x for x in signals)
        assert {h["code"] for h in ads[0]["indicators"]} == {"age_under_18", "always_available"}
        assert ads[1]["decisions"][0]["decision"] == "confirm" and ads[1]["decisions"][0]["who"] == "ana"
        notes = [x for x in signals if x["kind"] == "enrichment"]
        assert [n["partner"] for n in notes] == ["Gemeente Utrecht", "Zorg"]
        t = tally(s, dossier_id)
        rows = {r["code"]: r for r in t["rows"]}
        assert rows["age_under_18"]["count"] == 1  # two versions of one ad count as one ad
        assert rows["many_cities"]["count"] == 3  # Utrecht, Amsterdam, Rotterdam
        assert rows["partner_enrichment"]["count"] == 1  # "no information" earns nothing
        assert t["total"] == sum(r["points"] for r in t["rows"]) == sum(t["by_category"].values())
        assert t["suggested_colour"] in ("oranje", "rood")


def test_alias_and_network_subjects(settings, world):
    from core.schema import Cluster, ClusterMember

    with session_scope(settings) as s:
        cluster = Cluster(kind="all", key="net-1")
        s.add(cluster)
        s.flush()
        s.add_all([ClusterMember(cluster_id=cluster.id, ad_id=world.ads["a2"]),
                   ClusterMember(cluster_id=cluster.id, ad_id=world.ads["a3"])])
        alias = create_dossier(s, "ana", "alias", "mia").id
        network = create_dossier(s, "ana", "network", "net-1").id
    with session_scope(settings) as s:
        assert {x["ad_id"] for x in stacked_signals(s, alias)} == {world.ads["a3"]}
        assert {x["ad_id"] for x in stacked_signals(s, network)} == {world.ads["a2"], world.ads["a3"]}


def test_classification_history_moves_up_and_down(settings, world):
    with session_scope(settings) as s:
        dossier_id = create_dossier(s, "ana", "phone", PHONE).id
    with session_scope(settings) as s:
        with pytest.raises(DossierAccessDenied):
            classify(s, "ana", dossier_id, "rood", "analyst may not")
        with pytest.raises(DossierAccessDenied):
            classify(s, "olga", dossier_id, "rood", "coordinator of another team")
        with pytest.raises(DossierError, match="reason"):
            classify(s, "coco", dossier_id, "oranje", " ")
        with pytest.raises(DossierError, match="colour"):
            classify(s, "coco", dossier_id, "paars", "x")
    # Groen is below the minimum (oranje) that a stated age under 18 sets: refused without its own reason.
    with session_scope(settings) as s:
        assert tally(s, dossier_id)["minimum_colour"] == "oranje"
        with pytest.raises(DossierError, match="below the minimum oranje"):
            classify(s, "coco", dossier_id, "groen", "first look")
    for colour, why in (("groen", "first look"), ("rood", "stated age 17 confirmed"), ("oranje", "age disputed")):
        with session_scope(settings) as s:
            classify(s, "coco", dossier_id, colour, why,
                     below_minimum_reason="age stated by a third party, not the person" if colour == "groen" else "")
    with session_scope(settings) as s:
        rows = history(s, dossier_id)
        assert rows[0].tally["below_minimum_reason"] == "age stated by a third party, not the person"
        assert [(r.colour, r.previous_colour, r.direction) for r in rows] == [
            ("groen", None, "initial"), ("rood", "groen", "up"), ("oranje", "rood", "down")]
        assert all(r.decided_by == "coco" and r.reason and r.tally["rows"] for r in rows)
        assert rows[0].points_total == tally(s, dossier_id)["total"]
        assert verify_chain(s).ok


def test_team_boundaries_and_bad_input(settings, world):
    with session_scope(settings) as s:
        dossier_id = create_dossier(s, "ana", "phone", PHONE).id
        with pytest.raises(DossierError, match="not a valid phone"):
            create_dossier(s, "ana", "phone", "12")
        with pytest.raises(DossierError, match="subject kind"):
            create_dossier(s, "ana", "car", "x")
        with pytest.raises(DossierAccessDenied):
            create_dossier(s, "audrey", "alias", "x")
        with pytest.raises(DossierAccessDenied):
            create_dossier(s, "ana", "alias", "x", team="other")
    with session_scope(settings) as s:
        with pytest.raises(DossierAccessDenied):
            get_dossier(s, "otto", dossier_id)
        with pytest.raises(DossierAccessDenied):
            add_note(s, "otto", dossier_id, "x")
        with pytest.raises(DossierAccessDenied):
            add_note(s, "audrey", dossier_id, "auditors read only")
        with pytest.raises(DossierError, match="partner"):
            add_note(s, "ana", dossier_id, "x", kind="enrichment")
        assert get_dossier(s, "audrey", dossier_id).id == dossier_id
        assert [d.id for d in list_dossiers(s, "coco")] == [dossier_id]
        assert list_dossiers(s, "olga") == []
