"""``flask --app forum search ...``: sync, rebuild and the synonym list."""
from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from forum.extensions import db
from forum.searching import get_backend
from search.interface import IndexBusy

search_cli = AppGroup("search", help="Keep the search index in step with the database.")


def _not_ready(error) -> click.ClickException:
    return click.ClickException(f"The database is not ready ({error.orig}). "
                                "Run `flask --app forum db upgrade` first.")


def rebuild_index() -> int:
    """Build a new index beside the live one, swap it in, then apply changes made meanwhile."""
    from forum.searching.documents import count_all, iter_all
    from forum.searching.outbox import delete_rows, rebuild_markers

    backend = get_backend()
    with Session(db.engine) as session:
        markers = rebuild_markers(session)
        total = count_all(session)
        with backend.hold_writes():
            with click.progressbar(length=total, label="Rebuilding search index", show_pos=True) as bar:
                backend.rebuild(iter_all(session), total, bar.update)
    if markers:
        delete_rows(markers)
    return total


def sync_index() -> int:
    """Drain the whole outbox; a queued full rebuild runs first. An index that does not match
    the database afterwards (see ``index_mismatch``) is rebuilt."""
    from forum.searching.outbox import pending

    with Session(db.engine) as session:
        waiting, wants_rebuild = pending(session)
    if get_backend().needs_build():
        click.echo("There is no search index yet, or it cannot be read; building it.")
        wants_rebuild = True
    elif wants_rebuild:
        click.echo("A full rebuild is queued (after an import or a demo seed).")
    if wants_rebuild:
        rebuild_index()
        with Session(db.engine) as session:
            waiting, _ = pending(session)
    done = _drain_all(waiting)
    if not wants_rebuild and (problem := index_mismatch()):
        click.echo(f"The search index does not match the database ({problem}); rebuilding it.")
        rebuild_index()
        with Session(db.engine) as session:
            waiting, _ = pending(session)
        done += _drain_all(waiting)
    return done


def _drain_all(waiting: int) -> int:
    from forum.searching.outbox import drain

    done = 0
    with click.progressbar(length=waiting, label="Indexing changes", show_pos=True) as bar:
        while True:
            handled = drain(None, lock_timeout=current_app.config["SEARCH_LOCK_TIMEOUT"])
            if not handled:
                break
            done += handled
            bar.update(handled)
    return done


def index_mismatch() -> str | None:
    """Why the index cannot be in step with the database (damaged, or holding too few or too many
    documents), or None when it can."""
    from forum.searching.documents import count_expected

    backend = get_backend()
    if backend.needs_build():
        return "the index is missing or cannot be read"
    found = backend.document_count()
    if found is None:
        return None
    with Session(db.engine) as session:
        public, total = count_expected(session)
    if found < public:
        return f"it holds {found:,} documents; the database has {public:,} to find"
    if found > total:
        return f"it holds {found:,} documents; the database has only {total:,}"
    return None


@search_cli.command("sync")
def sync_command():
    """Index every queued change (the outbox). Safe to run at any time, e.g. from cron.

    Changes are normally indexed right after they are saved; anything left
    over (the index was busy, a worker was killed, a bulk import) is indexed
    here. Running it twice does no harm.
    """
    try:
        done = sync_index()
    except (OperationalError, ProgrammingError) as error:
        raise _not_ready(error) from None
    except IndexBusy as error:
        raise click.ClickException(f"{error}; nothing was lost, try again in a moment.") from None
    click.echo(f"Search index is up to date ({done:,} queued change{'s' if done != 1 else ''} indexed).")


@search_cli.command("rebuild")
def rebuild_command():
    """Rebuild the whole search index from the database.

    The new index is built beside the live one, which keeps answering searches,
    and replaces it in one atomic step. Changes saved meanwhile are indexed
    straight after.
    """
    started = time.perf_counter()
    try:
        total = rebuild_index()
        sync_index()
    except (OperationalError, ProgrammingError) as error:
        raise _not_ready(error) from None
    except IndexBusy as error:
        raise click.ClickException(f"{error}; the old index is unchanged, try again in a moment.") from None
    click.echo(f"Rebuilt the search index from {total:,} records in {time.perf_counter() - started:.1f}s.")


synonyms_cli = AppGroup("synonyms", help="The medical synonym list used by search.")
search_cli.add_command(synonyms_cli)


@synonyms_cli.command("add")
@click.argument("terms")
def synonyms_add(terms):
    """Add one set of interchangeable TERMS, separated by commas.

    Example: flask --app forum search synonyms add "heartburn, acid reflux, GERD"

    The set goes into the site's own file (SEARCH_SYNONYMS_FILE, by default
    instance/search-synonyms.txt) beside the built-in list, and applies to new
    searches at once.
    """
    from search.synonyms import SynonymError, add_line

    try:
        added = add_line(current_app.config["SEARCH_SYNONYMS_FILE"], terms)
    except SynonymError as error:
        raise click.ClickException(str(error)) from None
    click.echo("Added: " + " = ".join(" ".join(t) for t in added))


@synonyms_cli.command("show")
@click.argument("term")
def synonyms_show(term):
    """Show what TERM is treated as interchangeable with."""
    from forum.searching.service import synonyms
    from search.text import words

    alternatives = synonyms().lookup(tuple(words(term)))
    if not alternatives:
        click.echo(f"No synonyms for {term!r}.")
        return
    click.echo(f"{term} = " + ", ".join(" ".join(t) for t in alternatives))
