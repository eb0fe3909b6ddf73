#!/usr/bin/env python3
"""Page benchmark: import the benchmark community, serve it with gunicorn, load it with wrk.

    .venv/bin/python bench/pages.py                      # 40,000 posts, SQLite, 20 s per page
    .venv/bin/python bench/pages.py --scale 25           # 1,000,000 posts
    .venv/bin/python bench/pages.py --database postgres  # on a fresh PostgreSQL database
    .venv/bin/python bench/pages.py --duration 5 --connections 16
    .venv/bin/python bench/pages.py --record             # also append the table to bench/README.md
    .venv/bin/python bench/pages.py --scale 25 --keep /var/tmp/aw-1m  # import once, measure again later

Prints a Markdown table: req/s, p50 and p99 latency for each page, anonymous and
logged in, and the SQL statements each page runs for each kind of visitor.
Everything runs on 127.0.0.1; the server and the
load generator (wrk, Debian package) share the machine, as in the peer figures.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent  # the virtualenv that runs this script
MAKE_JSONL = ROOT / "bench" / "make_jsonl.py"
DATA = ROOT / "bench" / "data"
BENCH_USER, BENCH_PASSWORD = "bench_reader", "bench-reader-password-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dataset(scale: int) -> Path:
    """The benchmark JSON Lines file, generated once and cached in bench/data/."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"community-x{scale}.jsonl"
    if not path.exists():
        if not MAKE_JSONL.exists():
            sys.exit(f"Cannot find {MAKE_JSONL}; it writes the benchmark community.")
        subprocess.run([sys.executable, str(MAKE_JSONL), str(path), "--scale", str(scale)], check=True)
    return path


def flask(env: dict, *args: str, quiet: bool = False) -> float:
    start = time.perf_counter()
    subprocess.run([str(BIN / "flask"), "--app", "forum", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL if quiet else None)
    return time.perf_counter() - start


def prepare(args) -> tuple[dict, dict]:
    """An instance with the community imported; returns (env, timings).

    With ``--keep DIR`` the instance lives in DIR (and, on PostgreSQL, in a database named
    after the scale) and is reused when DIR already holds a finished import of the same
    scale and database: migrations and ``search sync`` still run, the import does not.
    """
    instance = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="askwell-bench-"))
    instance.mkdir(parents=True, exist_ok=True)
    marker = instance / "bench-import.json"
    env = {**os.environ, "ASKWELL_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench",
           "SEARCH_INDEX_DIR": str(instance / "search-index"), "RATELIMIT_ENABLED": "false"}
    previous = json.loads(marker.read_text()) if marker.exists() else None
    if previous and (previous["scale"], previous["database"]) != (args.scale, args.database):
        sys.exit(f"{instance} holds a scale {previous['scale']} {previous['database']} import; "
                 "use another --keep folder")
    if args.database == "postgres":
        name = f"askwell_bench_x{args.scale}" if args.keep else f"askwell_bench_{os.getpid()}"
        if not previous:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", "-c", f"CREATE DATABASE {name}"],
                           check=True)
        env["DATABASE_URL"] = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        env["_BENCH_PG_DB"] = name
    else:
        env["DATABASE_URL"] = f"sqlite:///{instance / 'askwell.db'}"
    flask(env, "db", "upgrade", quiet=True)
    if previous:
        timings = {"import": previous["import"], "reused": True}
    else:
        timings = {"import": flask(env, "import", str(dataset(args.scale))), "reused": False}
        flask(env, "users", "create-admin", "--username", BENCH_USER, "--email", "bench@example.org",
              "--password", BENCH_PASSWORD, quiet=True)
    timings["search sync"] = flask(env, "search", "sync", quiet=True)
    if args.keep and not previous:
        marker.write_text(json.dumps({"scale": args.scale, "database": args.database,
                                      "import": timings["import"]}))
    env["_BENCH_INSTANCE"] = str(instance)
    env["_BENCH_KEEP"] = "1" if args.keep else ""
    return env, timings


def cleanup(env: dict) -> None:
    if env.get("_BENCH_KEEP"):
        return
    shutil.rmtree(env["_BENCH_INSTANCE"], ignore_errors=True)
    if env.get("_BENCH_PG_DB"):
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc",
                        f"DROP DATABASE IF EXISTS {env['_BENCH_PG_DB']} WITH (FORCE)"], check=False)


