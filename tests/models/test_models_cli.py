from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from models.jobs import cluster_lines

ROOT = Path(__file__).resolve().parents[2]

TEMPLATE = ("Hoi, ik ben {name}, {age} jaar. Nieuw in {city}! Ik ben een rustige vriendelijke dame voor een "
            "gezellige avond of een wandeling. Beschikbaar in het weekend. Prijs {price} euro per uur.")
NO_IDS = {"phones": [], "emails": [], "handles": []}


def _lines(*objects) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objects)


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    # A subprocess from the repository root: under pytest, tests/signalstack would shadow the package.
    return subprocess.run([sys.executable, "-m", "signalstack.cli", "cluster", *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _run(stdin: str, *args: str):
    result = _cli(*args, stdin=stdin)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def _records(stdin: str, by: str) -> list[dict]:
    return cluster_lines(stdin.splitlines(), by=by)


def test_cli_keeps_order_reports_bad_lines_and_goes_on():
    stdin = _lines(
        {"id": "a", "text": TEMPLATE.format(name="Lisa", age=19, city="Breda", price=150), **NO_IDS},
        "{not json",
        {"id": 7, "text": TEMPLATE.format(name="Eva", age=23, city="Delft", price=180), **NO_IDS},
        ["a", "list"],
        {"id": "no-text"},
        {"id": "c", "text": "Alleen op zondag, rustig gesprek bij de koffie in het park.", **NO_IDS},
        "",
        {"id": "d", "text": "x", "images": ["not-a-hash"]},
        {"id": True, "text": "x"},
    )
    result, out = _run(stdin, "--by", "text")
    assert result.returncode == 0, result.stderr
    assert len(out) == 9
    assert out[0]["id"] == "a" and out[2]["id"] == 7 and out[5] == {"id": "c", "cluster": None}
    assert out[0]["cluster"] == out[2]["cluster"] and out[0]["cluster"].startswith("t-")
    assert out[1]["line"] == 2 and "not JSON" in out[1]["error"]
    assert out[3] == {"line": 4, "error": "expected a JSON object"}
    assert out[4] == {"line": 5, "error": "missing 'text'"}
    assert out[6] == {"line": 7, "error": "empty line"}
    assert out[7]["line"] == 8 and "16 hex digits" in out[7]["error"]
    assert out[8]["line"] == 9 and "'id'" in out[8]["error"]


def test_by_all_links_shared_identifiers_and_photos_but_by_text_does_not():
    photo = "c3a5c3a5963c963c"
    stdin = _lines(
        {"id": 1, "text": "Rustige dame in Zwolle, bel voor info.", "phones": ["+31612345678"], "emails": [],
         "handles": []},
        {"id": 2, "text": "Sportieve studente, houdt van fietsen en musea.", "phones": ["+31612345678"],
         "emails": [], "handles": []},
        {"id": 3, "text": "Iets heel anders over koffie en wandelen langs het water.", **NO_IDS,
         "images": [{"phash": "3c963c96a5c3a5c3", "phash_mirror": photo}]},
        {"id": 4, "text": "Lange avonden met goede gesprekken, alleen doordeweeks.", **NO_IDS, "images": [photo]},
        {"id": 5, "text": "Nog een ander verhaal over muziek en films.", **NO_IDS,
         "handles": [{"platform": "telegram", "handle": "noor"}]},
    )
    by_text = _records(stdin, "text")
    assert [o["cluster"] for o in by_text] == [None] * 5
    by_all = _records(stdin, "all")
    clusters = [o["cluster"] for o in by_all]
    assert clusters[0] == clusters[1] is not None and clusters[0].startswith("n-")
    assert clusters[2] == clusters[3] is not None and clusters[2] != clusters[0]
    assert clusters[4] is None


def test_keys_do_not_depend_on_input_order(tmp_path):
    objects = [{"id": f"ad{i}", "text": TEMPLATE.format(name=n, age=20 + i, city="Breda", price=100 + i),
                **NO_IDS} for i, n in enumerate(["Lisa", "Eva", "Noor", "Sara"])]
    objects += [{"id": "solo", "text": "Alleen op zondag, rustig gesprek bij de koffie.", **NO_IDS}]
    first = {o["id"]: o["cluster"] for o in cluster_lines(_lines(*objects).splitlines(), by="all")}
    random.Random(2).shuffle(objects)
    path = tmp_path / "in.jsonl"
    path.write_text(_lines(*objects), encoding="utf-8")
    result = _cli(str(path), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    second = {o["id"]: o["cluster"] for o in map(json.loads, (tmp_path / "out.jsonl").read_text().splitlines())}
    assert second == first and first["solo"] is None and len({first[f"ad{i}"] for i in range(4)}) == 1


def test_missing_identifiers_are_extracted_with_nlp():
    pytest.importorskip("nlp.extract")
    lines = _lines(
        {"id": "x", "text": "Rustige dame in Zwolle. Bel 06 12 34 56 78 voor info."},
        {"id": "y", "text": "Sportieve studente, houdt van fietsen en musea. Tel: 0612345678"},
    ).splitlines()
    out = cluster_lines(lines, by="all")
    assert out[0]["cluster"] == out[1]["cluster"] is not None


def test_cli_errors_are_clear():
    with pytest.raises(ValueError, match="--by must be"):
        cluster_lines([], by="colour")
    result = _cli("/no/such/file.jsonl")
    assert result.returncode == 2 and "cannot read" in result.stderr
    assert "Traceback" not in result.stderr


def test_identical_job_ads_of_unrelated_posters_share_a_text_cluster_but_not_a_network():
    job = "Bakkerij in {city} zoekt zaterdaghulp\nVoor de zaterdag zoeken wij scholieren. Bel {phone}"
    stdin = _lines(
        {"id": "j1", "text": job.format(city="Breda", phone="076 234 5678"), "phones": ["+31762345678"]},
        {"id": "j2", "text": job.format(city="Delft", phone="015 765 4321"), "phones": ["+31157654321"]},
        {"id": "a1", "text": TEMPLATE.format(name="Lisa", age=19, city="Breda", price=150), **NO_IDS},
        {"id": "a2", "text": TEMPLATE.format(name="Eva", age=23, city="Delft", price=180), **NO_IDS},
    )
    by_text = {r["id"]: r["cluster"] for r in _records(stdin, "text")}
    assert by_text["j1"] == by_text["j2"] is not None and by_text["a1"] == by_text["a2"] is not None
    by_all = {r["id"]: r["cluster"] for r in _records(stdin, "all")}
    assert by_all["j1"] is None and by_all["j2"] is None
    assert by_all["a1"] == by_all["a2"] is not None
