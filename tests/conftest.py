"""Shared fixtures: a real app on a real SQLite file (or PostgreSQL), a client, helpers.

Set ``TEST_DATABASE_URL`` to run the suite on PostgreSQL; each test then gets
its own schema-fresh database state (tables dropped and created). Under
pytest-xdist every worker gets its own database beside the given one
(``<name>_gw0``, ``<name>_gw1`` ...), created on first use, so workers never
share tables; SQLite files and Whoosh indexes live in each test's own folder.
"""
from __future__ import annotations

import os
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from forum import create_app
from forum.extensions import db as _db
from forum.models import Role, User


def _worker_database(url: str, worker: str) -> str:
    """``url`` with the database name suffixed by the xdist ``worker`` id, created if missing."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}) is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def pytest_configure(config):
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    url = os.environ.get("TEST_DATABASE_URL", "")
    if worker and url.startswith("postgresql") and not os.environ.get("ASKWELL_TEST_WORKER_DB"):
        os.environ["TEST_DATABASE_URL"] = _worker_database(url, worker)
        os.environ["ASKWELL_TEST_WORKER_DB"] = "1"


@pytest.fixture
def app_config(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'askwell.db'}"
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "MAIL_DIR": str(tmp_path / "mail"),
        # Real argon2id, at its cheapest cost: hundreds of accounts are made and logged into.
        "ARGON2_TIME_COST": 1,
        "ARGON2_MEMORY_COST": 64,
    }


class ServerLikeClient(FlaskClient):
    """A test client that, like gunicorn and werkzeug's server, reads each response to
    the end and closes it, so work registered with ``call_on_close`` (mail sent after
    the response) has happened when the request returns."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        return super().open(*args, **kwargs)


# Every app a test builds (some build their own) closes its responses as a server does.
Flask.test_client_class = ServerLikeClient


@pytest.fixture
def app(app_config):
    app = create_app(app_config)

    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    backend = app.extensions.get("askwell_search")
    if backend is not None:
        backend.close()  # its searchers' open index files
    with app.app_context():
        _db.session.remove()
        if app_config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
            _db.drop_all()
        _db.engine.dispose()


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AssertionDB:
    """Database access for a test's own set-up and assertions.

    It uses its own session, outside any app context, so requests made by the
    test client get their own app context (``g``, logged-in user, session) as
    in production. Each use starts a fresh transaction, so it always sees what
    requests have committed.
    """

    def __init__(self, app):
        with app.app_context():
            self.engine = _db.engine
        self._session = Session(self.engine)

    @property
    def session(self) -> Session:
        if not (self._session.new or self._session.dirty or self._session.deleted):
            self._session.rollback()
        return self._session

    def close(self):
        self._session.close()


@pytest.fixture
def db(app):
    access = AssertionDB(app)
    yield access
    access.close()


PASSWORD = "a-long-test-password"


@pytest.fixture
def make_user(app):
    """Create a user: ``make_user("alice", role=Role.ADMIN)``."""
    from forum.actions.accounts import register_user

    def make(username: str, role: Role = Role.MEMBER, password: str = PASSWORD):
        with app.app_context():
            user = register_user(username, f"{username}@example.com", password, role=role)
            return user.id
    return make


@pytest.fixture
def login(client):
    """Log the test client in as ``username``."""
    def do_login(username: str, password: str = PASSWORD, c=None):
        c = c or client
        response = c.post("/login", data={"identifier": username, "password": password})
        assert response.status_code == 302, "login failed"
        return c
    return do_login


@pytest.fixture
def make_group(app):
    from forum.actions.groups import create_group

    def make(name: str, private: bool = False, description: str = "A support group."):
        with app.app_context():
            return create_group(name, description, is_private=private).slug
    return make


@pytest.fixture
def add_member(app):
    from forum.actions.groups import add_member as add
    from forum.models import Group, GroupRole, User

    def do_add(username: str, slug: str, moderator: bool = False):
        with app.app_context():
            user = _db.session.scalar(_db.select(User).where(User.username == username))
            group = _db.session.scalar(_db.select(Group).where(Group.slug == slug))
            add(user, group, role=GroupRole.MODERATOR if moderator else GroupRole.MEMBER)
    return do_add


@pytest.fixture
def make_thread(app):
    """Start a thread as ``username`` in group ``slug``; returns the thread id."""
    from forum.actions.posts import start_thread
    from forum.models import Group, User

    def make(username: str, slug: str, title: str = "A question about my treatment",
             body: str = "What should I expect?", kind: str = "question"):
        with app.app_context():
            user = _db.session.scalar(_db.select(User).where(User.username == username))
            group = _db.session.scalar(_db.select(Group).where(Group.slug == slug))
            return start_thread(user, group, kind, title, body).id
    return make


@pytest.fixture
def count_queries(app):
    """Context manager collecting the SQL statements run inside it."""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        statements: list[str] = []

        def before(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        with app.app_context():
            engine = _db.engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", before)
    return counting


@pytest.fixture
def mailbox(app, tmp_path):
    """The development mailbox (``MAIL_DIR``) as a list of parsed messages, oldest first."""
    import email

    folder = tmp_path / "mail"
    app.config["MAIL_DIR"] = str(folder)

    def messages():
        return [email.message_from_bytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))]
    return messages


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def make_expert(app, make_user):
    """Make ``username`` a verified expert (approved by the admin ``verifier``); returns the user id."""
    from forum.actions.experts import apply_as_expert, approve_application

    def make(username: str, specialty: str = "haematology", profession: str = "Consultant haematologist"):
        with app.app_context():
            missing = [name for name in ("verifier", username)
                       if _db.session.scalar(select(User.id).where(User.username == name)) is None]
        for name in missing:
            make_user(name, role=Role.ADMIN if name == "verifier" else Role.MEMBER)
        with app.app_context():
            user = _db.session.scalar(select(User).where(User.username == username))
            verifier = _db.session.scalar(select(User).where(User.username == "verifier"))
            application = apply_as_expert(
                user, profession=profession, specialty=specialty, licence_number="GMC 1234567",
                issuing_body="General Medical Council", country="United Kingdom",
                evidence="https://www.gmc-uk.org/registrants/1234567")
            approve_application(verifier, application)
            return user.id
    return make
