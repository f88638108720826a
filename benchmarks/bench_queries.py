"""Benchmark the workbench's heaviest reads at scale on PostgreSQL.

Target (docs/BENCHMARKS.md): with 1M ads in PostgreSQL, the triage queue's first page and a
phone search each answer in under 300 ms (p95 over repeated runs of the underlying queries).

The script makes a database of its own, runs the real migrations, fills it with set-based SQL
(INSERT ... SELECT FROM generate_series; no ORM objects), then times the functions the
workbench calls (``workbench.queries.triage_page``, ``workbench.search.search_ads``) through a
SQLAlchemy session, next to a trivial primary-key lookup measured in the same run. A query over
the target gets its slowest statement shown with ``EXPLAIN ANALYZE``.

Synthetic world (deterministic: every draw is a hash of a row id, not ``random()``):
  3 sites; N ads; a second version for 20 % of ads; one phone entity per version from a
  pool of N/3 numbers (2 % of ads share 100 "hot" numbers, +31612345678 among them), an
  e-mail on 15 % of ads; indicator hits on ~30 % of versions (minor 10 %, coercion 25 %,
  movement 30 %, trust 35 % of hits; a third of those versions get a second hit); a
  'rules-v1' score per version (risk = u^2, so ~41 % reach 0.35; flagged also on a minor
  hit) and an older 'rules-v0' score on 5 % of versions; review decisions on 8 % of the
  flagged ads, a fifth of them superseded by a second decision.

    .venv/bin/python -m benchmarks.bench_queries                # 1,000,000 ads
    .venv/bin/python -m benchmarks.bench_queries --ads 100000   # quick run
    .venv/bin/python -m benchmarks.bench_queries --keep         # leave the database behind
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from psycopg import sql as pgsql

BASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/"
DB_NAME = "signalstack_bench_queries"
TARGET_MS = 300.0
LOADED_TABLES = ("ads", "ad_versions", "entities", "indicator_hits", "scores", "review_decisions")

# Each step is plain SQL without bind parameters (so `%` is the modulo operator, not a
# placeholder); the size comes from the session setting bench.n.
LOAD_STEPS: tuple[tuple[str, str], ...] = (
    ("helpers", """
        CREATE FUNCTION bench_u(x bigint, salt int) RETURNS float8
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT (hashint8extended(x, salt) & 2147483647)::float8 / 2147483648.0 $$;
        CREATE FUNCTION bench_phone(ad bigint, n bigint) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT '+316' || lpad(((12345678 + CASE WHEN bench_u(ad, 3) < 0.02 THEN ad % 100
                                      ELSE 100 + (ad * 7919) % greatest(n / 3, 1000) END)
                                     % 100000000)::text, 8, '0') $$;
    """),
    ("sites + users", """
        INSERT INTO sites (id, name, base_url, country, created_at) VALUES
          (1, 'kinky-demo', 'https://kinky.example', 'NL', now()),
          (2, 'sexjobs-demo', 'https://sexjobs.example', 'NL', now()),
          (3, 'escortbe-demo', 'https://escort.example', 'BE', now());
        INSERT INTO users (id, username, password_hash, role, team, lang, active, created_at) VALUES
          (1, 'bench-analyst', 'x', 'analyst', 'default', 'nl', true, now()),
          (2, 'bench-coordinator', 'x', 'coordinator', 'default', 'nl', true, now());
    """),
    ("ads", """
        INSERT INTO ads (id, site_id, site_ad_id, url, first_seen, last_seen, removed_at)
        SELECT g, 1 + g % 3, 'ad-' || g, 'https://site' || (1 + g % 3) || '.example/ad/' || g,
               now() - interval '400 days' + bench_u(g, 1) * interval '365 days',
               now() - interval '400 days' + bench_u(g, 1) * interval '365 days'
                     + bench_u(g, 2) * interval '35 days',
               CASE WHEN g % 10 = 0 THEN now() - bench_u(g, 2) * interval '30 days' END
        FROM generate_series(1, current_setting('bench.n')::bigint) AS g;
    """),
    ("ad_versions", """
        INSERT INTO ad_versions (id, ad_id, version_no, capture_id, content_sha256, captured_at, title,
                                 body, name, age_text, city, phones_text, posted_at, images, analysed_at, lang)
        SELECT CASE v WHEN 1 THEN a.id ELSE n + a.id / 5 END, a.id, v, NULL,
               md5(a.id || ':' || v) || md5(v || ':' || a.id),
               a.first_seen + (v - 1) * interval '9 days',
               'Nieuw in ' || c.city || ' ' || (ARRAY['Lisa','Mia','Sandra','Eva','Nina','Roos'])[1 + a.id % 6],
               'Hoi schatjes, ik ben nieuw in ' || c.city || ' en ontvang je graag in mijn prive '
                 || 'appartement. Discreet, schoon en altijd in voor een gezellige tijd. Bel of app '
                 || 'gerust voor een afspraak, ook in het weekend. ' || md5(a.id::text) || ' '
                 || CASE v WHEN 2 THEN 'Nu ook escort, vraag naar de mogelijkheden.' ELSE '' END,
               (ARRAY['Lisa','Mia','Sandra','Eva','Nina','Roos'])[1 + a.id % 6],
               (18 + a.id % 15)::text || ' jaar', c.city,
               '06-' || substr(bench_phone(a.id, n), 5), to_char(a.first_seen, 'DD-MM-YYYY'),
               '[]'::json, a.first_seen + (v - 1) * interval '9 days' + interval '3 minutes', 'nl'
        FROM ads a
        CROSS JOIN (SELECT current_setting('bench.n')::bigint AS n) AS s
        CROSS JOIN LATERAL (SELECT (ARRAY['Amsterdam','Rotterdam','Den Haag','Utrecht','Eindhoven',
               'Groningen','Tilburg','Almere','Breda','Nijmegen','Arnhem','Haarlem'])[1 + a.id % 12] AS city) c
        CROSS JOIN LATERAL generate_series(1, CASE WHEN a.id % 5 = 0 THEN 2 ELSE 1 END) AS v;
    """),
    ("entities", """
        INSERT INTO entities (ad_version_id, kind, value, platform, "start", "end", obfuscated)
        SELECT v.id, 'phone', bench_phone(v.ad_id, current_setting('bench.n')::bigint), '', NULL::int, NULL::int,
               bench_u(v.id, 4) < 0.1
        FROM ad_versions v
        UNION ALL
        SELECT v.id, 'email', 'user' || (v.ad_id % greatest(current_setting('bench.n')::bigint / 2, 10))
                                      || '@example.nl', '', NULL::int, NULL::int, false
        FROM ad_versions v WHERE bench_u(v.ad_id, 5) < 0.15;
    """),
    ("indicator_hits", """
        INSERT INTO indicator_hits (ad_version_id, code, category, "start", "end", text, weight,
                                    explanation, source)
        SELECT v.id, h.category || '.bench', h.category, k * 12, k * 12 + 10, 'bench text', 0.3 + 0.6 * h.u,
               'synthetic hit', 'benchmarks/bench_queries.py'
        FROM ad_versions v
        CROSS JOIN LATERAL generate_series(1, CASE WHEN bench_u(v.id, 6) < 0.1 THEN 2 ELSE 1 END) AS k
        CROSS JOIN LATERAL (SELECT bench_u(v.id * 2 + k, 7) AS u) AS r
        CROSS JOIN LATERAL (SELECT r.u,
               CASE WHEN r.u < 0.10 THEN 'minor' WHEN r.u < 0.35 THEN 'coercion'
                    WHEN r.u < 0.65 THEN 'movement' ELSE 'trust' END AS category) AS h
        WHERE bench_u(v.id, 6) < 0.3;
    """),
    ("scores", """
        INSERT INTO scores (ad_version_id, model_version, risk, flagged, reasons, created_at)
        SELECT v.id, 'rules-v0', bench_u(v.id, 9), bench_u(v.id, 9) >= 0.35, '[]'::json, v.analysed_at
        FROM ad_versions v WHERE bench_u(v.id, 8) < 0.05;
        INSERT INTO scores (ad_version_id, model_version, risk, flagged, reasons, created_at)
        SELECT v.id, 'rules-v1', power(bench_u(v.id, 10), 2),
               power(bench_u(v.id, 10), 2) >= 0.35 OR m.ad_version_id IS NOT NULL,
               '["synthetic score"]'::json, v.analysed_at + interval '1 minute'
        FROM ad_versions v
        LEFT JOIN (SELECT DISTINCT ad_version_id FROM indicator_hits WHERE category = 'minor') m
               ON m.ad_version_id = v.id
        ORDER BY v.id;
    """),
    ("review_decisions", """
        INSERT INTO review_decisions (ad_id, ad_version_id, user_id, decision, reason, supersedes_id, created_at)
        SELECT v.ad_id, v.id, 1 + v.ad_id % 2,
               CASE WHEN bench_u(v.ad_id, 12) < 0.4 THEN 'confirm'
                    WHEN bench_u(v.ad_id, 12) < 0.9 THEN 'dismiss' ELSE 'urgent' END,
               'bench', NULL, v.analysed_at + interval '1 day'
        FROM ad_versions v JOIN scores s ON s.ad_version_id = v.id AND s.model_version = 'rules-v1'
        WHERE s.flagged AND bench_u(v.ad_id, 11) < 0.08
          AND v.version_no = (CASE WHEN v.ad_id % 5 = 0 THEN 2 ELSE 1 END)
        ORDER BY v.ad_id;
        INSERT INTO review_decisions (ad_id, ad_version_id, user_id, decision, reason, supersedes_id, created_at)
        SELECT d.ad_id, d.ad_version_id, 2, CASE WHEN d.decision = 'urgent' THEN 'confirm' ELSE 'urgent' END,
               'bench second opinion', d.id, d.created_at + interval '2 days'
        FROM review_decisions d WHERE bench_u(d.id, 13) < 0.2
        ORDER BY d.id;
    """),
    ("drop helpers", """
        DROP FUNCTION bench_phone(bigint, bigint);
        DROP FUNCTION bench_u(bigint, int);
    """),
)


def psycopg_url(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+psycopg://", "postgresql://", 1)


def recreate_database(base_url: str, name: str, drop_only: bool = False) -> None:
    with psycopg.connect(psycopg_url(base_url) + "postgres", autocommit=True) as conn:
        conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(name)))
        if not drop_only:
            conn.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))


def secondary_structures(conn: psycopg.Connection) -> tuple[list[tuple[str, str, str]], list[str], list[str]]:
    """(foreign keys and unique constraints as (table, name, definition), CREATE INDEX statements,
    DROP statements) of the loaded tables; building them after the load is several times faster."""
    tables = list(LOADED_TABLES)
    constraints = conn.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
        "WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('f', 'u') ORDER BY contype DESC, conname",
        (tables,)).fetchall()
    indexes = conn.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary AND NOT EXISTS ("
        "  SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)",
        (tables,)).fetchall()
    cons = [(t, n, d) for t, n, d, _ in constraints]  # 'u' before 'f' thanks to ORDER BY contype DESC
    drops = [f'ALTER TABLE {t} DROP CONSTRAINT "{n}"' for t, n, _ in reversed(cons)]
    drops += [f"DROP INDEX {name}" for name, _ in indexes]
    return cons, [d for _, d in indexes], drops


def load(url: str, n_ads: int) -> dict[str, float]:
    """Fill the migrated database; returns seconds per step."""
    timings: dict[str, float] = {}
    with psycopg.connect(psycopg_url(url)) as conn:
        conn.execute("SET synchronous_commit = off")
        conn.execute("SET maintenance_work_mem = '512MB'")
        conn.execute("SET work_mem = '64MB'")
        conn.execute("SELECT set_config('bench.n', %s, false)", (str(n_ads),))
        cons, index_defs, drops = secondary_structures(conn)
        for statement in drops:
            conn.execute(statement)
        conn.commit()
        for step, sql in LOAD_STEPS:
            started = time.perf_counter()
            conn.execute(sql)
            conn.commit()
            timings[step] = time.perf_counter() - started
            print(f"  {step:<18} {timings[step]:7.1f} s", flush=True)
        started = time.perf_counter()
        for table, name, definition in cons:
            conn.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for definition in index_defs:
            conn.execute(definition)
        for table in ("sites", "users", *LOADED_TABLES):
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                         f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
        conn.commit()
        timings["indexes + constraints"] = time.perf_counter() - started
        print(f"  {'indexes + constr.':<18} {timings['indexes + constraints']:7.1f} s", flush=True)
    with psycopg.connect(psycopg_url(url), autocommit=True) as conn:
        started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        timings["vacuum analyze"] = time.perf_counter() - started
        print(f"  {'vacuum analyze':<18} {timings['vacuum analyze']:7.1f} s", flush=True)
    return timings


@dataclass
class Result:
    name: str
    times_ms: list[float]
    rows: int
    statements: dict[str, list[float]] = field(default_factory=dict)  # sql -> ms per execution
    params: dict[str, Any] = field(default_factory=dict)  # sql -> parameters of its last execution

    def pct(self, p: float) -> float:
        ordered = sorted(self.times_ms)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]  # nearest rank


class StatementClock:
    """Times every SQL statement the engine executes, so a slow call can be split per statement."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.active: Result | None = None
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if self.active is not None:
            ms = (time.perf_counter() - conn.info.pop("bench_t0")) * 1000
            self.active.statements.setdefault(statement, []).append(ms)
            self.active.params[statement] = parameters


