"""Search benchmark: the 40,000-post community, imported, indexed and queried.

    .venv/bin/python bench/search_bench.py [--runs 200] [--keep DIR] [--distinct 40]

Generates the community with bench/make_jsonl.py, imports it with
`flask --app forum import` into a fresh instance folder (SQLite), times
`flask --app forum search rebuild`, then times searches for the rare word
``xerostomia`` and the common word ``sleep`` the way the results page runs
them (query, permission mask, the page's rows from the database, snippets),
as an anonymous visitor, and prints p50/p95; then ``--distinct`` different two-word queries of the
most frequent words, each once, uncached, as the search page runs them. Not a test: figures go in
bench/README.md with the machine they came from.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = Path(os.environ.get("ASKWELL_BENCH_GENERATOR", ROOT / "bench" / "make_jsonl.py"))


def flask(env, *args) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flask", "--app", "forum", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(app, words, runs: int) -> dict:
    from flask_login import AnonymousUserMixin

    from forum.searching.service import run_search
    from search.interface import Filters

    figures = {}
    for word in words:
        timings, cpu = [], []
        for i in range(runs + 5):
            with app.test_request_context("/search"):
                started, started_cpu = time.perf_counter(), time.process_time()
                results = run_search(AnonymousUserMixin(), word, Filters(), page=1)
                elapsed, elapsed_cpu = time.perf_counter() - started, time.process_time() - started_cpu
            if i >= 5:  # the first few warm caches
                timings.append(elapsed * 1000)
                cpu.append(elapsed_cpu * 1000)
        timings.sort()
        cpu.sort()
        figures[word] = (results.total, len(results.hits), statistics.median(timings),
                         timings[int(len(timings) * 0.95) - 1], statistics.median(cpu),
                         cpu[int(len(cpu) * 0.95) - 1])
    return figures


def frequent_words(data: Path, count: int = 120) -> list[str]:
    """The words in most posts of the benchmark data (titles and bodies, as search splits them),
    read from the data file, so every backend and every version is asked the same queries."""
    from collections import Counter

    from search.text import words

    posts = Counter()
    with data.open() as lines:
        for line in lines:
            row = json.loads(line)
            if row.get("type") in ("thread", "post"):
                posts.update(set(words(f"{row.get('title', '')} {row.get('body', '')}")))
    return [w for w, _ in posts.most_common(count)]


def distinct_queries(app, data: Path, count: int) -> dict:
    """``count`` different two-word queries of the index's most frequent words, each run once as
    the search page runs it (grouped rows, did-you-mean, corrected search), results cache off:
    what a site pays for searches nobody has made yet."""
    import random

    from flask_login import AnonymousUserMixin

    from forum.searching.service import run_search
    from search.interface import Filters

    app.config["SEARCH_RESULTS_CACHE"] = False
    words = [w for w in frequent_words(data) if len(w) > 3][:60]
    rnd = random.Random(7)  # the same queries on every run
    queries = list(dict.fromkeys(" ".join(rnd.sample(words, 2)) for _ in range(count * 2)))[:count]
    wall, cpu = [], []
    for query in ["warm up"] + queries:
        with app.test_request_context("/search"):
            started, started_cpu = time.perf_counter(), time.process_time()
            run_search(AnonymousUserMixin(), query, Filters(), grouped=True, correct=True)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    wall, cpu = sorted(wall[1:]), sorted(cpu[1:])
    return {"queries": len(queries), "example": queries[0], "wall p50": statistics.median(wall),
            "wall p95": wall[int(len(wall) * 0.95) - 1], "cpu p50": statistics.median(cpu),
            "cpu p95": cpu[int(len(cpu) * 0.95) - 1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--keep", help="use (and keep) this folder instead of a temporary one")
    parser.add_argument("--distinct", type=int, default=40, help="different two-word queries, uncached")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="askwell-search-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    data = workdir / "bench.jsonl"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
           "SEARCH_INDEX_DIR": str(workdir / "index"), "SECRET_KEY": "bench", "PYTHONPATH": str(ROOT)}
    if not data.exists():
        subprocess.run([sys.executable, str(GENERATOR), str(data)], check=True)
    if not (workdir / "bench.db").exists():
        flask(env, "db", "upgrade")
        # Tables a migration may not have yet on a feature branch; a no-op otherwise.
        subprocess.run([sys.executable, "-c", "from forum import create_app; from forum.extensions import db; "
                        "app = create_app(); app.app_context().push(); db.create_all()"],
                       cwd=ROOT, env=env, check=True)
        print(f"import: {flask(env, 'import', str(data)):.1f}s")
    load = os.getloadavg()[0]
    rebuild = flask(env, "search", "rebuild")
    print(f"rebuild: {rebuild:.1f}s (wall, including starting Python and reading the database; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs)")

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from forum import create_app

    app = create_app()
    for word, (total, shown, p50, p95, c50, c95) in measure(app, ["xerostomia", "sleep"], args.runs).items():
        print(f"{word:<11} {total:>6,} hits, {shown} shown: p50 {p50:.1f} ms, p95 {p95:.1f} ms wall; "
              f"CPU p50 {c50:.1f} ms, p95 {c95:.1f} ms (load average {os.getloadavg()[0]:.1f})")
    if args.distinct:
        d = distinct_queries(app, data, args.distinct)
        print(f"{d['queries']} distinct two-word queries (e.g. {d['example']!r}), uncached, as the search page runs "
              f"them: p50 {d['wall p50']:.1f} ms, p95 {d['wall p95']:.1f} ms wall; CPU p50 {d['cpu p50']:.1f} ms, "
              f"p95 {d['cpu p95']:.1f} ms")
    print(f"data kept in {workdir}" if args.keep else f"(temporary data in {workdir})")


if __name__ == "__main__":
    main()
