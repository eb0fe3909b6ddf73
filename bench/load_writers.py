"""No lost posts: many concurrent writers against gunicorn, then count what was stored.

Starts gunicorn (several sync workers) on a free loopback port against a fresh
database (SQLite with WAL/BEGIN IMMEDIATE, or PostgreSQL on 127.0.0.1:5432),
logs in one test account per writer thread and has every writer post replies
for a bounded time. A reply counts as acknowledged only when the server
answered 302 with the new post's number. Afterwards every acknowledged post
must be in the database, with 0 server errors and 0 "database is locked" in
the server log. ``--kill`` SIGKILLs the whole gunicorn process group halfway,
starts it again, lets the writers carry on, and checks the same.

    .venv/bin/python bench/load_writers.py --db sqlite --writers 50 --seconds 20
    .venv/bin/python bench/load_writers.py --db postgres --kill

Only loopback addresses are used; every loop is bounded by time or count.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from http_session import BrowserSession  # noqa: E402

HOST = "127.0.0.1"
PASSWORD = "bench-writer-password-2026"
TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
ACK = re.compile(r"#post-(\d+)$")
THREADS = 10


@dataclass
class Tally:
    acked: list = field(default_factory=list)       # (marker, thread id, post number)
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    connection_errors: int = 0
    error_kinds: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, status) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# --- database set-up -------------------------------------------------------

def postgres_database(name: str, drop: bool = False) -> str:
    import psycopg

    with psycopg.connect(f"postgresql://postgres@{HOST}:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@{HOST}:5432/{name}"


def prepare(url: str, writers: int) -> list[int]:
    """Fresh schema, one account per writer, a public group with a few threads."""
    from forum import create_app
    from forum.actions.accounts import hash_password
    from forum.actions.groups import create_group
    from forum.actions.posts import start_thread
    from forum.extensions import db
    from forum.models import User, utcnow

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-setup"})
    with app.app_context():
        db.drop_all()
        db.create_all()
        shared_hash = hash_password(PASSWORD)  # one argon2 hash for every bench account
        users = [User(username=f"writer{i}", username_key=f"writer{i}", email=f"writer{i}@bench.invalid",
                      password_hash=shared_hash, email_confirmed_at=utcnow()) for i in range(writers)]
        db.session.add_all(users)
        db.session.commit()
        group = create_group("Bench Writers", "Load test group.")
        thread_ids = [start_thread(users[i % writers], group, "discussion", f"Bench thread number {i}",
                                   "Opening post.", screen=False).id for i in range(THREADS)]
        db.session.remove()
        db.engine.dispose()
    return thread_ids


# --- the server ------------------------------------------------------------

class Server:
    def __init__(self, url: str, workers: int, log_path: Path, workdir: Path):
        self.port = free_port()
        self.workers = workers
        self.log_path = log_path
        self.env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(16),
                    "RATELIMIT_ENABLED": "0", "SEARCH_INDEX_DIR": str(workdir / "index"),
                    "MAIL_DIR": str(workdir / "mail"), "PYTHONUNBUFFERED": "1"}
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log_path.open("a") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--workers", str(self.workers),
                 "--bind", f"{HOST}:{self.port}",
                 "--timeout", "60", "--graceful-timeout", "5", "--capture-output", "forum:create_app()"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}")
            conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
            try:
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
            finally:
                conn.close()
        raise SystemExit("gunicorn did not answer /healthz within 60 s")

    def kill(self) -> None:
        """SIGKILL the master and every worker at once: no clean shutdown."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)


# --- the writers -----------------------------------------------------------

