"""Signed audit checkpoints outside the database expose a cut tail that the hash chain alone cannot see."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from core import audit
from core.checkpoints import checkpoint_path, checkpoint_valid, read_checkpoints, verify_against_checkpoint
from core.db import get_engine, session_scope
from core.pg_guards import drop_audit_guards
from signalstack.cli import build_app

app = build_app()
runner = CliRunner()


def _chain(settings, n=5, actor="anna"):
    with session_scope(settings) as s:
        for i in range(n):
            audit.record(s, actor, "ad.view", "ad", i, page="triage")


def _lines(settings):
    return read_checkpoints(settings)[0]


def _cut_tail(settings, n):
    """A hostile DBA: drop the append-only triggers, delete the newest `n` entries."""
    with get_engine(settings).begin() as conn:
        drop_audit_guards(conn)
        ids = list(conn.execute(text("SELECT id FROM audit_log ORDER BY id DESC")).scalars())[:n]
        for i in ids:
            conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": i})


def test_a_committed_audit_write_leaves_a_signed_checkpoint(settings):
    assert _lines(settings) == []
    _chain(settings, 3)
    cps = _lines(settings)
    assert len(cps) == 1 and cps[0]["entries"] == 3 and checkpoint_valid(cps[0])
    with session_scope(settings) as s:
        s.execute(text("SELECT 1"))  # no audit entry: no checkpoint
    with pytest.raises(RuntimeError), session_scope(settings) as s:
        audit.record(s, "anna", "ad.view", "ad", 9)
        raise RuntimeError("rolled back")
    assert len(_lines(settings)) == 1
    assert oct(checkpoint_path(settings).stat().st_mode & 0o777) == "0o600"


def test_the_file_is_only_appended_to(settings):
    _chain(settings, 2)
    first = checkpoint_path(settings).read_bytes()
    _chain(settings, 2)
    after = checkpoint_path(settings).read_bytes()
    assert after.startswith(first) and len(_lines(settings)) == 2


def test_cutting_the_tail_makes_audit_verify_fail(settings):
    _chain(settings, 6)
    ok = runner.invoke(app, ["audit", "verify"])
    assert ok.exit_code == 0, ok.output
    assert "6 entries" in ok.output
    _cut_tail(settings, 2)
    with session_scope(settings) as s:
        assert audit.verify_chain(s).ok  # the chain alone still looks intact
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1, result.output
    assert "2 entries missing" in result.output


def test_cut_and_written_on_is_caught_by_the_older_checkpoint(settings):
    _chain(settings, 5)
    _cut_tail(settings, 2)
    _chain(settings, 3, actor="mallory")  # the app writes on: a new checkpoint covers the new tail
    with session_scope(settings) as s:
        report = verify_against_checkpoint(s, settings)
    assert not report.ok and "not in the chain" in report.message


def test_a_forged_checkpoint_line_is_refused(settings):
    _chain(settings, 4)
    forged = dict(_lines(settings)[-1], entries=1)
    with checkpoint_path(settings).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(forged) + "\n")
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1 and "not signed" in result.output


def test_a_torn_last_line_is_skipped(settings):
    _chain(settings, 2)
    with checkpoint_path(settings).open("a", encoding="utf-8") as fh:
        fh.write('{"entries": 9, "ha')
    cps, problems = read_checkpoints(settings)
    assert len(cps) == 1 and "incomplete" in problems[0]
    assert runner.invoke(app, ["audit", "verify"]).exit_code == 0


def test_checkpoint_on_demand(settings):
    result = runner.invoke(app, ["audit", "checkpoint"])
    assert result.exit_code == 0, result.output
    assert "0 entries" in result.output
    _chain(settings, 1)
    result = runner.invoke(app, ["audit", "checkpoint"])
    assert result.exit_code == 0 and "1 entries" in result.output
    assert [cp["entries"] for cp in _lines(settings)] == [0, 1, 1]


def test_the_scheduler_writes_checkpoints(settings):
    from signalstack.tasks import beat_schedule, run_audit_checkpoint

    entry = beat_schedule(settings, known_sites=set())["audit-checkpoint"]
    assert entry["task"] == "signalstack.audit_checkpoint"
    _chain(settings, 2)
    assert run_audit_checkpoint(settings)["entries"] == 2
    assert _lines(settings)[-1]["reason"] == "system:scheduler"
