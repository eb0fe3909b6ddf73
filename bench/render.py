#!/usr/bin/env python3
"""In-process page timing: how long the app takes to build a thread page and a group page.

    .venv/bin/python bench/render.py                 # 300 requests per page and visitor
    .venv/bin/python bench/render.py --profile       # plus the top of a cProfile for the thread page
    .venv/bin/python bench/render.py --posts 20 --requests 500

No server and no network: a fresh SQLite instance in a temporary folder, a
question thread of 20 posts by five members (one a verified expert, one answer
accepted, some helpful votes) and a group of 60 threads, loaded through
Flask's test client by an anonymous visitor and a logged-in member. Prints
requests per CPU second (process time, best of five batches, so
other load on the shared machine moves it less) and SQL statements per request. It measures the Python
side (queries, templates, caching) that wrk figures include but cannot separate.
The machine is shared: run it twice and read the spread.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench-reader-password-1"


def build(app, posts: int) -> tuple[str, int]:
    from forum.actions.accounts import register_user
    from forum.actions.experts import apply_as_expert, approve_application
    from forum.actions.groups import add_member, create_group
    from forum.actions.posts import post_reply, start_thread
    from forum.actions.qa import accept_answer, toggle_helpful
    from forum.models import Role

    with app.app_context():
        admin = register_user("bench_admin", "admin@example.org", PASSWORD, role=Role.ADMIN)
        people = [register_user(f"member_{i}", f"m{i}@example.org", PASSWORD) for i in range(5)]
        group = create_group("Living with diabetes", "Bench group.")
        for person in (admin, *people):
            add_member(person, group)
        application = apply_as_expert(
            people[1], profession="Diabetes nurse", specialty="endocrinology", licence_number="NMC 1",
            issuing_body="NMC", country="United Kingdom", evidence="https://www.nmc.org.uk/")
        approve_application(admin, application)
        thread = start_thread(people[0], group, "question", "How do you manage lows at night?",
                              "I keep waking up shaky. **What helps?** " * 8)
        replies = [post_reply(people[i % 5], thread, f"Reply {i}: a snack before bed and a check at 3am "
                              f"helped me, see [the guide](https://www.nhs.uk/). " * 6, screen=False)
                   for i in range(1, posts)]
        accept_answer(people[0], replies[1])
        for voter in people[2:]:
            toggle_helpful(voter, replies[0])
        for i in range(60):
            start_thread(people[i % 5], group, "discussion", f"Bench discussion number {i}", "Words " * 30)
        return group.slug, thread.id


def run(client, url: str, n: int, batches: int = 5) -> float:
    """Requests per CPU second of this process, from the fastest of ``batches`` batches
    (the timeit rule: other load on a shared machine only ever slows a batch down)."""
    client.get(url)
    best = float("inf")
    for _ in range(batches):
        start = time.process_time()
        for _ in range(max(1, n // batches)):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        best = min(best, (time.process_time() - start) / max(1, n // batches))
    return 1 / best


def statements(app, client, url: str) -> int:
    from sqlalchemy import event

    from forum.extensions import db

    with app.app_context():
        engine = db.engine
    seen = []
    listener = lambda *a: seen.append(1)  # noqa: E731
    client.get(url)
    event.listen(engine, "before_cursor_execute", listener)
    try:
        client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--profile-page", choices=("thread", "group page", "home"), default="thread",
                        help="which page --profile profiles (as the logged-in member)")
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="askwell-render-"))
    try:
        measure(args, instance)
    finally:
        shutil.rmtree(instance, ignore_errors=True)


def measure(args, instance: Path) -> None:
    os.environ.update({"ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
                       "DATABASE_URL": f"sqlite:///{instance / 'askwell.db'}", "RATELIMIT_ENABLED": "false",
                       "SEARCH_INDEX_DIR": str(instance / "search-index")})
    from forum import create_app
    from forum.extensions import db

    app = create_app({"POSTS_PER_PAGE": args.posts})
    with app.app_context():
        db.create_all()
    slug, thread_id = build(app, args.posts)
    anonymous, member = app.test_client(), app.test_client()
    page = member.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    login = member.post("/login", data={"identifier": "member_3", "password": PASSWORD, "csrf_token": token})
    if login.status_code != 302:
        sys.exit(f"the benchmark member could not log in ({login.status_code})")
    urls = {f"thread ({args.posts} posts)": f"/t/{thread_id}", "group page": f"/groups/{slug}",
            "home": "/"}
    print(f"cache: {app.config.get('CACHE_TYPE', 'none')}, fragment cache "
          f"{'on' if app.config.get('FRAGMENT_CACHE', True) else 'off'}, {args.requests} requests each")
    print("| page | anonymous req/CPU-s | logged in req/CPU-s | SQL anon / member |")
    print("|---|---|---|---|")
    for name, url in urls.items():
        rates = [run(c, url, args.requests) for c in (anonymous, member)]
        counts = [statements(app, c, url) for c in (anonymous, member)]
        print(f"| {name} | {rates[0]:.0f} | {rates[1]:.0f} | {counts[0]} / {counts[1]} |")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(100):
            member.get(urls[args.profile_page])
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
        stats.print_stats(30)
        print(out.getvalue())


if __name__ == "__main__":
    main()
