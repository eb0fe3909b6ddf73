"""The app's side of search: which backend, what a document is, who may see it.

The ``search`` package is a library that knows nothing of Askwell's models or
permissions. This package gives it everything: ``get_backend`` builds the
configured backend with its index folder or database, ``documents`` turns rows
into ``search.interface.Document`` values, ``outbox`` keeps the index in step
with every write, ``service`` answers the pages (loading the rows behind the
hits, snippets, did-you-mean) and ``routes`` are the /search pages (the
``searching`` blueprint).
"""
from __future__ import annotations

from flask import Blueprint, Flask, current_app

from search import BACKENDS, make_backend
from search.interface import SearchBackend

bp = Blueprint("searching", __name__)
_KEY = "askwell_search"


def init_app(app: Flask) -> None:
    """Check the search configuration; the backend itself opens on first use.

    Raises RuntimeError when ``SEARCH_BACKEND`` is unknown, or is ``postgres``
    while the database is not PostgreSQL.
    """
    from forum.searching import outbox  # noqa: F401  (registers the session hooks)

    name = app.config.get("SEARCH_BACKEND", "whoosh")
    if name not in BACKENDS:
        raise RuntimeError(f"SEARCH_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}.")
    if name == "postgres" and not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        raise RuntimeError("SEARCH_BACKEND=postgres needs a PostgreSQL database (DATABASE_URL=postgresql://...); "
                           "unset SEARCH_BACKEND to use the built-in Whoosh index instead.")
    app.config.setdefault("SEARCH_SYNONYMS_FILE", f"{app.instance_path}/search-synonyms.txt")
    app.config.setdefault("SEARCH_SYNC_ON_COMMIT", True)
    app.config.setdefault("SEARCH_LOCK_TIMEOUT", 30)
    app.config.setdefault("SEARCH_COMMIT_LOCK_TIMEOUT", 3)
    app.extensions[_KEY] = None


def get_backend(app: Flask | None = None) -> SearchBackend:
    """The app's backend, built on first use (call inside an app context)."""
    app = app or current_app._get_current_object()
    backend = app.extensions.get(_KEY)
    if backend is None:
        backend = app.extensions[_KEY] = _make(app)
    return backend


def _make(app: Flask) -> SearchBackend:
    from forum.extensions import db
    from forum.models.search import search_documents
    from search.synonyms import load

    name = app.config.get("SEARCH_BACKEND", "whoosh")
    from forum.drugs.synonyms import synonym_file_path

    vocabulary = load(app.config.get("SEARCH_SYNONYMS_FILE"), synonym_file_path(app)).vocabulary
    if name == "postgres":
        return make_backend("postgres", table=search_documents, engine=db.engine, session=lambda: db.session,
                            vocabulary=vocabulary, lock_timeout=app.config["SEARCH_LOCK_TIMEOUT"])
    if name == "whoosh":
        return make_backend("whoosh", index_dir=app.config["SEARCH_INDEX_DIR"],
                            lock_timeout=app.config["SEARCH_LOCK_TIMEOUT"], vocabulary=vocabulary)
    return make_backend(name)


from forum.searching import routes  # noqa: E402,F401
