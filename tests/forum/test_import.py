"""``flask import FILE.jsonl``: a whole community in, checked first, in batches a live site can work between, and only once."""
import importlib.util
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from forum import create_app
from forum.extensions import db
from forum.models import Group, Post, Thread, User

BENCH = Path(__file__).resolve().parents[2] / "bench"


def at(day, hour=0):
    return datetime(2024, 3, day, hour, tzinfo=UTC)


def iso(when):
    return when.isoformat().replace("+00:00", "Z")


GOOD = [
    {"type": "user", "id": "u1", "username": "alice", "email": "alice@example.org",
     "created_at": iso(at(1)), "role": "admin"},
    {"type": "user", "id": "u2", "username": "Bob_2", "email": "BOB@Example.org",
     "created_at": iso(at(2)), "role": "member"},
    {"type": "group", "id": "g1", "name": "Sleep & Insomnia", "description": "Rest well.",
     "category": "General health", "private": False},
    {"type": "group", "id": "g2", "name": "Sleep: insomnia!", "description": "Members only.",
     "category": "General health", "private": True},
    {"type": "thread", "id": "t1", "group": "g1", "author": "u1",
     "title": "  How   do you manage\ninsomnia?  ",
     "body": "I tried **melatonin**.\n\n<script>alert('x')</script>", "kind": "question",
     "created_at": iso(at(3)), "views": 42},
    {"type": "post", "id": "p1", "thread": "t1", "author": "u2",
     "body": "Try a [routine](https://example.org).",
     "created_at": iso(at(5))},
    {"type": "thread", "id": "t2", "group": "g2", "author": "u2", "title": "Night shifts and sleep",
     "body": "Anyone else on nights?", "kind": "discussion", "created_at": iso(at(4)), "views": 3},
    {"type": "post", "id": "p2", "thread": "t1", "author": "u1", "body": "Thanks!",
     "created_at": iso(at(4, 12))},
    {"type": "post", "id": "p3", "thread": "t2", "author": "u1", "body": "Yes, me too.",
     "created_at": iso(at(6))},
]


@pytest.fixture
def app(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 't.db'}",
                      "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False})
    with app.app_context():
        db.create_all()
    yield app
    with app.app_context():
        db.engine.dispose()


def write(tmp_path, records, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


def run_import(app, path, *args):
    return app.test_cli_runner().invoke(args=["import", str(path), *args])


def counts(app):
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (User, Group, Thread, Post))


def one(model, ref):
    return db.session.scalar(select(model).where(model.import_ref == ref))


def test_help_describes_the_format(app):
    result = app.test_cli_runner().invoke(args=["import", "--help"])
    assert result.exit_code == 0
    assert '"type": "thread"' in result.output and "nothing is written" in result.output


def test_good_file_imports_everything(app, tmp_path):
    result = run_import(app, write(tmp_path, GOOD), "--workers", "0")
    assert result.exit_code == 0, result.output
    assert "Added 2 users, 2 groups, 2 threads, 5 posts" in result.output
    assert "skipped: 0 users, 0 groups, 0 threads, 0 posts" in result.output
    with app.app_context():
        bob = one(User, "user:u2")
        assert (bob.username, bob.username_key, bob.email) == ("Bob_2", "bob_2", "bob@example.org")
        assert bob.role == "member"
        assert bob.password_hash is None and bob.created_at == at(2)
        assert one(User, "user:u1").role == "admin"
        g1, g2 = one(Group, "group:g1"), one(Group, "group:g2")
        assert (g1.slug, g2.slug) == ("sleep-insomnia", "sleep-insomnia-2")
        assert g2.is_private and not g1.is_private and g1.category == "General health"
        t1 = one(Thread, "thread:t1")
        assert t1.title == "How do you manage insomnia?" and t1.kind == "question"
        assert (t1.post_count, t1.reply_count, t1.last_activity_at) == (3, 2, at(5))
        assert (t1.group_id, t1.author_id) == (g1.id, one(User, "user:u1").id)
        posts = db.session.scalars(select(Post).where(Post.thread_id == t1.id).order_by(Post.number)).all()
        assert [(p.number, p.import_ref) for p in posts] == [(1, "thread:t1"), (2, "post:p1"), (3, "post:p2")]
        opening = posts[0]
        assert "<strong>melatonin</strong>" in opening.body_html
        assert "<script" not in opening.body_html and "&lt;script&gt;" in opening.body_html
        assert opening.body_source.endswith("<script>alert('x')</script>")
        assert 'rel="nofollow ugc noopener"' in posts[1].body_html
        assert (g1.thread_count, g1.post_count, g1.last_activity_at, g1.member_count) == (1, 3, at(5), 0)
        assert (g2.thread_count, g2.post_count, g2.last_activity_at) == (1, 2, at(6))
        assert (bob.post_count, one(User, "user:u1").post_count) == (2, 3)


