"""Import a community from Askwell's JSON Lines format (no click code here).

The format (user, group, thread and post records, one JSON object a line) is
shown in ``flask import --help``. ``check_file`` (phase 1) streams the file,
validates every line and writes nothing. ``load_file`` (phase 2) streams it
again and writes the new records: Markdown is rendered in a process pool, rows go
in with Core bulk inserts, counters are brought up to date with each commit. It
commits every ``batch`` records and pauses, so a live site's writers go ahead
between batches (SQLite has one write lock); ``batch=0`` writes it all in one
transaction.
Each row keeps its record's id in ``import_ref`` ("user:u1", "thread:t5"; a
thread's opening post carries the thread's ref), so records imported before
are skipped.
"""
from __future__ import annotations

import os
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from multiprocessing import Pool
from pathlib import Path

from sqlalchemy import bindparam, insert, select, text, update

from forum.actions.groups import slugify
from forum.database import immediate_writes
from forum.extensions import db
from forum.import_records import NORMALIZERS, KnockOnError, RecordError, make_ref, prepare, read_record
from forum.models import Group, Post, Thread, User, UTCDateTime

TYPES = ("user", "group", "thread", "post")
MODELS = {"user": User, "group": Group, "thread": Thread, "post": Post}
# Fields naming a record of another type, which must be known by then.
REFERENCES = {"thread": (("group", "group"), ("author", "user")),
              "post": (("thread", "thread"), ("author", "user"))}
MAX_PROBLEMS = 20
BATCH = 2000  # rows buffered before a bulk insert
RECORDS_PER_COMMIT = 1000
# SQLite writers waiting on the lock retry at most every 100 ms (its busy handler's longest
# sleep): a pause as long lets every one of them in before the next batch takes the lock.
PAUSE_BETWEEN_BATCHES = 0.1
_AT = bindparam("at", type_=UTCDateTime())


class ImportFailed(Exception):
    """The import stopped; ``str()`` says why and what was written."""


# -- phase 1: check -------------------------------------------------------------

@dataclass
class Plan:
    """What phase 1 found: counts, problems and which lines phase 2 writes."""

    path: Path
    stat: tuple
    lines: int = 0
    wanted: bytearray = field(default_factory=bytearray)  # per line: 1 to write it
    new: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)
    more_problems: int = 0

    @property
    def records(self) -> int:
        return self.new.total() + self.skipped.total()

    def problem(self, line_no: int, message: str, listed: bool = True) -> None:
        if listed and len(self.problems) < MAX_PROBLEMS:
            self.problems.append(f"line {line_no}: {message}")
        else:
            self.more_problems += 1


def _file_stat(path: Path) -> tuple:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns


def _imported(kind: str, with_ids: bool = False) -> set[str] | dict[str, int]:
    """Ids of the ``kind`` records imported before (with their database ids: a dict)."""
    model, cut = MODELS[kind], len(kind) + 1
    columns = (model.import_ref, model.id) if with_ids else (model.import_ref,)
    rows = db.session.execute(select(*columns).where(model.import_ref.like(kind + ":%")))
    if with_ids:
        return {ref[cut:]: id_ for ref, id_ in rows}
    return {ref[cut:] for ref, in rows}


class _Checker:
    """Phase-1 state: ids seen so far, ids imported before, names taken."""

    def __init__(self):
        self.existing = {kind: _imported(kind) for kind in TYPES}
        self.seen = {kind: {} for kind in TYPES}
        self.missing = set()
        rows = db.session.execute(select(User.username_key, User.email)).all()
        self.names = dict.fromkeys((r.username_key for r in rows), 0)
        self.emails = dict.fromkeys((r.email for r in rows), 0)
        db.session.rollback()  # let go of the database while reading the file

    def check(self, line_no: int, raw: bytes) -> tuple[str, bool]:
        """Validate one line: its type, and whether it is new (not imported before)."""
        kind, record_id, rec = read_record(raw)
        first = self.seen[kind].setdefault(record_id, line_no)
        if first != line_no:
            raise RecordError(f"duplicate {kind} id {record_id!r} (first on line {first})")
        clean = NORMALIZERS[kind](rec)
        for name, target in REFERENCES.get(kind, ()):
            ref = clean[name]
            if ref not in self.seen[target] and ref not in self.existing[target]:
                error = KnockOnError if (target, ref) in self.missing else RecordError
                self.missing.add((target, ref))
                raise error(f"{name} {ref!r} is not a {target} from an earlier line or a past import")
        if record_id in self.existing[kind]:
            return kind, False
        if kind == "user":
            self._claim(self.names, clean["username"].lower(), "username", line_no)
            self._claim(self.emails, clean["email"], "email", line_no)
        return kind, True

    @staticmethod
    def _claim(taken: dict, key: str, what: str, line_no: int) -> None:
        where = taken.setdefault(key, line_no)
        if where == 0:
            raise RecordError(f"{what} {key!r} belongs to an existing account (conflict)")
        if where != line_no:
            raise RecordError(f"{what} {key!r} is also used on line {where}")


