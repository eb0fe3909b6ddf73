"""No update is lost: the outbox is written with the change and drained until empty."""
import multiprocessing

from sqlalchemy import func, select

from forum import create_app
from forum.extensions import db as _db
from forum.models import Group, Post, Thread, User
from forum.models.search import SearchOutbox
from tests.search.test_contract import titles


def outbox_rows(db):
    return db.session.execute(select(SearchOutbox.kind, SearchOutbox.object_id)).all()


def test_changes_are_indexed_after_commit_and_the_outbox_emptied(db, search, make_user, make_group, make_thread):
    make_user("ann")
    make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    assert titles(search("zinc")) == ["Zinc lozenges for colds"]
    assert outbox_rows(db) == []


def test_a_killed_drain_leaves_rows_that_sync_converges(app, db, runner, search, make_user, make_group,
                                                        make_thread, post):
    """As if the worker died after the commit but before indexing: rows stay, sync indexes them."""
    app.config["SEARCH_SYNC_ON_COMMIT"] = False
    make_user("ann")
    thread_id = make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    post("ann", thread_id, "Elderberry syrup worked better for me.")
    assert {kind for kind, _ in outbox_rows(db)} >= {"post", "thread", "group"}
    assert titles(search("elderberry")) == []
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    assert titles(search("elderberry")) == ["Zinc lozenges for colds"]
    assert outbox_rows(db) == []
    assert runner.invoke(args=["search", "sync"]).output.count("(0 queued changes indexed)") == 1


def test_a_rolled_back_change_leaves_no_outbox_row(app, db, make_user):
    make_user("ann")
    with app.app_context():
        _db.session.add(Group(name="Never saved", slug="never-saved"))
        _db.session.flush()
        _db.session.rollback()
    assert outbox_rows(db) == []


def test_a_busy_index_never_fails_the_request_and_sync_catches_up(app, client, db, login, runner, search,
                                                                  make_user, make_group):
    from forum.searching import get_backend

    make_user("ann")
    slug = make_group("Colds")
    with app.app_context():
        backend = get_backend()
    app.config["SEARCH_COMMIT_LOCK_TIMEOUT"] = 0.2
    login("ann")
    with backend.hold_writes():  # no app context around the request: it gets its own, as in production
        response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": "Zinc lozenges for colds",
                                                             "body": "Do they help?"})
        assert response.status_code == 302
    assert titles(search("zinc")) == []
    assert runner.invoke(args=["search", "sync"]).exit_code == 0
    assert titles(search("zinc")) == ["Zinc lozenges for colds"]


def _write_posts(config, worker, count, thread_id):
    from forum.actions.posts import post_reply
    from forum.database import immediate_writes

    app = create_app(config)
    with app.app_context(), immediate_writes():
        user = _db.session.scalar(select(User).where(User.username == "ann"))
        for i in range(count):
            post_reply(user, _db.session.get(Thread, thread_id), f"Concurrent reply tag{worker}x{i} about zinc.")
        _db.session.remove()
        _db.engine.dispose()


def test_concurrent_writers_lose_nothing(app, app_config, db, runner, search, make_user, make_group, make_thread):
    if not app_config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return  # the point is several processes on one SQLite file and one Whoosh index
    make_user("ann")
    thread_id = make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_posts, args=(app_config, w, 12, thread_id)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(120)
        assert process.exitcode == 0
    assert runner.invoke(args=["search", "sync"]).exit_code == 0
    assert db.session.scalar(select(func.count()).select_from(Post)) == 1 + 4 * 12
    for w in range(4):
        for i in (0, 11):
            assert titles(search(f"tag{w}x{i}")) == ["Zinc lozenges for colds"], (w, i)
    assert outbox_rows(db) == []


def _write_until_killed(config, worker, thread_id):
    from forum.actions.posts import post_reply
    from forum.database import immediate_writes

    app = create_app(config)
    with app.app_context(), immediate_writes():
        user = _db.session.scalar(select(User).where(User.username == "ann"))
        for i in range(10_000):
            post_reply(user, _db.session.get(Thread, thread_id), f"killtest reply w{worker}n{i}")


def test_after_sigkill_mid_write_sync_converges(app, app_config, db, runner, search, make_user, make_group,
                                                make_thread):
    """Writers are SIGKILLed at an arbitrary moment (perhaps mid-commit or mid-index): nothing is lost."""
    import os
    import signal
    import time

    from forum.extensions import login_manager
    from forum.searching.service import run_search
    from search.interface import Filters

    if not app_config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    make_user("ann")
    thread_id = make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_write_until_killed, args=(app_config, w, thread_id)) for w in range(3)]
    for process in workers:
        process.start()
    # Kill them once they have written something (a loaded machine starts forked writers slowly).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not db.session.scalar(
            select(func.count()).select_from(Post).where(Post.body_source.like("killtest%"))):
        time.sleep(0.2)
    time.sleep(1.0)
    for process in workers:
        os.kill(process.pid, signal.SIGKILL)
        process.join()
    written = db.session.scalar(select(func.count()).select_from(Post).where(Post.body_source.like("killtest%")))
    assert written > 0
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    # Every reply found (counted as documents: the page would show one row, the thread)
    with app.test_request_context():
        assert run_search(login_manager.anonymous_user(), "killtest", Filters()).total == written
    assert outbox_rows(db) == []
