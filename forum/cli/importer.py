"""``flask --app forum import FILE.jsonl``: load a community from JSON Lines.

The work is done by ``forum.importer``; this module only shows progress and
reports the result.
"""
from __future__ import annotations

import time
from pathlib import Path

import click
from flask.cli import with_appcontext

from forum.importer import RECORDS_PER_COMMIT, ImportFailed, check_file, load_file

TYPES = ("users", "groups", "threads", "posts")


def _phrase(counter) -> str:
    """"2 users, 1 groups, ..." from a plan's per-record-type counter.

    A thread record also holds its opening post, so it counts as a post too.
    """
    counts = {"users": counter["user"], "groups": counter["group"], "threads": counter["thread"],
              "posts": counter["post"] + counter["thread"]}
    return ", ".join(f"{counts[t]:,} {t}" for t in TYPES)


def _check(path: Path):
    size = path.stat().st_size
    with click.progressbar(length=size, label="Checking ", show_pos=False,
                           show_percent=True) as bar:
        return check_file(path, progress=bar.update)


def _report_problems(plan) -> None:
    for problem in plan.problems:
        click.echo(problem, err=True)
    if plan.more_problems:
        click.echo(f"... and {plan.more_problems:,} more problems.", err=True)
    total = len(plan.problems) + plan.more_problems
    raise click.ClickException(
        f"{plan.path} has {total:,} bad line{'s' if total != 1 else ''}; nothing was imported."
    )


def _load(plan, workers: int, batch: int) -> None:
    with click.progressbar(length=plan.new.total(), label="Importing", show_pos=True) as bar:
        load_file(plan, workers=workers, progress=bar.update, batch=batch)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True, path_type=Path))
@click.option("--workers", type=click.IntRange(0, 32), default=2, show_default=True,
              help="Processes that render Markdown while importing; 0 renders in this process.")
@click.option("--batch-size", "batch", type=click.IntRange(0, 1_000_000), default=RECORDS_PER_COMMIT,
              show_default=True,
              help="Records written per transaction; between two, the site's own writers go ahead. "
                   "0 writes everything in one transaction, all or nothing.")
@click.option("--check", "check_only", is_flag=True,
              help="Only validate FILE and say what would be imported; write nothing.")
@with_appcontext
def import_command(file: Path, workers: int, batch: int, check_only: bool) -> None:
    """Import users, groups, threads and posts from FILE, in Askwell's JSON Lines format.

    \b
    One JSON object per line; ids are strings, times ISO 8601 UTC ("...Z"):
      {"type": "user",   "id", "username", "email", "created_at", "role"}
      {"type": "group",  "id", "name", "description", "category", "private"}
      {"type": "thread", "id", "group", "author", "title", "body", "kind", "created_at", "views"}
      {"type": "post",   "id", "thread", "author", "body", "created_at"}
    role (admin, member, ...), description, category, private, kind (question
    or discussion) and views are optional. Titles have 10-200 characters and
    bodies (Markdown) 1-20,000. A record may only name ids from earlier lines
    or from an earlier import.

    Every line is checked first; if any is bad, each problem is listed with its
    line number and nothing is written. Then the records are written in batches
    (--batch-size), each one transaction with every counter up to date, so a live
    site keeps working meanwhile. Records imported before (matched by id) are
    skipped, so running the same file again is safe, and carries on where an
    interrupted import stopped. Imported accounts have no password: their
    owners must reset it before they can log in.
    """
    started = time.perf_counter()
    plan = _check(file)
    if plan.problems or plan.more_problems:
        _report_problems(plan)
    if plan.records == 0:
        click.echo(f"Nothing to import: {file} has no records.")
        return
    if check_only:
        click.echo(f"{file} is valid: would add {_phrase(plan.new)}; "
                   f"already present: {_phrase(plan.skipped)}.")
        return
    if plan.new.total():
        try:
            _load(plan, workers, batch)
        except ImportFailed as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"Added {_phrase(plan.new)}; already present and skipped: {_phrase(plan.skipped)}; "
               f"took {time.perf_counter() - started:.1f}s.")
    if plan.new.total():
        click.echo("A search index rebuild is queued: run `flask --app forum search sync` to make the "
                   "imported posts searchable.")