def _lines(path: Path, progress=None):
    """(line number, bytes) for every line; ``progress`` gets bytes read, in steps."""
    pending = 0
    with open(path, "rb") as fh:
        for line_no, raw in enumerate(fh, 1):
            pending += len(raw)
            if progress and pending >= 1 << 18:
                progress(pending)
                pending = 0
            yield line_no, raw
    if progress and pending:
        progress(pending)


def check_file(path: Path, progress=None) -> Plan:
    """Phase 1: validate every line of ``path`` and plan phase 2; writes nothing."""
    plan = Plan(Path(path), _file_stat(path))
    checker = _Checker()
    for line_no, raw in _lines(plan.path, progress):
        plan.lines, new = line_no, False
        if raw.strip():
            try:
                kind, new = checker.check(line_no, raw)
                (plan.new if new else plan.skipped)[kind] += 1
            except RecordError as error:
                plan.problem(line_no, str(error), listed=not isinstance(error, KnockOnError))
        plan.wanted.append(new)
    return plan


# -- phase 2: load --------------------------------------------------------------

@dataclass(slots=True)
class _ThreadState:
    group_id: int
    next_number: int
    last_at: datetime
    replies: int = 0


class _Loader:
    """Phase-2 state: buffered rows, ids of written records, counter changes."""

    def __init__(self):
        self.rows = {kind: [] for kind in TYPES}
        self.ids = {"user": _imported("user", True), "group": _imported("group", True), "thread": {}}
        self.begin_batch()

    def begin_batch(self) -> None:
        """Forget what the live site may have changed since the last commit: group slugs, and
        threads' numbering (a member may have replied to a thread an earlier batch wrote)."""
        self.slugs = set(db.session.scalars(select(Group.slug)))
        self.threads: dict[str, _ThreadState] = {}
        self.groups: dict[int, list] = {}  # id -> [threads added, posts added, latest post time]
        self.user_posts: Counter = Counter()

    def add(self, kind: str, record_id: str, c: dict) -> None:
        ref = make_ref(kind, record_id)
        if kind == "user":
            self.rows["user"].append({
                "username": c["username"], "username_key": c["username"].lower(), "email": c["email"],
                "password_hash": None, "role": c["role"], "created_at": c["created_at"], "import_ref": ref})
        elif kind == "group":
            self.rows["group"].append({
                "slug": self._slug(c["name"]), "name": c["name"], "description": c["description"],
                "category": c["category"], "is_private": c["private"],
                "created_at": c["created_at"] or datetime.now(UTC), "import_ref": ref})
        elif kind == "thread":
            self._add_thread(ref, record_id, c)
        else:
            self._add_reply(ref, c)
        if len(self.rows["post"]) >= BATCH:
            self.flush()

    def _slug(self, name: str) -> str:
        base = slug = slugify(name)
        n = 1
        while slug in self.slugs:
            n += 1
            slug = f"{base[:79 - len(str(n))]}-{n}"
        self.slugs.add(slug)
        return slug

    def _add_thread(self, ref: str, record_id: str, c: dict) -> None:
        group_id, author_id = self._db_id("group", c["group"]), self._db_id("user", c["author"])
        self.rows["thread"].append({
            "group_id": group_id, "author_id": author_id, "title": c["title"], "kind": c["kind"],
            "post_count": 1, "reply_count": 0, "created_at": c["created_at"],
            "last_activity_at": c["created_at"], "import_ref": ref})
        self.threads[record_id] = _ThreadState(group_id, 1, c["created_at"])
        self._add_post(record_id, self.threads[record_id], author_id, c, ref)
        self.groups[group_id][0] += 1

    def _add_reply(self, ref: str, c: dict) -> None:
        state = self._thread(c["thread"])
        self._add_post(c["thread"], state, self._db_id("user", c["author"]), c, ref)
        state.replies += 1
        state.last_at = max(state.last_at, c["created_at"])

    def _add_post(self, thread_ref: str, state: _ThreadState, author_id: int, c: dict, ref: str) -> None:
        self.rows["post"].append({
            "thread_ref": thread_ref, "author_id": author_id, "number": state.next_number,
            "body_source": c["body"], "body_html": c["html"], "created_at": c["created_at"],
            "import_ref": ref})
        state.next_number += 1
        change = self.groups.setdefault(state.group_id, [0, 0, c["created_at"]])
        change[1] += 1
        change[2] = max(change[2], c["created_at"])
        self.user_posts[author_id] += 1

    def _db_id(self, kind: str, record_id: str) -> int:
        if record_id not in self.ids[kind] and self.rows[kind]:
            self._flush_people()
        if record_id not in self.ids[kind]:
            raise ImportFailed(f"{kind} {record_id!r} is gone from the database")
        return self.ids[kind][record_id]

    def _thread(self, record_id: str) -> _ThreadState:
        state = self.threads.get(record_id)
        if state is None:  # imported before: continue its numbering
            row = db.session.execute(
                select(Thread.id, Thread.group_id, Thread.post_count, Thread.last_activity_at)
                .where(Thread.import_ref == make_ref("thread", record_id)).with_for_update()
            ).one_or_none()
            if row is None:
                raise ImportFailed(f"thread {record_id!r} is gone from the database")
            self.ids["thread"][record_id] = row.id
            state = _ThreadState(row.group_id, row.post_count + 1, row.last_activity_at)
            self.threads[record_id] = state
        return state

    def flush(self) -> None:
        """Write the buffered rows, parents first."""
        self._flush_people()
        if self.rows["thread"]:
            self._insert("thread")
        posts, thread_ids = self.rows["post"], self.ids["thread"]
        for row in posts:
            row["thread_id"] = thread_ids[row.pop("thread_ref")]
        _execute_many(insert(Post.__table__), posts)
        posts.clear()

    def _flush_people(self) -> None:
        for kind in ("user", "group"):
            if self.rows[kind]:
                self._insert(kind)

    def _insert(self, kind: str) -> None:
        table, cut = MODELS[kind].__table__, len(kind) + 1
        result = db.session.execute(insert(table).returning(table.c.id, table.c.import_ref), self.rows[kind])
        self.ids[kind].update((ref[cut:], id_) for id_, ref in result)
        self.rows[kind].clear()

    def finish(self) -> None:
        """Write the buffered rows and bring every counter this batch touched up to date."""
        self.flush()
        t, g, u = Thread.__table__, Group.__table__, User.__table__
        _execute_many(
            update(t).where(t.c.id == bindparam("k")).values(
                post_count=bindparam("n"), reply_count=t.c.reply_count + bindparam("r"),
                last_activity_at=_AT),
            [{"k": self.ids["thread"][rid], "n": s.next_number - 1, "r": s.replies, "at": s.last_at}
             for rid, s in self.threads.items() if s.replies])
        touched = select(g.c.id, g.c.last_activity_at).where(g.c.id.in_(list(self.groups)))
        before = dict(db.session.execute(touched.with_for_update()).all())
        _execute_many(
            update(g).where(g.c.id == bindparam("k")).values(
                thread_count=g.c.thread_count + bindparam("t"), post_count=g.c.post_count + bindparam("n"),
                last_activity_at=_AT),
            [{"k": k, "t": t_, "n": n, "at": max(at, before.get(k) or at)}
             for k, (t_, n, at) in self.groups.items()])
        _execute_many(
            update(u).where(u.c.id == bindparam("k")).values(post_count=u.c.post_count + bindparam("n")),
            [{"k": k, "n": n} for k, n in self.user_posts.items()])


