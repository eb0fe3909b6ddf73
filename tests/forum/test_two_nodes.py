"""Two app servers, one PostgreSQL and one Redis: what one node writes, the other serves at once.

Two gunicorn processes with their own instance folders share a PostgreSQL
database (SEARCH_BACKEND=postgres), a Redis for the fragment cache and the rate
limits, and the secret key, as behind a load balancer. A browser's cookie goes
to either. The test checks what a community would notice if the nodes drifted:
a reply written through A is on B's thread page and in B's search at once; an
edit and a hide made through B are never served stale from A's cache; a ban
given on A logs the member out on B; the login limit counts attempts on both.

It needs PostgreSQL and Redis, so it runs in CI's PostgreSQL pass
(``TEST_DATABASE_URL=postgresql+psycopg://...``) and is skipped on SQLite.
"""
from __future__ import annotations

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
PASSWORD = "two-nodes-password-2026"
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
REDIS_URL = "redis://127.0.0.1:6379/11"

# Both tests empty Redis database 11: on one xdist worker, never two at once.
pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("redis-two-nodes")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Browser:
    """A cookie jar and a CSRF token, against whichever node it is pointed at."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, node: Node, method: str, path: str, form: dict | None = None) -> tuple[int, str, dict]:
        conn = http.client.HTTPConnection(HOST, node.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, text, dict(response.headers)

    def get(self, node, path):
        return self.request(node, "GET", path)

    def post(self, node, path, form, token_from: str | None = None):
        _, page, _ = self.get(node, token_from or path)
        match = TOKEN.search(page)
        assert match, f"no form token on {token_from or path}"
        return self.request(node, "POST", path, {"csrf_token": match.group(1), **form})

    def log_in(self, node, username: str, password: str = PASSWORD) -> int:
        status, _, _ = self.post(node, "/login", {"identifier": username, "password": password})
        return status


class Node:
    def __init__(self, name: str, env: dict, workdir: Path):
        self.name, self.port = name, _free_port()
        instance = workdir / f"instance-{name}"
        instance.mkdir()
        self.log = workdir / f"{name}.log"
        self.env = {**env, "ASKWELL_INSTANCE_PATH": str(instance), "SEARCH_INDEX_DIR": str(instance / "index"),
                    "MAIL_DIR": str(instance / "mail")}
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"{HOST}:{self.port}",
                 "--timeout", "60", "--capture-output", "forum:create_app()"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"node {self.name} exited: {self.log.read_text()[-2000:]}"
            conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
            try:
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.3)
            finally:
                conn.close()
        raise AssertionError(f"node {self.name} did not answer /healthz in 90 s: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def _database(name: str, drop: bool = False) -> str:
    import psycopg

    with psycopg.connect(f"postgresql://postgres@{HOST}:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@{HOST}:5432/{name}"


def _prepare(url: str) -> int:
    """Schema, a member, a site moderator, a public group with one thread; returns the thread id."""
    from forum import create_app
    from forum.actions.accounts import register_user
    from forum.actions.groups import add_member, create_group
    from forum.actions.posts import start_thread
    from forum.extensions import db
    from forum.models import Role, utcnow

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "setup", "SEARCH_BACKEND": "postgres",
                      "ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 64})
    with app.app_context():
        db.drop_all()
        db.create_all()
        ann = register_user("ann_two", "ann@two.invalid", PASSWORD)
        mod = register_user("mod_two", "mod@two.invalid", PASSWORD, role=Role.MODERATOR)
        ann.email_confirmed_at = mod.email_confirmed_at = utcnow()
        group = create_group("Two Nodes Support", "A group on both nodes.")
        add_member(ann, group)
        thread_id = start_thread(ann, group, "discussion", "Sleep after a long shift", "How do you cope?",
                                 screen=False).id
        db.session.remove()
        db.engine.dispose()
    return thread_id


@pytest.fixture
def nodes(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("two nodes share a PostgreSQL database: set TEST_DATABASE_URL (CI's PostgreSQL pass)")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.exceptions.RedisError:
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    from sqlalchemy.engine import make_url

    name = f"{make_url(url).database}_nodes"
    db_url = _database(name)
    thread_id = _prepare(db_url)
    env = {**os.environ, "DATABASE_URL": db_url, "SECRET_KEY": secrets.token_hex(16), "SEARCH_BACKEND": "postgres",
           "CACHE_REDIS_URL": REDIS_URL, "RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_ENABLED": "1",
           "LOGIN_LIMIT_ADDRESS": "8 per minute", "LOGIN_LIMIT_ACCOUNT": "50 per minute",
           "POST_RATE_LIMIT": "100 per minute", "ARGON2_TIME_COST": "1", "ARGON2_MEMORY_COST": "64",
           "PYTHONUNBUFFERED": "1"}
    env.pop("TEST_DATABASE_URL", None)
    a, b = Node("a", env, tmp_path), Node("b", env, tmp_path)
    try:
        a.start()
        b.start()
        yield a, b, thread_id
    finally:
        a.stop()
        b.stop()
        redis.Redis.from_url(REDIS_URL).flushdb()
        _database(name, drop=True)


def test_two_nodes_serve_one_community(nodes):
    a, b, thread_id = nodes
    thread = f"/t/{thread_id}"
    ann, mod, visitor = Browser(), Browser(), Browser()

    assert ann.log_in(a, "ann_two") == 302
    assert ann.get(b, "/settings/profile")[0] == 200, "a session made on A is valid on B"

    status, _, _ = ann.post(a, f"{thread}/reply", {"body": "Blackout blinds and quokkafrond tea help me."},
                            token_from=thread)
    assert status == 302
    assert "quokkafrond" in visitor.get(b, thread)[1], "B's thread page has A's reply at once"
    assert "Sleep after a long shift" in visitor.get(b, "/search?q=quokkafrond")[1], "and B's search finds it"

    assert "quokkafrond" in visitor.get(a, thread)[1]  # A's cache now holds the page with the reply
    _, page, _ = ann.get(b, thread)
    post_id = re.findall(r'href="/p/(\d+)/edit"', page)[-1]
    status, _, _ = ann.post(b, f"/p/{post_id}/edit", {"body": "Blackout blinds and wombatlace tea help me.",
                                                       "reason": ""})
    assert status == 302
    seen = visitor.get(a, thread)[1]
    assert "wombatlace" in seen and "quokkafrond" not in seen, "an edit on B is never served stale by A"
    assert "Sleep after a long shift" not in visitor.get(a, "/search?q=quokkafrond")[1], "nor A's search"

    assert mod.log_in(b, "mod_two") == 302
    status, _, _ = mod.post(b, f"/mod/post/{post_id}", {"reason": "Off topic for this thread."})
    assert status == 302
    assert "wombatlace" not in visitor.get(a, thread)[1], "a hide on B is never served stale by A"

    status, _, _ = mod.post(a, "/mod/user/ann_two", {"kind": "ban", "group": "0", "days": "",
                                                      "reason": "Spam across groups."})
    assert status == 302
    status, _, headers = ann.get(b, "/settings/profile")
    assert status == 302 and "/login" in headers.get("Location", ""), "a ban on A logs the member out on B"


def test_the_login_limit_counts_attempts_on_both_nodes(nodes):
    a, b, _ = nodes
    stranger = Browser()
    statuses = [stranger.log_in(a if i % 2 else b, "nobody_here", "wrong-password") for i in range(8)]
    assert statuses == [400] * 8
    assert stranger.log_in(a, "nobody_here", "wrong-password") == 429
    assert stranger.log_in(b, "nobody_here", "wrong-password") == 429
