"""`make eval`: quality against the synthetic world's ground truth.

Extraction and indicators (`nlp.evaluate`, rewrites its section of docs/EVALUATION.md) and
text clusters and networks (`models.worldeval`, printed; docs/CLUSTERING.md records the figures)
on the same freshly generated world.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ADS, DAYS, SEED = 2000, 14, 23


def main() -> int:
    from crawlers.demosite.generate import generate_world
    from models.worldeval import evaluate_world as evaluate_clusters
    from nlp.evaluate import main as evaluate_extraction

    with tempfile.TemporaryDirectory() as tmp:
        world = Path(tmp) / "world"
        generate_world(ADS, DAYS, SEED, world)
        print(f"== extraction and indicators ({ADS} ads, {DAYS} days, seed {SEED})", flush=True)
        # nlp.evaluate generates the same world itself (same arguments, same bytes) so that the
        # document names its parameters rather than a temporary path.
        failed = evaluate_extraction(["--ads", str(ADS), "--days", str(DAYS), "--seed", str(SEED)]) != 0
        print("\n== text clusters and networks", flush=True)
        print(json.dumps(evaluate_clusters(world), indent=2, default=str))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