def _execute_many(statement, rows: list) -> None:
    if rows:
        db.session.execute(statement, rows)


def _pipelined(pool, items, block: int = 4000, chunksize: int = 50):
    """``pool.imap(prepare, items)``, in order, with at most two blocks of lines in flight."""
    pending = deque()
    while True:
        chunk = list(islice(items, block))
        if chunk:
            pending.append(pool.imap(prepare, chunk, chunksize))
        if not pending:
            return
        if len(pending) > 1 or not chunk:
            yield from pending.popleft()


@contextmanager
def _prepared(plan: Plan, workers: int):
    """The lines phase 2 writes, parsed and rendered, in file order."""
    items = ((n, raw) for n, raw in _lines(plan.path) if n <= plan.lines and plan.wanted[n - 1])
    if workers <= 0:
        yield map(prepare, items)
        return
    pool = Pool(workers)
    try:
        yield _pipelined(pool, items)
    finally:
        pool.terminate()
        pool.join()


def _same_file(plan: Plan) -> None:
    if _file_stat(plan.path) != plan.stat:
        raise ImportFailed(f"{plan.path} changed during the import")


def load_file(plan: Plan, workers: int = 2, progress=None, batch: int = RECORDS_PER_COMMIT) -> None:
    """Phase 2: write the new records of a checked file, ``batch`` records per transaction.

    Each transaction takes the write lock up front (``BEGIN IMMEDIATE`` on SQLite) and
    leaves every counter consistent when it commits; between two, the import pauses so
    the site's own writers go ahead. ``batch=0``: one transaction, all or nothing. If it
    stops part-way, what was committed stays and running it again carries on (records
    imported before are skipped). Call this with no transaction open. ``workers``
    processes render Markdown (0: render here); ``progress`` gets the records written
    since its last call.
    """
    line_no = done = committed = batches = 0
    try:
        _same_file(plan)
        with _prepared(plan, workers) as records, immediate_writes():
            loader = _Loader()  # its first query begins the transaction, holding the write lock
            for done, (line_no, kind, record_id, clean) in enumerate(records, 1):
                loader.add(kind, record_id, clean)
                if progress and done % 500 == 0:
                    progress(500)
                if batch and done % batch == 0:
                    _commit(plan, loader)
                    committed, batches = line_no, batches + 1
                    _let_writers_in()
                    loader.begin_batch()
            _commit(plan, loader)
    except Exception as error:
        db.session.rollback()
        raise ImportFailed(_stopped(error, line_no, committed, batches)) from error
    if progress:
        progress(done % 500)
    refresh_planner_statistics()


