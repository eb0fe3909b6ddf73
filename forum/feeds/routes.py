"""Feed routes: ``/groups/<slug>/feed.atom``, ``/t/<id>/feed.atom``, ``/second-opinion/feed.atom``.

A feed answers 404 wherever an anonymous visitor could not read the page (a private
group, a hidden or merged thread), for everyone, so a feed URL can be shared without
ever carrying private text. Each is one bounded query (``forum.feeds.queries``).
"""
from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, abort, url_for

from forum import permissions
from forum.feeds import bp
from forum.feeds.atom import MIMETYPE, Entry, Feed, render
from forum.feeds.queries import article_feed_items, group_feed_items, thread_feed_items
from forum.models import Post
from forum.queries import group_or_404, thread_or_404

FEED_MAX_AGE = 300
# An empty feed still needs an <updated>: a fixed moment, so it does not change on every fetch.
EMPTY_FEED_UPDATED = datetime(2024, 1, 1, tzinfo=UTC)


def _author(user) -> str:
    return user.name if user is not None else "A former member"


def _post_entry(post: Post, title: str) -> Entry:
    link = url_for("threads.permalink", post_id=post.id, _external=True)
    shown = permissions.shows_author(post) and permissions.shows_author(post.thread)
    return Entry(id=link, title=title, link=link, published=post.created_at,
                 updated=post.edited_at or post.created_at,
                 author=_author(post.author) if shown else "An anonymous member",
                 content_html=post.body_html)


def _answer(feed: Feed) -> Response:
    response = Response(render(feed), mimetype=MIMETYPE)
    response.cache_control.public = True
    response.cache_control.max_age = FEED_MAX_AGE
    return response


def _newest(entries: list[Entry], otherwise):
    return max((e.updated for e in entries), default=otherwise)


@bp.route("/groups/<slug>/feed.atom")
def group(slug):
    found = group_or_404(slug)
    if not permissions.can_syndicate_group(found):
        abort(404)
    entries = [_post_entry(p, p.thread.title) for p in group_feed_items(found)]
    link = url_for("groups.show", slug=found.slug, _external=True)
    return _answer(Feed(id=link, title=f"{found.name} · new threads", subtitle=found.description[:300],
                        link=link, self_link=url_for("feeds.group", slug=found.slug, _external=True),
                        updated=_newest(entries, found.created_at), entries=entries))


@bp.route("/t/<int:thread_id>/feed.atom")
def thread(thread_id):
    found = thread_or_404(thread_id)
    if not permissions.can_syndicate_thread(found):
        abort(404)
    entries = [_post_entry(p, found.title if p.is_opening else f"Re: {found.title} (#{p.number})")
               for p in thread_feed_items(found)]
    link = url_for("threads.show", thread_id=found.id, _external=True)
    return _answer(Feed(id=link, title=found.title, subtitle=f"In {found.group.name}", link=link,
                        self_link=url_for("feeds.thread", thread_id=found.id, _external=True),
                        updated=_newest(entries, found.created_at), entries=entries))


@bp.route("/second-opinion/feed.atom")
def second_opinion():
    entries = []
    for article in article_feed_items():
        link = url_for("second_opinion.show", article_id=article.id, _external=True)
        entries.append(Entry(id=link, title=article.title, link=link, published=article.created_at,
                             updated=article.edited_at or article.created_at, author=_author(article.author),
                             summary=article.summary, content_html=article.body_html))
    link = url_for("second_opinion.index", _external=True)
    return _answer(Feed(id=link, title="Second Opinion", link=link,
                        subtitle="Verified experts' perspectives on the health topics our community asks about",
                        self_link=url_for("feeds.second_opinion", _external=True),
                        updated=_newest(entries, EMPTY_FEED_UPDATED), entries=entries))
