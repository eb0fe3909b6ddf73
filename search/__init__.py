"""Full-text search: one small interface, two backends, an outbox that loses nothing.

``forum`` calls in through this package only: ``init_app`` (from
``create_app``), ``get_backend`` and the functions in ``search.service``
(search a page of results, did-you-mean, similar questions). The backend is
chosen by ``SEARCH_BACKEND`` (``whoosh``, the default, or ``postgres``) and
imported lazily; nothing outside this package imports Whoosh. Importing this
package registers the session hooks of ``search.outbox``.
"""
from __future__ import annotations

from flask import Flask, current_app

from search import outbox  # noqa: F401  (registers the session hooks)
from search.interface import SearchBackend

BACKENDS = ("whoosh", "postgres")
_KEY = "askwell_search"


def init_app(app: Flask) -> None:
    """Check the search configuration; the backend itself opens on first use.

    Raises RuntimeError when ``SEARCH_BACKEND`` is unknown, or is ``postgres``
    while the database is not PostgreSQL.
    """
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
    app = app or current_app._get_current_object()
    backend = app.extensions.get(_KEY)
    if backend is None:
        backend = app.extensions[_KEY] = _make_backend(app)
    return backend


def _make_backend(app: Flask) -> SearchBackend:
    from search.synonyms import load

    if app.config.get("SEARCH_BACKEND") == "postgres":
        from search.postgres_backend import PostgresBackend

        return PostgresBackend()
    from search.whoosh_backend import WhooshBackend

    vocabulary = load(app.config.get("SEARCH_SYNONYMS_FILE")).vocabulary
    return WhooshBackend(app.config["SEARCH_INDEX_DIR"], app.config["SEARCH_LOCK_TIMEOUT"], vocabulary)
