"""Background jobs: after the commit, never for a rollback, retried, run by a real RQ worker."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from flask import Blueprint
from sqlalchemy import func, select

from forum import jobs
from forum.extensions import db
from forum.mail import MailError, build_message, send_once
from forum.models import MailDelivery, User

REDIS_URL = os.environ.get("TEST_JOBS_REDIS_URL", "redis://127.0.0.1:6379/3")
RAN: list = []


def remember(value, *, tag="x"):
    """A job: note that it ran, and whether it can see committed users."""
    RAN.append((value, tag, db.session.scalar(select(func.count(User.id)))))


def flaky(marker: str):
    """A job that fails on its first try (the marker file tells tries apart)."""
    path = Path(marker)
    if not path.exists():
        path.write_text("tried")
        raise MailError("the server said no")
    RAN.append(("second try", "flaky", 0))


def mail_job(key: str):
    """A job that sends one email through send_once (as notification jobs do)."""
    send_once(key, build_message("a@example.com", "Hello", "Plain text", html="<p>HTML</p>"))


@pytest.fixture(autouse=True)
def _clear():
    RAN.clear()


def mails(app) -> list[Path]:
    folder = Path(app.config["MAIL_DIR"])
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def test_a_job_enqueued_in_a_transaction_runs_after_the_commit(app, make_user):
    make_user("first")
    with app.app_context():
        db.session.add(User(username="second", username_key="second", email="second@example.com", password_hash="x"))
        jobs.enqueue(remember, 1, tag="commit")
        assert RAN == []
        db.session.commit()
    assert RAN == [(1, "commit", 2)]


def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_runs(app):
    with app.app_context():
        db.session.add(User(username="second", username_key="second", email="second@example.com", password_hash="x"))
        jobs.enqueue(remember, 1)
        db.session.rollback()
        db.session.commit()
    assert RAN == []


def test_a_job_outside_a_writing_transaction_runs_at_once(app):
    with app.app_context():
        db.session.scalar(select(func.count(User.id)))  # a read opens a transaction, writes nothing
        jobs.enqueue(remember, 2)
        assert RAN == [(2, "x", 0)]


def test_only_module_level_functions_can_be_jobs(app):
    with app.app_context(), pytest.raises(ValueError):
        jobs.enqueue(lambda: None)


def test_in_a_request_the_job_runs_after_the_response(app, client):
    bp = Blueprint("jobs_probe", __name__)

    @bp.post("/_probe")
    def probe():
        db.session.add(User(username="probe", username_key="probe", email="probe@example.com", password_hash="x"))
        jobs.enqueue(remember, 3)
        db.session.commit()
        assert RAN == []  # not in the request itself
        return "ok"

    app.register_blueprint(bp)
    assert client.post("/_probe").status_code == 200
    assert RAN == [(3, "x", 1)]


def test_a_failing_job_is_retried_in_process(app, tmp_path):
    with app.app_context():
        jobs.enqueue(flaky, str(tmp_path / "marker"))
    assert RAN == [("second try", "flaky", 0)]


def test_send_once_never_sends_the_same_delivery_twice(app):
    with app.app_context():
        jobs.enqueue(mail_job, "welcome:1")
        jobs.enqueue(mail_job, "welcome:1")
        jobs.enqueue(mail_job, "welcome:2")
        assert db.session.scalars(select(MailDelivery.status).order_by(MailDelivery.key)).all() == ["sent", "sent"]
    sent = mails(app)
    assert len(sent) == 2
    text = sent[0].read_text()
    assert "Plain text" in text and "<p>HTML</p>" in text and "multipart/alternative" in text


def test_a_failed_delivery_is_sent_by_the_retry(app, monkeypatch):
    from forum import mail

    real, calls = mail._deliver, []

    def fail_once(message, config):
        calls.append(1)
        if len(calls) == 1:
            raise MailError("connection refused")
        real(message, config)

    monkeypatch.setattr(mail, "_deliver", fail_once)
    with app.app_context():
        jobs.enqueue(mail_job, "retry:1")
    assert len(calls) == 2 and len(mails(app)) == 1


# -- with Redis and a real RQ worker ----------------------------------------------------

@pytest.fixture
def redis_app(app):
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    # A queue of its own (another test run on this machine may share the Redis database).
    queue = f"askwell-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    app.config.update(JOBS_REDIS_URL=REDIS_URL, JOBS_QUEUE=queue, JOBS_RETRY_INTERVALS=[0])
    yield app
    from rq import Queue

    Queue(queue, connection=connection).empty()
    connection.close()


def work(app) -> None:
    from rq import SimpleWorker

    queue = jobs.queue(app)
    with app.app_context():
        SimpleWorker([queue], connection=queue.connection).work(burst=True)


def test_a_job_goes_to_redis_after_the_commit_and_a_real_worker_runs_it(redis_app, make_user):
    make_user("first")
    queue = jobs.queue(redis_app)
    with redis_app.app_context():
        db.session.add(User(username="second", username_key="second", email="second@example.com", password_hash="x"))
        jobs.enqueue(remember, 5, tag="rq")
        assert queue.count == 0
        db.session.commit()
    assert queue.count == 1 and RAN == []
    work(redis_app)
    assert RAN == [(5, "rq", 2)] and queue.count == 0


def test_a_failing_job_is_retried_by_the_worker_and_mail_is_sent_once(redis_app, tmp_path):
    with redis_app.app_context():
        jobs.enqueue(flaky, str(tmp_path / "marker"))
        jobs.enqueue(mail_job, "rq:1")
        jobs.enqueue(mail_job, "rq:1")
    work(redis_app)
    assert RAN == [("second try", "flaky", 0)]
    assert len(mails(redis_app)) == 1


def test_the_worker_command_runs_queued_jobs(redis_app, runner):
    with redis_app.app_context():
        jobs.enqueue(mail_job, "cli:1")
    result = runner.invoke(args=["jobs", "worker", "--burst", "--simple"])
    assert result.exit_code == 0, result.output
    assert len(mails(redis_app)) == 1


def test_jobs_help_and_worker_without_redis(runner):
    assert "worker" in runner.invoke(args=["jobs", "--help"]).output
    result = runner.invoke(args=["jobs", "worker", "--burst"])
    assert result.exit_code != 0 and "JOBS_REDIS_URL" in result.output


def test_a_savepoint_is_not_the_commit(app):
    with app.app_context():
        db.session.add(User(username="second", username_key="second", email="second@example.com", password_hash="x"))
        jobs.enqueue(remember, 6)
        with db.session.begin_nested():
            pass
        assert RAN == []
        db.session.commit()
    assert [r[0] for r in RAN] == [6]
