#!/usr/bin/env python3
"""Drug benchmarks: a drug page with 2,000 reviews against a thread page, and the label importer's memory.

    .venv/bin/python bench/drugs.py pages [--reviews 2000] [--requests 200]
    .venv/bin/python bench/drugs.py import [--records 100000]

``pages``: a fresh SQLite instance with the shipped catalogue, 2,000 reviews of
metformin (40 members, 50 conditions, six side effects) and a thread of 200
replies; each page is requested ``--requests`` times in-process (Flask's test
client, logged in and anonymous, after a warm-up), and the median and 95th
percentile render times and the SQL statements per request are printed, for
the drug page's first and a deep keyset page and the thread's first and last
page. The two kinds of page share the caching rules (none for logged-in
members) so the comparison is like for like.

``import``: writes ``--records`` openFDA label records with
``bench/drug_import.py``'s generator (streamed to disk), then imports them
in-process under ``tracemalloc``: the peak of Python allocations shows the
file is streamed, not read whole (compare 5,000 and 100,000 records). Search
indexing of the new drugs runs as in production (the outbox, after each batch).
Not a test: figures go in bench/README.md with the machine they came from.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-password-123"
EFFECTS = ["Nausea", "Diarrhoea", "Headache", "Tiredness", "Dizziness", "Metallic taste"]


def _app(folder: Path):
    from forum import create_app
    from forum.extensions import db

    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
                      "SEARCH_INDEX_DIR": str(folder / "index"), "RATELIMIT_ENABLED": False,
                      "WTF_CSRF_ENABLED": False, "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 64})
    with app.app_context():
        db.create_all()
    return app


def _community(app, reviews: int, replies: int) -> int:
    """Catalogue, members, ``reviews`` reviews of metformin and a thread of ``replies``; returns the thread id."""
    from sqlalchemy import insert, select

    from forum.actions.accounts import register_user
    from forum.actions.groups import create_group
    from forum.actions.posts import post_reply, start_thread
    from forum.drugs.catalogue import load_catalogue
    from forum.extensions import db
    from forum.models import Drug, utcnow
    from forum.models.reviews import DrugReview, ReviewSideEffect

    with app.app_context():
        load_catalogue()
        members = [register_user(f"member{n:02d}", f"member{n:02d}@example.org", PASSWORD) for n in range(40)]
        drug_id = db.session.scalar(select(Drug.id).where(Drug.slug == "metformin"))
        now, rows = utcnow(), []
        for n in range(reviews):
            condition = f"Condition {n // len(members)}"
            rows.append({"drug_id": drug_id, "author_id": members[n % len(members)].id, "condition": condition,
                         "condition_key": condition.lower(), "effectiveness": 1 + n % 5, "ease_of_use": 1 + n % 4,
                         "satisfaction": 1 + n % 3, "duration": "1_6m", "side_effects": [EFFECTS[n % 6]],
                         "body_source": f"Review {n}: " + "It helped, with some stomach upset at first. " * 4,
                         "body_html": f"<p>Review {n}: " + "It helped, with some stomach upset at first. " * 4
                         + "</p>", "created_at": now, "helpful_count": n % 7, "revision_count": 0,
                         "flag_count": 0})
        db.session.execute(insert(DrugReview), rows)
        ids = db.session.scalars(select(DrugReview.id).order_by(DrugReview.id)).all()
        db.session.execute(insert(ReviewSideEffect), [
            {"review_id": rid, "drug_id": drug_id, "key": EFFECTS[i % 6].lower(), "label": EFFECTS[i % 6]}
            for i, rid in enumerate(ids)])
        db.session.commit()
        group = create_group("Bench Group", "Where the benchmark thread lives.")
        thread = start_thread(members[0], group, "question", "How long did metformin upset last for you?",
                              "It helped, with some stomach upset at first. " * 4, screen=False)
        for n in range(replies):
            post_reply(members[1 + n % 39], thread, f"Reply {n}: " + "Mine settled after a few weeks. " * 4,
                       screen=False)
        return thread.id


def _time(client, url: str, requests: int, count) -> tuple[float, float, int]:
    for _ in range(3):
        assert client.get(url).status_code == 200, url
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    with count() as statements:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(statements)


def _counter(app):
    from contextlib import contextmanager

    from sqlalchemy import event

    from forum.extensions import db

    @contextmanager
    def counting():
        seen: list[str] = []
        with app.app_context():
            engine = db.engine
        listener = lambda *a: seen.append(a[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            yield seen
        finally:
            event.remove(engine, "before_cursor_execute", listener)
    return counting


def pages(args) -> None:
    import re
    from html import unescape

    folder = Path(tempfile.mkdtemp(prefix="askwell-drugs-bench-"))
    app = _app(folder)
    started = time.perf_counter()
    thread_id = _community(app, args.reviews, args.replies)
    print(f"set up {args.reviews:,} reviews and a {args.replies}-reply thread in {time.perf_counter() - started:.0f}s")
    count = _counter(app)
    anonymous, member = app.test_client(), app.test_client()
    member.post("/login", data={"identifier": "member05", "password": PASSWORD})
    html = anonymous.get("/drugs/metformin").get_data(as_text=True)
    deep = "/drugs/metformin" + unescape(re.search(r'href="/drugs/metformin([^"]+)" rel="next"', html).group(1))
    for _ in range(30):  # walk 30 pages down the list for a deep cursor
        html = anonymous.get(deep).get_data(as_text=True)
        found = re.search(r'href="/drugs/metformin([^"]+)" rel="next"', html)
        if not found:
            break
        deep = "/drugs/metformin" + unescape(found.group(1))
    thread = f"/t/{thread_id}"
    last = f"/t/{thread_id}?page={(args.replies + 1 + 19) // 20}"
    print("| page | visitor | median ms | p95 ms | SQL statements |\n| --- | --- | ---: | ---: | ---: |")
    for label, url in (("drug page, 2,000 reviews", "/drugs/metformin"), ("drug page, deep keyset page", deep),
                       ("thread page, first", thread), ("thread page, last", last)):
        for who, client in (("anonymous", anonymous), ("member", member)):
            median, p95, statements = _time(client, url, args.requests, count)
            print(f"| {label} | {who} | {median:.1f} | {p95:.1f} | {statements} |")


def _import_once(folder: Path, labels: Path, traced: bool) -> tuple[float, int, object]:
    """Import ``labels`` into a fresh instance in ``folder``: (seconds, tracemalloc peak or 0, report)."""
    from forum.drugs.importing import openfda_records, run_import
    from forum.drugs.sources import openfda_label

    app = _app(folder)
    with app.app_context():
        from forum.drugs.catalogue import load_catalogue

        load_catalogue()
        if traced:
            tracemalloc.start()
        started = time.perf_counter()
        report = run_import("label", openfda_records(labels), openfda_label.parse, openfda_label.apply)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        if traced:
            tracemalloc.stop()
    return elapsed, peak, report


def import_labels(args) -> None:
    """Two runs on fresh instances: one timed, one under tracemalloc (which slows Python several
    times over, so its time is not the import's speed) for the peak of Python allocations."""
    from bench.drug_import import write_labels

    folder = Path(tempfile.mkdtemp(prefix="askwell-drugs-import-"))
    labels = folder / "labels.json"
    write_labels(labels, args.records)
    print(f"wrote {args.records:,} records ({labels.stat().st_size / 1e6:.0f} MB)")
    (folder / "timed").mkdir()
    elapsed, _, report = _import_once(folder / "timed", labels, traced=False)
    print(report.summary() if hasattr(report, "summary") else report)
    peak = "not measured (--no-memory)"
    if args.memory:
        (folder / "traced").mkdir()
        _, traced_peak, _ = _import_once(folder / "traced", labels, traced=True)
        peak = f"{traced_peak / 2**20:.1f} MB"
    print("| records | wall time | records/s | tracemalloc peak |\n| --- | ---: | ---: | ---: |")
    print(f"| {args.records:,} | {elapsed:.0f} s | {args.records / elapsed:,.0f} | {peak} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("pages")
    p.add_argument("--reviews", type=int, default=2000)
    p.add_argument("--replies", type=int, default=200)
    p.add_argument("--requests", type=int, default=200)
    i = sub.add_parser("import")
    i.add_argument("--records", type=int, default=100_000)
    i.add_argument("--no-memory", dest="memory", action="store_false",
                   help="skip the second run under tracemalloc (the peak of Python allocations)")
    args = parser.parse_args()
    pages(args) if args.what == "pages" else import_labels(args)


if __name__ == "__main__":
    main()
