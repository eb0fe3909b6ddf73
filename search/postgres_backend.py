"""The PostgreSQL full-text backend (``SEARCH_BACKEND=postgres``), for sites on PostgreSQL.

Documents live in ``search_documents`` with a weighted ``tsvector`` (title A,
body B, English stemming) under a GIN index, so any number of web servers share
one index and a search is one SQL statement. Permissions and filters are part
of the WHERE clause. Writers serialise on a transaction-scoped advisory lock
(the counterpart of Whoosh's write lock), taken before they read what to
index. A rebuild replaces every row in one transaction: readers see the old
documents until it commits.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

from sqlalchemy import (
    DDL,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    case,
    delete,
    event,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSVECTOR, insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from search.interface import Changes, IndexBusy, SearchBackend, SearchPage
from search.text import edit_distance, words

CONFIG = "english"
LOCK_KEY = 0x41534B57  # "ASKW"
EXACT_TIER = 100
BATCH = 1000
SIMILAR_TERMS = 12


def documents_table(metadata: MetaData, datetime_type) -> Table:
    """The ``search_documents`` table on ``metadata`` (``datetime_type``: the app's UTC type).

    On SQLite it stays empty (the Whoosh backend keeps its own index).
    """
    return Table(
        "search_documents", metadata,
        Column("key", String(24), primary_key=True),
        Column("kind", String(16), nullable=False),
        Column("object_id", Integer, nullable=False),
        Column("group_id", Integer),
        Column("thread_kind", String(16), nullable=False, default=""),
        Column("expert", Boolean, nullable=False, default=False),
        Column("public", Boolean, nullable=False, default=True),
        Column("created_at", datetime_type, nullable=False),
        Column("title", Text, nullable=False, default=""),
        Column("body", Text, nullable=False, default=""),
        Column("tsv", Text().with_variant(TSVECTOR(), "postgresql")),
        Index("ix_search_documents_tsv", "tsv", postgresql_using="gin"),
        Index("ix_search_documents_created_at", "created_at"),
    )


def words_table(metadata: MetaData) -> Table:
    """The ``search_words`` table: every word of every indexed document, spelled as written
    (``to_tsvector('simple', ...)``), under a trigram index (``pg_trgm``) for did-you-mean.

    Words are only added: a word whose documents are gone or hidden is still a row, and
    ``suggest_word`` offers it only once a document the viewer may see holds it, exactly so.
    """
    table = Table(
        "search_words", metadata,
        Column("word", String(64), primary_key=True),
        Index("ix_search_words_trgm", "word", postgresql_using="gin", postgresql_ops={"word": "gin_trgm_ops"}),
    )
    # ``create_all`` (tests, a fresh database) needs the extension before the index; migrations create it too.
    event.listen(table, "before_create", DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"))
    return table


# The words of the documents with the given keys, into ``search_words`` (one statement a batch).
ADD_WORDS = text(
    "INSERT INTO search_words (word) SELECT DISTINCT t.lexeme FROM search_documents d, "
    "unnest(to_tsvector('simple', d.title || ' ' || d.body)) AS t(lexeme, positions, weights) "
    "WHERE d.key = ANY(:keys) AND length(t.lexeme) BETWEEN 2 AND 64 ON CONFLICT DO NOTHING")
SUGGEST_CANDIDATES = 20

TSV = text("setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')")


def _row(doc) -> dict:
    return {"key": doc.key, "kind": doc.kind, "object_id": doc.object_id, "group_id": doc.group_id,
            "thread_kind": doc.thread_kind, "expert": doc.expert, "public": doc.public,
            "created_at": doc.created_at, "title": doc.title, "body": doc.body}


def _write_rows(session, table: Table, docs) -> None:
    rows = [_row(d) for d in docs if d.public]
    for start in range(0, len(rows), BATCH):
        stmt = insert(table).values(rows[start:start + BATCH])
        stmt = stmt.on_conflict_do_update(index_elements=[table.c.key], set_={
            c: stmt.excluded[c] for c in ("kind", "object_id", "group_id", "thread_kind", "expert", "public",
                                          "created_at", "title", "body")})
        session.execute(stmt)
    if rows:
        keys = [r["key"] for r in rows]
        session.execute(table.update().where(table.c.key.in_(keys)).values(tsv=TSV))
        session.execute(ADD_WORDS, {"keys": keys})


class _Compiler:
    """Turns a ``search.query.Query`` into tsquery expressions (English stemming)."""

    def word(self, word):
        return func.plainto_tsquery(CONFIG, word)

    def phrase(self, ws):
        return func.phraseto_tsquery(CONFIG, " ".join(ws))

    def exact(self, unit):
        if unit.phrase:
            return self.phrase(unit.words)
        return _all([self.word(w) for w in unit.words])

    def unit(self, unit):
        exact = self.exact(unit)
        if not unit.synonyms:
            return exact, None
        alternatives = [self.word(s[0]) if len(s) == 1 else self.phrase(s) for s in unit.synonyms]
        return _any([exact] + alternatives), exact

    def query(self, parsed):
        """(tsquery to match, exact-tier tsqueries, tsquery of excluded words or None)."""
        parts, tiers = [], []
        for group in parsed.groups:
            compiled = [self.unit(u) for u in group]
            parts.append(_any([q for q, _ in compiled]))
            tiers += [exact for _, exact in compiled if exact is not None]
        excluded = _any([self.exact(u) for u in parsed.excluded]) if parsed.excluded else None
        return _all(parts), tiers, excluded


def _all(queries):
    out = queries[0]
    for q in queries[1:]:
        out = out.op("&&")(q)
    return out


def _any(queries):
    out = queries[0]
    for q in queries[1:]:
        out = out.op("||")(q)
    return out


def _matches(columns, tsquery):
    return columns.tsv.op("@@", is_comparison=True)(tsquery)


def _visible(columns, scope) -> list:
    where = [columns.public.is_(True)]
    if scope.hidden_group_ids:
        where.append(or_(columns.group_id.is_(None), columns.group_id.not_in(sorted(scope.hidden_group_ids))))
    return where


def _conditions(columns, parsed, filters, scope) -> tuple[list, object]:
    q, tiers, excluded = _Compiler().query(parsed)
    where = [*_visible(columns, scope), _matches(columns, q)]
    if excluded is not None:
        where.append(~_matches(columns, excluded))
    if filters is not None:
        if filters.group_id is not None:
            where.append(columns.group_id == filters.group_id)
        if filters.kind:
            where.append(columns.thread_kind == filters.kind)
        if filters.expert:
            where.append(columns.expert.is_(True))
    rank = func.ts_rank(columns.tsv, q)
    for tier in tiers:
        rank = rank + case((_matches(columns, tier), EXACT_TIER), else_=0)
    return where, rank


class PostgresBackend(SearchBackend):
    name = "postgres"

    def __init__(self, *, table: Table, engine, session: Callable[[], Session], vocabulary=(),
                 lock_timeout: float = 30.0):
        self.table, self.c = table, table.c
        self.engine = engine
        self.session = session  # the caller's session for reads (the request's transaction)
        self.vocabulary = sorted(vocabulary)
        self.lock_timeout = lock_timeout

    @contextmanager
    def hold_writes(self):
        """Keep other writers waiting (session-level advisory lock on its own connection)."""
        with self.engine.connect() as connection:
            connection.execute(select(func.pg_advisory_lock(LOCK_KEY)))
            try:
                yield
            finally:
                connection.execute(select(func.pg_advisory_unlock(LOCK_KEY)))
                connection.commit()

    def search(self, query, filters, scope, page, per_page=20):
        c, session = self.c, self.session()
        where, rank = _conditions(c, query, filters, scope)
        order = [c.created_at.desc()] if filters.sort == "newest" else [rank.desc(), c.created_at.desc()]
        # The page and the total in one pass: the count is taken over every visible match before
        # the page is cut from them. Only a page past the end has no row to carry it.
        rows = session.execute(select(c.key, func.count().over().label("total")).where(*where)
                               .order_by(*order, c.key).offset((page - 1) * per_page).limit(per_page)).all()
        total = rows[0].total if rows else (
            0 if page == 1 else session.scalar(select(func.count()).select_from(self.table).where(*where)))
        return SearchPage([r.key for r in rows], total, page, per_page, query.highlight_words(),
                          query.added_synonyms())

    def document_count(self):
        return self.session().scalar(select(func.count()).select_from(self.table))

    def count(self, query, scope):
        where, _ = _conditions(self.c, query, None, scope)
        return self.session().scalar(select(func.count()).select_from(self.table).where(*where))

    def unknown_words(self, ws, scope):
        session, c = self.session(), self.c
        return [w for w in ws if session.scalar(
            select(c.key).where(*_visible(c, scope), _matches(c, func.plainto_tsquery(CONFIG, w))).limit(1)) is None]

    def suggest_word(self, word, scope):
        """The nearest word of the documents ``scope`` may see, or of the synonym vocabulary.

        Candidates are the words most like ``word`` by trigrams (``pg_trgm`` on
        ``search_words``, an index look-up however big the site), within two edits and with the
        same first letter. Each is offered only if a document ``scope`` may see holds it, spelled
        exactly so (a private word is never a suggestion), nearest first."""
        session, c = self.session(), self.c
        found = session.execute(text(
            "SELECT word FROM search_words WHERE word % :word AND left(word, 1) = left(:word, 1) "
            "ORDER BY similarity(word, :word) DESC, word LIMIT :limit"),
            {"word": word, "limit": SUGGEST_CANDIDATES}).scalars().all()
        known = {t for t in self.vocabulary if t[:1] == word[:1]}
        likeness = {w: i for i, w in enumerate(found)}  # most alike first
        near = {w: d for w in {*found, *known} if w != word and (d := edit_distance(word, w)) <= 2}
        for candidate in sorted(near, key=lambda w: (near[w], likeness.get(w, len(found)), w)):
            if candidate in known or session.scalar(select(c.key).where(
                    *_visible(c, scope), _matches(c, func.plainto_tsquery(CONFIG, candidate)),
                    text("to_tsvector('simple', title || ' ' || body) @@ plainto_tsquery('simple', :exact)")
                    .bindparams(exact=candidate)).limit(1)) is not None:
                return candidate
        return None

    def similar(self, text_, scope, limit=5):
        terms = list(dict.fromkeys(words(text_)))[:SIMILAR_TERMS]
        if not terms:
            return []
        c = self.c
        q = _any([func.plainto_tsquery(CONFIG, t) for t in terms])
        where = [*_visible(c, scope), _matches(c, q), c.kind == "thread", c.thread_kind == "question"]
        return list(self.session().scalars(select(c.key).where(*where)
                                           .order_by(func.ts_rank(c.tsv, q).desc(), c.key).limit(limit)))

    @contextmanager
    def _locked(self, lock_timeout, take_lock: bool = True):
        with Session(self.engine) as session:
            timeout_ms = int((self.lock_timeout if lock_timeout is None else lock_timeout) * 1000)
            session.execute(text(f"SET LOCAL lock_timeout = {max(1, timeout_ms)}"))
            if take_lock:
                try:
                    session.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
                except OperationalError:
                    raise IndexBusy("the search index stayed locked") from None
            yield session
            session.commit()

    @contextmanager
    def writing(self, lock_timeout=None):
        with self._locked(lock_timeout) as session:
            def write(changes: Changes):
                gone = list(changes.removals)
                if gone:
                    session.execute(delete(self.table).where(self.c.key.in_(gone)))
                for group_id in changes.purged_groups:
                    session.execute(delete(self.table).where(self.c.group_id == group_id))
                _write_rows(session, self.table, list(changes.documents.values()))
            yield write

    def rebuild(self, documents, total, progress):
        """Replace every document in one transaction; call inside ``hold_writes``."""
        with self._locked(None, take_lock=False) as session:
            session.execute(delete(self.table))
            batch = []
            for doc in documents:
                batch.append(doc)
                if len(batch) >= BATCH:
                    _write_rows(session, self.table, batch)
                    progress(len(batch))
                    batch = []
            _write_rows(session, self.table, batch)
            progress(len(batch))
