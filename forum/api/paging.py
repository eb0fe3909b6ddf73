"""Keyset pages on the API: the same ``forum.pagination`` cursors and orders as the pages.

A list answers with ``cursors.older`` (pass it as ``after=``) and
``cursors.newer`` (as ``before=``); each page is one bounded statement however
deep. A cursor that does not decode for this list is a 404, as on the pages.
"""
from __future__ import annotations

from flask import abort

from forum.api.errors import problem
from forum.extensions import db
from forum.pagination import KeysetPage, decode_cursor, keyset_page


def cursor_page(stmt, keyset, per_page: int, args: dict) -> KeysetPage:
    given = [name for name in ("after", "before") if args.get(name)]
    if len(given) > 1:
        abort(problem(422, "Send after= or before=, not both."))
    direction = values = None
    if given:
        direction = given[0]
        values = decode_cursor(args[direction], keyset.kinds)
        if values is None:
            abort(problem(404, "That cursor does not belong to this list; start again without after= or before=."))
    page = keyset_page(db.session, stmt, keyset, per_page, direction, values)
    if page.reached_start:  # "newer" past the top: the first page
        page = keyset_page(db.session, stmt, keyset, per_page)
    return page


def cursors(page: KeysetPage) -> dict:
    return {"older": page.older, "newer": page.newer}
