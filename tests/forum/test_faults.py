"""Faults, each with a real server: a Redis that accepts connections and never answers (a TCP
proxy that stalls), a Redis that is down, a PostgreSQL that never answers, a locked SQLite
database. Pages answer fast, posting works, ``/healthz`` names what is failing, and a submit
that cannot be saved answers a friendly 503 with ``Retry-After`` and the typed text."""
from __future__ import annotations

import socket
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.config import database_options, redis_timeouts
from forum.extensions import db as _db
from forum.models import Post

REDIS = ("127.0.0.1", 6379)
REDIS_DB = 8


class Proxy:
    """A TCP server on 127.0.0.1: ``forward`` to a real server, ``stall`` (accept, never answer)
    or ``refuse`` (accept and close at once, like a stopped server)."""

    def __init__(self, target=None, mode="forward"):
        self.target, self.mode = target, mode
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == "refuse":
                conn.close()
            elif self.mode == "stall":
                self.held.append(conn)
            else:
                upstream = socket.create_connection(self.target, timeout=5)
                self.held += [conn, upstream]
                for a, b in ((conn, upstream), (upstream, conn)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while (data := source.recv(65536)) and self.mode == "forward":
                sink.sendall(data)  # once stalled, what arrives is swallowed
        except OSError:
            pass

    def set_mode(self, mode):
        self.mode = mode
        for conn in self.held:  # existing connections see the new state too
            try:
                conn.shutdown(socket.SHUT_RDWR) if mode == "refuse" else None
            except OSError:
                pass

    def close(self):
        self.running = False
        self.listener.close()
        for conn in self.held:
            conn.close()


@contextmanager
def proxy(target=None, mode="forward"):
    server = Proxy(target, mode)
    try:
        yield server
    finally:
        server.close()


def _redis_reachable() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
        return True
    except OSError:
        return False


def _redis_app(app_config, port: int):
    url = f"redis://127.0.0.1:{port}/{REDIS_DB}"
    app = create_app({**app_config, "CACHE_TYPE": "forum.cache_backend.ResilientRedisCache",
                      "CACHE_REDIS_URL": url, "CACHE_OPTIONS": redis_timeouts(), "CACHE_KEY_PREFIX": "robust-test:",
                      "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": url,
                      "RATELIMIT_STORAGE_OPTIONS": redis_timeouts(), "REDIS_RETRY_SECONDS": 1})
    return app


def _close(site) -> None:
    """A second app's open files and connections (an unclosed one fails the run as a warning)."""
    backend = site.extensions.get("askwell_search")
    if backend is not None:
        backend.close()
    with site.app_context():
        _db.session.remove()
        _db.engine.dispose()


def _timed(client, method, url, **kwargs):
    started = time.perf_counter()
    response = client.open(url, method=method, **kwargs)
    return response, time.perf_counter() - started


def _login(client, name="bob"):
    from tests.conftest import PASSWORD

    response = client.post("/login", data={"identifier": name, "password": PASSWORD})
    assert response.status_code == 302, response.status_code


@pytest.mark.parametrize("mode", ["stall", "refuse"])
def test_a_redis_that_never_answers_or_is_down_costs_no_page_and_no_post(app, app_config, community, mode):
    with proxy(mode=mode) as redis:
        site = _redis_app(app_config, redis.port)
        client = site.test_client()
        _login(client)
        thread = community["thread"]
        for url in (f"/t/{thread}", "/search?q=heart", "/groups", f"/groups/{community['slug']}"):
            response, seconds = _timed(client, "GET", url)
            assert response.status_code == 200 and seconds < 3, (url, response.status_code, seconds)
        response, seconds = _timed(client, "POST", f"/t/{thread}/reply", data={"body": "Posted while Redis is out."})
        assert response.status_code == 302 and seconds < 3, (response.status_code, seconds)
        health = client.get("/healthz")
        assert health.status_code == 503 and "cache" in health.json["failing"]
        assert health.json["database"] == "ok"
        with site.app_context():
            assert _db.session.scalar(select(func.count(Post.id)).where(
                Post.body_source == "Posted while Redis is out.")) == 1
        _close(site)


def test_limits_still_count_in_memory_while_redis_is_down(app, app_config, community):
    with proxy(mode="refuse") as redis:
        site = _redis_app(app_config, redis.port)
        site.config["POST_RATE_LIMIT"] = "2 per minute"
        client = site.test_client()
        _login(client)
        codes = [client.post(f"/t/{community['thread']}/reply", data={"body": f"Reply number {n}"}).status_code
                 for n in range(3)]
        assert codes == [302, 302, 400]
        _close(site)


def test_the_cache_goes_back_to_redis_once_it_answers_again(app, app_config, community):
    if not _redis_reachable():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    with proxy(REDIS) as redis:
        site = _redis_app(app_config, redis.port)
        with site.app_context():
            from forum.extensions import cache

            backend = cache.cache
            assert backend.set("probe", "one") and backend.get("probe") == "one" and not backend.redis_down
            redis.set_mode("stall")
            started = time.perf_counter()
            assert backend.get("probe") is None and backend.redis_down  # local memory now
            assert time.perf_counter() - started < 2
            assert backend.set("local", "kept") and backend.get("local") == "kept"
            redis.set_mode("forward")
            time.sleep(1.1)
            backend._write_client.connection_pool.disconnect()
            assert backend.get("probe") == "one" and not backend.redis_down
            backend.delete("probe")
        _close(site)


def test_postgresql_gets_connect_and_statement_timeouts():
    options = database_options("postgresql+psycopg://u@h/d")
    assert options["connect_args"]["connect_timeout"] <= 10
    assert "statement_timeout=" in options["connect_args"]["options"]
    assert "connect_args" not in database_options("sqlite:///x.db")


def test_a_postgresql_that_never_answers_gets_a_503_naming_it(app_config, tmp_path, monkeypatch):
    pytest.importorskip("psycopg")
    monkeypatch.setenv("DATABASE_CONNECT_TIMEOUT", "1")
    with proxy(mode="stall") as pg:
        site = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": f"postgresql+psycopg://postgres@127.0.0.1:{pg.port}/x"})
        site.config["PROPAGATE_EXCEPTIONS"] = False
        client = site.test_client()
        health, seconds = _timed(client, "GET", "/healthz")
        assert health.status_code == 503 and health.json["failing"] == ["database"] and seconds < 5
        page, seconds = _timed(client, "GET", "/groups")
        assert page.status_code == 503 and seconds < 5 and page.headers["Retry-After"]
        assert "try again in a few seconds" in page.get_data(as_text=True)
        login, _ = _timed(client, "POST", "/login", data={"identifier": "typed-name-kept", "password": "secret-pw"})
        body = login.get_data(as_text=True)
        assert login.status_code == 503 and "typed-name-kept" in body and "secret-pw" not in body
        _close(site)


def _sqlite_path(app) -> str | None:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    return uri.removeprefix("sqlite:///") if uri.startswith("sqlite:///") else None


def test_a_locked_sqlite_database_answers_503_with_the_typed_text(app, community, db):
    path = _sqlite_path(app)
    if path is None:
        pytest.skip("SQLite only")
    site = create_app({**app.config, "SQLITE_BUSY_TIMEOUT_MS": 200, "PROPAGATE_EXCEPTIONS": False})
    client = site.test_client()
    _login(client)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        response = client.post(f"/t/{community['thread']}/reply", data={"body": "Words I do not want to lose"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    page = response.get_data(as_text=True)
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert "Words I do not want to lose" in page and "Traceback" not in page
    assert db.session.scalar(select(func.count(Post.id)).where(Post.body_source == "Words I do not want to lose")) == 0
    _close(site)


def _lock_is_free(path: str) -> bool:
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_password_hashing_and_safety_checks_run_without_the_sqlite_write_lock(app, client, community, monkeypatch):
    path = _sqlite_path(app)
    if path is None:
        pytest.skip("SQLite only")
    from forum import publishing
    from forum.actions import accounts

    seen = []
    real_hasher, real_check = accounts._hasher, publishing.check

    class Watching:
        def __init__(self, hasher):
            self.hasher = hasher

        def verify(self, *args):
            seen.append(("verify", _lock_is_free(path)))
            return self.hasher.verify(*args)

        def __getattr__(self, name):
            return getattr(self.hasher, name)

    def watching_check(text):
        seen.append(("safety", _lock_is_free(path)))
        return real_check(text)

    monkeypatch.setattr(accounts, "_hasher", lambda: Watching(real_hasher()))
    monkeypatch.setattr(publishing, "check", watching_check)
    _login(client)
    assert client.post(f"/t/{community['thread']}/reply", data={"body": "A reply checked outside the lock"}
                       ).status_code == 302
    assert ("verify", True) in seen and ("safety", True) in seen and all(free for _, free in seen), seen


def test_the_500_page_rolls_back_first_and_stays_friendly(app, client, login, community):
    from sqlalchemy import text

    @app.route("/robust-test-broken")
    def broken():
        _db.session.execute(text("SELECT * FROM no_such_table_here"))
        return "unreachable"

    app.config["PROPAGATE_EXCEPTIONS"] = False
    login("bob")
    response = client.get("/robust-test-broken")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)
    assert client.get("/groups").status_code == 200
