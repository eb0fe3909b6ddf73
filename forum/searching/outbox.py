"""Keeping the index in step with the database, without ever losing an update.

Every flush of the ORM session is inspected (``after_flush``): changed posts,
threads, groups, articles, drugs (and their names, sections and conditions)
and role changes become rows in ``search_outbox``,
inserted on the flush's own connection, so they commit or roll back with the
change itself. After the commit (``after_commit``) the rows of that
transaction are drained: the current state of what they name is read from the
database and written to the index, and only then are the rows deleted. If the
index is locked for too long, or the process dies first, the rows stay, and
the next drain (which also takes a few leftovers) or
``flask --app forum search sync`` finishes the job. Bulk UPDATE and DELETE
statements (``update(Post).where(...)``, an account's text erased in one go)
never reach a flush, so ``do_orm_execute`` sees them too: when one touches a
searchable column it reads the ids its WHERE clause selects and queues them in
the same transaction. Bulk inserts that bypass the ORM (the importer) queue one
``rebuild`` row instead, which only ``sync`` and ``rebuild`` act on.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import NamedTuple

from flask import current_app, has_app_context
from sqlalchemy import delete, event, insert, inspect, select
from sqlalchemy.orm import Session

from forum.database import immediate_writes
from forum.extensions import db
from forum.models import (
    Article,
    Drug,
    DrugCondition,
    DrugName,
    DrugSection,
    ExpertVerification,
    Group,
    Post,
    Thread,
    User,
    utcnow,
)
from forum.models.search import SearchOutbox

log = logging.getLogger(__name__)
PENDING = "search_outbox_ids"
BULK = "search_bulk_insert"
WATCHED = {
    Post: ("post", ("body_html", "deleted_at", "hidden_at", "thread_id", "author_id", "created_at")),
    Thread: ("thread", ("title", "created_at")),
    Group: ("group", ("name", "description")),
    User: ("user", ("role",)),
    Article: ("article", ("title", "summary", "body_html")),
    Drug: ("drug", ("name", "brand_names", "drug_class", "kind")),
}
# Rows that are part of a drug's document: any change re-indexes the drug (by ``drug_id``).
DRUG_PARTS = (DrugSection, DrugName, DrugCondition)
# A thread moved, changed kind or was hidden or shown again: its replies change too.
TREE_ATTRS = ("group_id", "kind", "hidden_at")
SEARCHABLE_TABLES = {"posts", "threads", "groups", "drugs"}
# Bulk UPDATE/DELETE on these tables: (outbox kind, id column, searchable columns).
BULK_WATCHED = {
    "posts": ("post", "id", WATCHED[Post][1]),
    "threads": ("thread_tree", "id", WATCHED[Thread][1] + TREE_ATTRS),
    "groups": ("group", "id", WATCHED[Group][1]),
    "articles": ("article", "id", WATCHED[Article][1]),
    "drugs": ("drug", "id", WATCHED[Drug][1]),
    "users": ("user", "id", WATCHED[User][1]),
    "expert_verifications": ("user", "user_id", ("revoked_at", "user_id")),
}
LEFTOVER_AGE = timedelta(seconds=30)
LEFTOVERS = 50
LEFTOVER_CHECK_EVERY = 10.0  # seconds between looks for rows other drains left behind
_last_leftover_check = 0.0
_deferred = ContextVar("askwell_search_deferred", default=False)


@contextmanager
def deferred():
    """Leave changes committed inside the block in the outbox for the next ``search sync``
    instead of indexing them at each commit: for seeding a whole community, which queues a
    full rebuild at its end anyway. Never for anything a person does on the site."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


class Row(NamedTuple):
    id: int
    kind: str
    object_id: int | None


def _changed(obj, attrs) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in attrs)


def outbox_entries(session) -> set[tuple[str, int]]:
    """(kind, id) for every searchable change in this flush."""
    found: set[tuple[str, int]] = set()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if type(obj) is ExpertVerification:  # granted or revoked: the author's posts change "expert"
            if obj in session.new or _changed(obj, ("revoked_at",)):
                found.add(("user", obj.user_id))
            continue
        if type(obj) in DRUG_PARTS:
            if obj.drug_id is not None:
                found.add(("drug", obj.drug_id))
            continue
        entry = WATCHED.get(type(obj))
        if entry is None:
            continue
        kind, attrs = entry
        if obj in session.dirty:
            if type(obj) is Thread and _changed(obj, TREE_ATTRS):
                kind = "thread_tree"
            elif not _changed(obj, attrs):
                continue
        if kind == "user" and obj in session.new:
            continue
        object_id = inspect(obj).identity[0] if inspect(obj).identity else getattr(obj, "id", None)
        if object_id is not None:
            found.add((kind, object_id))
    return found


def queue_rebuild(session) -> None:
    """Ask the next ``search sync`` for a full rebuild, in the caller's transaction.

    For writers that change indexed fields without the ORM noticing them as
    searchable edits (bulk inserts, the demo seeder's backdating).
    """
    session.execute(insert(SearchOutbox.__table__).values(kind="rebuild", created_at=utcnow()))


@event.listens_for(Session, "do_orm_execute")
def _queue_rebuild_for_bulk_inserts(state):
    """Core bulk inserts skip flush events: queue one full rebuild in their transaction."""
    session = state.session
    table = getattr(state.statement, "table", None)
    if not state.is_insert or getattr(table, "name", None) not in SEARCHABLE_TABLES or session.info.get(BULK):
        return
    session.info[BULK] = True
    session.connection().execute(insert(SearchOutbox.__table__).values(kind="rebuild", created_at=utcnow()))


