"""Database engine set-up: SQLite tuned for a small site with concurrent writers.

On SQLite every connection uses WAL mode (readers never block the writer),
a busy timeout (a writer waits instead of failing) and foreign keys. The
pysqlite driver's own transaction handling is switched off so we can begin
write transactions with ``BEGIN IMMEDIATE``: a request that will write takes
the write lock up front rather than failing with "database is locked" when it
tries to upgrade a read lock. Read-only requests begin a deferred transaction
and never wait for writers. Outside requests (CLI commands, scripts) reads are
deferred too; code that writes there wraps its work in ``immediate_writes()``.

Slow work (argon2 hashing, the safety checks of the publishing pipeline) never
runs while holding that lock: ``release_write_lock()`` ends a transaction that
has only read so far, so other writers go ahead meanwhile, and the next query
begins a fresh one (with the lock again). It does nothing once something was
flushed (that work must stay one transaction) and nothing on PostgreSQL.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from flask import Flask, has_request_context, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from forum.extensions import db

READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_immediate = ContextVar("askwell_immediate_writes", default=False)


@contextmanager
def immediate_writes():
    """Begin transactions opened inside this block with the write lock (SQLite)."""
    token = _immediate.set(True)
    try:
        yield
    finally:
        _immediate.reset(token)


_FLUSHED = "askwell_flushed"


@event.listens_for(Session, "after_flush")
def _remember_flush(session, _context):
    session.info[_FLUSHED] = True


@event.listens_for(Session, "after_transaction_end")
def _forget_flush(session, transaction):
    if transaction.parent is None:
        session.info.pop(_FLUSHED, None)


def release_write_lock() -> None:
    """SQLite: end this request's read-only-so-far transaction before slow work (see the module docstring)."""
    session = db.session()
    if session.get_bind().dialect.name != "sqlite" or not session.in_transaction():
        return
    if session.info.get(_FLUSHED) or session.new or session.dirty or session.deleted:
        return
    session.commit()


def wants_write_lock() -> bool:
    if has_request_context():
        return request.method not in READ_ONLY_METHODS
    return _immediate.get()


def configure(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])


def _configure_sqlite(engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE" if wants_write_lock() else "BEGIN")