def pages(env: dict) -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    """The URLs to load, found in the imported data, and their (anonymous, logged-in) SQL counts."""
    from sqlalchemy import select

    os.environ.update({k: v for k, v in env.items() if not k.startswith("_")})
    from forum import create_app
    from forum.extensions import db
    from forum.groups.routes import THREAD_ORDER
    from forum.models import Group, Thread
    from forum.pagination import encode_cursor

    app = create_app()
    with app.app_context():
        thread = db.session.scalar(select(Thread).where(Thread.import_ref == "thread:t0"))
        group = db.session.get(Group, thread.group_id)
        last_page = -(-thread.post_count // app.config["POSTS_PER_PAGE"])
        urls = {
            "home": "/",
            "group page": f"/groups/{group.slug}",
            f"thread ({thread.post_count} posts), page 1": f"/t/{thread.id}",
            f"thread, last page ({last_page})": f"/t/{thread.id}?page={last_page}",
            # Halfway down the group's threads, as its Older links reach it (keyset pages, issue 8).
            f"group page, {group.thread_count // 2} threads in": f"/groups/{group.slug}?after="
            + encode_cursor(THREAD_ORDER.key_of(db.session.scalars(
                    select(Thread).where(Thread.group_id == group.id, Thread.hidden_at.is_(None))
                    .order_by(*THREAD_ORDER.order(True))
                    .offset(group.thread_count // 2).limit(1)).one())),
        }
        if "searching.results" in app.view_functions:
            urls["search: rare word"] = "/search?q=xerostomia"
            urls["search: common word"] = "/search?q=sleep"
        engine = db.engine
    # Outside the app context: each request then gets its own database session, as in production.
    anonymous, member = app.test_client(), app.test_client()
    log_in(member)
    counts = {name: (statements(engine, anonymous, url), statements(engine, member, url))
              for name, url in urls.items()}
    return urls, counts


def log_in(client) -> None:
    """Log the benchmark reader in through the real form (CSRF token included)."""
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"identifier": BENCH_USER, "password": BENCH_PASSWORD,
                                           "csrf_token": token})
    assert response.status_code == 302, "the benchmark reader could not log in"


def statements(engine, client, url: str) -> int:
    """SQL statements one request for ``url`` runs (the page is fetched once before, warm)."""
    from sqlalchemy import event

    seen = []

    def count(*_args):
        seen.append(1)

    client.get(url)
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def serve(env: dict, workers: int, output=None) -> tuple[subprocess.Popen, str]:
    """gunicorn on a free loopback port; its output (tracebacks included) goes to ``output``, a file, if given."""
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         "forum:create_app()"], env=env, cwd=ROOT, start_new_session=True, stdout=output,
        stderr=subprocess.STDOUT if output else None)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    sys.exit("gunicorn did not start")


def session_cookie(base: str) -> str:
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"identifier": BENCH_USER, "password": BENCH_PASSWORD,
                                   "csrf_token": token}).encode()
    opener.open(base + "/login", data)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def wrk(url: str, duration: int, connections: int, cookie: str | None) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": _latency(out, "50%"), "p99": _latency(out, "99%"),
            "errors": int(errors.group(1)) if errors else 0}


def _latency(out: str, label: str) -> float:
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def machine() -> str:
    """One line about the machine and its load, printed beside every figure."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}); uptime: {load}"


def commit() -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def run(args, env: dict, timings: dict) -> list[str]:
    """Load every page and return the report as Markdown lines."""
    urls, counts = pages(env)
    proc, base = serve(env, args.workers)
    try:
        cookie = session_cookie(base)
        lines = [f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit()}, "
                 f"database {args.database}, scale {args.scale}, import {timings['import']:.1f} s "
                 f"{'(earlier, reused) ' if timings['reused'] else ''}"
                 f"(search sync {timings['search sync']:.1f} s), gunicorn {args.workers} sync workers, "
                 f"wrk -t2 -c{args.connections} -d{args.duration}s.",
                 f"Before: {machine()}", "",
                 "| page | visitor | req/s | p50 ms | p99 ms | non-2xx | SQL |",
                 "|---|---|---:|---:|---:|---:|---:|"]
        for line in lines:
            print(line, flush=True)
        for name, path in urls.items():
            for index, (who, ck) in enumerate((("anonymous", None), ("logged in", cookie))):
                r = wrk(base + path, args.duration, args.connections, ck)
                line = (f"| {name} | {who} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} "
                        f"| {r['errors']} | {counts[name][index]} |")
                lines.append(line)
                print(line, flush=True)
        tail = ["", f"Worker memory after the run: {worker_memory(proc.pid)}.", f"After: {machine()}"]
        for line in tail:
            print(line, flush=True)
        return lines + tail
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def worker_memory(master_pid: int) -> str:
    """Each worker's RSS and, of it, its private memory: RSS also counts the pages of the
    search index and SQLite file that the worker has mapped (shared with the page cache)."""
    pids = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master_pid)],
                          capture_output=True, text=True).stdout.split()
    out = []
    for pid in pids:
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except OSError:
            continue
        kb = {k: int(v.split()[0]) for k, v in fields.items()}
        private = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
        out.append(f"RSS {kb.get('Rss', 0) / 1024:.0f} MB (private {private / 1024:.0f} MB)")
    return ", ".join(out) or "unknown"


def record(lines: list[str]) -> None:
    """Append the report to the Pages section of bench/README.md."""
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text()
    if "## Pages" not in text:
        text = text.rstrip("\n") + "\n\n## Pages (`bench/pages.py`)\n"
    readme.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n")
    print(f"\nAppended to {readme}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, default=1, help="1 = 40,000 posts; 25 = 1,000,000")
    ap.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--duration", type=int, default=20, help="seconds of load per page and visitor")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    ap.add_argument("--record", action="store_true", help="append the table to bench/README.md")
    ap.add_argument("--keep", metavar="DIR", help="keep the imported instance in DIR and reuse it next time")
    ap.add_argument("--prepare-only", action="store_true", help="import (into --keep DIR) and stop")
    args = ap.parse_args()
    if args.scale < 1:
        ap.error("--scale must be 1 or more")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")

    if args.prepare_only and not args.keep:
        ap.error("--prepare-only needs --keep DIR")

    env, timings = prepare(args)
    if args.prepare_only:
        print(f"Imported into {args.keep} in {timings['import']:.1f} s; search sync {timings['search sync']:.1f} s.")
        return
    try:
        lines = run(args, env, timings)
    finally:
        cleanup(env)
    if args.record:
        record(lines)


if __name__ == "__main__":
    main()
