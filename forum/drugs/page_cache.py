"""An anonymous visitor's drug page, rendered once and shared by anonymous visitors only.

Every anonymous visitor sees the same drug page (no votes, no controls, no own reviews),
as on a thread page (``forum.fragments.anonymous_posts_html``), so its content is kept in
the app cache (SimpleCache per process, Redis in production) under a key made of what
it is rendered from:

* the drug's row (``updated_at``: an import that changed its sections) and its
  ``reviews_version``, bumped in the transaction of every change to its reviews, a
  hidden or removed one included (``forum.drugs.summary_cache``);
* the search index's version, which changes with every post written, edited, hidden or
  moved out of sight, so "Where it is discussed" never lists a thread it should not;
* the request's path and query string (sort, condition, review page);
* the minute: relative times ("3 minutes ago"), an author's new name or badge and the
  Second Opinion list, which have no version of their own, are at most a minute old;
* the templates' own source.

When the search backend cannot give a cheap version (the PostgreSQL backend), nothing is
cached: the page is rendered for each visitor. Logged-in readers never use this cache.
A cache that is down costs speed, never the page.
"""
from __future__ import annotations

import logging
import time

from flask import request
from markupsafe import Markup

from forum.fragments import REVIEW_SOURCES, cached, fragment_cache_on, state_digest, template_digest
from forum.searching import get_backend

log = logging.getLogger(__name__)
PAGE_SOURCES = ("drugs/_page.html", "drugs/_names.html", "drugs/_sections.html", "drugs/_reviews.html",
                "drugs/_review_macros.html", "drugs/_conversations.html", "drugs/_macros.html", *REVIEW_SOURCES)
PAGE_SECONDS = 120  # the key changes every minute anyway
MAX_PATH = 2000


def _minute() -> int:
    return int(time.time() // 60)


def _index_version() -> str | None:
    try:
        return get_backend().version()
    except Exception:  # a damaged index: render the page, whose search part says so
        log.warning("search index version unreadable; drug page not cached", exc_info=True)
        return None


def anonymous_drug_page(drug, render) -> Markup | None:
    """``render(drug)`` (the page's content, or None for a redirect), or the copy cached for
    what it would be rendered from (see the module docstring)."""
    version = _index_version() if fragment_cache_on() else None
    if version is None:
        return render(drug)
    parts = (drug.id, drug.updated_at.isoformat() if drug.updated_at else None, drug.reviews_version or 0,
             version, request.script_root, request.full_path[:MAX_PATH], _minute())
    key = f"frag:anon-drug:{template_digest(PAGE_SOURCES)}:{drug.id}:{state_digest(parts)}"
    html = cached(key, lambda: _text(render(drug)), PAGE_SECONDS, "drug page")
    # The stored string is this app's own template output (review bodies through moderation.sanitize).
    return None if html is None else Markup(html)


def _text(html: Markup | None) -> str | None:
    return None if html is None else str(html)
