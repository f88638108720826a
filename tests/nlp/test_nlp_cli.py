from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nlp.jsonl import extracted_lines

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = {"id", "lang", "phones", "phones_obfuscated", "emails", "handles", "ages", "indicators", "risk"}
# Fields added to the contract later (DESIGN.md allows additions): ambiguous numbers, ages not the advertiser's.
ADDED = {"phones_ambiguous", "client_age_limits", "past_ages"}
INDICATOR_FIELDS = {"code", "category", "start", "end", "text", "weight"}


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    # From the repository root, so that tests/signalstack cannot shadow the package.
    return subprocess.run([sys.executable, "-m", "signalstack.cli", "extract", *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_contract_fields_and_bad_lines_in_order():
    lines = [
        json.dumps({"id": 1, "text": "Lisa (17) bel 06*12*34*56*78, mail lisa at gmail punt com, snap: lisa_x"}),
        "not json",
        json.dumps({"id": 2}),
        json.dumps([1, 2]),
        "",
        json.dumps({"id": 3, "text": "hi", "country": "XX"}),
        json.dumps({"id": 4, "text": "hi", "title": 5}),
        json.dumps({"text": "no id"}),
        json.dumps({"id": "a", "title": "New in town", "text": "call 07911 123456", "lang": "en", "country": "GB"}),
    ]
    out = [json.loads(line) for line in extracted_lines(lines)]
    assert len(out) == len(lines)
    first = out[0]
    assert set(first) == CONTRACT | ADDED
    assert first["id"] == 1 and first["phones"] == ["+31612345678"] and first["phones_obfuscated"] is True
    assert first["emails"] == ["lisa@gmail.com"] and first["ages"] == [17]
    assert first["handles"] == [{"platform": "snapchat", "handle": "lisa_x"}]
    assert all(set(h) == INDICATOR_FIELDS for h in first["indicators"])
    text = json.loads(lines[0])["text"]
    assert all(text[h["start"] : h["end"]] == h["text"] for h in first["indicators"])
    assert 0 < first["risk"] <= 1
    assert [o.get("line") for o in out[1:8]] == [2, 3, 4, 5, 6, 7, 8]
    assert all(isinstance(o["error"], str) and o["error"] for o in out[1:8])
    last = out[8]
    assert last["id"] == "a" and last["lang"] == "en" and last["phones"] == ["+447911123456"]
    assert [h["code"] for h in last["indicators"]] == ["new_in_town"]
    assert last["indicators"][0]["start"] == 0  # offsets index title + "\n" + text


def test_command_line_with_two_jobs_keeps_order(tmp_path):
    # the id only in the number: a bare "13" reads as a young age to the text model
    records = [{"id": i, "text": f"Advertentie: bel 06-1234{i:04d}" + (", 24/7" if i % 3 == 0 else "")}
               for i in range(120)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = _cli(str(source), "--out", str(target), "--jobs", "2")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [o.get("id") for o in out[:120]] == list(range(120))
    assert out[120] == {"line": 121, "error": out[120]["error"]}
    assert all(o["phones"] == [f"+3161234{i:04d}"] for i, o in enumerate(out[:120]))
    assert [bool(o["indicators"]) for o in out[:120]] == [i % 3 == 0 for i in range(120)]


def test_stdin_and_clear_error_for_missing_file(tmp_path):
    result = _cli(stdin=json.dumps({"id": 7, "text": "Altijd beschikbaar"}) + "\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["indicators"][0]["code"] == "always_available"
    missing = _cli(str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr and "Traceback" not in missing.stderr
