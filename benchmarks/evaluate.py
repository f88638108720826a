"""`make eval`: quality against the synthetic world's ground truth, and on text written elsewhere.

Extraction and indicators (`benchmarks.nlpeval`, rewrites its section of docs/EVALUATION.md) and
text clusters and networks (`benchmarks.worldeval`), and the risk model trained and measured on a
held-out split with a calibration table (`models.risktrain`), printed; docs/CLUSTERING.md records
the figures. All on the same freshly generated world. Beside those demo-world figures, the same
engines are scored on the development sets (tests/data/dev to dev19) and the blind set
(tests/data/blind): the demo world was written with the lexicons, so its figures alone are not
evidence of accuracy.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ADS, DAYS, SEED = 2000, 14, 23


def main() -> int:
    from benchmarks.nlpeval import main as evaluate_extraction
    from benchmarks.worldeval import evaluate_world as evaluate_clusters
    from crawlers.demosite.generate import generate_world
    from models.risktrain import train, world_examples

    with tempfile.TemporaryDirectory() as tmp:
        world = Path(tmp) / "world"
        generate_world(ADS, DAYS, SEED, world)
        print(f"== extraction and indicators ({ADS} ads, {DAYS} days, seed {SEED})", flush=True)
        # benchmarks.nlpeval generates the same world itself (same arguments, same bytes) so that the
        # document names its parameters rather than a temporary path.
        failed = evaluate_extraction(["--ads", str(ADS), "--days", str(DAYS), "--seed", str(SEED)]) != 0
        failed |= _text_nobody_here_wrote() != 0
        print("\n== text clusters and networks", flush=True)
        print(json.dumps(evaluate_clusters(world), indent=2, default=str))
        print("\n== text clusters on the edit corpus (ours, 20,000 ads, seed 1; issue #15)", flush=True)
        print(json.dumps(_edit_corpus_clusters(), indent=2))
        print("\n== near-duplicate photo search (re-used and mirrored photos)", flush=True)
        print(json.dumps(_photo_search(world), indent=2))
        print("\n== risk model (held out by network, 25 %)", flush=True)
        folder = train(world_examples(world), Path(tmp) / "artefacts", source=f"demo world seed {SEED}")
        info = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
        held, rules = info["metrics"]["held_out"], info["metrics"].get("held_out_rules_baseline", {})
        print(f"examples {info['examples']} ({info['positives']} positive); held out {held.get('n')}: "
              f"ROC AUC {held.get('roc_auc')}, PR AUC (average precision) {held.get('average_precision')}, "
              f"Brier {held.get('brier')}; rule-based score on the same ads: ROC AUC {rules.get('roc_auc')}, "
              f"PR AUC {rules.get('average_precision')}")
        print("calibration: band, ads, mean predicted, observed")
        for row in info["metrics"]["calibration"]:
            print(f"  {row['from']:.1f}-{row['to']:.1f}  {row['ads']:4d}  {row['mean_predicted']:.3f}  {row['observed']:.3f}")
    return 1 if failed else 0


def _text_nobody_here_wrote() -> int:
    """The same engines on text written outside the lexicons and the demo world, beside the demo figures:
    the development sets (pattern authors read them) and the blind set (aggregate figures only; see
    tests/data/blind/README.md). Only the blind row says anything about text the authors did not see."""
    from benchmarks import extractioneval, indicatoreval, listingeval

    data = Path(__file__).resolve().parents[1] / "tests" / "data"
    dev_sets = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19")
    print(f"\n== indicators on the development sets ({', '.join(dev_sets)}) and the blind set", flush=True)
    failed = indicatoreval.main([*(str(data / name) for name in dev_sets), "--blind"])
    for folder in ("dev", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev14", "dev17", "dev18", "dev19", "blind"):
        if not (data / folder).is_dir():
            print(f"\n== no {folder} set in this checkout", flush=True)
            continue
        print(f"\n== ages, phones and handles on the {folder} set", flush=True)  # dev13, dev15 and dev16 have indicators only
        failed |= extractioneval.main([str(data / folder)])
    print("\n== non-adult listing classifier (our corpus, held out; development set)", flush=True)
    listingeval.main()
    return failed


def _edit_corpus_clusters(ads: int = 20_000) -> dict:
    """Issue #15's edit corpus (benchmarks.editcorpus, written by us: not evidence on real text) through
    the default engine and the experimental one; timings in benchmarks.bench_cluster --corpus edits."""
    from benchmarks.editcorpus import edit_corpus
    from models.centrecluster import CentreClusterer
    from models.evaluate import cluster_scores
    from models.textcluster import TextClusterer

    corpus = edit_corpus(ads, seed=1)
    texts, truth = [a.text for a in corpus], [a.operation for a in corpus]
    return {name: cluster_scores(truth, engine.fit(texts).labels_.tolist())
            for name, engine in (("TextClusterer (default)", TextClusterer()),
                                 ("CentreClusterer (experimental)", CentreClusterer()))}


def _photo_search(world: Path) -> dict:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from benchmarks.photoeval import evaluate_photos
    from core.schema import Base

    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        return evaluate_photos(session, world)


if __name__ == "__main__":
    sys.exit(main())
