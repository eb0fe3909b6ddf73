"""``flask --app forum jobs ...``: the background-job worker (and, for cron, digests)."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from forum import jobs
from forum.extensions import db

jobs_cli = AppGroup("jobs", help="Background jobs: run a worker (RQ on JOBS_REDIS_URL).")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Run the jobs waiting now, then exit.")
@click.option("--simple", is_flag=True, help="Run jobs in this process instead of a fork per job.")
def worker_command(burst: bool, simple: bool) -> None:
    """Run queued jobs until stopped (needs JOBS_REDIS_URL)."""
    from rq import SimpleWorker, Worker

    app = current_app._get_current_object()
    if not app.config.get("JOBS_REDIS_URL"):
        raise click.ClickException("JOBS_REDIS_URL is not set: without it jobs run in the web process "
                                   "and no worker is needed.")
    queue = jobs.queue(app)
    jobs.use_app_for_worker(app)
    # A forked job must not share the parent's database connections.
    db.engine.dispose()
    worker_class = SimpleWorker if simple else Worker
    worker = worker_class([queue], connection=queue.connection)
    worker.work(burst=burst, with_scheduler=True)


@jobs_cli.command("digests")
@click.option("--daily", "period", flag_value="daily", help="Send the daily digests (run once a day).")
@click.option("--weekly", "period", flag_value="weekly", help="Send the weekly digests (run once a week).")
def digests_command(period: str | None) -> None:
    """Queue a digest of unread activity for everyone who chose this period (for cron)."""
    from forum.models import utcnow
    from forum.notifications.emails import digest_period_key, send_digest, users_due_a_digest

    if period is None:
        raise click.UsageError("Choose --daily or --weekly.")
    key = digest_period_key(period, utcnow())
    users = users_due_a_digest(period)
    for user_id in users:
        jobs.enqueue(send_digest, user_id, period, key)
    click.echo(f"Queued {len(users)} {period} digest(s).")
