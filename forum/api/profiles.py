"""Member profiles, as /u/<username> shows them to the caller."""
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.api import present
from forum.api.auth import api_user
from forum.api.errors import API_PREFIX
from forum.api.schemas.profiles import ProfileSchema
from forum.api.spec import resource
from forum.experts.queries import answer_stats
from forum.extensions import db
from forum.models import ExpertVerification, Group, Membership, MembershipStatus, User

blp = resource("Profiles", __name__, "Members' public profiles.")


@blp.route("/users/<username>")
@blp.etag
@blp.response(200, ProfileSchema)
def show_profile(username):
    """A profile: groups and recent posts only where you may see them."""
    viewer = api_user()
    profile = queries.user_or_404(
        username, joinedload(User.current_verification).joinedload(ExpertVerification.verified_by))
    groups = db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == profile.id, Membership.status == MembershipStatus.ACTIVE,
               permissions.visible_groups_clause(viewer)).order_by(Group.name))
    posts = queries.recent_posts_by(viewer, profile.id, limit=15)
    return {
        **present.user_ref(profile), "bio": profile.bio, "joined_at": profile.created_at,
        "groups": [present.group_ref(g) for g in groups],
        "recent_posts": [{"id": p.id, "thread_id": p.thread_id, "thread_title": p.thread.title,
                          "group": present.group_ref(p.thread.group), "created_at": p.created_at,
                          "url": f"/p/{p.id}", "api_url": f"{API_PREFIX}/posts/{p.id}"} for p in posts],
        "answer_stats": answer_stats(viewer, profile.id),
    }