def _statements_of(app, *args, path):
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(" ".join(statement.split()[:2]))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        result = run_import(app, path, "--workers", "0", *args)
        assert result.exit_code == 0, result.output
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return statements


def test_batch_size_0_writes_everything_in_one_write_locked_transaction(app, tmp_path):
    statements = _statements_of(app, "--batch-size", "0", path=write(tmp_path, GOOD))
    begins = [i for i, s in enumerate(statements) if s.startswith("BEGIN")]
    inserts = [i for i, s in enumerate(statements) if s.startswith("INSERT")]
    # Phase 1 only reads (a deferred BEGIN); phase 2 is one BEGIN IMMEDIATE.
    assert [statements[i] for i in begins] == ["BEGIN", "BEGIN IMMEDIATE"]
    assert inserts and min(inserts) > begins[-1]


def _state(app):
    """Every imported row's counters and numbers, by import ref (ids aside)."""
    with app.app_context():
        return ({t.import_ref: (t.post_count, t.reply_count, t.last_activity_at) for t in db.session.scalars(select(Thread))},
                {g.import_ref: (g.slug, g.thread_count, g.post_count, g.last_activity_at)
                 for g in db.session.scalars(select(Group))},
                {u.import_ref: u.post_count for u in db.session.scalars(select(User))},
                sorted((p.import_ref, p.number) for p in db.session.scalars(select(Post))))


def test_batches_commit_in_turn_and_end_where_one_transaction_does(app, tmp_path):
    path = write(tmp_path, GOOD)
    statements = _statements_of(app, "--batch-size", "2", path=path)
    # Nine records: the write lock is taken and released five times, not held for the whole file.
    assert statements.count("BEGIN IMMEDIATE") == 5
    batched = _state(app)
    other = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'one.db'}",
                        "SECRET_KEY": "test"})
    with other.app_context():
        db.create_all()
    assert run_import(other, path, "--batch-size", "0").exit_code == 0
    assert _state(other) == batched
    with other.app_context():
        db.engine.dispose()


def test_a_member_who_replies_between_batches_keeps_the_numbering_whole(app, tmp_path, monkeypatch):
    from forum import importer
    from forum.actions.posts import post_reply

    replies = []

    def member_replies():  # what the live site does while the import pauses
        if not replies:
            with app.app_context():
                alice = one(User, "user:u1")
                replies.append(post_reply(alice, one(Thread, "thread:t1"), "Live reply between batches.",
                                          screen=False).number)

    monkeypatch.setattr(importer, "_let_writers_in", member_replies)
    result = run_import(app, write(tmp_path, GOOD), "--workers", "0", "--batch-size", "6")
    assert result.exit_code == 0, result.output
    with app.app_context():
        t1 = one(Thread, "thread:t1")
        numbers = sorted(db.session.scalars(select(Post.number).where(Post.thread_id == t1.id)))
        assert replies == [3] and numbers == [1, 2, 3, 4] and (t1.post_count, t1.reply_count) == (4, 3)
        assert one(Post, "post:p2").number == 4  # the import's next reply came after the member's
        assert one(Group, "group:g1").post_count == 4


