"""Kill (SIGKILL) `analyse`, `cluster --db` and `case export` mid-work, rerun, and check nothing is lost
or doubled against an uninterrupted run of the same world.

SQLite only: the commands' transactions are the same on PostgreSQL, and these runs are the slowest
of the suite (each kill point starts a real process).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select
from test_trust_world import case_world, populate

from core.backup import backup, restore
from core.db import session_scope
from core.schema import Ad, AdVersion, Cluster, ClusterMember, Entity, IndicatorHit, Score
from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ADS = 1000  # enough work that a kill after the first batches lands mid-run on a fast machine
BATCH = 25
HANG_S = 300  # a run that outlives this is hanging, not slow
SEED = int(os.environ.get("TRUST_CRASH_SEED", "0")) or random.randrange(1, 10**6)


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "signalstack.cli", *args], cwd=ROOT, env=env or os.environ.copy(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(*args: str, env: dict[str, str] | None = None) -> str:
    proc = _start(*args, env=env)
    out, err = proc.communicate(timeout=HANG_S)
    assert proc.returncode == 0, f"{args}: {err[-2000:]}"
    return out


def _kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=HANG_S)


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _analysis(settings: Settings) -> dict[str, Counter]:
    """What analysis stored per ad (by site ad id), as multisets, so doubles show as counts of 2."""
    with session_scope(settings) as s:
        key = dict(s.execute(select(AdVersion.id, Ad.site_ad_id).join(Ad, Ad.id == AdVersion.ad_id)).all())
        entities = Counter((key[v], k, val, st) for v, k, val, st in s.execute(
            select(Entity.ad_version_id, Entity.kind, Entity.value, Entity.start)))
        hits = Counter((key[v], c, st, en) for v, c, st, en in s.execute(
            select(IndicatorHit.ad_version_id, IndicatorHit.code, IndicatorHit.start, IndicatorHit.end)))
        scores = Counter((key[v], m, round(r, 6), f) for v, m, r, f in s.execute(
            select(Score.ad_version_id, Score.model_version, Score.risk, Score.flagged)))
        pending = s.execute(select(AdVersion.id).where(AdVersion.analysed_at.is_(None))).all()
    return {"entities": entities, "hits": hits, "scores": scores, "pending": Counter(p[0] for p in pending)}


def _clusters(settings: Settings) -> dict[str, set[frozenset[str]]]:
    with session_scope(settings) as s:
        rows = s.execute(select(Cluster.kind, Cluster.id, Ad.site_ad_id)
                         .join(ClusterMember, ClusterMember.cluster_id == Cluster.id)
                         .join(Ad, Ad.id == ClusterMember.ad_id)).all()
    groups: dict[tuple[str, int], set[str]] = {}
    for kind, cid, ad in rows:
        groups.setdefault((kind, cid), set()).add(ad)
    out: dict[str, set[frozenset[str]]] = {}
    for (kind, _), members in groups.items():
        out.setdefault(kind, set()).add(frozenset(members))
    return out


@pytest.fixture
def sqlite_settings(tmp_path, monkeypatch):
    """The embedded default only (see the module docstring): no PostgreSQL variant to skip."""
    from core.migrate import upgrade

    monkeypatch.setenv("SIGNALSTACK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SIGNALSTACK_DATABASE_URL", raising=False)
    settings = Settings()
    upgrade(settings)
    return settings


@pytest.mark.slow
def test_analyse_and_cluster_survive_kills(sqlite_settings, tmp_path):
    settings = sqlite_settings
    rng = random.Random(SEED)
    with session_scope(settings) as s:
        populate(s, ADS)
    # The reference: the same world, analysed and clustered without interruption.
    ref = Settings(overrides={"data_dir": str(tmp_path / "reference")})
    backup(settings, tmp_path / "world.bak")
    restore(ref, tmp_path / "world.bak")
    # In-process: the same functions the commands call, without two more process start-ups.
    from models.store import cluster_stored_ads
    from nlp.analyse import analyse_pending

    analyse_pending(ref, batch=BATCH)
    with session_scope(ref) as s:
        cluster_stored_ads(s, actor="reference")

    db = Path(settings.resolved_database_url.split("///", 1)[1])
    done_sql = "SELECT count(*) FROM ad_versions WHERE analysed_at IS NOT NULL"
    mid_work = 0
    # Kill points: right after the first committed batch, past 40 %, and a blind delay (may hit start-up).
    for threshold in (1, int(ADS * 0.4), None):
        proc = _start("analyse", "--batch", str(BATCH))
        started = _count(db, done_sql)
        if threshold is None:
            time.sleep(rng.uniform(0.5, 4.0))
        else:
            deadline = time.monotonic() + HANG_S
            while _count(db, done_sql) < max(threshold, started + 1) and proc.poll() is None:
                assert time.monotonic() < deadline, "analyse made no progress"
                time.sleep(0.05)
            time.sleep(rng.uniform(0, 0.1))
        _kill(proc)
        done = _count(db, done_sql)
        mid_work += 0 < done < ADS
    assert mid_work >= 2, f"kills did not land mid-work (seed {SEED})"
    _finish("analyse", "--batch", str(BATCH))
    got, want = _analysis(settings), _analysis(ref)
    assert not got["pending"] and not want["pending"]
    for part in ("entities", "hits", "scores"):
        assert got[part] == want[part], f"{part} differ after kills (seed {SEED})"
    assert max(got["scores"].values()) == 1

    for _ in range(2):
        proc = _start("clusters", "rebuild")
        time.sleep(rng.uniform(1.0, 6.0))
        if proc.poll() is None:
            _kill(proc)
            # One transaction: after a kill there is nothing, or a complete earlier result.
            assert _count(db, "SELECT count(*) FROM cluster_members") in (0, sum(
                len(m) for groups in _clusters(ref).values() for m in groups))
        else:
            proc.communicate()
    _finish("clusters", "rebuild")
    assert _clusters(settings) == _clusters(ref)


@pytest.mark.slow
def test_case_export_survives_kills(sqlite_settings, tmp_path):
    settings = sqlite_settings
    rng = random.Random(SEED)
    with session_scope(settings) as s:
        number = case_world(s, settings.data_path / "warc" / "crawl.warc.gz", 30)
    out = tmp_path / "bundle.zip"
    outcomes = []
    # Kill points: blind (usually during start-up), then once the export's work folder exists, after
    # a short and a longer random delay (mid-way through writing the bag).
    for after_work_starts in (None, (0.0, 0.3), (0.3, 1.5), (1.5, 4.0)):
        debris = set(tmp_path.glob(".bundle.zip.partial-*"))
        proc = _start("case", "export", number, "--out", str(out), "--as", "cora")
        if after_work_starts is None:
            time.sleep(rng.uniform(0.5, 2.0))
        else:
            deadline = time.monotonic() + HANG_S
            while not set(tmp_path.glob(".bundle.zip.partial-*")) - debris and proc.poll() is None:
                assert time.monotonic() < deadline, "export never started its work"
                time.sleep(0.02)
            time.sleep(rng.uniform(*after_work_starts))
        if proc.poll() is None:
            _kill(proc)
            mid = bool(set(tmp_path.glob(".bundle.zip.partial-*")) - debris)
            outcomes.append("killed mid-work" if mid else "killed")
        else:
            proc.communicate()
            outcomes.append("finished")
        if out.exists():
            # Whatever is there under the bundle's name must be complete and verify.
            _finish("case", "verify", str(out))
            break
    assert "killed mid-work" in outcomes, f"no kill landed while the bundle was being written (seed {SEED})"
    exports = _count(Path(settings.resolved_database_url.split("///", 1)[1]),
                     "SELECT count(*) FROM audit_log WHERE action='case.export'")
    assert exports == int(out.exists())  # a killed export left no audit entry claiming a bundle
    if not out.exists():
        _finish("case", "export", number, "--out", str(out), "--as", "cora")
    assert ": OK (" in _finish("case", "verify", str(out))
    assert not list(tmp_path.glob(".bundle.zip.partial-*")), "the work folders of killed exports are cleared"
    with session_scope(settings) as s:
        from core.audit import verify_chain

        assert verify_chain(s).ok
