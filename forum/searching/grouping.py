"""Search results grouped by thread: one row per thread, its best-matching post first.

The backend ranks documents (a thread's title and opening post, each reply,
groups, articles, drugs); the search page shows one row per thread, the
best-ranked of its documents, with how many more of its posts match. Rows are
made from the first ``MAX_RANKED`` documents of the ranking (the backend's
scoped query: nothing the viewer may not see is among them), and the total and
the pager count exactly those rows, so every row counted can be paged to.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from forum.extensions import db
from forum.models import Post
from search.interface import PER_PAGE, SearchPage

MAX_RANKED = 1000  # documents read to make rows; deeper matches are not offered
_CHUNK = 500  # ids per IN (...) list


@dataclass
class Rows:
    """One page of thread rows: ``page.keys`` is each row's best document, ``page.total`` the rows."""

    page: SearchPage
    more: dict[str, int] = field(default_factory=dict)  # best key -> other matches in its thread
    capped: bool = False  # the ranking went deeper than MAX_RANKED documents


def thread_of_posts(post_ids: list[int]) -> dict[int, int]:
    """Reply id -> its thread id, in a few batched queries."""
    found: dict[int, int] = {}
    for start in range(0, len(post_ids), _CHUNK):
        found.update(db.session.execute(select(Post.id, Post.thread_id)
                                        .where(Post.id.in_(post_ids[start:start + _CHUNK]))).all())
    return found


def _rows_from_database(keys: list[str]) -> list[str]:
    """Each key's row: a reply's is its thread's, looked up; every other key is its own."""
    posts = thread_of_posts([int(k[2:]) for k in keys if k.startswith("p:")])
    return [f"t:{posts[int(k[2:])]}" if k.startswith("p:") and int(k[2:]) in posts else k for k in keys]


def group_by_thread(ranked: SearchPage, page: int, per_page: int = PER_PAGE) -> Rows:
    """Page ``page`` of the rows made from ``ranked`` (the backend's first page of up to
    ``MAX_RANKED`` keys, best first)."""
    rows: dict[str, list[str]] = {}
    for key, row in zip(ranked.keys, getattr(ranked, "rows", None) or _rows_from_database(ranked.keys)):
        rows.setdefault(row, []).append(key)
    ordered = list(rows.values())
    shown = ordered[(page - 1) * per_page:page * per_page]
    keys = [members[0] for members in shown]
    more = {members[0]: len(members) - 1 for members in shown if len(members) > 1}
    out = SearchPage(keys, len(ordered), page, per_page, ranked.terms, getattr(ranked, "also_searched", []))
    return Rows(out, more, ranked.total > len(ranked.keys))
