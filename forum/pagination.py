"""Paging through lists.

Two kinds. ``Pager`` numbers pages of a list whose length is known and small
(the posts of one thread). ``keyset_page`` pages through lists that can grow
without bound (a group's threads, the audit log, ...) by *position*, not by
count: "Older" continues after the last row shown, "Newer" before the first,
so page 500 costs the same index range scan as page 1, no ``OFFSET`` walks
rows it throws away and no ``COUNT`` runs. The position travels in the query
string as an opaque cursor (``?after=`` / ``?before=``) holding the sort-key
values of that row; anything that does not decode to values of the expected
types is a 404, never a 500. A row that moves between two page loads (a thread
bumped by a reply) cannot break a cursor: it holds values, not a row id to look up.
"""
from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import abort, redirect, request, url_for
from sqlalchemy import Select, literal, tuple_

CURSOR_ARGS = ("after", "before")
CURSOR_MAX_CHARS = 200
# Old numbered links (?page=N) to keyset lists are still honoured up to this page.
LEGACY_PAGE_MAX = 20


def requested_page() -> int:
    """The ``page`` query argument as a positive int; 404 for nonsense."""
    raw = request.args.get("page", "1")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 7 or int(raw) < 1:
        abort(404)
    return int(raw)


@dataclass(frozen=True)
class Pager:
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link, with None where a gap (…) goes."""
        keep = {1, self.pages} | set(range(self.page - around, self.page + around + 1))
        out: list[int | None] = []
        last = 0
        for n in sorted(p for p in keep if 1 <= p <= self.pages):
            if n - last > 1:
                out.append(None)
            out.append(n)
            last = n
        return out


# --- Cursors ---------------------------------------------------------------

def _encode_value(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    """Sort-key values as a short URL-safe token."""
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _decode_value(kind: type, raw: Any) -> Any:
    """``raw`` as a ``kind``; ValueError if it is not one."""
    if kind is bool and isinstance(raw, bool):
        return raw
    # Ids are 32-bit INTEGER columns: PostgreSQL refuses a larger bound outright.
    if kind is int and isinstance(raw, int) and not isinstance(raw, bool) and -2 ** 31 <= raw < 2 ** 31:
        return raw
    # PostgreSQL refuses NUL in text.
    if kind is str and isinstance(raw, str) and len(raw) <= 100 and "\x00" not in raw:
        return raw
    if kind is datetime and isinstance(raw, str) and len(raw) <= 40:
        moment = datetime.fromisoformat(raw)
        if moment.tzinfo is None:
            raise ValueError("cursor time without a time zone")
        return moment.astimezone(UTC)  # OverflowError near year 1 or 9999
    raise ValueError(f"cursor value {raw!r} is not a {kind.__name__}")


def decode_cursor(token: str, kinds: Sequence[type]) -> tuple | None:
    """The values in ``token`` if they match ``kinds`` one for one, else None."""
    if not token or len(token) > CURSOR_MAX_CHARS:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(raw, list) or len(raw) != len(kinds):
            return None
        return tuple(_decode_value(kind, value) for kind, value in zip(kinds, raw, strict=True))
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, OverflowError):
        return None


# --- Keyset pages ----------------------------------------------------------

@dataclass(frozen=True)
class KeysetPage:
    """One page of a keyset list; ``newer``/``older`` are cursors for the links (or None)."""

    items: list
    newer: str | None
    older: str | None
    # A "Newer" step reached the top of the list: show the first page instead.
    reached_start: bool = False

    @property
    def is_first(self) -> bool:
        return self.newer is None


@dataclass(frozen=True)
class Keyset:
    """How a list is ordered: its key columns (all one direction, the last unique)
    and how to read those keys back from a loaded row."""

    columns: Sequence[Any]
    kinds: Sequence[type]
    key_of: Callable[[Any], tuple]
    descending: bool = True

    def beyond(self, values: tuple, forwards: bool):
        """Rows after ``values`` in list order (forwards) or before it."""
        row = tuple_(*self.columns)
        bound = tuple_(*(literal(v, c.type) for c, v in zip(self.columns, values, strict=True)))
        return row < bound if forwards == self.descending else row > bound

    def order(self, forwards: bool) -> list:
        down = forwards == self.descending
        return [c.desc() if down else c.asc() for c in self.columns]


def requested_cursor(keyset: Keyset) -> tuple[str | None, tuple | None]:
    """("after" | "before" | None, values) from the query string; 404 for a bad cursor."""
    given = [name for name in CURSOR_ARGS if name in request.args]
    if not given:
        return None, None
    if len(given) > 1:
        abort(404)
    values = decode_cursor(request.args.get(given[0], ""), keyset.kinds)
    if values is None:
        abort(404)
    return given[0], values


def keyset_page(session, stmt: Select, keyset: Keyset, per_page: int,
                direction: str | None = None, values: tuple | None = None) -> KeysetPage:
    """Run ``stmt`` (filters and loader options, no order or limit) for one page.

    One statement of at most ``per_page + 1`` rows, whatever the position.
    """
    forwards = direction != "before"
    if values is not None:
        stmt = stmt.where(keyset.beyond(values, forwards))
    rows = list(session.scalars(stmt.order_by(*keyset.order(forwards)).limit(per_page + 1)).unique())
    more = len(rows) > per_page
    rows = rows[:per_page]
    if forwards:
        newer = None if values is None else encode_cursor(keyset.key_of(rows[0]) if rows else values)
        older = encode_cursor(keyset.key_of(rows[-1])) if more else None
        return KeysetPage(rows, newer, older)
    if not more:
        return KeysetPage([], None, None, reached_start=True)
    rows.reverse()
    return KeysetPage(rows, encode_cursor(keyset.key_of(rows[0])), encode_cursor(keyset.key_of(rows[-1])))


def first_page_url(**overrides) -> str:
    """The current list's URL (its filters kept) with the cursor and any old ``page`` removed.

    Query arguments named like ``url_for``'s own (``_external``, ``_scheme``,
    ``endpoint``) or like a URL parameter are dropped, so a crafted query string
    can neither break the link nor point it elsewhere.
    """
    view_args = request.view_args or {}
    args = {k: v for k, v in request.args.items()
            if v != "" and k not in (*CURSOR_ARGS, "page", "endpoint") and not k.startswith("_")
            and k not in view_args}
    return url_for(request.endpoint, **{**args, **view_args, **overrides})


def to_first_page():
    return redirect(first_page_url())


def legacy_page_redirect(session, stmt: Select, keyset: Keyset, per_page: int):
    """Answer an old ``?page=N`` link to a keyset list, or None if there is none.

    Page 1 goes to the plain URL; pages up to ``LEGACY_PAGE_MAX`` (a bounded
    OFFSET of at most a few hundred index entries) to the same position as a
    cursor; later pages to the first page. A page past the end is a 404, as before.
    """
    if "page" not in request.args:
        return None
    page = requested_page()
    if page == 1 or page > LEGACY_PAGE_MAX:
        return to_first_page()
    row = session.scalars(stmt.order_by(*keyset.order(True))
                          .offset((page - 1) * per_page - 1).limit(1)).first()
    if row is None:
        abort(404)
    return redirect(first_page_url(after=encode_cursor(keyset.key_of(row))))


def keyset_list(stmt: Select, keyset: Keyset, per_page: int, session=None) -> KeysetPage:
    """The page of a keyset list that the request asks for: the one call a list view makes.

    Old ``?page=N`` links and a "Newer" step past the top redirect (raised with
    ``abort``, so the view never sees them); a malformed cursor is a 404.
    """
    if session is None:
        from forum.extensions import db

        session = db.session
    if (old_link := legacy_page_redirect(session, stmt, keyset, per_page)) is not None:
        abort(old_link)
    page = keyset_page(session, stmt, keyset, per_page, *requested_cursor(keyset))
    if page.reached_start:
        abort(to_first_page())
    return page