class Writer(threading.Thread):
    """One member: logs in, waits for the start signal, then posts replies until the deadline."""

    def __init__(self, index: int, server: Server, thread_ids: list[int], clock: dict,
                 start: threading.Barrier, tally: Tally, run_id: str):
        super().__init__(daemon=True)
        self.index, self.server, self.clock, self.start_line = index, server, clock, start
        self.tally, self.run_id = tally, run_id
        self.thread_id = thread_ids[index % len(thread_ids)]
        self.browser = BrowserSession(HOST, server.port)
        self.token = ""

    def request(self, method: str, path: str, form: dict | None = None):
        return self.browser.request(method, path, form)

    def _token(self, page: str, where: str) -> str:
        match = TOKEN.search(page)
        if match is None:
            raise RuntimeError(f"writer{self.index}: no form token on {where}")
        return match.group(1)

    def log_in(self) -> None:
        self.browser.cookie, self.token = "", ""
        _, page = self.request("GET", "/login")
        response, _ = self.request("POST", "/login", {
            "csrf_token": self._token(page, "/login"), "identifier": f"writer{self.index}", "password": PASSWORD})
        if response.status != 302:
            raise RuntimeError(f"writer{self.index} could not log in: {response.status}")
        _, page = self.request("GET", f"/t/{self.thread_id}")
        self.token = self._token(page, "the thread page")

    def note_error(self, error: Exception) -> None:
        with self.tally.lock:
            self.tally.connection_errors += 1
            kind = error.__class__.__name__
            self.tally.error_kinds[kind] = self.tally.error_kinds.get(kind, 0) + 1

    def run(self) -> None:
        for _ in range(50):
            try:
                self.log_in()
                break
            except (OSError, http.client.HTTPException, RuntimeError) as error:
                self.note_error(error)
                time.sleep(0.2)
        self.start_line.wait()
        try:
            self.write_until_deadline()
        finally:
            self.browser.close()

    def write_until_deadline(self) -> None:
        n = 0
        while time.monotonic() < self.clock["deadline"] and n < 100_000:
            try:
                if not self.token:
                    self.log_in()
                n += 1
                self.post(f"bench {self.run_id} w{self.index} n{n}")
            except (OSError, http.client.HTTPException, RuntimeError) as error:
                self.note_error(error)
                time.sleep(0.2)  # the server is down (killed) or restarting: try again shortly

    def post(self, marker: str) -> None:
        started = time.monotonic()
        response, _ = self.request("POST", f"/t/{self.thread_id}/reply",
                                   {"csrf_token": self.token, "body": marker})
        self.tally.count(response.status)
        ack = ACK.search(response.getheader("Location") or "")
        if response.status == 302 and ack:
            with self.tally.lock:
                self.tally.acked.append((marker, self.thread_id, int(ack.group(1))))
                self.tally.latencies.append(time.monotonic() - started)
        elif response.status in (302, 400):
            self.token = ""  # logged out or the form expired: log in again


# --- checking --------------------------------------------------------------

def verify(url: str, run_id: str, tally: Tally) -> dict:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        stored = {row[0]: (row[1], row[2]) for row in conn.execute(
            text("SELECT body_source, thread_id, number FROM posts WHERE body_source LIKE :p"),
            {"p": f"bench {run_id} %"})}
        counters_ok = all(row[0] == row[1] == row[2] for row in conn.execute(text(
            "SELECT t.post_count, COUNT(p.id), MAX(p.number) FROM threads t JOIN posts p "
            "ON p.thread_id = t.id GROUP BY t.id, t.post_count")))
    engine.dispose()
    lost = [m for m, tid, num in tally.acked if stored.get(m) != (tid, num)]
    return {"acknowledged": len(tally.acked), "stored": len(stored), "lost": len(lost),
            "lost_examples": lost[:5], "thread_counters_consistent": counters_ok}


