"""Memory soak: a mixed read/write load for a long time, recording the servers' memory every minute.

Builds the benchmark community (``bench/pages.py``'s instance: 40,000 posts, search index,
the shipped drug catalogue), serves it with gunicorn (sync workers, no ``--max-requests``,
which would hide a leak by recycling workers) and runs client threads that mix what real
visitors do: the home page, group pages (first and older pages), thread pages at random
pages, profiles, drug pages, searches with distinct queries (one- and two-word, misspelt),
replies and new threads, as anonymous visitors and as a logged-in member. Every distinct
URL fills some cache; the point is that every cache is bounded, so resident memory levels
off instead of growing with the number of distinct pages served.

Every minute it records the resident set size (RSS) of the gunicorn master and each
worker, and their unique set (private memory, from ``/proc/PID/smaps_rollup``). At the end
it prints one row per minute and compares the last third of the run with the middle third.

    .venv/bin/python bench/soak.py --minutes 30 --record   # the recorded run
    .venv/bin/python bench/soak.py --minutes 3             # a quick look

Only loopback addresses are used; every loop is bounded by time.
"""
from __future__ import annotations

import argparse
import http.client
import random
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pages as bench_pages  # noqa: E402  (bench/pages.py: instance, server, login)
from http_session import BrowserSession  # noqa: E402

TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
WORDS = ("sleep pain insulin metformin anxiety fatigue headache migraine diet exercise dose tablet "
         "doctor nurse blood pressure sugar thyroid asthma inhaler rash itch knee back statin "
         "cholesterol depression therapy nausea dizzy appetite weight vitamin iron b12 ibuprofen "
         "paracetamol xerostomia neuropathy tingling swelling allergy pollen eczema psoriasis").split()
TYPOS = ("metfromin", "insullin", "migrane", "ibuprofin", "asthama", "cholestrol", "diabetis")


@dataclass
class Tally:
    statuses: dict = field(default_factory=dict)
    errors: int = 0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, status) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] = self.statuses.get(status, 0) + 1


def site_map(env: dict) -> dict:
    """Thread ids with their page counts, group slugs, usernames and drug slugs, read from the database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(env["DATABASE_URL"])
    with engine.connect() as conn:
        threads = conn.execute(text("SELECT id, post_count FROM threads")).all()
        groups = conn.execute(text("SELECT slug FROM groups WHERE is_private = false")).scalars().all()
        users = conn.execute(text("SELECT username FROM users ORDER BY id LIMIT 500")).scalars().all()
        drugs = conn.execute(text("SELECT slug FROM drugs")).scalars().all()
    engine.dispose()
    return {"threads": [(tid, max(1, -(-count // 20))) for tid, count in threads], "groups": groups,
            "users": users, "drugs": drugs}


class Visitor(threading.Thread):
    """One browser: anonymous, or logged in as the bench member (who also writes)."""

    def __init__(self, base: str, site: dict, deadline: float, tally: Tally, seed: int, member: bool):
        super().__init__(daemon=True)
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.site, self.deadline, self.tally, self.member = site, deadline, tally, member
        self.rng = random.Random(seed)
        self.browser = BrowserSession(self.host, self.port)
        self.serial = 0

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        response, text = self.browser.request(method, path, form)
        self.tally.count(response.status)
        return response.status, response.getheader("Location") or "", text

    def log_in(self) -> None:
        _, _, page = self.request("GET", "/login")
        status, _, _ = self.request("POST", "/login", {
            "csrf_token": TOKEN.search(page).group(1), "identifier": bench_pages.BENCH_USER,
            "password": bench_pages.BENCH_PASSWORD})
        if status != 302:
            raise RuntimeError(f"the bench member could not log in ({status})")

    def query(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return self.rng.choice(TYPOS)
        words = self.rng.sample(WORDS, 2 if r < 0.6 else 1)
        if self.rng.random() < 0.3:  # a word nobody wrote yet: a distinct query every time
            words.append(f"soak{self.rng.randrange(10**9)}")
        return " ".join(words)

    def step(self) -> None:
        rng, site = self.rng, self.site
        r = rng.random()
        if r < 0.08:
            self.request("GET", "/")
        elif r < 0.22:
            slug = rng.choice(site["groups"])
            self.request("GET", f"/groups/{slug}")
        elif r < 0.55:
            tid, last = rng.choice(site["threads"])
            page = rng.randint(1, last)
            self.request("GET", f"/t/{tid}" + (f"?page={page}" if page > 1 else ""))
        elif r < 0.72:
            self.request("GET", "/search?q=" + quote(self.query()))
        elif r < 0.78:
            self.request("GET", f"/u/{quote(rng.choice(site['users']))}")
        elif r < 0.86 and site["drugs"]:
            self.request("GET", f"/drugs/{rng.choice(site['drugs'])}")
        elif r < 0.90:
            self.request("GET", "/drugs/search?q=" + quote(self.query()))
        elif self.member:
            self.write()
        else:
            self.request("GET", "/groups")

    def write(self) -> None:
        self.serial += 1
        text = (f"Soak note {self.serial}: {' '.join(self.rng.sample(WORDS, 6))}. "
                "Has anyone else found the same?")
        if self.rng.random() < 0.8:
            tid, _ = self.rng.choice(self.site["threads"][:200])
            _, _, page = self.request("GET", f"/t/{tid}")
            token = TOKEN.search(page)
            if token:
                self.request("POST", f"/t/{tid}/reply", {"csrf_token": token.group(1), "body": text})
        else:
            slug = self.rng.choice(self.site["groups"])
            _, _, page = self.request("GET", f"/groups/{slug}/new")
            token = TOKEN.search(page)
            if token:
                self.request("POST", f"/groups/{slug}/new", {
                    "csrf_token": token.group(1), "kind": "discussion",
                    "title": f"Soak thread {self.serial} about {self.rng.choice(WORDS)}", "body": text})

    def run(self) -> None:
        if self.member:
            self.log_in()
        while time.monotonic() < self.deadline:
            try:
                self.step()
            except (OSError, http.client.HTTPException, RuntimeError):
                with self.tally.lock:
                    self.tally.errors += 1
                time.sleep(0.2)
        self.browser.close()


def processes(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [master, *map(int, children)]


def memory(pid: int) -> tuple[float, float]:
    """(RSS, USS) in MB: resident, and private to this process (what a leak would grow)."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    fields = dict(re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M))
    uss = int(fields.get("Private_Clean", 0)) + int(fields.get("Private_Dirty", 0))
    return int(fields["Rss"]) / 1024, uss / 1024


