#!/usr/bin/env python3
"""Fan-out cost stays out of the request: a reply to a thread with 5,000 watchers against one with none.

    .venv/bin/python bench/fanout.py                          # RQ on redis://127.0.0.1:6379/3
    .venv/bin/python bench/fanout.py --watchers 5000 --replies 30 --redis redis://127.0.0.1:6379/3
    .venv/bin/python bench/fanout.py --eager                  # no Redis: jobs run in-process

A fresh SQLite database in a temporary folder: a public group, a question watched by
``--watchers`` members (rows inserted directly, no password hashing) and one watched by
nobody. One member posts ``--replies`` replies to each, alternating, through the real
reply form (Flask's test client, the whole request: publishing pipeline, counters,
commit, hand-over of the job). It prints the median and 95th-percentile request time
for each thread, then lets a real RQ worker (burst mode, in this process) run the
queued fan-out jobs and prints how long one takes and how many notifications it wrote.

By default the watchers take replies in a daily digest, so the worker's figure is
the fan-out itself; ``--email`` has them all want immediate email (5,000 messages a
reply, written to files here), which is the worker's time, still not the request's.

``--eager`` runs the jobs in-process instead: they then run after the response, in the
same worker, which the test client's timing includes; that mode is for a laptop, and
the figure shows why production sets JOBS_REDIS_URL.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "bench-fanout-password-1"


def build(app, watchers: int, email: bool) -> tuple[int, int]:
    from sqlalchemy import insert, select

    from forum.actions.accounts import register_user
    from forum.actions.groups import add_member, create_group
    from forum.actions.posts import start_thread
    from forum.extensions import db
    from forum.models import EmailPreference, ThreadWatch, User, utcnow

    with app.app_context():
        poster = register_user("poster", "poster@example.org", PASSWORD)
        asker = register_user("asker", "asker@example.org", PASSWORD)
        group = create_group("Living with diabetes", "Bench group.")
        add_member(poster, group)
        busy = start_thread(asker, group, "question", "A question everyone watches", "What helps at night?")
        quiet = start_thread(asker, group, "question", "A question nobody watches", "What helps in the morning?")
        now = utcnow()
        db.session.execute(insert(User), [
            {"username": f"w{i}", "username_key": f"w{i}", "email": f"w{i}@example.org", "password_hash": None,
             "display_name": "", "bio": "", "role": "member", "post_count": 0, "created_at": now}
            for i in range(watchers)])
        ids = db.session.scalars(select(User.id).where(User.username_key.like("w%"))).all()
        db.session.execute(insert(ThreadWatch), [
            {"user_id": uid, "thread_id": busy.id, "level": "watch", "created_at": now} for uid in ids])
        if not email:  # they take replies in a daily digest: the email job only checks and skips
            db.session.execute(insert(EmailPreference), [
                {"user_id": uid, "kind": "reply", "frequency": "daily"} for uid in ids])
        # The asker watches neither, so the quiet thread has no watcher at all.
        db.session.execute(ThreadWatch.__table__.delete().where(ThreadWatch.user_id == asker.id))
        db.session.commit()
        return busy.id, quiet.id


def timed_reply(client, thread_id: int, n: int) -> float:
    start = time.perf_counter()
    # buffered: read and close the response as a server does (in-process jobs run on close).
    response = client.post(f"/t/{thread_id}/reply", data={"body": f"Reply {n}: a snack before bed helped me."},
                           buffered=True)
    elapsed = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    return elapsed * 1000


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(ordered):.1f} ms / {p95:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watchers", type=int, default=5000)
    parser.add_argument("--replies", type=int, default=30)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--eager", action="store_true")
    parser.add_argument("--email", action="store_true",
                        help="watchers want every reply emailed at once (the worker then writes them all)")
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="askwell-fanout-"))
    try:
        measure(args, instance)
    finally:
        shutil.rmtree(instance, ignore_errors=True)


def measure(args, instance: Path) -> None:
    os.environ.update({"ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
                       "DATABASE_URL": f"sqlite:///{instance / 'askwell.db'}", "RATELIMIT_ENABLED": "false",
                       "SEARCH_INDEX_DIR": str(instance / "search-index"), "MAIL_DIR": str(instance / "mail"),
                       "SEARCH_BACKEND": "null"})
    from sqlalchemy import func, select

    from forum import create_app, jobs
    from forum.extensions import db
    from forum.models import Notification

    config = {"WTF_CSRF_ENABLED": False, "JOBS_REDIS_URL": "" if args.eager else args.redis,
              "JOBS_QUEUE": "askwell-bench"}
    app = create_app(config)
    with app.app_context():
        db.create_all()
    if not args.eager:
        jobs.queue(app).connection.flushdb()
    busy, quiet = build(app, args.watchers, args.email)
    client = app.test_client()
    client.post("/login", data={"identifier": "poster", "password": PASSWORD})
    times = {busy: [], quiet: []}
    for n in range(args.replies):
        for thread_id in (quiet, busy):
            times[thread_id].append(timed_reply(client, thread_id, n))
    mode = "in-process (eager)" if args.eager else f"RQ on {args.redis}"
    print(f"jobs: {mode}; {args.watchers} watchers; {args.replies} replies to each thread")
    print("| thread | median / p95 request |")
    print("|---|---|")
    print(f"| no watchers | {summary(times[quiet])} |")
    print(f"| {args.watchers:,} watchers | {summary(times[busy])} |")
    if not args.eager:
        from rq import SimpleWorker

        queue = jobs.queue(app)
        waiting = queue.count
        start = time.perf_counter()
        with app.app_context():
            SimpleWorker([queue], connection=queue.connection).work(burst=True)
        elapsed = time.perf_counter() - start
        queue.connection.flushdb()
    with app.app_context():
        written = db.session.scalar(select(func.count(Notification.id)))
    print(f"notifications written: {written:,}")
    if not args.eager:
        print(f"worker: {waiting} queued jobs (and the email jobs they queued) ran in {elapsed:.1f} s, "
              f"{written / elapsed:,.0f} notifications/s")


if __name__ == "__main__":
    main()
