"""Scale-out throughput: the demo world crawled through Celery workers, then analysis with 1 and 2
workers (median of 3 runs each, and the ratio 2/1; target >= 1.7x on two free cores).

The machine is shared, so the script also measures how much a second process can gain on it right now
(two copies of a pure-CPU loop against one); the worker speed-up can only be read against that.

Needs PostgreSQL (SQLite serialises writers, so a second worker adds nothing there) and Redis. A
database of its own is created on the server and dropped afterwards; the Redis db is flushed.

    python -m benchmarks.bench_workers [--ads N] [--batch B] [--runs R]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test] [--broker redis://127.0.0.1:6379/8]
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

SITES = ("classic", "profiles", "search")
PURPOSE = "Benchmark of the scale-out workers on a synthetic world."
LEGAL_BASIS = "Not applicable: synthetic data."


def _own_database(server_url: str) -> str:
    from sqlalchemy import create_engine, make_url, text

    url = make_url(server_url)
    name = f"signalstack_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _drop_database(server_url: str, own_url: str) -> None:
    from sqlalchemy import create_engine, make_url, text

    from core.db import engine_for

    engine_for(own_url).dispose()
    admin = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(own_url).database}" WITH (FORCE)'))
    admin.dispose()


class Workers:
    """n solo-pool worker processes; started warm (ready = NLP loaded), always killed on exit."""

    def __init__(self, n: int, env: dict[str, str], folder: Path) -> None:
        self.procs = []
        self.logs = [folder / f"bench-w{i}-{uuid.uuid4().hex[:6]}.log" for i in range(n)]
        for i, log in enumerate(self.logs):
            cmd = [sys.executable, "-m", "signalstack.cli", "worker", "--pool", "solo", "--hostname",
                   f"bench{i}@%h", "--loglevel", "INFO"]
            with log.open("w") as fh:
                self.procs.append(subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT,
                                                   start_new_session=True))

    def __enter__(self) -> Workers:
        deadline = time.monotonic() + 180
        while not all(re.search(r"ready\.", log.read_text()) for log in self.logs):
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.procs):
                raise RuntimeError(f"workers did not start; see {self.logs}")
            time.sleep(0.2)
        return self

    def __exit__(self, *_exc) -> None:
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


def _wait(condition, what: str, timeout_s: float = 900, step: float = 0.1) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(step)


def _reset_analysis(settings) -> int:
    from sqlalchemy import delete, func, select, update

    from core.db import session_scope
    from core.schema import AdVersion, Entity, IndicatorHit, Score

    with session_scope(settings) as s:
        for table in (Entity, IndicatorHit, Score):
            s.execute(delete(table))
        s.execute(update(AdVersion).values(analysed_at=None))
        return int(s.scalar(select(func.count()).select_from(AdVersion)))


def _pending(settings) -> int:
    from core.db import session_scope
    from signalstack.workers.analysis import pending_count

    with session_scope(settings) as s:
        return pending_count(s)


def _crawled_sites(settings) -> set[str]:
    from sqlalchemy import select

    from core.db import session_scope
    from core.schema import CrawlJob, Site

    with session_scope(settings) as s:
        return set(s.scalars(select(Site.name).join(CrawlJob, CrawlJob.site_id == Site.id)
                             .where(CrawlJob.status.in_(("finished", "partial")))))


def _spin(n: int) -> int:
    return sum(i * i for i in range(n))


def machine_speedup(work: int = 4_000_000, runs: int = 3) -> float:
    """Wall time of one CPU-bound job in one process, over two such jobs in two processes."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    medians = {}
    for n in (1, 2):
        times = []
        with ctx.Pool(n) as pool:
            pool.map(_spin, [1000] * n)  # start-up outside the timing
            for _ in range(runs):
                start = time.perf_counter()
                pool.map(_spin, [work] * n)
                times.append(time.perf_counter() - start)
        medians[n] = statistics.median(times)
    return 2 * medians[1] / medians[2]


def run(ads: int, batch: int, runs: int, pg: str, broker: str) -> None:
    import redis

    from core.migrate import upgrade
    from core.settings import Settings
    from crawlers.demosite.generate import generate_world
    from crawlers.demosite.server import serve_in_thread
    from crawlers.run import child_environment
    from signalstack.tasks import enqueue

    redis.Redis.from_url(broker).flushdb()
    db_url = _own_database(pg)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-workers-") as tmp:
            folder = Path(tmp)
            settings = Settings({"database_url": db_url, "data_dir": str(folder / "data"), "broker_url": broker,
                                 "analyse_batch_size": batch})
            upgrade(settings)
            env = child_environment(settings)
            generate_world(ads=ads, days=7, seed=5, out=folder / "world")

            with serve_in_thread(folder / "world", slow_seconds=0.2) as base_url, Workers(2, env, folder):
                start = time.perf_counter()
                for site in SITES:
                    enqueue(settings, "signalstack.crawl_site", site=site, purpose=PURPOSE,
                            legal_basis=LEGAL_BASIS, base_url=base_url, then_analyse=False)
                _wait(lambda: _crawled_sites(settings) >= set(SITES), "the crawls", step=0.5)
                crawl_s = time.perf_counter() - start
            versions = _reset_analysis(settings)
            print(f"world: {ads} ads; crawl of {len(SITES)} sites through 2 workers: {crawl_s:.1f} s, "
                  f"{versions} ad versions stored")

            medians = {}
            for n in (1, 2):
                times = []
                with Workers(n, env, folder):
                    for run_no in range(runs + 1):  # the first round only warms each worker's first task
                        _reset_analysis(settings)
                        start = time.perf_counter()
                        enqueue(settings, "signalstack.dispatch_analysis", then_cluster=False)
                        _wait(lambda: _pending(settings) == 0, "the analysis")
                        if run_no:
                            times.append(time.perf_counter() - start)
                medians[n] = statistics.median(times)
                print(f"analysis, {n} worker(s), batches of {batch}: runs {', '.join(f'{t:.2f}' for t in times)} s; "
                      f"median {medians[n]:.2f} s = {versions / medians[n]:.0f} versions/s")
            print(f"speed-up 2 workers / 1 worker: {medians[1] / medians[2]:.2f}x (target >= 1.7x)")
            print(f"speed-up a second process gets on this machine now (pure CPU): {machine_speedup():.2f}x "
                  f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    finally:
        _drop_database(pg, db_url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=400)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("SIGNALSTACK_TEST_DATABASE_URL",
                                                       "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/8")
    args = parser.parse_args()
    run(args.ads, args.batch, args.runs, args.pg, args.broker)


if __name__ == "__main__":
    main()