def _columns_set(statement) -> set[str] | None:
    """Names of the columns an UPDATE sets; None when they cannot be told (assume all)."""
    values = getattr(statement, "_values", None) or getattr(statement, "_ordered_values", None)
    if not values:
        return None
    pairs = values.items() if isinstance(values, dict) else values
    return {getattr(key, "key", None) or getattr(key, "name", None) or str(key) for key, _ in pairs}


def _bulk_entries(state) -> list[tuple[str, int]]:
    """(kind, id) for the searchable rows a bulk UPDATE or DELETE is about to change."""
    statement = state.statement
    table = getattr(statement, "table", None)
    watched = BULK_WATCHED.get(getattr(table, "name", None))
    if watched is None:
        return []
    kind, id_column, columns = watched
    if state.is_update:
        changed = _columns_set(statement)
        if changed is not None and not changed & set(columns):
            return []
    parameters = state.parameters
    if isinstance(parameters, (list, tuple)):  # an executemany by primary key: the ids are the rows given
        return [(kind, row[id_column]) for row in parameters if row.get(id_column) is not None]
    query = select(table.c[id_column]).distinct()
    if statement.whereclause is not None:
        query = query.where(statement.whereclause)
    ids = state.session.execute(query, parameters or {}).scalars().all()
    return [(kind, i) for i in ids if i is not None]


@event.listens_for(Session, "do_orm_execute")
def _queue_bulk_changes(state):
    """Bulk UPDATE and DELETE skip flush events: queue what they change in their transaction."""
    if not (state.is_update or state.is_delete):
        return
    entries = _bulk_entries(state)
    if entries:
        _insert_rows(state.session, set(entries))


def _insert_rows(session, entries: set[tuple[str, int]]) -> None:
    now = utcnow()
    rows = [{"kind": k, "object_id": (i or None), "created_at": now} for k, i in sorted(entries)]
    ids = session.connection().execute(
        insert(SearchOutbox.__table__).returning(SearchOutbox.__table__.c.id), rows).scalars().all()
    session.info.setdefault(PENDING, []).extend(
        Row(i, r["kind"], r["object_id"]) for i, r in zip(ids, rows, strict=True))


@event.listens_for(Session, "after_flush")
def _write_outbox(session, _flush_context):
    entries = outbox_entries(session)
    if entries:
        _insert_rows(session, entries)


@event.listens_for(Session, "after_commit")
def _drain_after_commit(session):
    if session.in_nested_transaction():
        return  # a savepoint released: the outer transaction (and its write lock) goes on
    session.info.pop(BULK, None)
    ids = session.info.pop(PENDING, None)
    if not ids or _deferred.get() or not has_app_context() or not current_app.config.get("SEARCH_SYNC_ON_COMMIT", True):
        return
    global _last_leftover_check
    leftovers = time.monotonic() - _last_leftover_check > LEFTOVER_CHECK_EVERY
    if leftovers:
        _last_leftover_check = time.monotonic()
    try:
        drain(ids, leftovers=leftovers, lock_timeout=current_app.config.get("SEARCH_COMMIT_LOCK_TIMEOUT", 3))
    except Exception:  # the rows are durable; sync retries. Never fail a user's request.
        log.warning("search: could not index %d change(s) now; they stay queued", len(ids), exc_info=True)


@event.listens_for(Session, "after_rollback")
def _forget(session):
    if session.in_nested_transaction():
        return  # a savepoint rolled back: what the outer transaction queued still stands
    session.info.pop(PENDING, None)
    session.info.pop(BULK, None)


def _rows(known: list[Row] | None, leftovers: bool = False, limit: int = 500) -> list[Row]:
    """The rows to drain: this transaction's, plus (now and then) old ones someone left."""
    rows = list(known or [])
    if leftovers or known is None:
        stmt = (select(SearchOutbox.id, SearchOutbox.kind, SearchOutbox.object_id)
                .where(SearchOutbox.kind != "rebuild").order_by(SearchOutbox.id).limit(LEFTOVERS if known else limit))
        if known:
            stmt = stmt.where(SearchOutbox.created_at < utcnow() - LEFTOVER_AGE)
        mine = {r.id for r in rows}
        with Session(db.engine) as session:
            rows += [Row(*r) for r in session.execute(stmt) if r.id not in mine]
    return rows


def drain(rows: list[Row] | None = None, *, leftovers: bool = False, lock_timeout: float | None = None) -> int:
    """Index what outbox ``rows`` (or else the oldest rows) name; delete them once indexed.

    Returns how many rows were handled. Raises ``IndexBusy`` if the index stays locked.
    """
    from forum.searching import get_backend
    from forum.searching.documents import resolve

    backend = get_backend()
    engine = db.engine
    rows = _rows(rows, leftovers)
    if not rows:
        return 0
    # Read the database only once the index is ours, so that of two drains
    # of the same post the later one always writes the later state.
    with backend.writing(lock_timeout) as write:
        with Session(engine) as session:
            changes = resolve(session, [(r.kind, r.object_id) for r in rows])
        write(changes)
    with immediate_writes(), Session(engine) as session:
        session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_([r.id for r in rows])))
        session.commit()
    return len(rows)


def pending(session) -> tuple[int, bool]:
    """(rows waiting, whether a full rebuild is queued)."""
    from sqlalchemy import func

    count = session.scalar(select(func.count()).select_from(SearchOutbox))
    rebuild = session.scalar(select(SearchOutbox.id).where(SearchOutbox.kind == "rebuild").limit(1))
    return count, rebuild is not None


def rebuild_markers(session) -> list[int]:
    return list(session.scalars(select(SearchOutbox.id).where(SearchOutbox.kind == "rebuild")))


def delete_rows(ids) -> None:
    with immediate_writes(), Session(db.engine) as session:
        session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(list(ids))))
        session.commit()
