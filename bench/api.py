#!/usr/bin/env python3
"""In-process timing of the API's thread endpoint against the thread page it mirrors.

    .venv/bin/python bench/api.py                  # 300 requests each
    .venv/bin/python bench/api.py --posts 20 --requests 600

The same fresh SQLite instance as ``bench/render.py`` (a 20-post question with an expert
answer, an accepted answer and helpful votes; a group of 60 threads), read by the same
logged-in member: the thread page with their login cookie, ``GET /api/v1/threads/<id>``
with their read token (token check, per-token rate-limit count in memory storage, the
ETag computed), the same with ``If-None-Match`` (a 304), and the group page against
``GET /api/v1/groups/<slug>/threads``. Prints requests per CPU second (best of five
batches) and SQL statements per request. The API's budget is the logged-in thread page's.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render import PASSWORD, build, run, statements  # noqa: E402


class _WithHeaders:
    """A test client that sends the same extra headers with every GET (for ``render.run``)."""

    def __init__(self, client, headers):
        self.client, self.headers = client, headers

    def get(self, url):
        response = self.client.get(url, headers=self.headers)
        if response.status_code == 304:
            response.status_code = 200  # render.run counts only 200s as done
        return response


def measure(args, instance: Path) -> None:
    os.environ.update({"ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
                       "DATABASE_URL": f"sqlite:///{instance / 'askwell.db'}", "RATELIMIT_ENABLED": "true",
                       # Counted against, as in production, but never refused.
                       "POST_RATE_LIMIT": "100000000 per minute", "API_RATE_LIMIT": "100000000 per minute",
                       "SEARCH_INDEX_DIR": str(instance / "search-index")})
    from sqlalchemy import select

    from forum import create_app
    from forum.actions.tokens import create_token
    from forum.extensions import db
    from forum.models import User

    app = create_app({"POSTS_PER_PAGE": args.posts})
    with app.app_context():
        db.create_all()
    slug, thread_id = build(app, args.posts)
    with app.app_context():
        raw = create_token(db.session.scalar(select(User).where(User.username == "member_3")), "bench", "read")[1]
    page = app.test_client()
    form = page.get("/login").get_data(as_text=True)
    csrf = form.split('name="csrf_token"')[1].split('value="')[1].split('"')[0]
    logged_in = page.post("/login", data={"identifier": "member_3", "password": PASSWORD, "csrf_token": csrf})
    assert logged_in.status_code == 302, "the member must really be logged in (the form needs its CSRF token)"
    token = {"Authorization": f"Bearer {raw}"}
    api = _WithHeaders(app.test_client(), token)
    first = app.test_client().get(f"/api/v1/threads/{thread_id}", headers=token)
    assert first.status_code == 200, first.get_data(as_text=True)
    etag = first.headers["ETag"]
    cached = _WithHeaders(app.test_client(), {**token, "If-None-Match": etag})
    rows = [
        (f"thread page ({args.posts} posts), logged in", page, f"/t/{thread_id}"),
        ("GET /api/v1/threads/<id>", api, f"/api/v1/threads/{thread_id}"),
        ("GET /api/v1/threads/<id>, If-None-Match (304)", cached, f"/api/v1/threads/{thread_id}"),
        ("group page, logged in", page, f"/groups/{slug}"),
        ("GET /api/v1/groups/<slug>/threads", api, f"/api/v1/groups/{slug}/threads"),
    ]
    print(f"{args.requests} requests each; requests per CPU second, best of five batches")
    print("| what | req/CPU-s | ms CPU per request | SQL statements |")
    print("|---|---:|---:|---:|")
    for name, client, url in rows:
        rate = run(client, url, args.requests)
        count = statements(app, client, url)
        print(f"| {name} | {rate:.0f} | {1000 / rate:.2f} | {count} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="askwell-api-bench-"))
    try:
        measure(args, instance)
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