def test_a_failure_part_way_keeps_the_written_batches_and_a_rerun_carries_on(app, tmp_path, monkeypatch):
    from forum import importer

    path, real_finish, calls = write(tmp_path, GOOD), importer._Loader.finish, []

    def fail_second_batch(self):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        real_finish(self)

    monkeypatch.setattr(importer._Loader, "finish", fail_second_batch)
    result = run_import(app, path, "--workers", "0", "--batch-size", "4")
    assert result.exit_code != 0
    assert "disk on fire" in result.output and "records up to line 4 were written" in result.output
    assert "Run the same command again" in result.output
    assert counts(app) == (2, 2, 0, 0)  # the first batch: two users, two groups
    monkeypatch.setattr(importer._Loader, "finish", real_finish)
    result = run_import(app, path, "--workers", "0")
    assert result.exit_code == 0 and "Added 0 users, 0 groups, 2 threads, 5 posts" in result.output
    assert counts(app) == (2, 2, 2, 5)
    with app.app_context():
        assert one(Thread, "thread:t1").post_count == 3 and one(Group, "group:g1").post_count == 3


def test_same_file_twice_adds_nothing(app, tmp_path):
    path = write(tmp_path, GOOD)
    assert run_import(app, path).exit_code == 0
    before = counts(app)
    result = run_import(app, path)
    assert result.exit_code == 0, result.output
    assert "Added 0 users, 0 groups, 0 threads, 0 posts" in result.output
    assert "skipped: 2 users, 2 groups, 2 threads, 5 posts" in result.output
    assert counts(app) == before == (2, 2, 2, 5)
    with app.app_context():
        assert one(Thread, "thread:t1").post_count == 3 and one(User, "user:u1").post_count == 3


def test_later_file_appends_to_imported_thread(app, tmp_path):
    assert run_import(app, write(tmp_path, GOOD)).exit_code == 0
    more = GOOD + [{"type": "post", "id": "p4", "thread": "t1", "author": "u2", "body": "Update: it worked.",
                    "created_at": iso(at(9))}]
    result = run_import(app, write(tmp_path, more, "more.jsonl"), "--workers", "0")
    assert result.exit_code == 0, result.output
    assert "Added 0 users, 0 groups, 0 threads, 1 posts" in result.output
    with app.app_context():
        t1 = one(Thread, "thread:t1")
        assert (t1.post_count, t1.reply_count, t1.last_activity_at) == (4, 3, at(9))
        assert one(Post, "post:p4").number == 4
        g1 = one(Group, "group:g1")
        assert (g1.thread_count, g1.post_count, g1.last_activity_at) == (1, 4, at(9))
        assert one(User, "user:u2").post_count == 3


def _replace(index, change):
    records = [dict(r) for r in GOOD]
    records[index] = change(records[index]) if callable(change) else change
    return records


BAD_LINES = {
    "invalid json": (4, "{broken", "invalid JSON"),
    "missing field": (4, lambda r: {k: v for k, v in r.items() if k != "title"},
                      'missing required field "title"'),
    "unknown type": (3, {"type": "poll", "id": "x1"}, "unknown record type 'poll'"),
    "unknown group": (4, lambda r: {**r, "group": "g9"}, "group 'g9' is not a group"),
    "body too long": (6, lambda r: {**r, "body": "a" * 20_001}, "20,001 characters"),
    "bad timestamp": (6, lambda r: {**r, "created_at": "2024-13-01T00:00:00Z"}, "not an ISO 8601 time"),
    "naive timestamp": (1, lambda r: {**r, "created_at": "2024-03-01T00:00:00"}, "no time zone"),
    "short title": (4, lambda r: {**r, "title": "Help   me"}, '"title" has 7 characters'),
    "bad username": (1, lambda r: {**r, "username": "no spaces please"}, "username 'no spaces please'"),
    "duplicate id": (1, lambda r: {**r, "id": "u1"}, "duplicate user id 'u1' (first on line 1)"),
    "same email": (1, lambda r: {**r, "email": "Alice@example.org"},
                   "email 'alice@example.org' is also used"),
}


