"""An import into a live site: how long do the site's own writers wait meanwhile?

    .venv/bin/python bench/import_live.py                     # 40,000 posts, batches of 1,000 and one transaction
    .venv/bin/python bench/import_live.py --batch-sizes 1000

For each batch size: a fresh SQLite instance with one member and one thread, then
``flask --app forum import`` of the benchmark community (``bench/make_jsonl.py``,
40,000 posts) in its own process, while this process posts replies through the
publishing action (``forum.actions.posts.post_reply``, the same transaction a reply
form runs, with ``BEGIN IMMEDIATE``) one after another until the import ends. It prints
each reply's wait (p50, p99, max), the replies that failed (``database is locked``
after the 15 s busy timeout) and the import's wall time. Not a test: figures go in
bench/README.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pages as bench_pages  # noqa: E402  (the benchmark community's file)


def run(batch: int, data: Path) -> dict:
    instance = Path(tempfile.mkdtemp(prefix="askwell-import-live-"))
    env = {**os.environ, "ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
           "DATABASE_URL": f"sqlite:///{instance / 'askwell.db'}", "RATELIMIT_ENABLED": "false",
           "SEARCH_INDEX_DIR": str(instance / "search-index"), "MAIL_DIR": str(instance / "mail")}
    bench_pages.flask(env, "db", "upgrade", quiet=True)
    os.environ.update(env)
    from sqlalchemy.exc import OperationalError

    from forum import create_app
    from forum.actions.groups import create_group
    from forum.actions.posts import post_reply, start_thread
    from forum.database import immediate_writes
    from forum.extensions import db
    from forum.models import Thread, User

    app = create_app()
    with app.app_context():
        member = User(username="live_member", username_key="live_member", email="live@example.org")
        db.session.add(member)
        db.session.commit()
        group = create_group("Live Site", "Members keep posting during the import.")
        thread_id = start_thread(member, group, "discussion", "Posting while an import runs",
                                 "Opening post.", screen=False).id
        member_id = member.id
    importer = subprocess.Popen([str(bench_pages.BIN / "flask"), "--app", "forum", "import", str(data),
                                 "--batch-size", str(batch)], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started, waits, failures = time.monotonic(), [], 0
    while importer.poll() is None and time.monotonic() - started < 600:
        before = time.monotonic()
        try:
            with app.app_context(), immediate_writes():
                post_reply(db.session.get(User, member_id), db.session.get(Thread, thread_id),
                           f"Live reply {len(waits) + failures + 1}.", screen=False)
            waits.append(time.monotonic() - before)
        except OperationalError:
            failures += 1
        time.sleep(0.05)  # a member every 50 ms
    importer.wait()
    took = time.monotonic() - started
    with app.app_context():
        db.engine.dispose()
    if importer.returncode:
        sys.exit(f"the import failed: {importer.stderr.read()[-2000:]}")
    waits.sort()
    return {"batch": batch, "import_s": round(took, 1), "replies": len(waits), "failed": failures,
            "p50_ms": round(statistics.median(waits) * 1000, 1) if waits else None,
            "p99_ms": round(waits[int(len(waits) * 0.99) - 1] * 1000, 1) if waits else None,
            "max_ms": round(waits[-1] * 1000, 1) if waits else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch-sizes", default="1000,0", help="comma-separated; 0 is one transaction")
    args = parser.parse_args(argv)
    data = bench_pages.dataset(1)
    print(f"Machine: {bench_pages.machine()}")
    print("| --batch-size | import wall | replies during it | failed (locked) | reply wait p50 | p99 | max |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in (int(s) for s in args.batch_sizes.split(",")):
        r = run(size, data)
        print(f"| {r['batch']:,} | {r['import_s']} s | {r['replies']:,} | {r['failed']} | {r['p50_ms']} ms "
              f"| {r['p99_ms']} ms | {r['max_ms']} ms |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
