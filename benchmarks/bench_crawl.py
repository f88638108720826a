"""Crawl speed on the local demo site: pages per second with WARC capture on and off.

Each run crawls the classic demo site into a fresh SQLite database (so every run stores the
same ads as new), in a child process as an operator would. Pages/s counts every response
(listing, detail, images, robots.txt, hostile pages) over the spider's open time, so
process start-up is left out. The median of 3 runs per mode is reported, and the ratio
capture-on / capture-off is what capture costs.

    python -m benchmarks.bench_crawl [--ads 300] [--runs 3] [--site classic]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from core.migrate import upgrade
from core.settings import Settings
from crawlers.demosite.generate import generate_world
from crawlers.demosite.server import running_server
from crawlers.run import crawl_site


def one_run(base_url: str, site: str, capture: bool, folder: Path) -> tuple[float, int]:
    settings = Settings(overrides={"data_dir": str(folder), "database_url": f"sqlite:///{folder}/bench.db",
                                   "warc_capture": capture, "crawl_retry_times": 0})
    upgrade(settings)
    summary = crawl_site(site, base_url, "benchmark", "benchmark (no real data)", "bench", settings)
    if summary.status not in ("finished", "partial"):
        raise SystemExit(f"crawl {summary.status}: {summary}")
    return summary.pages / summary.elapsed_s, summary.pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", default="classic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate_world(ads=args.ads, days=14, seed=7, out=root / "world")
        rates: dict[bool, list[float]] = {True: [], False: []}
        pages = 0
        with running_server(root / "world", slow_seconds=0.1) as server:
            for n in range(args.runs):
                for capture in (True, False):
                    rate, pages = one_run(server.url, args.site, capture, root / f"run{n}-{int(capture)}")
                    rates[capture].append(rate)
    on, off = statistics.median(rates[True]), statistics.median(rates[False])
    print(f"crawl {args.site}, {args.ads}-ad world, {pages} pages per crawl, median of {args.runs} runs")
    print(f"capture on : {on:7.1f} pages/s   (runs: {', '.join(f'{r:.1f}' for r in rates[True])})")
    print(f"capture off: {off:7.1f} pages/s   (runs: {', '.join(f'{r:.1f}' for r in rates[False])})")
    print(f"ratio on/off: {on / off:.2f}")


if __name__ == "__main__":
    main()
