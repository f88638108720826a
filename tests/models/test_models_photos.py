"""Near-duplicate photo search finds the demo world's re-used and mirrored photos (recall >= 0.95)."""

from __future__ import annotations

from benchmarks.photoeval import evaluate_photos
from core.db import session_scope
from crawlers.demosite.generate import generate_world


def test_photo_search_recall_on_the_demo_world(settings, tmp_path):
    world = tmp_path / "world"
    generate_world(200, 14, 7, world)
    with session_scope(settings) as s:
        result = evaluate_photos(s, world)
    assert result["reused_pairs"] > 50
    assert result["recall"] >= 0.95, result
    assert result["precision"] >= 0.99, result
    print(result)