def sample(master: int, minute: int, tally: Tally) -> dict:
    pids = processes(master)
    figures = [memory(pid) for pid in pids]
    return {"minute": minute, "master_rss": figures[0][0],
            "workers_rss": [round(f[0], 1) for f in figures[1:]],
            "workers_uss": [round(f[1], 1) for f in figures[1:]],
            "total_rss": sum(f[0] for f in figures), "requests": tally.requests}


def table(samples: list[dict]) -> str:
    lines = ["| minute | requests so far | workers' RSS (MB) | workers' private (MB) | all processes' RSS (MB) |",
             "| ---: | ---: | --- | --- | ---: |"]
    for s in samples:
        lines.append(f"| {s['minute']} | {s['requests']:,} | {' / '.join(f'{v:.0f}' for v in s['workers_rss'])} "
                     f"| {' / '.join(f'{v:.0f}' for v in s['workers_uss'])} | {s['total_rss']:.0f} |")
    return "\n".join(lines)


def verdict(samples: list[dict]) -> str:
    third = max(1, len(samples) // 3)
    middle = samples[third:2 * third] or samples
    last = samples[-third:]
    mid = sum(s["total_rss"] for s in middle) / len(middle)
    end = sum(s["total_rss"] for s in last) / len(last)
    first = samples[0]["total_rss"]
    return (f"All processes' RSS: {first:.0f} MB after the first minute, {mid:.0f} MB on average over the "
            f"middle third, {end:.0f} MB over the last third ({(end - mid) / mid * 100:+.1f} % from the middle "
            f"third to the last).")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--anonymous", type=int, default=3, help="anonymous visitor threads")
    parser.add_argument("--members", type=int, default=2, help="logged-in member threads (they also write)")
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--keep", help="reuse an instance folder, as bench/pages.py --keep")
    parser.add_argument("--record", action="store_true", help="append the result to bench/README.md")
    args = parser.parse_args(argv)

    env, _ = bench_pages.prepare(args)
    bench_pages.flask(env, "drugs", "load-catalogue", quiet=True)
    site = site_map(env)
    log = tempfile.NamedTemporaryFile("w+", prefix="askwell-soak-", suffix=".log", delete=False)
    proc, base = bench_pages.serve(env, args.workers, output=log)
    tally = Tally()
    started_at = datetime.now(UTC)
    commit = bench_pages.commit()  # read at the start: the code the servers run
    before = bench_pages.machine()
    try:
        deadline = time.monotonic() + args.minutes * 60
        visitors = [Visitor(base, site, deadline, tally, seed=i, member=i >= args.anonymous)
                    for i in range(args.anonymous + args.members)]
        for v in visitors:
            v.start()
        samples = []
        for minute in range(1, args.minutes + 1):
            time.sleep(max(0.0, deadline - (args.minutes - minute) * 60 - time.monotonic()))
            samples.append(sample(proc.pid, minute, tally))
            print(f"minute {minute}: {samples[-1]['total_rss']:.0f} MB, {tally.requests:,} requests", flush=True)
        for v in visitors:
            v.join(timeout=70)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        bench_pages.cleanup(env)
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    log.seek(0)
    tracebacks = log.read().count("Traceback (most recent call last)")
    report = "\n".join([
        f"Run of {started_at:%Y-%m-%d %H:%M} UTC, {args.minutes} minutes, {args.workers} gunicorn workers, "
        f"{args.anonymous} anonymous and {args.members} member threads, {args.database}, scale {args.scale}, "
        f"commit {commit}.",
        f"Machine before: {before}; after: {bench_pages.machine()}.",
        f"{tally.requests:,} requests; statuses {dict(sorted(tally.statuses.items()))}; "
        f"{server_errors} server errors; {tally.errors} connection errors; {tracebacks} tracebacks in the "
        f"server log ({log.name}).",
        "", table(samples), "", verdict(samples), ""])
    print(report)
    if args.record:
        with (ROOT / "bench" / "README.md").open("a") as readme:
            readme.write("\n#### Soak run\n\n" + report)
    return 1 if server_errors or tracebacks else 0


if __name__ == "__main__":
    sys.exit(main())