def _commit(plan: Plan, loader: _Loader) -> None:
    loader.finish()
    _same_file(plan)
    db.session.commit()


def _let_writers_in() -> None:
    """Between two batches: on SQLite, give writers waiting for the lock the time to take it."""
    if db.engine.dialect.name == "sqlite":
        time.sleep(PAUSE_BETWEEN_BATCHES)


def _stopped(error: Exception, line_no: int, committed: int, batches: int) -> str:
    why = str(error) if isinstance(error, ImportFailed) else f"{type(error).__name__}: {error}"
    if not batches:
        return f"stopped near line {line_no:,} and rolled back; nothing was written ({why})"
    return (f"stopped near line {line_no:,} ({why}). The records up to line {committed:,} were written "
            f"({batches:,} batch{'es' if batches > 1 else ''}) and stay; the rest was rolled back. "
            "Run the same command again to carry on: records already imported are skipped.")


def refresh_planner_statistics() -> None:
    """PostgreSQL plans from table statistics, which a bulk import leaves empty until
    autovacuum gets round to it; without them it guessed 10 rows for 4,000 threads and the
    home page sorted them all. SQLite's plans here need no statistics, so it is left alone."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in ("users", "groups", "threads", "posts", "memberships"):
        db.session.execute(text(f"ANALYZE {table}"))
    db.session.commit()