def timed(name: str, call: Callable[[Any], int], session_maker: Any, clock: StatementClock,
          repeats: int, budget_s: float = float("inf")) -> Result:
    """Warm up once, then time `repeats` calls; a query so slow that the calls overrun `budget_s`
    stops early (after at least 5 calls): its p95 is far over the target either way."""
    result = Result(name, [], 0)
    with session_maker() as session:  # warm-up, not counted
        call(session)
    clock.active = result
    deadline = time.monotonic() + budget_s
    try:
        for i in range(repeats):
            if i >= 5 and time.monotonic() > deadline:
                break
            with session_maker() as session:  # a fresh session per call, as each page rerun has
                started = time.perf_counter()
                result.rows = call(session)
                result.times_ms.append((time.perf_counter() - started) * 1000)
    finally:
        clock.active = None
    return result


def explain(engine: Any, result: Result, top: int = 40) -> None:
    """EXPLAIN ANALYZE the statement that costs the call most (median), and print the plan's top."""
    sql, per_run = max(result.statements.items(), key=lambda kv: statistics.median(kv[1]))
    print(f"\n-- {result.name}: slowest statement (median {statistics.median(per_run):.0f} ms of "
          f"p50 {result.pct(50):.0f} ms per call); statements per call:")
    for other, times in result.statements.items():
        print(f"     {statistics.median(times):8.1f} ms  {' '.join(other.split())[:100]}")
    print("   " + " ".join(sql.split())[:400])
    with engine.connect() as conn:
        plan = conn.exec_driver_sql("EXPLAIN ANALYZE " + sql, result.params[sql]).scalars().all()
    for line in plan[:top]:
        print("   | " + line)
    if len(plan) > top:
        print(f"   | ... ({len(plan) - top} more lines)")
    for line in plan[-2:]:
        if line not in plan[:top]:
            print("   | " + line)


