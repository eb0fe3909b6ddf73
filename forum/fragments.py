"""Rendered-fragment cache: the viewer-independent part of each post, rendered once.

Profiling a thread page (bench/render.py --profile) shows most of the time in
templates/threads/_post.html: user links, badges and ``url_for`` for every post.
Those parts look the same to every reader who may see the post, so they are
rendered once and kept in the app cache (Flask-Caching: SimpleCache per process,
RedisCache in production).

Rules that keep this correct:

* A fragment's key is a digest of *everything it is rendered from* (the post's
  stored HTML and numbers, whether it is the accepted answer, the author's name,
  role and expert credential, whether it was posted anonymously, the fragment
  template's own source). Any change
  (an edit, accepting an answer, a renamed author, a new role, a revoked
  credential) gives a new key, so there is nothing to invalidate and no write
  path that can forget to. Old entries simply age out.
* Only what every permitted reader sees is cached: public posts' author line,
  answer badge and body. Hidden and deleted posts, relative times ("3 minutes
  ago"), votes, the reader's own vote and every control (edit, delete, flag,
  hide, accept) are rendered per request.
* Callers check permission first (``require_view``) and only pass posts the
  reader may see; the cache is never asked whether someone may see something.
* A cache that is down costs speed, never a page: errors fall back to rendering.
"""
from __future__ import annotations

import hashlib
import logging

from flask import current_app, get_template_attribute, render_template, request
from flask_login import current_user
from markupsafe import Markup

from forum import permissions
from forum.extensions import cache
from forum.templating import time_ago

log = logging.getLogger(__name__)
POST_TEMPLATE = "threads/_post_fragments.html"
# Templates a post fragment is rendered from (its macros import _macros.html).
POST_SOURCES = (POST_TEMPLATE, "_macros.html")


def template_digest(names: tuple[str, ...]) -> str:
    """A short digest of templates' source: a deploy that changes them starts fresh keys."""
    digests = current_app.extensions.setdefault("askwell_fragment_digests", {})
    if names not in digests:
        env = current_app.jinja_env
        sources = "\0".join(env.loader.get_source(env, name)[0] for name in names)
        digests[names] = hashlib.sha256(sources.encode()).hexdigest()[:12]
    return digests[names]


def _author_state(user) -> tuple:
    if user is None:
        return ("former member",)
    verification = user.current_verification
    credential = None if verification is None else (
        verification.id, verification.profession, verification.specialty,
        verification.verified_at.isoformat(), verification.verified_by.name if verification.verified_by else None)
    return (user.id, user.username, user.name, user.role, credential, user.avatar_digest)


def post_key(post, thread) -> str:
    """The cache key of ``post``'s fragment: it changes whenever the fragment would."""
    # An anonymous post's fragment is rendered from no one: keyed on the flag, never on the
    # author, so a line cached before or after "anonymous" changes can never carry the name.
    author = ("anonymous",) if post.is_anonymous else _author_state(post.author)
    parts = (
        post.id, post.number, post.thread_id, post.body_html, thread.is_question,
        thread.accepted_post_id == post.id, bool(post.is_anonymous), author, request.script_root,
    )
    return f"frag:post:{template_digest(POST_SOURCES)}:{post.id}:{state_digest(parts)}"


def cache_call(what: str, fn, *args):
    """``fn(*args)`` on the app cache, or None when the backend fails (logged as ``what``)."""
    try:
        return fn(*args)
    except Exception:  # any backend failure (Redis down, a timeout): render instead
        log.warning("app cache: %s failed; rendering without it", what, exc_info=True)
        return None


def fragment_cache_on() -> bool:
    return current_app.config.get("FRAGMENT_CACHE", True)


def state_digest(parts) -> str:
    """A short digest of everything a cached piece is rendered from (the variable part of its key)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def cached(key: str, compute, timeout: int | None = None, what: str = "fragment"):
    """The value cached under ``key``, or ``compute()``, stored unless it is None."""
    found = cache_call(f"{what} read", cache.get, key)
    if found is None:
        found = compute()
        if found is not None:
            cache_call(f"{what} write", cache.set, key, found, timeout)
    return found


def cached_many(keys: list[str], compute):
    """``[value under key]`` for ``keys``, ``compute(i)`` for each missing one: one round trip
    to read them all and at most one to store what was missing."""
    found = list(cache_call("read", cache.get_many, *keys) or [None] * len(keys))
    missing = {}
    for i, value in enumerate(found):
        if value is None:
            found[i] = missing[keys[i]] = compute(i)
    if missing:
        cache_call("write", cache.set_many, missing)
    return found


def _fragments(items, key_of, template: str, *extra) -> dict[int, dict[str, Markup]]:
    """{item id: {"author": ..., "content": ...}} for the public ``items``, each rendered by
    ``template``'s ``author(item)`` and ``content(item, *extra)`` macros and cached under
    ``key_of(item)``: one cache round trip to read every fragment on the page and at most one
    to store the missing ones."""
    public = [item for item in items if item.is_public]
    if not public or not fragment_cache_on():
        return {}
    def render(i):  # on a miss only: the page's fragments are usually all in the cache
        author, content = get_template_attribute(template, "author"), get_template_attribute(template, "content")
        return {"author": str(author(public[i])), "content": str(content(public[i], *extra))}

    found = cached_many([key_of(item) for item in public], render)
    # Stored strings are the template's own output (bodies through moderation.sanitize).
    return {item.id: {name: Markup(html) for name, html in hit.items()} for item, hit in zip(public, found, strict=True)}


def post_fragments(thread, posts) -> dict[int, dict[str, Markup]]:
    """The cached author line and content of the public posts in ``posts``. The caller has
    already checked that the reader may see ``thread``."""
    return _fragments(posts, lambda post: post_key(post, thread), POST_TEMPLATE, thread)


POSTS_TEMPLATE = "threads/_posts.html"
POSTS_SOURCES = (POSTS_TEMPLATE, "threads/_post.html", "threads/_answer_actions.html", POST_TEMPLATE,
                 "_macros.html")


def _post_state(post, thread) -> tuple:
    """Everything an anonymous reader's view of ``post`` is rendered from."""
    return (post_key(post, thread) if post.is_public else None, post.id, post.number, post.author_id,
            bool(post.is_anonymous),
            post.is_deleted, post.deleted_by_id == post.author_id, post.is_hidden, post.helpful_count,
            time_ago(post.created_at), post.created_at.isoformat(),
            post.edited_at.isoformat() if post.edited_at else None,
            time_ago(post.edited_at) if post.edited_at else None)


