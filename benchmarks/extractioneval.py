"""Score entity extraction (ages, phones, handles) on a set of ads written outside the project.

    python -m benchmarks.extractioneval [SET_DIR] [--misses N]

SET_DIR holds ``ages.jsonl``, ``phones.jsonl`` and ``handles.jsonl`` (default tests/data/dev; the
formats are in that folder's README). Each figure is micro precision / recall / F1 over pairs:
- ages: (item, age) with `extract(text, title=title).ages`, the advertiser's stated ages;
- phones in three modes: each item's own country (`ad_country`), the site's (`site_country`),
  and no hint (`country` "auto"); a number reported as ambiguous counts as not found;
- disguised lines: phones with the ad's own country, on the items marked `disguised` only;
- handles: (item, platform, handle), the handle lowercased.
`--misses` prints what went wrong item by item, and is refused on a folder named "blind": that
set is scored for its aggregate figures only, so nobody fits patterns to it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.nlpeval import Tally
from nlp.extract import extract

DEFAULT_SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "dev"
PLATFORM_ALIASES = {"x": "twitter", "weixin": "wechat", "of": "onlyfans", "tg": "telegram"}


@dataclass
class Score(Tally):
    """A precision/recall tally (benchmarks.nlpeval.Tally) that also counts the items scored."""

    items: int = 0

    def add(self, found: Iterable[Any], truth: Iterable[Any]) -> tuple[set[Any], set[Any]]:
        """Count one item; return (extra, missed)."""
        found, truth = set(found), set(truth)
        self.items += 1
        self.tp += len(found & truth)
        self.fp += len(found - truth)
        self.fn += len(truth - found)
        return found - truth, truth - found


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def score(self, name: str) -> Score:
        return self.scores.setdefault(name, Score())


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _note(report: Report, name: str, item: dict[str, Any], extra: set[Any], missed: set[Any], **seen: Any) -> None:
    if extra or missed:
        report.misses.append(f"{name} {item['id']}: extra {sorted(extra, key=str)} missed {sorted(missed, key=str)}"
                             f" {seen if seen else ''} | {item.get('title') or ''} {item['text']!r}")


def score_ages(items: list[dict[str, Any]], report: Report) -> None:
    for item in items:
        result = extract(item["text"], title=item.get("title") or None, lang=item.get("lang"))
        extra, missed = report.score("ages").add(result.ages, item["ages"])
        _note(report, "ages", item, extra, missed, limits=result.client_age_limits, past=result.past_ages)


def score_phones(items: list[dict[str, Any]], report: Report) -> None:
    modes = {"phones, ad's own country": "ad_country", "phones, site's country": "site_country",
             "phones, no hint": None}
    for item in items:
        for name, key in modes.items():
            country = item[key] if key else "auto"
            result = extract(item["text"], lang=item.get("lang"), country=country)
            extra, missed = report.score(name).add(result.phones, item["phones"])
            _note(report, f"{name} ({country})", item, extra, missed, ambiguous=result.phones_ambiguous)
            if key == "ad_country" and item.get("disguised", item.get("obfuscated")):  # the round-4 blind set says "obfuscated"
                report.score("disguised phone lines").add(result.phones, item["phones"])


def score_handles(items: list[dict[str, Any]], report: Report) -> None:
    for item in items:
        result = extract(item["text"], lang=item.get("lang"))
        found = {(h["platform"], h["handle"].lower()) for h in result.handles}
        truth = {(PLATFORM_ALIASES.get(h["platform"].lower(), h["platform"].lower()), h["handle"].lower().lstrip("@"))
                 for h in item["handles"]}
        extra, missed = report.score("handles").add(found, truth)
        _note(report, "handles", item, extra, missed)


def evaluate(folder: Path) -> Report:
    report = Report()
    score_ages(_read(folder / "ages.jsonl"), report)
    score_phones(_read(folder / "phones.jsonl"), report)
    score_handles(_read(folder / "handles.jsonl"), report)
    return report


def table(report: Report, folder: Path) -> str:
    lines = [f"Set: {folder.name}", "", "| measure | items | precision | recall | F1 |", "|---|---|---|---|---|"]
    for name, s in report.scores.items():
        lines.append(f"| {name} | {s.items} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--misses", type=int, default=0, help="Print this many misses (not on the blind set).")
    args = parser.parse_args(argv)
    if args.misses and args.folder.resolve().name == "blind":
        print("refused: the blind set is scored for aggregate figures only", file=sys.stderr)
        return 2
    report = evaluate(args.folder)
    print(table(report, args.folder))
    for line in report.misses[: args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