@contextmanager
def bench_database(base_url: str, name: str, keep: bool):
    recreate_database(base_url, name)
    try:
        yield base_url + name
    finally:
        if keep:
            print(f"\nkept database {base_url}{name}")
        else:
            recreate_database(base_url, name, drop_only=True)


def loadavg() -> str:
    with open("/proc/loadavg", encoding="ascii") as fh:
        return " ".join(fh.read().split()[:3])


def national(e164: str) -> str:
    """+31612345678 -> '06 12 34 56 78', the way an analyst types a Dutch mobile number."""
    digits = "0" + e164[3:]
    return f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}"


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.orm import sessionmaker

    from casefiles.claims import active_claims
    from core.db import get_engine
    from core.migrate import upgrade
    from core.settings import Settings
    from workbench.queries import TriageFilters, colour_changes, linked_counts, new_flagged_since, triage_page
    from workbench.search import normalised_phone, search_ads

    print(f"bench_queries: {args.ads:,} ads, {args.repeats} repeats per query, load average {loadavg()}, "
          f"{os.cpu_count()} cores", flush=True)
    with bench_database(args.url, args.db, args.keep) as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(overrides={"database_url": url, "data_dir": tmp})
        started = time.perf_counter()
        upgrade(settings)
        print(f"  {'migrations':<18} {time.perf_counter() - started:7.1f} s", flush=True)
        started = time.perf_counter()
        load(url, args.ads)
        load_s = time.perf_counter() - started
        engine = get_engine(settings)
        with engine.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()  # noqa: S608
                      for t in ("ads", "ad_versions", "entities", "indicator_hits", "scores",
                                "review_decisions")}
            size = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
            pg = conn.execute(text("SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                                   " current_setting('work_mem')")).one()
            rare = conn.execute(text("SELECT value FROM entities WHERE kind = 'phone' AND ad_version_id = :v"),
                                {"v": args.ads // 2 + 1}).scalar()
        print(f"load: {load_s:.1f} s ({args.ads / load_s:,.0f} ads/s); database {size}; PostgreSQL {pg[0]}, "
              f"shared_buffers {pg[1]}, work_mem {pg[2]}")
        print("rows: " + ", ".join(f"{t} {c:,}" for t, c in counts.items()))

        hot = "06 12 34 56 78"
        assert normalised_phone(hot)[0] == "+31612345678", normalised_phone(hot)
        assert normalised_phone(national(rare))[0] == rare, (rare, normalised_phone(national(rare)))
        make_session = sessionmaker(bind=engine, expire_on_commit=False)
        clock = StatementClock(engine)

        def triage(filters: TriageFilters) -> Callable[[Any], int]:
            return lambda s: triage_page(s, filters, page=0, page_size=20)[1]

        def phone(query: str) -> Callable[[Any], int]:
            return lambda s: search_ads(s, "phone", query)[1]

        ids = iter(range(1, 10**9))
        baseline = timed("baseline: ads WHERE id = :x", lambda s: len(s.execute(
            text("SELECT id, site_ad_id, url FROM ads WHERE id = :x"),
            {"x": (next(ids) * 7919) % args.ads + 1}).all()), make_session, clock, max(args.repeats, 100))
        cases = [
            ("triage p1, no filter", triage(TriageFilters())),
            ("triage p1, category=minor", triage(TriageFilters(categories=("minor",)))),
            ("triage p1, category=coercion", triage(TriageFilters(categories=("coercion",)))),
            ("triage p1, unreviewed only", triage(TriageFilters(unreviewed_only=True))),
            # The triage page keeps the ads decided on it in an "unreviewed" list (keep_ids).
            ("triage p1, unreviewed + kept", triage(TriageFilters(unreviewed_only=True, keep_ids=(1, 2, 3)))),
            # Per page of 20: linked ads (network clusters) and live claims.
            ("triage page: linked + claims", lambda s: len(linked_counts(s, list(range(1, 21))))
             + len(active_claims(s, range(1, 21)))),
            # Home page: new flagged ads since the last visit (capped count), colour changes.
            ("home: new since last week", lambda s: new_flagged_since(
                s, datetime.now(UTC) - timedelta(days=7)) + len(colour_changes(s, "default", None))),
            (f"phone '{hot}' (shared)", phone(hot)),
            (f"phone '{national(rare)}'", phone(national(rare))),
        ]
        results = []
        for name, call in cases:
            results.append(timed(name, call, make_session, clock, args.repeats, args.budget))
            r = results[-1]
            print(f"  timed {name}: p95 {r.pct(95):.0f} ms over {len(r.times_ms)} calls", flush=True)

        base95 = baseline.pct(95)
        print(f"\n{'query':<34} {'matches':>9} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'x base':>7}  verdict")
        print(f"{baseline.name:<34} {baseline.rows:>9,} {len(baseline.times_ms):>5} {baseline.pct(50):8.2f} "
              f"{base95:8.2f} {1:7.0f}")
        failed = [r for r in results if r.pct(95) >= TARGET_MS]
        for r in results:
            verdict = "PASS" if r.pct(95) < TARGET_MS else "FAIL"
            print(f"{r.name:<34} {r.rows:>9,} {len(r.times_ms):>5} {r.pct(50):8.1f} {r.pct(95):8.1f} "
                  f"{r.pct(95) / base95:7.0f}  "
                  f"{verdict} (< {TARGET_MS:.0f} ms)")
        print(f"load average after the run: {loadavg()}")
        for r in failed if not args.explain_all else results:
            explain(engine, r)
        engine.dispose()
        print(f"\n{'PASS' if not failed else 'FAIL'}: {len(results) - len(failed)} of {len(results)} queries "
              f"under {TARGET_MS:.0f} ms p95 at {args.ads:,} ads")
        return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=1_000_000, help="ads to load (default 1,000,000)")
    parser.add_argument("--repeats", type=int, default=30, help="timed calls per query after one warm-up")
    parser.add_argument("--budget", type=float, default=150.0,
                        help="seconds of timed calls per query after which a hopeless one stops (min 5 calls)")
    parser.add_argument("--url", default=BASE_URL, help="server URL, ending in '/' (default %(default)s)")
    parser.add_argument("--db", default=DB_NAME, help="database to (re)create and drop")
    parser.add_argument("--keep", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--explain-all", action="store_true", help="EXPLAIN ANALYZE every query, not only misses")
    args = parser.parse_args(argv)
    if args.ads < 1000:
        parser.error("--ads must be at least 1000")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
