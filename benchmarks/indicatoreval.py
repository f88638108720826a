"""Score the indicators on labelled sentences written outside the lexicons (JSON Lines).

    python -m benchmarks.indicatoreval [FILE_OR_DIR ...] [--failures N] [--blind] [--write-doc]

Each line is ``{"id", "lang", "text", "labels": [...], "kind": "positive|hard_negative|non_adult|clean"}``.
Per category (minor, coercion, movement), a text is predicted positive when any hit of that category
survives extraction (hits in a non-adult listing are suppressed by ``nlp.extract`` itself);
precision and recall are counted over texts. Also counted: non-adult, clean and hard-negative
texts with any minor or coercion flag.

A directory means its ``indicators*.jsonl`` files. The blind set (``tests/data/blind``) may be
scored, but only as aggregate figures: ``--failures`` is refused for it, so nobody tunes to it.
``--write-doc`` rewrites the section of docs/EVALUATION.md between the indicator markers with a
row per development file (and the blind set, with ``--blind``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "EVALUATION.md"
START, END = "<!-- nlp:indicators:start -->", "<!-- nlp:indicators:end -->"
DEV = ROOT / "tests" / "data" / "dev"
BLIND = ROOT / "tests" / "data" / "blind"
CATEGORIES = ("minor", "coercion", "movement")
FLAG_CATEGORIES = ("minor", "coercion")
QUIET_KINDS = ("non_adult", "clean", "hard_negative")


@dataclass
class Score:
    items: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    quiet: Counter[str] = field(default_factory=Counter)  # kind -> texts
    flagged: Counter[str] = field(default_factory=Counter)  # kind -> texts with a minor/coercion flag
    failures: list[str] = field(default_factory=list)

    def precision(self, category: str) -> float:
        predicted = self.tp[category] + self.fp[category]
        return self.tp[category] / predicted if predicted else 1.0

    def recall(self, category: str) -> float:
        actual = self.tp[category] + self.fn[category]
        return self.tp[category] / actual if actual else 1.0


def read_items(paths: list[Path]) -> list[dict[str, Any]]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("indicators*.jsonl")) if path.is_dir() else [path]
    items = []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item.setdefault("id", f"{file.name}:{n}")
                items.append(item)
    return items


def predicted_categories(text: str, lang: str | None = None) -> tuple[set[str], list[dict[str, Any]]]:
    from nlp.extract import extract

    hits = extract(text, lang=lang).indicators
    return {h["category"] for h in hits}, hits


def score(items: list[dict[str, Any]]) -> Score:
    result = Score()
    for item in items:
        result.items += 1
        predicted, hits = predicted_categories(item["text"], item.get("lang"))
        truth = set(item.get("labels") or ())
        wrong = []
        for category in CATEGORIES:
            if category in predicted and category in truth:
                result.tp[category] += 1
            elif category in predicted:
                result.fp[category] += 1
                wrong.append(f"extra {category}")
            elif category in truth:
                result.fn[category] += 1
                wrong.append(f"missed {category}")
        kind = item.get("kind", "")
        if kind in QUIET_KINDS:
            result.quiet[kind] += 1
            result.flagged[kind] += bool(predicted & set(FLAG_CATEGORIES))
        if wrong:
            codes = ", ".join(f"{h['code']}:{h['text']!r}" for h in hits)
            result.failures.append(f"{item['id']} [{kind}] {'; '.join(wrong)}: {item['text']!r} -> {codes or '-'}")
    return result


def render(name: str, s: Score) -> str:
    lines = [f"{name}: {s.items} texts", "| category | precision | recall | texts labelled |", "|---|---|---|---|"]
    for c in CATEGORIES:
        lines.append(f"| {c} | {s.precision(c):.3f} | {s.recall(c):.3f} | {s.tp[c] + s.fn[c]} |")
    quiet = ", ".join(f"{s.flagged[k]} of {s.quiet[k]} {k}" for k in QUIET_KINDS if s.quiet[k])
    lines.append(f"texts with a minor or coercion flag that should have none: {quiet or 'none scored'}")
    return "\n".join(lines)


def doc_rows(scored: list[tuple[str, Score]]) -> list[str]:
    rows = ["| set | texts | minor P / R | coercion P / R | movement P / R | non-adult, clean, hard-negative texts "
            "with a minor or coercion flag |", "|---|---|---|---|---|---|"]
    for name, s in scored:
        # a set with no text labelled for a category (dev13: negatives only) has no precision or recall, only
        # the texts it wrongly raised
        cells = [f"{s.precision(c):.3f} / {s.recall(c):.3f}" if s.tp[c] + s.fn[c] else f"none labelled, {s.fp[c]} raised"
                 for c in CATEGORIES]
        quiet = ", ".join(f"{s.flagged[k]} of {s.quiet[k]}" for k in QUIET_KINDS)
        rows.append(f"| {name} | {s.items} | {' | '.join(cells)} | {quiet} |")
    return rows


NOTES = [
    "A text counts as positive for a category when any hit of that category survives extraction (context",
    "rules, and the non-adult listing rule of `nlp.extract` on an adult site). `indicators.jsonl` was written by an",
    "independent author who never saw the lexicons; the lexicons were then written with it open, so its figures",
    "are not independent either. `indicators_extra.jsonl` was written by the lexicon author (paraphrases of the",
    "kinds issue 14 lists) and shows the mechanisms reach wording the examples do not spell out, nothing more.",
    "`tests/data/dev2/` was written by another independent author; round 2 tuned on two thirds of it and kept",
    "the items whose id is divisible by 3 unread (their figures are below the section). `tests/data/dev3/` was",
    "written for round 3 by an author who did not read the detector; `tests/data/dev4/` is the blind set of rounds",
    "1 to 3, read for the first time in round 4 (its figures from then on are fitted). `tests/data/dev5/` and",
    "`tests/data/dev6/` are the two fresh blind sets of round 4, each scored once and then spent (read: fitted).",
    "`tests/data/dev7/` is the blind set of round 5, spent in round 6; `tests/data/dev8/` the blind set of round 6,",
    "spent in round 7; `tests/data/dev9/` the blind set of round 7, spent in round 8; `tests/data/dev10/` the",
    "blind set of round 8, spent in round 9; `tests/data/dev11/` the blind set of round 9, spent in round 10;",
    "`tests/data/dev12/` the blind set of round 10, spent in round 11; `tests/data/dev13/` (round 11) holds only",
    "texts that must raise nothing (ordinary listings, hard negatives, clean ads), written by an independent author",
    "for reading: its false flags were read and fitted. `tests/data/dev14/` is the blind set of round 11, spent in",
    "round 12; `tests/data/dev15/` (round 12) is a second negatives-only set by another independent author, read",
    "and fitted as dev13 was; `tests/data/dev16/` (round 12, a third independent author) holds positives, ordinary",
    "listings and hard negatives, scored once with the round-start code and once before its failures were read;",
    "`tests/data/dev17/` is the blind set of round 12, spent in round 13; `tests/data/dev18/` (round 14, another",
    "independent author, mostly ad-length texts) and `tests/data/dev19/` (round 14, a third author, mostly",
    "disguised phones) were each scored before they were read.",
    "Since round 5 the indicator text model (`nlp/textmodel.py`) is trained on every development set, and since",
    "round 6 the listing classifier too, so every dev row here is fitted more than once over; the honest figures",
    "are leave-one-set-out (`benchmarks.textmodeleval`, `benchmarks.listingeval --sets`).",
    "The blind set (`tests/data/blind/`, written for round 14 by an author who read neither the lexicons nor the",
    "earlier sets) is scored in aggregate only, once per round, and its failures are never printed (`--failures`",
    "refuses it).",
]


def write_doc(rows: list[str], doc: Path = DOC) -> None:
    section = "\n".join([START, "## Indicators on sentences written outside the lexicons "
                          "(`python -m benchmarks.indicatoreval`)", "", *rows, "", *NOTES, END])
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Evaluation\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="JSONL files or folders (default: tests/data/dev).")
    parser.add_argument("--blind", action="store_true", help="Also score tests/data/blind (aggregate figures only).")
    parser.add_argument("--failures", type=int, default=0, help="Print this many wrong texts (not for the blind set).")
    parser.add_argument("--write-doc", action="store_true", help="Rewrite the indicator section of docs/EVALUATION.md.")
    args = parser.parse_args(argv)
    if args.blind and args.failures:
        parser.error("--failures cannot be combined with --blind: the blind set's failures are never shown")
    paths = args.paths or [DEV]
    if any(BLIND.resolve() in [p.resolve(), *p.resolve().parents] for p in paths):
        parser.error("score the blind set with --blind: aggregate figures only")
    files = [f for p in paths for f in (sorted(p.glob("indicators*.jsonl")) if p.is_dir() else [p])]
    scored = []
    for file in files:
        s = score(read_items([file]))
        scored.append((f"`{file.relative_to(ROOT) if file.is_relative_to(ROOT) else file}`", s))
        print(render(str(file), s))
        for failure in s.failures[: args.failures]:
            print(failure)
    if args.blind and not any(BLIND.glob("indicators*.jsonl")):
        print(f"no blind set at {BLIND.relative_to(ROOT)}: its row is left out", file=sys.stderr)
    elif args.blind:
        blind = score(read_items([BLIND]))
        scored.append(("blind set `tests/data/blind/` (aggregate only)", blind))
        print(render("blind (aggregate only)", blind))
    if args.write_doc:
        write_doc(doc_rows(scored))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
