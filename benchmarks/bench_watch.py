"""Benchmark watch matching at scale on PostgreSQL.

Target (docs/BENCHMARKS.md): with 1M ads stored and 10,000 active watches, matching 10,000 newly
analysed ads (``casefiles.watches.match_new``) takes at most 5 s.

The script makes a database of its own, runs the real migrations, fills it with set-based SQL
(one version per ad; a phone on every ad from a pool of N/3 numbers, an e-mail on 15 %, a handle
on 10 %, one photo per ad (pHash and mirror rows in the banded index, half the photos re-used),
a body with a token ``wK`` for K = id mod 5000), then 10,000 watches: 5,000 phones, 1,500 e-mails,
1,000 handles, 1,500 photos and 1,000 phrases, all drawn from values the ads use. Each timed run
matches the 10,000 newest ads inside a transaction that is rolled back, so every run sees the same
state. The baseline, measured once in the same run, is the naive alternative without a watermark:
matching every stored ad again (``since_version_id=0``).

    .venv/bin/python -m benchmarks.bench_watch                 # 1,000,000 ads
    .venv/bin/python -m benchmarks.bench_watch --ads 100000    # quick run
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

import psycopg

from benchmarks.bench_queries import BASE_URL, bench_database, loadavg, psycopg_url

DB_NAME = "signalstack_bench_watch"
TARGET_S = 5.0
NEW_ADS = 10_000

LOAD = """
CREATE FUNCTION bench_h(x bigint, salt int) RETURNS bigint LANGUAGE sql IMMUTABLE AS
  $$ SELECT ('x' || substr(md5(x::text || ':' || salt::text), 1, 16))::bit(64)::bigint $$;
INSERT INTO sites (id, name, base_url, country, created_at) VALUES (1, 'bench', 'https://bench.example', 'NL', now());
INSERT INTO ads (id, site_id, site_ad_id, url, first_seen, last_seen)
  SELECT g, 1, 'ad-' || g, 'https://bench.example/ad/' || g, now(), now()
  FROM generate_series(1::bigint, {total}) AS g;
INSERT INTO ad_versions (id, ad_id, version_no, content_sha256, captured_at, title, body, name, age_text, city,
                         phones_text, posted_at, images, analysed_at, lang)
  SELECT g, g, 1, md5(g::text), now(), 'Nieuw in Utrecht',
         'Hoi, ik ben nieuw in de stad w' || (g % 5000) || ' bel of app gerust voor een afspraak', '', '', 'Utrecht',
         '', '', '[]'::json, now(), 'nl'
  FROM generate_series(1::bigint, {total}) AS g;
INSERT INTO entities (ad_version_id, kind, value, platform, obfuscated)
  SELECT g, 'phone', '+316' || lpad((10000000 + (g * 7919) % {phones})::text, 8, '0'), '', false
  FROM generate_series(1::bigint, {total}) AS g
  UNION ALL
  SELECT g, 'email', 'u' || (g % {half}) || '@example.nl', '', false FROM generate_series(1::bigint, {total}) AS g
  WHERE g % 20 < 3
  UNION ALL
  SELECT g, 'handle', 'h' || (g % {half}), 'snapchat', false FROM generate_series(1::bigint, {total}) AS g WHERE g % 10 = 0;
INSERT INTO photo_hashes (ad_version_id, position, phash, mirrored, band0, band1, band2, band3)
  SELECT g, 0, lpad(to_hex(h), 16, '0'), m, ((h >> 48) & 65535)::int, ((h >> 32) & 65535)::int,
         ((h >> 16) & 65535)::int, (h & 65535)::int
  FROM generate_series(1::bigint, {total}) AS g
  CROSS JOIN LATERAL (VALUES (false, bench_h(g % {half}, 1)), (true, bench_h(g % {half}, 2))) AS v(m, h);
INSERT INTO watches (kind, value, label, team, owner, reason, created_at, review_at, expires_at, from_version_id,
                     ended_by, ended_reason)
  SELECT kind, value, value, 'bench', 'bench', 'benchmark', now(), now() + interval '30 days',
         now() + interval '180 days', 0, '', ''
  FROM (
    SELECT 'phone' AS kind, '+316' || lpad((10000000 + (k * 37) % {phones})::text, 8, '0') AS value
      FROM generate_series(1, 5000) AS k
    UNION ALL SELECT 'email', 'u' || (k * 331 % {half}) || '@example.nl' FROM generate_series(1, 1500) AS k
    UNION ALL SELECT 'handle', 'h' || (k * 577 % {half}) FROM generate_series(1, 1000) AS k
    UNION ALL SELECT 'photo', lpad(to_hex(bench_h(k * 613 % {half}, 1)), 16, '0') FROM generate_series(1, 1500) AS k
    UNION ALL SELECT 'text', 'w' || (k * 3) FROM generate_series(1, 1000) AS k
  ) AS w;
INSERT INTO watch_runs (at, through_version_id, alerts) VALUES (now(), {stored}, 0);
DROP FUNCTION bench_h(bigint, int);
SELECT setval(pg_get_serial_sequence('ad_versions', 'id'), {total});
ANALYZE;
"""


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.orm import sessionmaker

    from casefiles.watches import match_new
    from core.db import get_engine
    from core.migrate import upgrade
    from core.settings import Settings

    total = args.ads + NEW_ADS
    print(f"bench_watch: {args.ads:,} stored ads + {NEW_ADS:,} new, 10,000 watches, {args.repeats} runs, "
          f"load average {loadavg()}, {os.cpu_count()} cores", flush=True)
    with bench_database(args.url, args.db, False) as url, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(overrides={"database_url": url, "data_dir": tmp})
        upgrade(settings)
        started = time.perf_counter()
        with psycopg.connect(psycopg_url(url)) as conn:
            conn.execute("SET synchronous_commit = off")
            conn.execute(LOAD.format(total=total, stored=args.ads, phones=max(args.ads // 3, 1000),
                                     half=max(args.ads // 2, 1000)))
            conn.commit()
        print(f"load: {time.perf_counter() - started:.1f} s", flush=True)
        make_session = sessionmaker(bind=get_engine(settings))

        def timed(since: int | None) -> tuple[float, int]:
            with make_session() as session:
                started = time.perf_counter()
                result = match_new(session, since_version_id=since)
                session.flush()
                elapsed = time.perf_counter() - started
                session.rollback()
            return elapsed, result.alerts

        timed(None)  # warm-up
        runs = [timed(None) for _ in range(args.repeats)]
        median = statistics.median(s for s, _ in runs)
        alerts = runs[0][1]
        baseline, baseline_alerts = timed(0)
        verdict = "OK" if median <= TARGET_S else "OVER TARGET"
        print(f"match_new, {NEW_ADS:,} new ads: median {median:.2f} s over {args.repeats} runs "
              f"(min {min(s for s, _ in runs):.2f}, max {max(s for s, _ in runs):.2f}); {alerts} alerts; "
              f"target <= {TARGET_S:.0f} s: {verdict}")
        print(f"baseline, re-matching all {total:,} ads: {baseline:.2f} s ({baseline_alerts} alerts); "
              f"ratio {baseline / median:.0f}x")
    return 0 if median <= TARGET_S else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=1_000_000, help="stored ads before the new ones")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs after one warm-up")
    parser.add_argument("--url", default=BASE_URL, help="server URL, ending in '/' (default %(default)s)")
    parser.add_argument("--db", default=DB_NAME, help="database to (re)create and drop")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
