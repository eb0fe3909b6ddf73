#!/usr/bin/env python3
"""Lighthouse benchmark: all four scores and the page weight of a seeded demo instance.

    .venv/bin/python bench/lighthouse.py               # one run per page
    .venv/bin/python bench/lighthouse.py --runs 3      # median of three runs per page
    .venv/bin/python bench/lighthouse.py --record      # also append the table to bench/README.md
    make bench-lighthouse BENCH_ARGS="--runs 3 --record"

Seeds the demo community (``flask seed-demo``) into a fresh SQLite instance, serves it with
gunicorn (2 workers) on a free loopback port and runs Lighthouse 12 (desktop preset, Debian
Chromium headless; installed by ``make lighthouse``) on the home page and on the demo's longest
thread, as an anonymous visitor. Prints a Markdown table: performance, accessibility, best
practices, SEO, total transfer and the main timings. Performance is a speed figure and varies
with the machine's load, which is why it is measured here and not asserted by a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent  # the virtualenv that runs this script

from tests.browser import lighthouse  # noqa: E402

TIMINGS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP",
           "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed() -> tuple[dict, Path]:
    instance = Path(tempfile.mkdtemp(prefix="askwell-lighthouse-"))
    env = {**os.environ, "ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
           "DATABASE_URL": f"sqlite:///{instance / 'askwell.db'}",
           "SEARCH_INDEX_DIR": str(instance / "search-index"), "RATELIMIT_ENABLED": "false"}
    for args in (["db", "upgrade"], ["seed-demo"], ["search", "sync"]):
        subprocess.run([str(BIN / "flask"), "--app", "forum", *args], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env, instance


def longest_thread(instance: Path) -> tuple[int, int]:
    with sqlite3.connect(instance / "askwell.db") as connection:
        return connection.execute("SELECT id, post_count FROM threads ORDER BY post_count DESC, id "
                                  "LIMIT 1").fetchone()


def serve(env: dict, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
                             "forum:create_app()"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc
        except OSError:
            time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGTERM)
    sys.exit("gunicorn did not start")


def measure(url: str, runs: int) -> dict:
    """Median scores, bytes and timings over ``runs`` Lighthouse runs."""
    results = []
    for _ in range(runs):
        report = lighthouse.run(url)
        row = {**lighthouse.scores(report), "bytes": lighthouse.total_bytes(report)}
        row.update({label: report["audits"][audit]["numericValue"] for audit, label in TIMINGS.items()})
        row["flagged"] = lighthouse.failing_audits(report, "performance", advice=True)
        results.append(row)
    median = {key: statistics.median(r[key] for r in results) for key in results[0] if key != "flagged"}
    median["flagged"] = sorted({line.split(":")[0] for r in results for line in r["flagged"]})
    return median


def table(rows: dict[str, dict], runs: int) -> list[str]:
    lines = [f"Run {date.today():%-d %B %Y}, median of {runs} run{'s' if runs != 1 else ''} per page:", "",
             "| page | performance | accessibility | best practices | SEO | transfer "
             "| FCP | LCP | TBT | CLS |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows.items():
        lines.append(f"| {name} | {r['performance']:.0f} | {r['accessibility']:.0f} | "
                     f"{r['best-practices']:.0f} | {r['seo']:.0f} | {r['bytes'] / 1024:.1f} KB | "
                     f"{r['FCP']:.0f} ms | {r['LCP']:.0f} ms | {r['TBT']:.0f} ms | {r['CLS']:.3f} |")
    flagged = sorted({a for r in rows.values() for a in r["flagged"]})
    lines += ["", "Performance audits and advice below full marks: "
              + (", ".join(flagged) if flagged else "none") + "."]
    return lines


def record(lines: list[str]) -> None:
    """Add the table to the end of the Lighthouse section of bench/README.md."""
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text()
    heading = "## Lighthouse (`bench/lighthouse.py`)"
    if heading not in text:
        sys.exit(f"{readme} has no '{heading}' section")
    start = text.index(heading)
    following = text.find("\n## ", start + len(heading))
    end = len(text) if following == -1 else following
    block = "\n\n" + "\n".join(lines) + "\n"
    readme.write_text(text[:end].rstrip("\n") + block + text[end:])
    print(f"\nAdded to {readme}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (the median is shown)")
    ap.add_argument("--record", action="store_true", help="append the table to bench/README.md")
    args = ap.parse_args()
    reason = lighthouse.missing()
    if reason:
        sys.exit(reason + " (make lighthouse)")
    env, instance = seed()
    port = free_port()
    proc = serve(env, port)
    try:
        thread_id, posts = longest_thread(instance)
        base = f"http://127.0.0.1:{port}"
        rows = {"home": measure(base + "/", args.runs),
                f"thread ({posts} posts)": measure(f"{base}/t/{thread_id}", args.runs)}
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
        shutil.rmtree(instance, ignore_errors=True)
    lines = table(rows, args.runs)
    print("\n".join(lines))
    if args.record:
        record(lines)


if __name__ == "__main__":
    main()
