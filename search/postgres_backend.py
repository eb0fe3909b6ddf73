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

from contextlib import contextmanager

from sqlalchemy import case, delete, func, or_, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from forum.extensions import db
from search.interface import IndexBusy, SearchBackend, SearchPage
from search.models import SearchDocument as D
from search.text import edit_distance, words

CONFIG = "english"
LOCK_KEY = 0x41534B57  # "ASKW"
EXACT_TIER = 100
BATCH = 1000
SIMILAR_TERMS = 12


TSV = text("setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')")


def _row(doc) -> dict:
    return {"key": doc.key, "kind": doc.kind, "object_id": doc.object_id, "group_id": doc.group_id,
            "thread_kind": doc.thread_kind, "expert": doc.expert, "public": doc.public,
            "created_at": doc.created_at, "title": doc.title, "body": doc.body}


def _write_rows(session, docs) -> None:
    rows = [_row(d) for d in docs if d.public]
    for start in range(0, len(rows), BATCH):
        stmt = insert(D).values(rows[start:start + BATCH])
        stmt = stmt.on_conflict_do_update(index_elements=[D.key], set_={
            **{c: stmt.excluded[c] for c in ("kind", "object_id", "group_id", "thread_kind", "expert", "public",
                                             "created_at", "title", "body")},
        })
        session.execute(stmt)
    if rows:
        keys = [r["key"] for r in rows]
        session.execute(D.__table__.update().where(D.key.in_(keys)).values(tsv=TSV))


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


def _matches(tsquery):
    return D.tsv.op("@@", is_comparison=True)(tsquery)


def _conditions(parsed, filters, scope) -> tuple[list, list, object]:
    q, tiers, excluded = _Compiler().query(parsed)
    where = [D.public.is_(True), _matches(q)]
    if excluded is not None:
        where.append(~_matches(excluded))
    if scope.hidden_group_ids:
        where.append(or_(D.group_id.is_(None), D.group_id.not_in(sorted(scope.hidden_group_ids))))
    if filters is not None:
        if filters.group_id is not None:
            where.append(D.group_id == filters.group_id)
        if filters.kind:
            where.append(D.thread_kind == filters.kind)
        if filters.expert:
            where.append(D.expert.is_(True))
    rank = func.ts_rank(D.tsv, q)
    for tier in tiers:
        rank = rank + case((_matches(tier), EXACT_TIER), else_=0)
    return where, rank, q


class PostgresBackend(SearchBackend):
    name = "postgres"

    def __init__(self, lock_timeout: float = 30.0):
        self.lock_timeout = lock_timeout

    @contextmanager
    def hold_writes(self):
        """Keep other writers waiting (session-level advisory lock on its own connection)."""
        with db.engine.connect() as connection:
            connection.execute(select(func.pg_advisory_lock(LOCK_KEY)))
            try:
                yield
            finally:
                connection.execute(select(func.pg_advisory_unlock(LOCK_KEY)))
                connection.commit()

    def search(self, query, filters, scope, page, per_page=20):
        where, rank, _ = _conditions(query, filters, scope)
        total = db.session.scalar(select(func.count()).select_from(D).where(*where))
        order = [D.created_at.desc()] if filters.sort == "newest" else [rank.desc(), D.created_at.desc()]
        keys = list(db.session.scalars(select(D.key).where(*where).order_by(*order, D.key)
                                       .offset((page - 1) * per_page).limit(per_page)))
        return SearchPage(keys, total, page, per_page, query.highlight_words())

    def count(self, query, scope):
        where, _, _ = _conditions(query, None, scope)
        return db.session.scalar(select(func.count()).select_from(D).where(*where))

    def unknown_words(self, ws):
        return [w for w in ws if db.session.scalar(
            select(D.key).where(_matches(func.plainto_tsquery(CONFIG, w))).limit(1)) is None]

    def suggest_word(self, word):
        """The nearest indexed word; reads the word statistics of the whole table (slow on big sites)."""
        from search.service import synonyms

        rows = db.session.execute(text(
            "SELECT word, ndoc FROM ts_stat('SELECT to_tsvector(''simple'', title || '' '' || body) "
            "FROM search_documents WHERE public') WHERE word LIKE :prefix AND length(word) BETWEEN :lo AND :hi"),
            {"prefix": word[:1] + "%", "lo": len(word) - 2, "hi": len(word) + 2}).all()
        candidates = {r.word: r.ndoc for r in rows}
        for term in synonyms().vocabulary:
            if term[:1] == word[:1]:
                candidates.setdefault(term, 0)
        scored = [(edit_distance(word, w), -n, w) for w, n in candidates.items() if w != word]
        best = min((s for s in scored if s[0] <= 2), default=None)
        return best[2] if best else None

    def similar(self, text_, scope, limit=5):
        terms = list(dict.fromkeys(words(text_)))[:SIMILAR_TERMS]
        if not terms:
            return []
        q = _any([func.plainto_tsquery(CONFIG, t) for t in terms])
        where = [D.public.is_(True), _matches(q), D.kind == "thread", D.thread_kind == "question"]
        if scope.hidden_group_ids:
            where.append(or_(D.group_id.is_(None), D.group_id.not_in(sorted(scope.hidden_group_ids))))
        return list(db.session.scalars(select(D.key).where(*where)
                                       .order_by(func.ts_rank(D.tsv, q).desc(), D.key).limit(limit)))

    @contextmanager
    def _locked(self, lock_timeout, take_lock: bool = True):
        with Session(db.engine) as session:
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
            def write(changes):
                gone = list(changes.removals)
                if gone:
                    session.execute(delete(D).where(D.key.in_(gone)))
                for group_id in changes.purged_groups:
                    session.execute(delete(D).where(D.group_id == group_id))
                _write_rows(session, list(changes.documents.values()))
            yield write

    def index(self, documents):
        from search.documents import Changes

        changes = Changes()
        for doc in documents:
            changes.put(doc)
        with self.writing() as write:
            write(changes)

    def remove(self, keys):
        with self._locked(None) as session:
            session.execute(delete(D).where(D.key.in_(list(keys))))

    def remove_group(self, group_id):
        with self._locked(None) as session:
            session.execute(delete(D).where(D.group_id == group_id))

    def rebuild(self, documents, total, progress):
        """Replace every document in one transaction; call inside ``hold_writes``."""
        with self._locked(None, take_lock=False) as session:
            session.execute(delete(D))
            batch = []
            for doc in documents:
                batch.append(doc)
                if len(batch) >= BATCH:
                    _write_rows(session, batch)
                    progress(len(batch))
                    batch = []
            _write_rows(session, batch)
            progress(len(batch))
