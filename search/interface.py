"""The one small interface every search backend implements, and its value types.

A backend writes ``Changes`` (documents to add, keys to remove), and answers a
``SearchRequest`` with ranked document keys (``SearchPage``); it also suggests
spellings, finds similar questions and rebuilds itself. Permissions arrive as a
``Scope`` and are applied inside the backend's query (a Whoosh mask, a SQL
WHERE), never by dropping rows after paging. Snippets are made afterwards by
``search.snippets`` from the words a backend reports as matched.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

PER_PAGE = 20
KINDS = ("thread", "post", "group", "article", "drug")


class QuerySyntaxError(ValueError):
    """A query we cannot run; ``str(error)`` tells the person how to fix it."""


@dataclass(frozen=True)
class Document:
    """What the index knows about one thread, reply, group, article or drug."""

    key: str  # "t:12", "p:34", "g:5", "a:7", "d:9"
    kind: str
    object_id: int
    group_id: int | None
    thread_kind: str
    expert: bool
    public: bool
    created_at: datetime
    title: str
    body: str
    thread_id: int | None = None  # a thread's own id, or a reply's thread: its row on the search page


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


class Changes:
    """What one batch of changes means for the index: documents to write, keys and
    whole groups to remove. ``put`` files a document under the right one."""

    def __init__(self):
        self.documents: dict[str, Document] = {}
        self.removals: set[str] = set()
        self.purged_groups: set[int] = set()

    def put(self, doc: Document) -> None:
        if doc.public:
            self.documents[doc.key] = doc
            self.removals.discard(doc.key)
        else:
            self.removals.add(doc.key)
            self.documents.pop(doc.key, None)


@dataclass
class SearchPage:
    keys: list[str]
    total: int
    page: int
    per_page: int
    terms: set[str] = field(default_factory=set)  # words to highlight
    also_searched: list[str] = field(default_factory=list)  # synonym terms the query added
    # Each key's row on the search page ("t:12" for that thread and its replies; other kinds are
    # their own row), when the backend knows them; otherwise the page looks the threads up.
    rows: list[str] | None = None


class SearchBackend(ABC):
    """Implemented by ``WhooshBackend`` and ``PostgresBackend``."""

    name = "abstract"

    @abstractmethod
    def search(self, query, filters: Filters, scope: Scope, page: int, per_page: int = PER_PAGE) -> SearchPage:
        """Ranked keys for one page of hits of the parsed ``query`` (``search.query.Query``)."""

    @abstractmethod
    def count(self, query, scope: Scope) -> int:
        """How many documents ``scope`` may see match ``query``."""

    def matches_any(self, query, scope: Scope) -> bool:
        """Whether any document ``scope`` may see matches ``query`` (a backend may stop at the first)."""
        return self.count(query, scope) > 0

    @abstractmethod
    def unknown_words(self, words: Iterable[str], scope: Scope) -> list[str]:
        """The words (lower case) that occur in no document ``scope`` may see.

        A word found only where the viewer may not look counts as unknown, so the
        answer is the same as if that text did not exist."""

    @abstractmethod
    def suggest_word(self, word: str, scope: Scope) -> str | None:
        """The closest word to a misspelled one, or None: a word of the synonym
        vocabulary or, spelled exactly so, of a document ``scope`` may see (never
        a word that only private text holds)."""

    @abstractmethod
    def similar(self, text: str, scope: Scope, limit: int = 5) -> list[str]:
        """Keys of questions whose words resemble ``text``."""

    @abstractmethod
    def rebuild(self, documents: Iterator[Document], total: int, progress: Callable[[int], None]) -> None:
        """Build a fresh index from ``documents`` beside the live one and swap it in."""

    @abstractmethod
    def writing(self, lock_timeout: float | None = None):
        """Context manager: take the index's write lock, yield ``write(changes)``.

        ``changes`` is a ``Changes``. Raises ``IndexBusy``.
        """

    def needs_build(self) -> bool:
        """True when no index exists yet, so ``sync`` should build one from scratch."""
        return False

    def document_count(self) -> int | None:
        """How many documents the index holds (public or not); None when it cannot tell.
        ``sync`` compares it with the database to notice an index that lost documents."""
        return None

    def close(self) -> None:  # noqa: B027 (optional: most backends hold no files)
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
