"""Benchmark every workbench page at scale on PostgreSQL: is each usable within 2 s?

Target (issue 18, docs/BENCHMARKS.md): with 1M ads in PostgreSQL, every page a role can open
finishes its script run (queries plus rendering) in at most 2 s.

The database is the one ``benchmarks.bench_queries`` builds (its migrations, its set-based
load of 1M ads, versions, entities, hits, scores and decisions), plus a dossier on the most
shared phone number and a case holding it, made through the casefiles API so the dossier and
case pages gather real signals. Each page is then run through ``streamlit.testing.v1.AppTest``
as a signed-in user of every role that may open it (the run AppTest times is the same script
run a browser waits for), with the query parameters a deep link would carry. Baseline in the
same run: the signed-out sign-in page, which touches no ad table.

    .venv/bin/python -m benchmarks.bench_pages                 # 1,000,000 ads
    .venv/bin/python -m benchmarks.bench_pages --ads 100000    # quick run
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from benchmarks.bench_queries import BASE_URL, bench_database, load, loadavg

APP = Path(__file__).resolve().parents[1] / "workbench" / "app.py"
TARGET_S = 2.0
HOT_PHONE = "+31612345678"  # bench_queries gives it to ~1 in 5,000 ads
ROLES = {"analyst": "bench-analyst", "coordinator": "bench-coordinator",
         "auditor": "bench-auditor", "admin": "bench-admin"}


def prepare(settings) -> dict[str, object]:
    """Accounts for the two roles the load lacks, one dossier and one case; returns deep-link values."""
    from sqlalchemy import select

    from casefiles.cases import add_ad, add_dossier, create_case
    from casefiles.dossiers import create_dossier
    from core.db import session_scope
    from core.schema import AdVersion, Dossier, Entity, ReviewDecision, User
    from core.users import add_user

    with session_scope(settings) as s:
        for role in ("auditor", "admin"):
            if s.execute(select(User).where(User.username == ROLES[role])).scalar() is None:
                add_user(s, ROLES[role], "bench pages long password", role=role, team="default", actor="bench")
    with session_scope(settings) as s:
        coordinator = s.execute(select(User).where(User.username == ROLES["coordinator"])).scalar_one()
        carriers = s.execute(select(AdVersion.ad_id).join(Entity, Entity.ad_version_id == AdVersion.id)
                             .where(Entity.kind == "phone", Entity.value == HOT_PHONE).limit(3)).scalars().all()
        dossier = s.execute(select(Dossier).where(Dossier.title == "bench dossier")).scalar()
        if dossier is not None:  # --reuse: the earlier run's dossier and case
            return {"ad": str(carriers[0]), "dossier": str(dossier.id),
                    "capture": _first_capture(s)}
        dossier = create_dossier(s, coordinator, "phone", HOT_PHONE, title="bench dossier")
        case = create_case(s, "bench case", "default", coordinator)
        add_dossier(s, case, dossier.id, coordinator)
        confirmed = s.execute(select(ReviewDecision.ad_id).where(ReviewDecision.decision == "confirm",
                                                                  ReviewDecision.supersedes_id.is_(None))
                              .order_by(ReviewDecision.id).limit(2)).scalars().all()
        for ad_id in confirmed:  # a case takes reviewed ads only
            add_ad(s, case, ad_id, coordinator)
        s.flush()
        return {"ad": str(carriers[0]), "dossier": str(dossier.id), "capture": _first_capture(s)}


def _first_capture(session) -> str | None:
    from sqlalchemy import func, select

    from core.schema import Capture

    capture = session.execute(select(func.min(Capture.id))).scalar()
    return str(capture) if capture else None


def page_runs(user_id: int | None, page: str | None, query: dict[str, str], runs: int) -> tuple[list[float], int]:
    """Seconds per script run of `page` (after one warm-up run), as `user_id`, and how many
    elements the page drew (so an empty or refused page cannot pass for a fast one)."""
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    set_log_level("error")  # AppTest's bare-mode warning, once per widget and run
    at = AppTest.from_file(str(APP), default_timeout=120)
    if user_id is not None:
        at.session_state["user_id"] = user_id
    at.run()
    if page is not None:
        at.query_params.update(query)
        at.switch_page(f"views/{page}.py").run()  # warm-up: imports and caches, not counted
    problems = [e.value for e in at.exception] + [e.value for e in at.error if "(referen" in e.value]
    if problems:
        raise SystemExit(f"page {page} failed: {problems[0]}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return times, sum(1 for _ in at.main)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from core.db import session_scope
    from core.migrate import upgrade
    from core.schema import User
    from core.settings import Settings
    from workbench.access import can
    from workbench.nav import PAGES
    from workbench.ui import Viewer

    print(f"bench_pages: {args.ads:,} ads, {args.runs} runs per page, load average {loadavg()}, "
          f"{os.cpu_count()} cores", flush=True)
    database = nullcontext(args.url + args.db) if args.reuse else bench_database(args.url, args.db, args.keep)
    with database as url, tempfile.TemporaryDirectory() as tmp:
        os.environ["SIGNALSTACK_DATABASE_URL"] = url
        os.environ["SIGNALSTACK_DATA_DIR"] = tmp
        settings = Settings(overrides={"database_url": url, "data_dir": tmp})
        upgrade(settings)  # a kept database may predate the newest migration
        if not args.reuse:
            started = time.perf_counter()
            load(url, args.ads)
            print(f"load: {time.perf_counter() - started:.1f} s", flush=True)
        links = prepare(settings)
        with session_scope(settings) as s:
            users = {role: s.execute(select(User).where(User.username == name)).scalar_one()
                     for role, name in ROLES.items()}
            viewers = {role: (u.id, Viewer.of(u)) for role, u in users.items()}
        queries = {"ad": {"ad": links["ad"]}, "dossiers": {"dossier": links["dossier"]},
                   "network": {"seed": f"phone:{HOT_PHONE}"}, "search": {"kind": "phone", "q": HOT_PHONE},
                   "capture": {"capture": links["capture"]} if links["capture"] else {}}
        baseline = statistics.median(page_runs(None, None, {}, args.runs)[0])
        rows = []
        for role, (user_id, viewer) in viewers.items():
            for stem, _url, _icon, action in PAGES:
                if action is not None and not can(viewer, action):
                    continue
                times, drawn = page_runs(user_id, stem, queries.get(stem, {}), args.runs)
                rows.append((role, stem, statistics.median(times), max(times), drawn))
                print(f"  {role:<12} {stem:<9} median {rows[-1][2]:.2f} s, max {rows[-1][3]:.2f} s", flush=True)
    print(f"\nbaseline (sign-in page, signed out): median {baseline:.3f} s")
    print(f"{'role':<12} {'page':<9} {'median s':>9} {'max s':>7} {'x base':>7} {'elements':>9}  "
          f"verdict (<= {TARGET_S:.0f} s)")
    over = 0
    for role, stem, median, worst, drawn in rows:
        ok = worst <= TARGET_S
        over += not ok
        print(f"{role:<12} {stem:<9} {median:9.2f} {worst:7.2f} {median / baseline:7.1f} {drawn:9}  "
              f"{'ok' if ok else 'OVER'}")
    print(f"\n{len(rows) - over} of {len(rows)} page views within {TARGET_S:.0f} s (load average {loadavg()})")
    return 1 if over else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ads", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="timed runs per page (after one warm-up)")
    parser.add_argument("--url", default=os.environ.get("SIGNALSTACK_BENCH_PG", BASE_URL),
                        help="PostgreSQL server URL ending in '/' (a database of its own is made there)")
    parser.add_argument("--db", default="signalstack_bench_pages")
    parser.add_argument("--keep", action="store_true", help="leave the database behind")
    parser.add_argument("--reuse", action="store_true", help="time the pages on a database an earlier --keep left")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
