"""Background jobs: RQ on Redis in production, in-process after the commit otherwise.

``enqueue(func, *args, **kwargs)`` runs a module-level function later, in its own
app context, so a request never pays for fan-out or for talking to a mail server.

- With ``JOBS_REDIS_URL`` set, the job goes to an RQ queue (``JOBS_QUEUE``) and a
  worker (``flask --app forum jobs worker``) runs it; a job that raises is retried
  with backoff (``JOBS_RETRY_INTERVALS`` seconds between tries).
- Without it (SQLite, ``make run``, tests) the job runs in this process: in a thread
  started once the response is made (it runs while the response goes out, and the
  response's close waits for it), at once when there is no request. A failure is
  retried as many times, at once, and then logged. (Not in the response's close
  itself: werkzeug's development server closes a response only once it has drained
  the client's socket, which a browser can keep open for many seconds.)

Either way a job enqueued inside a transaction that writes is handed over only
after that transaction commits (the rows it needs are then visible to it) and is
dropped if it rolls back. Arguments must be plain data (ids, strings): a job
loads what it needs again, and checks permissions again, when it runs. A job that
may be retried must be safe to run twice: mail goes through ``forum.mail.send_once``,
which records every delivery and never sends the same one twice.
"""
from __future__ import annotations

import importlib
import logging
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from flask import Flask, current_app, g, has_app_context, has_request_context
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

PENDING = "askwell_jobs_pending"  # session.info: jobs waiting for the commit
WROTE = "askwell_jobs_wrote"      # session.info: this transaction has written
_REQUEST_JOBS = "_askwell_jobs"   # flask.g: eager jobs waiting for the response to close
_worker_app: Flask | None = None
_paused = ContextVar("askwell_jobs_paused", default=False)


@contextmanager
def paused():
    """Drop jobs enqueued inside the block: for seeding history (the demo), which is not news
    anyone should be emailed about. Never for anything a person does on the site."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


@dataclass(frozen=True)
class JobSpec:
    path: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


def enqueue(func, *args, **kwargs) -> None:
    """Run ``func(*args, **kwargs)`` in the background (see the module docstring).

    Raises ValueError if ``func`` is not a module-level function (a worker could not
    import it).
    """
    spec = JobSpec(_dotted_path(func), args, kwargs)
    if _paused.get():
        return
    from forum.extensions import db

    session = db.session() if has_app_context() else None
    if session is not None and _writing(session):
        session.info.setdefault(PENDING, []).append(spec)
    else:
        _dispatch(spec)


def _dotted_path(func) -> str:
    module, name = getattr(func, "__module__", None), getattr(func, "__qualname__", "")
    if not module or not name or "." in name or "<" in name:
        raise ValueError(f"jobs must be module-level functions, not {func!r}")
    return f"{module}:{name}"


def _writing(session: Session) -> bool:
    return bool(session.in_transaction() and (
        session.new or session.dirty or session.deleted or session.info.get(WROTE)))


@event.listens_for(Session, "after_flush")
def _mark_flush(session, _context):
    session.info[WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _mark_bulk(state):
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE] = True


@event.listens_for(Session, "after_commit")
def _hand_over(session):
    if session.in_nested_transaction():
        return  # a savepoint released: the real commit is still to come
    session.info.pop(WROTE, None)
    for spec in session.info.pop(PENDING, ()):
        try:
            _dispatch(spec)
        except Exception:  # the commit stands; a lost notification must not fail the request
            if has_app_context() and current_app.testing:
                raise
            log.exception("jobs: could not hand over %s", spec.path)


@event.listens_for(Session, "after_rollback")
def _drop(session):
    if session.in_nested_transaction():
        return  # a savepoint rolled back (a lost race): the transaction goes on
    session.info.pop(WROTE, None)
    session.info.pop(PENDING, None)


# -- where a job goes -------------------------------------------------------------------

def _dispatch(spec: JobSpec) -> None:
    config = current_app.config if has_app_context() else {}
    if config.get("JOBS_REDIS_URL"):
        queue(current_app).enqueue(
            run_job, spec.path, list(spec.args), dict(spec.kwargs),
            retry=_retry(config), job_timeout=config.get("JOBS_TIMEOUT", 600),
            description=spec.path)
    elif has_request_context():
        g.setdefault(_REQUEST_JOBS, []).append(spec)
    else:
        _run_eager(current_app._get_current_object() if has_app_context() else None, spec)


def _retry(config):
    from rq import Retry

    intervals = list(config.get("JOBS_RETRY_INTERVALS") or [10, 60, 300])
    return Retry(max=len(intervals), interval=intervals)


def queue(app: Flask):
    """The RQ queue jobs go to. Raises RuntimeError without ``JOBS_REDIS_URL``."""
    from redis import Redis
    from rq import Queue

    url = app.config.get("JOBS_REDIS_URL")
    if not url:
        raise RuntimeError("JOBS_REDIS_URL is not set: jobs run in-process")
    state = app.extensions.setdefault("askwell_jobs", {})
    if "queue" not in state:
        state["queue"] = Queue(app.config.get("JOBS_QUEUE", "askwell"), connection=Redis.from_url(url))
    return state["queue"]


def _run_eager(app: Flask | None, spec: JobSpec) -> None:
    tries = 1 + len(app.config.get("JOBS_RETRY_INTERVALS") or [10, 60, 300]) if app else 1
    for attempt in range(1, tries + 1):
        try:
            run_job(spec.path, spec.args, spec.kwargs, app=app)
            return
        except Exception:
            if app is not None and app.testing and attempt == tries:
                raise  # a bug in a job fails the test that caused it
            log.exception("jobs: %s failed (try %d of %d)", spec.path, attempt, tries)


class _RequestJobs(threading.Thread):
    """A request's in-process jobs, run in order on their own thread; ``wait`` joins it and
    re-raises a job's error under ``app.testing`` (a bug in a job fails the test that caused it)."""

    def __init__(self, app: Flask, specs: list[JobSpec]):
        super().__init__(name="askwell-request-jobs", daemon=True)
        self.app, self.specs, self.error = app, specs, None

    def run(self) -> None:
        try:
            for spec in self.specs:
                _run_eager(self.app, spec)
        except Exception as error:  # only under app.testing: _run_eager logs otherwise
            self.error = error

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


def run_job(path: str, args, kwargs, app: Flask | None = None):
    """Import and run one job in a fresh app context (what the RQ worker calls)."""
    from forum.database import immediate_writes

    module, name = path.split(":")
    func = getattr(importlib.import_module(module), name)
    app = app or (current_app._get_current_object() if has_app_context() else _app_for_worker())
    with app.app_context(), immediate_writes():
        return func(*args, **kwargs)


def use_app_for_worker(app: Flask) -> None:
    """Run this worker's jobs in ``app`` (the CLI's) rather than building one."""
    global _worker_app
    _worker_app = app


def _app_for_worker() -> Flask:
    global _worker_app
    if _worker_app is None:
        from forum import create_app

        _worker_app = create_app()
    return _worker_app


def init_app(app: Flask) -> None:
    """Run a request's in-process jobs once its response has been sent."""

    @app.after_request
    def _after_response(response):
        specs = g.pop(_REQUEST_JOBS, None)
        if specs:
            runner = _RequestJobs(current_app._get_current_object(), specs)
            runner.start()
            response.call_on_close(runner.wait)
        return response

    @app.teardown_request
    def _left_over(_error):
        # Jobs handed over after the response was made (a commit in teardown) run now.
        for spec in g.pop(_REQUEST_JOBS, None) or ():
            _run_eager(current_app._get_current_object(), spec)
