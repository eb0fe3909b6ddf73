#!/usr/bin/env python3
"""Askwell and FlaskBB side by side: the workers' CPU per request on the same pages, interleaved.

    .venv/bin/python bench/peers.py                          # 3 rounds of 10 s per page, app and visitor
    .venv/bin/python bench/peers.py --rounds 5 --duration 15 --record
    .venv/bin/python bench/peers.py --keep /var/tmp/aw-peers # reuse the imported Askwell instance
    .venv/bin/python bench/peers.py --postgres --no-flaskbb  # Askwell on SQLite against PostgreSQL

FlaskBB 2.2 must be set up first by ``peers/flaskbb/setup.sh`` (from the shared folder; it puts a
virtualenv, a configuration and the same 40,000-post community under ``/tmp/peers/flaskbb``, or
``$FLASKBB_ROOT``). This script imports the benchmark community into a fresh Askwell instance
(``bench/pages.py``), starts both apps under gunicorn (2 sync workers each, loopback ports), logs a
plain member into each through the real login forms, and then, round after round, loads each page
with wrk for each app in turn (Askwell first in odd rounds, FlaskBB first in even ones).

What it reports is CPU time per request read from the workers' own counters (``/proc/<pid>/stat``,
user + system, the gunicorn master excluded) before and after each wrk run, divided by the requests
wrk completed. On a shared machine that figure moves much less than req/s does: another process
slows a request down but does not make it cost more CPU. Medians over the rounds are printed, with
the ratio FlaskBB / Askwell, as Markdown; ``--record`` appends them to bench/README.md.

FlaskBB's topic views write to its database and index, so its data folder is restored from the
pristine copy ``setup.sh`` made before the server starts.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import pages  # noqa: E402

FLASKBB = Path(os.environ.get("FLASKBB_ROOT", "/tmp/peers/flaskbb"))
MEMBER, MEMBER_PASSWORD = "bench_member", "bench-member-password"
FLASKBB_MEMBER = ("member001", "password123")
TICKS = os.sysconf("SC_CLK_TCK")
CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def workers_cpu(master_pid: int) -> float:
    """CPU seconds (user + system) spent so far by the master's worker processes."""
    total = 0
    for pid in subprocess.run(["ps", "-o", "pid=", "--ppid", str(master_pid)],
                              capture_output=True, text=True).stdout.split():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / TICKS


def wrk_run(url: str, duration: int, connections: int, cookie: str | None) -> tuple[int, float, int]:
    """(requests completed, req/s, non-2xx responses) of one wrk run."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    done = int(re.search(r"(\d+) requests in", out).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return done, rps, int(bad.group(1)) if bad else 0


def logged_in_cookie(base: str, path: str, form: dict, check: str) -> str:
    """Log in through a real form (its CSRF token included); the session cookie header."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + path).read().decode()
    token = CSRF.search(page).group(1)
    opener.open(base + path, urllib.parse.urlencode({**form, "csrf_token": token}).encode())
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    request = urllib.request.Request(base + "/", headers={"Cookie": cookie})
    if check not in urllib.request.urlopen(request).read().decode():
        sys.exit(f"the member login at {base}{path} did not work")
    return cookie


