"""Reading threads: one thread or post with what its page needs, the answer order, links.

The default order of a question's posts puts the question first, then answers
by verified experts, then the accepted answer, then the most helpful, then the
oldest; it is computed in SQL over the whole thread so pagination is stable.
``?sort=oldest`` gives plain posting order. Expert credentials are loaded with
the authors in the same statement, and the reader's own votes in one more.
"""
from __future__ import annotations

from flask import abort, current_app, request, url_for
from sqlalchemy import and_, case, func, select, tuple_
from sqlalchemy.orm import contains_eager
from sqlalchemy.orm.attributes import set_committed_value

from forum.extensions import db
from forum.models import ExpertVerification, HelpfulVote, Post, Thread, User

SORTS = ("best", "oldest")


def requested_sort(thread: Thread) -> str:
    """``best`` (the default for questions) or ``oldest``; 404 for anything else."""
    sort = request.args.get("sort", "best")
    if sort not in SORTS:
        abort(404)
    return sort if thread.is_question else "oldest"


def posts_per_page() -> int:
    return current_app.config["POSTS_PER_PAGE"]


def _with_authors():
    return (
        select(Post).outerjoin(Post.author).outerjoin(User.current_verification)
        .options(contains_eager(Post.author).contains_eager(User.current_verification)
                 .joinedload(ExpertVerification.verified_by))
    )


def _best_order(thread: Thread) -> list:
    """Sort keys, smallest first: question, public, expert, accepted, most helpful, oldest."""
    public = and_(Post.deleted_at.is_(None), Post.hidden_at.is_(None))
    return [
        case((Post.number == 1, 0), else_=1),
        case((public, 0), else_=1),
        case((ExpertVerification.id.is_not(None), 0), else_=1),
        case((Post.id == (thread.accepted_post_id or 0), 0), else_=1),
        -Post.helpful_count,
        Post.number,
    ]


def _best_key(post: Post) -> tuple:
    """``post``'s own values of the ``_best_order`` keys."""
    expert = post.author is not None and post.author.current_verification is not None
    return (0 if post.is_opening else 1, 0 if post.is_public else 1, 0 if expert else 1,
            0 if post.thread.accepted_post_id == post.id else 1, -post.helpful_count, post.number)


def position_in_best_order(post: Post) -> int:
    """How many posts come before ``post`` in the default answer order (one COUNT)."""
    keys = _best_order(post.thread)
    return db.session.scalar(
        select(func.count()).select_from(Post).outerjoin(Post.author).outerjoin(User.current_verification)
        .where(Post.thread_id == post.thread_id, tuple_(*keys) < tuple_(*_best_key(post))))


def page_of_posts(thread: Thread, sort: str, offset: int, limit: int) -> list[Post]:
    """One page of ``thread``'s posts in the reader's chosen order, authors and credentials loaded,
    each post's ``thread`` set to ``thread`` (the permission checks read it for every post)."""
    stmt = _with_authors().where(Post.thread_id == thread.id)
    if sort == "oldest":
        # Numbers have no gaps (deleted posts stay as placeholders): a page is a range.
        stmt = stmt.where(Post.number.between(offset + 1, offset + limit)).order_by(Post.number)
    else:
        stmt = stmt.order_by(*_best_order(thread)).offset(offset).limit(limit)
    posts = list(db.session.scalars(stmt))
    for post in posts:
        set_committed_value(post, "thread", thread)
    return posts


def my_votes(user, posts: list[Post]) -> set[int]:
    """Which of ``posts`` the reader has marked helpful (one statement)."""
    if not getattr(user, "is_authenticated", False) or not posts:
        return set()
    return set(db.session.scalars(select(HelpfulVote.post_id).where(
        HelpfulVote.user_id == user.id, HelpfulVote.post_id.in_([p.id for p in posts]))))


def page_of(post: Post, sort: str = "best") -> int:
    """The page ``post`` is on in the thread's default order (or oldest first, ``sort="oldest"``)."""
    if post.thread.is_question and not post.is_opening and sort != "oldest":
        return position_in_best_order(post) // posts_per_page() + 1
    return (post.number - 1) // posts_per_page() + 1


def post_url(post: Post, sort: str = "best") -> str:
    """The thread page ``post`` is on, anchored at it; ``sort="oldest"`` keeps a question's
    oldest-first order (the reader's choice) instead of the best-first default."""
    page = page_of(post, sort)
    args = {"page": page} if page > 1 else {}
    if sort == "oldest" and post.thread.is_question:
        args["sort"] = "oldest"
    return url_for("threads.show", thread_id=post.thread_id, **args) + f"#post-{post.number}"
