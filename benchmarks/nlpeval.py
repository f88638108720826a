"""Measure extraction against the demo world's ground truth (``truth.jsonl``).

    python -m benchmarks.nlpeval [--world DIR | --ads N --seed S] [--write-doc]

Phones: precision / recall / F1 over (version, E.164) pairs, recall per disguise type, and
whether a disguised number is reported as disguised. E-mails and handles: exact set per version.
Ages: the stated age is among the ages read. Indicators: per category, a predicted hit is right
when a planted indicator of the same category overlaps its span (precision), and a planted
indicator is found when a predicted hit of its category overlaps it (recall). Noise listings
(jobs, sales, babysitting) must raise no `minor` hit. The section in docs/EVALUATION.md between
the nlp markers is rewritten with the figures; the rest of that file is left alone.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawlers.demosite.truth import read_truth
from nlp.extract import SUPPORTING_ONLY, extract
from nlp.lexicon import CATEGORIES
from nlp.licences import load_register

DOC = Path(__file__).resolve().parents[1] / "docs" / "EVALUATION.md"
START, END = "<!-- nlp:evaluation:start -->", "<!-- nlp:evaluation:end -->"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    versions: int = 0
    phones: Tally = field(default_factory=Tally)
    phone_by_disguise: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    disguise_flag: Tally = field(default_factory=Tally)
    emails_exact: Counter[bool] = field(default_factory=Counter)
    handles_exact: Counter[bool] = field(default_factory=Counter)
    ages: Counter[bool] = field(default_factory=Counter)
    categories: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    noise_versions: int = 0
    noise_minor_flags: int = 0
    misses: list[str] = field(default_factory=list)


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _score_version(record: dict[str, Any], report: Report, register: frozenset[str] | None) -> None:
    result = extract(record["body"], title=record["title"] or None, country="NL", licence_register=register)
    if result.text != record["text"]:
        raise ValueError(f"{record['site_ad_id']}: analysed text differs from the truth's text")
    report.versions += 1
    where = f"{record['site']}/{record['site_ad_id']} v{record['version']}"

    truth_phones = {p["e164"] for p in record["phones"]}
    found = set(result.phones)
    report.phones.tp += len(found & truth_phones)
    report.phones.fp += len(found - truth_phones)
    report.phones.fn += len(truth_phones - found)
    for phone in found ^ truth_phones:
        report.misses.append(f"{where}: phone {'extra' if phone in found else 'missed'} {phone}")
    for phone in record["phones"]:
        hit = phone["e164"] in found
        for kind in phone["disguise"] or ["plain"]:
            tally = report.phone_by_disguise[kind]
            tally.tp += hit
            tally.fn += not hit
    truth_disguised = any(p["disguise"] for p in record["phones"])
    report.disguise_flag.tp += truth_disguised and result.phones_obfuscated
    report.disguise_flag.fp += result.phones_obfuscated and not truth_disguised
    report.disguise_flag.fn += truth_disguised and not result.phones_obfuscated

    report.emails_exact[set(result.emails) == {e["address"].lower() for e in record["emails"]}] += 1
    found_handles = {(h["platform"], h["handle"]) for h in result.handles}
    truth_handles = {(h["platform"], h["handle"].lower()) for h in record["handles"]}
    report.handles_exact[found_handles == truth_handles] += 1
    if found_handles != truth_handles:
        report.misses.append(f"{where}: handles {sorted(found_handles)} != {sorted(truth_handles)}")
    if record["stated_age"] is not None and record["kind"] == "ad":
        ok = record["stated_age"] in result.ages
        report.ages[ok] += 1
        if not ok:
            report.misses.append(f"{where}: age {record['stated_age']} not in {result.ages}")

    planted = record["indicators"]
    # A supporting hit alone in its category is produced and shown, in its own panel, but not counted
    # (nlp.extract, supporting_only): as a span it was found.
    produced = result.indicators + [h for h in result.suppressed if h["suppressed"] == SUPPORTING_ONLY]
    for category in CATEGORIES:
        truth = [t for t in planted if t["category"] == category]
        predicted = [h for h in produced if h["category"] == category]
        tally = report.categories[category]
        for hit in predicted:
            right = any(_overlaps(hit, t) for t in truth)
            tally.tp += right
            tally.fp += not right
            if not right:
                report.misses.append(f"{where}: extra {hit['code']} {hit['text']!r}")
        for t in truth:
            if not any(_overlaps(h, t) for h in predicted):
                tally.fn += 1
                report.misses.append(f"{where}: missed {t['code']} {t['text']!r}")
    if record["kind"] == "noise":
        report.noise_versions += 1
        report.noise_minor_flags += any(h["category"] == "minor" for h in result.indicators)


def evaluate_world(world: Path) -> Report:
    report = Report()
    register_file = world / "truth" / "licences.csv"
    register = load_register(str(register_file)) if register_file.exists() else None
    for record in read_truth(world):
        _score_version(record, report, register)
    return report


def _share(counter: Counter[bool]) -> str:
    total = counter[True] + counter[False]
    return f"{counter[True] / total:.3f} ({counter[True]}/{total})" if total else "n/a"


def render(report: Report, description: str) -> str:
    lines = [
        START,
        "## NLP extraction (`python -m benchmarks.nlpeval`)",
        "",
        f"World: {description}; {report.versions} ad versions. Targets: phones F1 >= 0.99, every",
        "category precision and recall >= 0.9, no `minor` hit on noise listings.",
        "",
        "| measure | precision | recall | F1 |",
        "|---|---|---|---|",
        f"| phones (version, E.164) | {report.phones.precision:.3f} | {report.phones.recall:.3f} | {report.phones.f1:.3f} |",
        f"| phone reported as disguised | {report.disguise_flag.precision:.3f} | "
        f"{report.disguise_flag.recall:.3f} | {report.disguise_flag.f1:.3f} |",
    ]
    for category in CATEGORIES:
        t = report.categories[category]
        lines.append(
            f"| indicators: {category} (span overlap) | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} |"
            + (" nothing planted |" if t.tp + t.fn == 0 else "")
        )
    lines += [
        "",
        "A stated age of exactly 18 raises the weak `just_18` (weight 0.2; docs/DOMAIN.md counts ages 18-20 as a",
        "weaker minor signal), and the world labels it so. Since round 12 it is supporting evidence: alone in its",
        "category it is held back and shown in its own panel, and its span counts here as produced. `licensing` is checked against the world's register",
        "(`truth/licences.csv`, as the setting `licence_register` would name the municipal one); the ad-level",
        "`no_licence` flag (no number shown at all) has no span and is not produced. The world's phrases and",
        "the lexicons were written together, so these figures show that extraction covers every planted",
        "form and decoy, not how it reads ads written by real people.",
    ]
    lines += ["", "| phone disguise type | phones | recall |", "|---|---|---|"]
    for kind, t in sorted(report.phone_by_disguise.items()):
        lines.append(f"| {kind} | {t.tp + t.fn} | {t.recall:.3f} |")
    lines += [
        "",
        f"- e-mails exactly right per version: {_share(report.emails_exact)}",
        f"- handles exactly right per version: {_share(report.handles_exact)}",
        f"- stated age read from the text: {_share(report.ages)}",
        f"- noise listings with a `minor` hit: {report.noise_minor_flags} of {report.noise_versions}",
        "",
        END,
    ]
    return "\n".join(lines)


def write_doc(section: str, doc: Path = DOC) -> None:
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Evaluation\n"
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        current = before + section + after
    else:
        current = current.rstrip("\n") + "\n\n" + section + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure extraction against the demo world's truth.")
    parser.add_argument("--world", type=Path, help="An existing world folder (default: generate one).")
    parser.add_argument("--ads", type=int, default=2000)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=0, help="Print this many misses for inspection.")
    parser.add_argument("--no-doc", action="store_true", help="Do not rewrite docs/EVALUATION.md.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        world = args.world
        description = (
            f"`{world}`" if world else f"generated, {args.ads} ads, {args.days} days, seed {args.seed}"
        )
        if world is None:
            from crawlers.demosite.generate import generate_world

            world = Path(tmp) / "world"
            generate_world(args.ads, args.days, args.seed, world)
        report = evaluate_world(world)
    section = render(report, description)
    print(section)
    for miss in report.misses[: args.misses]:
        print(miss)
    if not args.no_doc:
        write_doc(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