def wait_for(base: str, path: str, proc: subprocess.Popen) -> None:
    for _ in range(200):
        try:
            urllib.request.urlopen(base + path, timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    sys.exit(f"{base} did not start")


def start_flaskbb() -> tuple[subprocess.Popen, str, dict]:
    if not (FLASKBB / "data.pristine" / ".complete").exists():
        sys.exit(f"FlaskBB is not set up in {FLASKBB}: run peers/flaskbb/setup.sh from the shared folder")
    shutil.rmtree(FLASKBB / "data", ignore_errors=True)
    shutil.copytree(FLASKBB / "data.pristine", FLASKBB / "data", symlinks=True)
    ids = dict(line.split("=", 1) for line in (FLASKBB / "data.pristine" / "bench_ids.env").read_text().split()
               if "=" in line)
    port = pages.free_port()
    config = FLASKBB / "instance" / "flaskbb.cfg"
    proc = subprocess.Popen(
        [str(FLASKBB / "venv" / "bin" / "gunicorn"), "--workers", "2", "--worker-class", "sync",
         "--bind", f"127.0.0.1:{port}", "--timeout", "120", f"flaskbb:create_app('{config}')"],
        cwd=FLASKBB, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_for(base, "/auth/login", proc)
    urls = {"home": "/", "group": "/forum/1", "thread": ids["LONG_TOPIC_PATH"].strip("'\"")}
    return proc, base, urls


def askwell_member(env: dict) -> None:
    """A plain member (not the admin the pages benchmark reads as), created once per instance."""
    made = subprocess.run([str(pages.BIN / "flask"), "--app", "forum", "users", "create-admin", "--username",
                           MEMBER, "--email", "member@example.org", "--password", MEMBER_PASSWORD],
                          env=env, capture_output=True, text=True)
    if made.returncode == 0:
        pages.flask(env, "users", "set-role", MEMBER, "member", quiet=True)


def askwell(args, database: str, keep: str | None) -> tuple[dict, dict]:
    """A prepared Askwell instance on ``database`` and its pages (thread, home, group)."""
    args.scale, args.database, args.keep = 1, database, keep
    env, _timings = pages.prepare(args)
    askwell_member(env)
    urls, _counts = pages.pages(env)
    thread_url = next(url for name, url in urls.items() if name.startswith("thread ("))
    return env, {"home": "/", "group": urls["group page"], "thread": thread_url}


def measure(servers: dict, args) -> tuple[dict, dict, list[tuple[str, str]]]:
    """Interleaved rounds: medians of CPU ms per request and of req/s, by (app, page, visitor)."""
    cases = [(page, who) for page in ("thread", "home", "group") for who in ("anonymous", "member")]
    cpu: dict[tuple, list[float]] = {}
    rps: dict[tuple, list[float]] = {}
    for round_ in range(args.rounds):
        order = list(servers) if round_ % 2 == 0 else list(reversed(servers))
        for page, who in cases:
            for app in order:
                proc, base, app_urls, cookie = servers[app]
                before = workers_cpu(proc.pid)
                done, per_second, bad = wrk_run(base + app_urls[page], args.duration, args.connections,
                                                cookie if who == "member" else None)
                spent = workers_cpu(proc.pid) - before
                if bad:
                    sys.exit(f"{app} {page} ({who}): {bad} responses were not 2xx or 3xx")
                cpu.setdefault((app, page, who), []).append(1000 * spent / done)
                rps.setdefault((app, page, who), []).append(per_second)
                print(f"round {round_ + 1} {app:18s} {page:7s} {who:9s} {1000 * spent / done:6.2f} ms CPU/req "
                      f"{per_second:7.1f} req/s", flush=True)
    median = lambda values: {key: statistics.median(v) for key, v in values.items()}  # noqa: E731
    return median(cpu), median(rps), cases


def table(servers: dict, cpu: dict, rps: dict, cases) -> list[str]:
    """One row per page and visitor: each app's CPU ms/req and req/s, and each other app's CPU
    per request divided by Askwell's (on SQLite) and its req/s as a share of Askwell's."""
    first, others = list(servers)[0], list(servers)[1:]
    head = ["page", "visitor", f"{first} CPU ms/req"] + [f"{o} CPU ms/req" for o in others] \
        + [f"{o} / {first} (CPU)" for o in others] + [f"{first} req/s"] + [f"{o} req/s" for o in others]
    lines = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * (len(head) - 2)]
    for page, who in cases:
        row = [page, who, f"{cpu[(first, page, who)]:.2f}"] + [f"{cpu[(o, page, who)]:.2f}" for o in others]
        row += [f"{cpu[(o, page, who)] / cpu[(first, page, who)]:.2f}x" for o in others]
        row += [f"{rps[(a, page, who)]:.0f}" for a in servers]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10, help="seconds of wrk per page, app, visitor and round")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--keep", metavar="DIR", help="keep the imported Askwell instance in DIR and reuse it")
    ap.add_argument("--postgres", action="store_true",
                    help="also Askwell on a PostgreSQL database (127.0.0.1:5432), in the same rounds")
    ap.add_argument("--no-flaskbb", action="store_true", help="leave FlaskBB out (e.g. SQLite against PostgreSQL)")
    ap.add_argument("--record", action="store_true", help="append the table to bench/README.md")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    keep = args.keep
    envs = [askwell(args, "sqlite", keep)]
    if args.postgres:
        envs.append(askwell(args, "postgres", f"{keep}-postgres" if keep else None))
    servers = {}
    try:
        for (env, urls), name in zip(envs, ("Askwell (SQLite)", "Askwell (PostgreSQL)"), strict=False):
            proc, base = pages.serve(env, 2)
            servers[name] = (proc, base, urls, logged_in_cookie(
                base, "/login", {"identifier": MEMBER, "password": MEMBER_PASSWORD}, MEMBER))
        if not args.no_flaskbb:
            proc, base, fb_urls = start_flaskbb()
            servers["FlaskBB"] = (proc, base, fb_urls, logged_in_cookie(
                base, "/auth/login", {"login": FLASKBB_MEMBER[0], "password": FLASKBB_MEMBER[1]}, FLASKBB_MEMBER[0]))
        for _proc, base, app_urls, cookie in servers.values():  # warm both workers of each
            for path in app_urls.values():
                for ck in (None, cookie):
                    wrk_run(base + path, 1, 4, ck)
        header = [f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, Askwell commit {pages.commit()}, "
                  f"40,000 posts, {', '.join(servers)}, gunicorn 2 sync workers each, wrk -t2 -c{args.connections} "
                  f"-d{args.duration}s, {args.rounds} interleaved rounds.", f"Before: {pages.machine()}"]
        print("\n".join(header), flush=True)
        cpu, rps, cases = measure(servers, args)
        lines = header + [""] + table(servers, cpu, rps, cases) + ["", f"After: {pages.machine()}"]
        print("\n".join(lines[len(header):]), flush=True)
    finally:
        for proc, *_rest in servers.values():
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        for env, _urls in envs:
            pages.cleanup(env)
    if args.record:
        pages.record(lines)


if __name__ == "__main__":
    main()
