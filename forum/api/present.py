"""Rows as the API shows them to one caller: the same rules as the pages' templates.

A hidden post shows neither its author nor its text except to its author and
the group's moderators (``permissions.can_see_hidden_post``), exactly as the
thread page does; a deleted post shows only that it was deleted; a group's
thread count and last activity only to those who may see its threads. Nothing
here runs SQL: callers load what is shown in bounded statements first.
"""
from __future__ import annotations

from forum import permissions
from forum.api.errors import API_PREFIX


def credential(verification) -> dict | None:
    if verification is None:
        return None
    return {"profession": verification.profession, "specialty": verification.specialty,
            "specialty_label": verification.specialty_label,
            "verified_by": verification.verified_by.name if verification.verified_by else None,
            "verified_on": verification.verified_at.date()}


def user_ref(user, *, with_credential: bool = True) -> dict | None:
    """``None`` is "A former member" (a deleted account)."""
    if user is None:
        return None
    return {"username": user.username, "name": user.name, "role": user.role,
            "expert": credential(user.current_verification) if with_credential else None,
            "url": f"/u/{user.username}", "api_url": f"{API_PREFIX}/users/{user.username}"}


def group_ref(group) -> dict:
    return {"slug": group.slug, "name": group.name, "is_private": group.is_private,
            "url": f"/groups/{group.slug}", "api_url": f"{API_PREFIX}/groups/{group.slug}"}


def membership_state(viewer, group) -> str:
    m = permissions.membership(viewer, group)
    if m is None:
        return "none"
    if not m.is_active:
        return "pending"
    return "moderator" if m.is_group_moderator else "member"


def group(viewer, group) -> dict:
    visible = permissions.can_view_group_content(viewer, group)
    state = membership_state(viewer, group)
    return {
        **group_ref(group), "description": group.description, "category": group.category,
        "member_count": group.member_count,
        "thread_count": group.thread_count if visible else None,
        "last_activity_at": group.last_activity_at if visible else None,
        "membership": state,
        "can": {"view_content": visible, "join": permissions.can_join(viewer, group),
                "request_to_join": permissions.can_request_to_join(viewer, group),
                "leave": state != "none", "start_thread": permissions.can_start_thread(viewer, group),
                "moderate": permissions.can_moderate_group(viewer, group)},
        "threads_url": f"{API_PREFIX}/groups/{group.slug}/threads" if visible else None,
    }


def thread_summary(thread, group=None) -> dict:
    """``group``: the thread's group when the caller has it already (a group's list)."""
    return {
        "id": thread.id, "title": thread.title, "kind": thread.kind, "group": group_ref(group or thread.group),
        "author": user_ref(thread.author, with_credential=False) if permissions.shows_author(thread) else None,
        "anonymous": bool(thread.is_anonymous), "created_at": thread.created_at,
        "last_activity_at": thread.last_activity_at, "reply_count": thread.reply_count,
        "is_pinned": thread.is_pinned, "is_locked": thread.is_locked, "asks_expert": thread.asks_expert,
        "expert_answer_count": thread.expert_answer_count, "accepted_post_id": thread.accepted_post_id,
        "url": f"/t/{thread.id}", "api_url": f"{API_PREFIX}/threads/{thread.id}",
    }


def _state(item) -> str:
    if item.is_deleted:
        return "deleted"
    return "hidden" if item.is_hidden else "published"


def post(viewer, post, *, marked: bool = False) -> dict:
    """One post as ``viewer`` sees it on the thread page."""
    thread = post.thread
    shown = not post.is_deleted and (not post.is_hidden or permissions.can_see_hidden_post(viewer, post))
    answer = thread.is_question and not post.is_opening and post.is_public
    named = permissions.shows_author(post)
    expert = answer and named and post.author is not None and post.author.current_verification is not None
    hides_author = (post.is_hidden and not shown) or not named
    return {
        "id": post.id, "number": post.number, "thread_id": post.thread_id, "state": _state(post),
        "author": None if hides_author else user_ref(post.author),
        "anonymous": bool(post.is_anonymous),
        "body_html": post.body_html if shown else None,
        "body_markdown": post.body_source if shown else None,
        "created_at": post.created_at,
        "edited_at": post.edited_at if shown else None,
        "revision_count": post.revision_count if shown else 0,
        "helpful_count": post.helpful_count if answer else 0,
        "is_accepted": answer and thread.accepted_post_id == post.id,
        "is_expert_answer": expert,
        "hidden_reason": post.hidden_reason if post.is_hidden and shown else None,
        "deleted_by_author": (post.deleted_by_id == post.author_id) if post.is_deleted else None,
        "marked_helpful": marked,
        "can": {"edit": permissions.can_edit_post(viewer, post),
                "delete": permissions.can_delete_post(viewer, post),
                "vote_helpful": permissions.can_vote_helpful(viewer, post),
                "accept": permissions.can_accept_answer(viewer, post),
                "flag": permissions.can_flag_post(viewer, post),
                "moderate": permissions.can_moderate_post(viewer, post),
                "view_revisions": permissions.can_view_revisions(viewer, post)},
        "url": f"/p/{post.id}", "api_url": f"{API_PREFIX}/posts/{post.id}",
    }


def article_summary(article) -> dict:
    return {"id": article.id, "title": article.title, "summary": article.summary, "tags": article.tag_list,
            "reviewed_on": article.reviewed_on, "author": user_ref(article.author),
            "comment_count": article.comment_count, "created_at": article.created_at,
            "edited_at": article.edited_at, "url": f"/second-opinion/{article.id}",
            "api_url": f"{API_PREFIX}/articles/{article.id}"}


def article(article) -> dict:
    return {**article_summary(article), "body_html": article.body_html, "body_markdown": article.body_source,
            "sources_html": article.sources_html}


def comment(viewer, comment) -> dict:
    """As the article page shows it: hidden and held comments to their author and site moderators."""
    shown = not comment.is_deleted and (not comment.is_hidden or permissions.can_see_hidden_comment(viewer, comment))
    return {"id": comment.id, "article_id": comment.article_id, "state": _state(comment),
            "author": user_ref(comment.author) if shown else None,
            "body_html": comment.body_html if shown else None,
            "body_markdown": comment.body_source if shown else None,
            "created_at": comment.created_at,
            "hidden_reason": comment.hidden_reason if comment.is_hidden and shown else None,
            "deleted_by_author": (not comment.removed_by_moderator) if comment.is_deleted else None,
            "can": {"delete": permissions.can_delete_comment(viewer, comment),
                    "moderate": permissions.can_moderate_comment(viewer, comment)},
            "api_url": f"{API_PREFIX}/comments/{comment.id}"}