def anonymous_posts_html(thread, posts, sort: str) -> Markup:
    """The whole list of posts as an anonymous visitor sees it, rendered once.

    Anonymous visitors all see the same thing (no controls, no votes of their own,
    placeholders for hidden posts), so the block is shared by them only, keyed by
    everything it shows, relative times included ("3 minutes ago" turns into "4
    minutes ago": a new key). Logged-in readers never use it. The caller has
    checked that anonymous visitors may see ``thread``.
    """
    parts = (thread.id, thread.is_question, thread.accepted_post_id, sort, request.script_root,
             [_post_state(p, thread) for p in posts])
    key = f"frag:anon-posts:{template_digest(POSTS_SOURCES)}:{thread.id}:{state_digest(parts)}"

    def render():
        return render_template(POSTS_TEMPLATE, thread=thread, posts=posts, fragments=post_fragments(thread, posts),
                               my_votes=set(), reply_form=None, csrf_field="", sort=sort)

    # The stored string is this template's own output (bodies through moderation.sanitize).
    return Markup(cached(key, render) if fragment_cache_on() else render())


REVIEW_TEMPLATE = "drugs/_review_fragments.html"
REVIEW_SOURCES = (REVIEW_TEMPLATE, "_macros.html")


def review_key(review) -> str:
    """The cache key of a drug review's fragment: it changes whenever the fragment would."""
    parts = (review.id, review.condition, review.duration, tuple(review.ratings()), tuple(review.side_effects or ()),
             review.body_html, _author_state(review.author), request.script_root)
    return f"frag:review:{template_digest(REVIEW_SOURCES)}:{review.id}:{state_digest(parts)}"


def review_fragments(reviews) -> dict[int, dict[str, Markup]]:
    """The cached author line and content of the public reviews in ``reviews``, as for posts.
    The caller shows only reviews the reader may see."""
    return _fragments(reviews, review_key, REVIEW_TEMPLATE)


ROW_SOURCES = ("_macros.html",)


def thread_row_key(thread, show_group: bool) -> str:
    """The cache key of ``thread``'s row in a list: it changes whenever the row would.

    The row names the author, unless the thread is anonymous; then it says "You (posted
    anonymously)" to its author alone, so that is part of the key and not the author.
    Relative times are keyed as shown ("3 minutes ago" becoming "4 minutes ago": a new key).
    """
    if thread.is_anonymous:
        author = ("anonymous", permissions.posted_anonymously_by(current_user, thread))
    elif thread.author is None:
        author = ("former member",)
    else:  # what the byline shows: the name, the profile link and the role badge
        user = thread.author
        author = (user.id, user.username, user.name, user.role)
    group = (thread.group.slug, thread.group.name) if show_group else None
    parts = (thread.id, thread.title, thread.kind, thread.is_pinned, thread.is_locked, thread.expert_answer_count,
             thread.reply_count, author, group, thread.last_activity_at.isoformat(), time_ago(thread.last_activity_at),
             request.script_root)
    return f"frag:row:{template_digest(ROW_SOURCES)}:{thread.id}:{state_digest(parts)}"


def thread_rows(threads, show_group: bool = False) -> Markup:
    """Every row of a thread list (``_macros.html``'s ``thread_row``), each from the app cache
    when its key is there: one round trip to read them all and at most one to store the missing.

    A row shows nothing a reader of the list may not see (the caller lists only threads the
    reader may see), and nothing that differs between readers but the anonymous author's
    "You", which is in the key.
    """
    threads = list(threads)

    def render(i):
        return str(get_template_attribute("_macros.html", "thread_row")(threads[i], show_group=show_group))

    if fragment_cache_on():
        rows = cached_many([thread_row_key(t, show_group) for t in threads], render) if threads else []
    else:
        rows = [render(i) for i in range(len(threads))]
    # Stored strings are the macro's own output (titles and names escaped by Jinja).
    return Markup("".join(rows))
