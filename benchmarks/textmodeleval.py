"""Leave-one-set-out figures of extraction with the indicator text model (``nlp.textmodel``).

For each development set, a model is fitted on the other sets only (``nlp.textmodeltrain.fit``) and
the whole extraction is scored on the set left out, beside the patterns alone (no model): the model's
figures on text by an author it has not read. The shipped model is trained on every set, so its own
figures on these sets are fitted and say nothing; these are the ones to read (docs/EVALUATION.md).

    python -m benchmarks.textmodeleval [dev2 dev3 ...]
"""

from __future__ import annotations

import sys

from benchmarks.indicatoreval import read_items, render, score
from nlp import textmodel
from nlp.textmodeltrain import DATA, fit, lexicon_examples, training_items

HELD_OUT = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19")


def _with_model(model: textmodel.TextModel | None) -> None:
    textmodel.shipped_model.cache_clear()
    if model is not None:
        textmodel.shipped_model.__wrapped__ = lambda: model  # type: ignore[attr-defined]
    import nlp.indicators.computed as computed

    computed.shipped_text_model = (lambda: model)


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or list(HELD_OUT)
    for name in names:
        items = read_items([DATA / name])
        _with_model(None)
        print(render(f"{name}, patterns only", score(items)))
        _with_model(fit(training_items(exclude=[name]), lexicon_examples()))
        print(render(f"{name}, with a model not trained on {name}", score(items)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
