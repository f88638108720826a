"""Back-end refusals reach a Dutch analyst in Dutch (issue 18, point 5: "back-end errors carry message keys").

The kernel says why it refuses in English; ``workbench.errors`` reads each message into a catalogue key
at the UI boundary. The first test reads the kernel's source: every refusal it can raise towards the
workbench (and every audit-check report) must be read by a pattern, so a new message without a Dutch
text fails here rather than showing English on screen.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from workbench import errors, i18n

ROOT = Path(__file__).resolve().parents[2]
# Modules whose refusals the workbench shows (it catches their errors and passes them to errors.message).
SOURCES = ["casefiles/cases.py", "casefiles/review.py", "casefiles/dossiers.py", "casefiles/watches.py",
           "casefiles/savedsearch.py", "casefiles/bundle.py", "casefiles/actors.py", "core/users.py",
           "core/permissions.py", "workbench/search.py", "workbench/downloads.py"]
REFUSALS = re.compile(r"(?!ValueError$).*(Error|Denied|Refused|Actor)")  # a ValueError is a programming error
REPORTS = {"core/checkpoints.py": ("CheckpointReport", 1), "core/audit.py": ("ChainReport", 3)}


def _filler(expression: str) -> str:
    """A plausible value for a formatted field, chosen by what the expression names."""
    e = expression.lower()
    for words, value in ((("role",), "analyst"), (("action",), "case.add"), (("where",), ""),
                         (("colour", "minimum"), "rood"), (("status",), "closed"), (("because",), "age_under_18"),
                         (("id", "count", "missing", "entries", "len", "max", "min_", "position", "number", "days"),
                          "7")):
        if any(w in e for w in words):
            return value
    return "'x1'" if "!r" in expression else "x1"


def _sample(node: ast.expr) -> str | None:
    """The message an expression builds, with fillers for its fields; None when it is no message literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        out = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                out.append(str(part.value))
            else:
                source = ast.unparse(part.value) + ("!r" if getattr(part, "conversion", -1) == ord("r") else "")
                out.append(_filler(source))
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _sample(node.left)
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "not_found_or_not_allowed":
        kind = node.args[0]
        return f"{kind.value} x1: not found or not allowed" if isinstance(kind, ast.Constant) else None
    return None


def kernel_messages() -> list[tuple[str, str]]:
    found = []
    for name in SOURCES:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                cls = getattr(node.exc.func, "id", "")
                if REFUSALS.fullmatch(cls) and (text := _sample(node.exc.args[0])) is not None:
                    found.append((f"{name}:{node.lineno}", text))
            if isinstance(node, ast.FunctionDef) and node.name == "password_problem":
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and ret.value is not None and (text := _sample(ret.value)):
                        found.append((f"{name}:{ret.lineno}", text))
    for name, (cls, position) in REPORTS.items():
        for node in ast.walk(ast.parse((ROOT / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == cls and len(node.args) > position:
                if (text := _sample(node.args[position])) is not None:
                    found.append((f"{name}:{node.lineno}", text))
    return found


def test_every_kernel_refusal_has_a_catalogue_text(dutch):
    messages = kernel_messages()
    assert len(messages) > 60  # the scan finds the kernel's messages (it would pass vacuously otherwise)
    unread = [(where, text) for where, text in messages if errors.read_message(text) is None]
    assert unread == [], f"kernel messages without a pattern in workbench/errors.py MESSAGES: {unread}"


def test_every_key_the_patterns_name_is_in_both_catalogues():
    for lang in i18n.LANGUAGES:
        keys = set(i18n.texts(lang))
        assert {key for _, key in errors.MESSAGES} - keys == set(), lang
        assert "error.other" in keys


@pytest.fixture
def dutch(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "nl")


@pytest.mark.parametrize(("english", "dutch_text"), [
    ("case 'Z-9': not found or not allowed", "Zaak 'Z-9': bestaat niet of u heeft er geen toegang toe."),
    ("saved search 12: not found or not allowed", "Bewaarde zoekopdracht 12: bestaat niet"),
    ("anna (analyst) may not case.export", "anna (analist) mag dit niet: zaken exporteren."),
    ("anna (analyst, team zuid) may not case.add on team noord's work", "bij werk van team noord: aan zaken toevoegen"),
    ("groen is below the minimum oranje for the stacked signals (age_under_18); give a reason for going below it",
     "groen ligt onder het minimum oranje voor de gestapelde signalen (age_under_18)"),
    ("unknown decision 'maybe'; choose one of confirm, dismiss, urgent", "Onbekende waarde voor beoordeling: 'maybe'."),
    ("/srv/data/exports/Z-1.zip exists already; choose a new path (bundles are never overwritten)",
     "Dit exportbestand bestaat al"),
    ("3 entries missing: the checkpoint of 2026-12-01T05:00:00 counted 10 entries, the database holds 7 "
     "(the tail was cut)", "3 regels ontbreken"),
    ("password must have at least 12 characters", "Een wachtwoord heeft minstens 12 tekens."),
])
def test_messages_read_in_dutch(dutch, english, dutch_text):
    assert dutch_text in errors.message(ValueError(english))


def test_no_server_path_survives_an_export_refusal(dutch):
    assert "/srv" not in errors.message(ValueError("folder /srv/data/exports does not exist"))


def test_a_keyed_error_is_looked_up_and_an_unknown_one_keeps_its_detail(dutch):
    from casefiles.claims import ClaimError

    assert errors.message(ClaimError("claim.error.no_ad", "ad 9: not found", ad="9")).startswith("Advertentie 9")
    unknown = errors.message(ValueError("something new went wrong"))
    assert unknown.startswith("Geweigerd") and "something new went wrong" in unknown


def test_english_viewers_read_english(monkeypatch):
    monkeypatch.setattr(i18n, "current_language", lambda: "en")
    assert errors.message(ValueError("a case needs a title")) == "A case needs a title."
