"""Groups: list and show with the caller's membership; a group's threads (keyset pages, the
group page's order); join, ask to join, leave — the same actions as the group pages."""
from flask import current_app

from forum import permissions, queries
from forum.actions import groups as group_actions
from forum.api import present
from forum.api.auth import api_user
from forum.api.confirm import act
from forum.api.paging import cursor_page, cursors
from forum.api.schemas.common import CursorArgsSchema
from forum.api.schemas.groups import GroupListSchema, GroupSchema, JoinRequestSchema
from forum.api.schemas.threads import ThreadListSchema
from forum.api.spec import resource
from forum.groups.queries import THREAD_ORDER, group_threads
from forum.views import require_visible

blp = resource("Groups", __name__, "Support groups, their threads, and joining them.")


@blp.route("/groups")
@blp.etag
@blp.response(200, GroupListSchema)
def list_groups():
    """Every group, as on /groups, with your membership and what you may do."""
    user = api_user()
    return {"groups": [present.group(user, g) for g in queries.all_groups()]}


@blp.route("/groups/<slug>")
@blp.etag
@blp.response(200, GroupSchema)
def show_group(slug):
    """One group. A private group's name and description are public; its threads are not."""
    return present.group(api_user(), queries.group_or_404(slug))


@blp.route("/groups/<slug>/threads")
@blp.etag
@blp.arguments(CursorArgsSchema, location="query")
@blp.response(200, ThreadListSchema)
def group_thread_list(args, slug):
    """The group's threads: pinned first, then by latest activity, one keyset page at a time."""
    group = queries.group_or_404(slug)
    require_visible(permissions.can_view_group_content, group)
    page = cursor_page(group_threads(group), THREAD_ORDER, current_app.config["THREADS_PER_PAGE"], args)
    return {"threads": [present.thread_summary(t, group) for t in page.items], "cursors": cursors(page)}


@blp.route("/groups/<slug>/join", methods=["POST"])
@blp.response(200, GroupSchema)
def join(slug):
    """Join a public group."""
    group = queries.group_or_404(slug)
    act(lambda: group_actions.join_group(api_user(), group))
    return present.group(api_user(), group)


@blp.route("/groups/<slug>/join-request", methods=["POST"])
@blp.arguments(JoinRequestSchema)
@blp.response(202, GroupSchema)
def request_to_join(data, slug):
    """Ask to join a private group; a group moderator approves or declines."""
    group = queries.group_or_404(slug)
    act(lambda: group_actions.request_to_join(api_user(), group, data["note"]))
    return present.group(api_user(), group)


@blp.route("/groups/<slug>/leave", methods=["POST"])
@blp.response(200, GroupSchema)
def leave(slug):
    """Leave a group, or withdraw a request to join it."""
    group = queries.group_or_404(slug)
    act(lambda: group_actions.leave_group(api_user(), group))
    return present.group(api_user(), group)
