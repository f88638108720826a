from __future__ import annotations

import pytest

from benchmarks.worldeval import WorldEvalError, evaluate_world, world_records


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    generate = pytest.importorskip("crawlers.demosite.generate")
    folder = tmp_path_factory.mktemp("world")
    generate.generate_world(ads=80, days=10, seed=3, out=folder)
    return folder


def test_world_records_carry_truth_and_photo_hashes(world):
    records = world_records(world)
    assert records and all(r["truth_network"] for r in records)
    with_photos = [r for r in records if r["images"]]
    assert with_photos and all(len(img["phash"]) == 16 for r in with_photos for img in r["images"])


def test_clusters_and_networks_match_a_demo_world(world):
    scores = evaluate_world(world)
    assert scores["ads"] == 80
    # Measured on larger worlds in models/EVALUATION.md; a small world must not fall far below.
    assert scores["text"]["f1"] >= 0.9
    assert scores["network_identifiers_only"]["f1"] >= 0.9
    assert scores["network"]["recall"] >= scores["network_identifiers_only"]["recall"]


def test_not_a_world_is_a_clear_error(tmp_path):
    with pytest.raises(WorldEvalError, match="no truth.jsonl"):
        evaluate_world(tmp_path)
