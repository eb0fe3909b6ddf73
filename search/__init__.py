"""Full-text search as a library: one small interface, a query language, three backends.

The app hands every backend what it needs through its constructor (an index
folder, a database engine and session, the synonym vocabulary), so nothing
here imports the app or Flask: ``forum.searching`` loads rows, applies
permissions and builds URLs. ``make_backend`` imports a backend lazily, so
nothing outside this package imports Whoosh.

    whoosh    an index on local disk (the default: one machine)
    postgres  PostgreSQL full-text search (tsvector + GIN), shared by many app servers
    null      keeps nothing and finds nothing (tests that do not search)
"""
from __future__ import annotations

from search.interface import SearchBackend

BACKENDS = ("whoosh", "postgres", "null")


def make_backend(name: str, **options) -> SearchBackend:
    """A backend by ``name``; ``options`` are its constructor's keyword arguments.

    Raises ValueError for an unknown name.
    """
    if name == "whoosh":
        from search.whoosh_backend import WhooshBackend

        return WhooshBackend(**options)
    if name == "postgres":
        from search.postgres_backend import PostgresBackend

        return PostgresBackend(**options)
    if name == "null":
        from search.null_backend import NullBackend

        return NullBackend()
    raise ValueError(f"unknown search backend {name!r}; choose one of {', '.join(BACKENDS)}")