@pytest.mark.parametrize("index, change, message", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_bad_line_fails_and_writes_nothing(app, tmp_path, index, change, message):
    result = run_import(app, write(tmp_path, _replace(index, change)))
    assert result.exit_code != 0
    assert f"line {index + 1}: " in result.output and message in result.output, result.output
    assert "nothing was imported" in result.output
    assert counts(app) == (0, 0, 0, 0)


def test_problems_are_capped_and_knock_on_errors_not_listed(app, tmp_path):
    records = GOOD[:4] + [{"type": "nope", "id": f"x{i}"} for i in range(30)]
    records += [GOOD[4] | {"group": "g9"}, GOOD[4] | {"id": "t9", "group": "g9"}]
    result = run_import(app, write(tmp_path, records))
    assert result.exit_code != 0
    assert "line 5: unknown record type" in result.output and "line 24: " in result.output
    assert "line 25: " not in result.output and "and 12 more problems" in result.output
    assert "has 32 bad lines" in result.output
    assert counts(app) == (0, 0, 0, 0)


def test_username_of_existing_account_is_a_conflict(app, tmp_path):
    with app.app_context():
        db.session.add(User(username="Alice", username_key="alice", email="someone@example.org"))
        db.session.commit()
    result = run_import(app, write(tmp_path, GOOD))
    assert result.exit_code != 0
    assert "line 1: username 'alice' belongs to an existing account" in result.output
    assert counts(app) == (1, 0, 0, 0)


def test_failure_while_writing_rolls_everything_back(app, tmp_path, monkeypatch):
    from forum import importer

    def explode(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importer._Loader, "finish", explode)
    result = run_import(app, write(tmp_path, GOOD), "--workers", "0")
    assert result.exit_code != 0 and "rolled back" in result.output and "disk on fire" in result.output
    assert counts(app) == (0, 0, 0, 0)


def test_missing_file_is_a_clear_error(app, tmp_path):
    result = run_import(app, tmp_path / "nope.jsonl")
    assert result.exit_code != 0 and "does not exist" in result.output


def test_empty_file_says_there_is_nothing_to_import(app, tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    result = run_import(app, path)
    assert result.exit_code == 0 and "Nothing to import" in result.output
    assert counts(app) == (0, 0, 0, 0)


def test_check_only_writes_nothing(app, tmp_path):
    result = run_import(app, write(tmp_path, GOOD), "--check")
    assert result.exit_code == 0 and "would add 2 users, 2 groups, 2 threads, 5 posts" in result.output
    assert counts(app) == (0, 0, 0, 0)


@pytest.fixture
def small_generated_file(tmp_path, monkeypatch):
    """A few hundred posts written by the real benchmark generator, scaled down."""
    if not (BENCH / "make_jsonl.py").exists():
        pytest.skip("benchmark generator not available")
    monkeypatch.syspath_prepend(str(BENCH))
    spec = importlib.util.spec_from_file_location("make_jsonl_for_test", BENCH / "make_jsonl.py")
    make_jsonl = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_jsonl)
    for name, value in {"N_USERS": 20, "N_TOPICS": 30, "N_POSTS": 400}.items():
        monkeypatch.setattr(make_jsonl.g, name, value)
    out = tmp_path / "bench.jsonl"
    monkeypatch.setattr(sys, "argv", ["make_jsonl.py", str(out)])
    make_jsonl.main()
    return out


def test_generated_file_imports_with_consistent_counters(app, small_generated_file):
    result = run_import(app, small_generated_file)  # two rendering processes
    assert result.exit_code == 0, result.output
    assert "Added 20 users, 10 groups, 30 threads, 400 posts" in result.output
    with app.app_context():
        long_thread = one(Thread, "thread:t0")
        numbers = db.session.scalars(select(Post.number).where(Post.thread_id == long_thread.id)).all()
        assert sorted(numbers) == list(range(1, 101)) and long_thread.reply_count == 99
        for thread in db.session.scalars(select(Thread)):
            last, n = db.session.execute(select(func.max(Post.created_at), func.count())
                                         .where(Post.thread_id == thread.id)).one()
            assert (thread.post_count, thread.reply_count) == (n, n - 1)
            assert thread.last_activity_at == last
        assert db.session.scalar(select(func.sum(User.post_count))) == 400
        assert db.session.scalar(select(func.sum(Group.post_count))) == 400
    assert "Added 0 users" in run_import(app, small_generated_file).output