def verify_search(server: Server, run_id: str, stored: int) -> dict:
    """Run ``search sync`` as an operator would after the load (and any kill), then
    count the bench posts search finds: every stored post must be findable."""
    from flask_login import AnonymousUserMixin

    from forum import create_app
    from forum.extensions import db
    from forum.searching import get_backend
    from forum.searching.service import run_search
    from search.interface import Filters

    sync = subprocess.run([sys.executable, "-m", "flask", "--app", "forum", "search", "sync"], env=server.env,
                          capture_output=True, text=True, cwd=ROOT)
    app = create_app({"SQLALCHEMY_DATABASE_URI": server.env["DATABASE_URL"], "SECRET_KEY": "bench-check",
                      "SEARCH_INDEX_DIR": server.env["SEARCH_INDEX_DIR"]})
    with app.test_request_context():
        found = run_search(AnonymousUserMixin(), run_id, Filters()).total
    get_backend(app).close()  # its index files, now rather than at garbage collection
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # close its connections now, not when the garbage collector gets to them
    return {"search_sync_ok": sync.returncode == 0, "search_found": found,
            "search_caught_up": sync.returncode == 0 and found == stored}


def scan_log(path: Path) -> dict:
    text = path.read_text(errors="replace") if path.exists() else ""
    return {"database_is_locked": text.lower().count("database is locked"),
            "tracebacks": text.count("Traceback (most recent call last)")}


def run(db: str, workers: int, writers: int, seconds: float, kill: bool, keep: bool = False) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="askwell-bench-"))
    pg_name = f"askwell_bench_{os.getpid()}"
    url = postgres_database(pg_name) if db == "postgres" else f"sqlite:///{workdir / 'askwell.db'}"
    thread_ids = prepare(url, writers)
    server = Server(url, workers, workdir / "gunicorn.log", workdir)
    # Letters only: one search token that every bench post carries.
    tally, run_id = Tally(), "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))
    server.start()
    clock: dict = {}

    def go():
        clock["started"] = time.monotonic()
        clock["deadline"] = clock["started"] + seconds

    start_line = threading.Barrier(writers + 1, action=go, timeout=300)
    try:
        pool = [Writer(i, server, thread_ids, clock, start_line, tally, run_id) for i in range(writers)]
        for w in pool:
            w.start()
        start_line.wait()  # every writer has logged in
        if kill:
            time.sleep(seconds / 2)
            acked_before_kill = len(tally.acked)
            server.kill()
            time.sleep(1)
            server.start()
        for w in pool:
            w.join(timeout=seconds + 120)
        elapsed = time.monotonic() - clock["started"]
    finally:
        server.stop()
    checked = verify(url, run_id, tally)
    result = {"db": db, "workers": workers, "writers": writers, "seconds": round(elapsed, 1), "kill": kill,
              **checked, **verify_search(server, run_id, checked["stored"]), **scan_log(server.log_path),
              "server_errors_5xx": sum(n for s, n in tally.statuses.items() if s >= 500),
              "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
              "connection_errors": tally.connection_errors, "error_kinds": tally.error_kinds,
              "posts_per_second": round(len(tally.acked) / elapsed, 1),
              "latency_ms_p50": round(statistics.median(tally.latencies) * 1000) if tally.latencies else None,
              "latency_ms_p95": round(statistics.quantiles(tally.latencies, n=20)[-1] * 1000)
              if len(tally.latencies) >= 20 else None}
    if kill:
        result["acknowledged_before_kill"] = acked_before_kill
    result["ok"] = (result["lost"] == 0 and result["server_errors_5xx"] == 0 and result["acknowledged"] > 0
                    and result["database_is_locked"] == 0 and result["thread_counters_consistent"]
                    and result["search_caught_up"])
    if keep:
        result["workdir"] = str(workdir)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
        if db == "postgres":
            postgres_database(pg_name, drop=True)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--writers", type=int, default=50, help="concurrent writer clients (default 50)")
    parser.add_argument("--seconds", type=float, default=20, help="how long to write (default 20)")
    parser.add_argument("--kill", action="store_true", help="SIGKILL gunicorn halfway, restart, go on")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and database")
    args = parser.parse_args(argv)
    if not (1 <= args.writers <= 500 and 1 <= args.workers <= 32 and 1 <= args.seconds <= 3600):
        parser.error("writers 1–500, workers 1–32, seconds 1–3600")
    result = run(args.db, args.workers, args.writers, args.seconds, args.kill, args.keep)
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
