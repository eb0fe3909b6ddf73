"""What the pages ask of search: a page of results, did-you-mean, similar questions.

Hits come back from the backend as keys; this module loads the twenty rows of
a page in a few batched queries, makes escaped snippets, and applies the
permission checks of ``forum.permissions`` once more as a safety net (the
backend already filtered in its query).
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app, url_for
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.extensions import cache, db
from forum.fragments import cache_call
from forum.models import Article, Drug, Group, Post, Thread
from forum.searching import get_backend, grouping
from search.interface import PER_PAGE, Filters, QuerySyntaxError, Scope
from search.query import parse
from search.snippets import SearchedWords, make_snippet
from search.synonyms import load as load_synonyms
from search.text import html_to_text

log = logging.getLogger(__name__)
SEARCH_CACHE_SECONDS = 600


@dataclass
class Hit:
    kind: str
    url: str | None
    title: str
    snippet: Markup
    created_at: datetime | None
    group: Group | None = None
    author: object = None
    thread: Thread | None = None
    key: str = ""  # the document's search key ("t:12", "p:34")
    more: int = 0  # other matches in this thread (grouped results)
    anonymous: bool = False  # posted anonymously: ``author`` is None and the page says "An anonymous member"


@dataclass
class Results:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    error: str | None = None
    suggestion: str | None = None
    unavailable: bool = False  # the index could not be read (error says so)
    also_searched: list[str] = field(default_factory=list)  # synonyms the search added
    capped: bool = False  # grouped rows made from the best MAX_RANKED matches only
    corrected_from: str | None = None  # what was typed, when these are the results for ``query`` instead


UNAVAILABLE = ("Search is unavailable right now: the search index is being repaired. Nothing is lost; "
               "please try again in a few minutes, or browse the groups meanwhile.")


def scope_for(user) -> Scope:
    return Scope(frozenset(permissions.search_hidden_group_ids(user)))


def synonyms():
    from forum.drugs.synonyms import synonym_file_path

    return load_synonyms(current_app.config.get("SEARCH_SYNONYMS_FILE"), synonym_file_path())


def run_search(user, text: str, filters: Filters, page: int = 1, correct: bool = False,
               grouped: bool = False) -> Results:
    """One page of results for ``text``; a malformed query gives ``Results.error``.

    ``grouped`` (the search page) makes one row per thread (``forum.searching.grouping``):
    ``total`` counts rows and each hit says how many more posts of its thread match.

    When ``text`` finds nothing and its did-you-mean does, the results are the corrected
    search's if ``correct`` (the search page; ``query`` is then the correction and
    ``corrected_from`` what was typed)."""
    results = Results(query=text, page=page)
    try:
        parsed = parse(text, synonyms())
    except QuerySyntaxError as error:
        results.error = str(error)
        return results
    scope = scope_for(user)
    try:
        found, results.suggestion, more, results.capped = _page_of(text, parsed, filters, scope, page, grouped)
        if correct and found.total == 0 and results.suggestion:
            corrected = results.suggestion
            instead = _page_of(corrected, parse(corrected, synonyms()), filters, scope, page, grouped,
                               suggest=False)
            if instead[0].total:
                (found, _, more, results.capped), results.query = instead, corrected
                results.corrected_from, results.suggestion = text, None
    except Exception:  # a damaged or missing index: say so, never a 500 (`search sync` repairs it)
        log.warning("search index unreadable; showing 'search is unavailable'", exc_info=True)
        results.error, results.unavailable = UNAVAILABLE, True
        return results
    if found.total == 0 and get_backend().needs_build() and _has_documents():
        # Nothing found because the index is gone (its folder deleted), not because nothing matches.
        results.error, results.unavailable = UNAVAILABLE, True
        return results
    # getattr: a page cached before the field existed has none
    results.total, results.also_searched = found.total, getattr(found, "also_searched", [])
    results.hits = load_hits(user, found.keys, found.terms)
    for hit in results.hits:
        hit.more = more.get(hit.key, 0)
    return results


def _page_of(text: str, parsed, filters: Filters, scope: Scope, page: int, grouped: bool,
             suggest: bool = True):
    """(a page of keys, did-you-mean (None unless ``suggest``), best key -> more matches in its
    thread, whether rows were made from only the best ``grouping.MAX_RANKED`` matches)."""
    if not grouped:
        found, suggestion = _matches(text, parsed, filters, scope, page, suggest=suggest)
        return found, suggestion, {}, False
    ranked, suggestion = _matches(text, parsed, filters, scope, 1, grouping.MAX_RANKED, suggest=suggest)
    rows = grouping.group_by_thread(ranked, page)
    return rows.page, suggestion, rows.more, rows.capped


def _matches(text: str, parsed, filters: Filters, scope: Scope, page: int, per_page: int = PER_PAGE,
             suggest: bool = True):
    """(the backend's page of keys, did-you-mean), from the results cache when the index
    has not changed since. The key holds the parsed query (synonyms included), filters,
    page and the viewer's scope (which private groups stay out), so visitors who may see
    different things never share an entry; ``load_hits`` checks each row again anyway."""
    backend = get_backend()
    version = backend.version() if current_app.config.get("SEARCH_RESULTS_CACHE", True) else None

    def suggestion():
        return did_you_mean(text, parsed, scope) if suggest else None

    if version is None:
        return backend.search(parsed, filters, scope, page, per_page), suggestion()
    parts = (backend.name, version, text, repr(parsed), repr(filters), sorted(scope.hidden_group_ids), page,
             per_page, suggest)
    key = "search:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    cached = cache_call("search results read", cache.get, key)
    if cached is None:
        cached = (backend.search(parsed, filters, scope, page, per_page), suggestion())
        cache_call("search results write", cache.set, key, cached, SEARCH_CACHE_SECONDS)
    return cached


def did_you_mean(text: str, parsed, scope: Scope) -> str | None:
    """``text`` with unknown words corrected, if the corrected search finds something.

    Both steps see only what ``scope`` may see: a word is unknown when no visible
    document holds it, and a correction is a word of a visible document (or of the
    synonym vocabulary), so no suggestion ever spells out private text, whatever
    else the query holds (``OR`` and a public word included)."""
    backend = get_backend()
    known = set(synonyms().vocabulary)
    unknown = [w for w in dict.fromkeys(parsed.positive_words()) if w not in known and not w.isdigit()]
    unknown = backend.unknown_words(unknown, scope) if unknown else []
    corrected = text
    for word in unknown:
        better = backend.suggest_word(word, scope)
        if better:
            corrected = re.sub(rf"(?i)\b{re.escape(word)}\b", better, corrected)
    if corrected == text:
        return None
    try:
        return corrected if backend.matches_any(parse(corrected, synonyms()), scope) else None
    except QuerySyntaxError:
        return None


def _article_url(article) -> str:
    return url_for("second_opinion.show", article_id=article.id)


def _author(item):
    """The author a hit names: nobody for an anonymous thread or post."""
    return item.author if permissions.shows_author(item) else None


def load_hits(user, keys: list[str], terms: set[str]) -> list[Hit]:
    """The rows behind ``keys``, in order, as hits with snippets."""
    ids: dict[str, list[int]] = {}
    for key in keys:
        prefix, _, number = key.partition(":")
        ids.setdefault(prefix, []).append(int(number))
    match = SearchedWords(terms)
    hits: dict[str, Hit] = {}
    if ids.get("t"):
        threads = db.session.scalars(select(Thread).options(joinedload(Thread.group), joinedload(Thread.author))
                                     .where(Thread.id.in_(ids["t"]))).all()
        openings = dict(db.session.execute(select(Post.thread_id, Post.body_html).where(
            Post.thread_id.in_(ids["t"]), Post.number == 1, Post.deleted_at.is_(None), Post.hidden_at.is_(None))).all())
        for t in threads:
            if t.id in openings and permissions.can_view_thread(user, t):
                hits[f"t:{t.id}"] = Hit("thread", url_for("threads.show", thread_id=t.id), t.title,
                                        make_snippet(html_to_text(openings[t.id]), match), t.created_at,
                                        t.group, _author(t), t, anonymous=not permissions.shows_author(t))
    if ids.get("p"):
        posts = db.session.scalars(
            select(Post).options(joinedload(Post.thread).joinedload(Thread.group), joinedload(Post.author))
            .where(Post.id.in_(ids["p"]), Post.deleted_at.is_(None), Post.hidden_at.is_(None))).all()
        for p in posts:
            if permissions.can_view_thread(user, p.thread):
                hits[f"p:{p.id}"] = Hit("post", url_for("threads.permalink", post_id=p.id), p.thread.title,
                                        make_snippet(html_to_text(p.body_html), match), p.created_at,
                                        p.thread.group, _author(p), p.thread, anonymous=not permissions.shows_author(p))
    if ids.get("g"):
        for g in db.session.scalars(select(Group).where(Group.id.in_(ids["g"]))):
            hits[f"g:{g.id}"] = Hit("group", url_for("groups.show", slug=g.slug), g.name,
                                    make_snippet(g.description or "", match), g.created_at, g)
    if ids.get("a"):
        for a in db.session.scalars(select(Article).options(joinedload(Article.author))
                                    .where(Article.id.in_(ids["a"]))):
            text = " ".join(filter(None, (a.summary, html_to_text(a.body_html))))
            hits[f"a:{a.id}"] = Hit("article", _article_url(a), a.title, make_snippet(text, match),
                                    a.created_at, author=a.author)
    if ids.get("d"):
        for d in db.session.scalars(select(Drug).where(Drug.id.in_(ids["d"]))):
            about = " · ".join(filter(None, (d.kind_enum.label, d.drug_class, ", ".join(d.brand_names[:6]))))
            hits[f"d:{d.id}"] = Hit("drug", url_for("drugs.show", drug_slug=d.slug), d.name,
                                    make_snippet(about, match), None)
    for key, hit in hits.items():
        hit.key = key
    return [hits[k] for k in keys if k in hits]


def similar_questions(user, title: str, body: str = "", limit: int = 5) -> list[Thread]:
    """Up to ``limit`` existing questions like the one being written, that ``user`` may see."""
    text = f"{title or ''} {body or ''}"[:2000]
    if not text.strip():
        return []
    try:
        keys = get_backend().similar(text, scope_for(user), limit)
    except Exception:  # a damaged index costs the suggestions, never the page
        log.warning("search index unreadable; no similar questions", exc_info=True)
        return []
    ids = [int(k[2:]) for k in keys if k.startswith("t:")]
    if not ids:
        return []
    found = {t.id: t for t in db.session.scalars(
        select(Thread).options(joinedload(Thread.group)).where(Thread.id.in_(ids)))}
    return [found[i] for i in ids if i in found and permissions.can_view_thread(user, found[i])]


def index_health() -> None:
    """Raises if the search index is missing or cannot be read (for ``/healthz``)."""
    backend = get_backend()
    if backend.needs_build() and backend.document_count() is None and _has_documents():
        raise RuntimeError("the search index is missing or damaged; run `flask --app forum search sync`")


def _has_documents() -> bool:
    return db.session.scalar(select(Group.id).limit(1)) is not None
