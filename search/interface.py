"""The one small interface every search backend implements, and its value types.

A backend indexes ``Document`` values, removes them by key, and answers a
``SearchRequest`` with ranked document keys (``SearchPage``); it also suggests
spellings, finds similar questions and rebuilds itself. Permissions arrive as a
``Scope`` and are applied inside the backend's query (a Whoosh mask, a SQL
WHERE), never by dropping rows after paging. Snippets are made afterwards by
``search.snippets`` from the words a backend reports as matched.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, Iterable, Iterator

PER_PAGE = 20
KINDS = ("thread", "post", "group", "article")


class QuerySyntaxError(ValueError):
    """A query we cannot run; ``str(error)`` tells the person how to fix it."""


@dataclass(frozen=True)
class Document:
    """What the index knows about one thread, reply, group or article."""

    key: str  # "t:12", "p:34", "g:5", "a:7"
    kind: str
    object_id: int
    group_id: int | None
    thread_kind: str
    expert: bool
    public: bool
    created_at: datetime
    title: str
    body: str


@dataclass(frozen=True)
class Scope:
    """Whose search this is: content in ``hidden_group_ids`` must never match."""

    hidden_group_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Filters:
    group_id: int | None = None
    kind: str | None = None  # "question" or "discussion": threads and their replies only
    expert: bool = False
    sort: str = "relevance"  # or "newest"


@dataclass
class SearchPage:
    keys: list[str]
    total: int
    page: int
    per_page: int
    terms: set[str] = field(default_factory=set)  # words to highlight


class SearchBackend(ABC):
    """Implemented by ``WhooshBackend`` and ``PostgresBackend``."""

    name = "abstract"

    @abstractmethod
    def index(self, documents: Iterable[Document]) -> None:
        """Add or replace documents. Raises ``IndexBusy`` if the index stays locked."""

    @abstractmethod
    def remove(self, keys: Iterable[str]) -> None:
        """Remove documents by key (missing keys are ignored)."""

    @abstractmethod
    def remove_group(self, group_id: int) -> None:
        """Remove every document of a deleted group."""

    @abstractmethod
    def search(self, query, filters: Filters, scope: Scope, page: int, per_page: int = PER_PAGE) -> SearchPage:
        """Ranked keys for one page of hits of the parsed ``query`` (``search.query.Query``)."""

    @abstractmethod
    def count(self, query, scope: Scope) -> int:
        """How many documents ``scope`` may see match ``query``."""

    @abstractmethod
    def unknown_words(self, words: Iterable[str]) -> list[str]:
        """The words (lower case) that occur nowhere in the index."""

    @abstractmethod
    def suggest_word(self, word: str) -> str | None:
        """The closest known word to a misspelled one, or None."""

    @abstractmethod
    def similar(self, text: str, scope: Scope, limit: int = 5) -> list[str]:
        """Keys of questions whose words resemble ``text``."""

    @abstractmethod
    def rebuild(self, documents: Iterator[Document], total: int, progress: Callable[[int], None]) -> None:
        """Build a fresh index from ``documents`` beside the live one and swap it in."""

    @abstractmethod
    def writing(self, lock_timeout: float | None = None):
        """Context manager: take the index's write lock, yield ``write(changes)``.

        ``changes`` is a ``search.documents.Changes``. Raises ``IndexBusy``.
        """

    def needs_build(self) -> bool:
        """True when no index exists yet, so ``sync`` should build one from scratch."""
        return False

    def close(self) -> None:
        """Release open index files (a process that is done searching; tests)."""

    def version(self) -> str | None:
        """A token that changes whenever the index changes, so results can be cached
        under it; None (the default) when the backend cannot tell cheaply: no caching."""
        return None

    def hold_writes(self):
        """A context manager that keeps other writers out (used while rebuilding)."""
        from contextlib import nullcontext

        return nullcontext()


class IndexBusy(RuntimeError):
    """The index stayed locked by another writer for longer than the timeout."""
