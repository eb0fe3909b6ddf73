"""Routes: /u/<username> and /settings/profile."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions, queries
from forum.actions.accounts import update_profile
from forum.experts.queries import answer_stats
from forum.extensions import db
from forum.models import ExpertVerification, Group, Membership, MembershipStatus, User
from forum.profiles import bp
from forum.profiles.forms import AvatarForm, ProfileForm
from forum.views import form_page, submit


@bp.route("/u/<username>")
def show(username):
    profile = queries.user_or_404(
        username, joinedload(User.current_verification).joinedload(ExpertVerification.verified_by))
    groups = list(db.session.scalars(
        select(Group).join(Membership, Membership.group_id == Group.id)
        .where(Membership.user_id == profile.id, Membership.status == MembershipStatus.ACTIVE,
               permissions.visible_groups_clause(current_user))
        .order_by(Group.name)
    ))
    posts = queries.recent_posts_by(current_user, profile.id, limit=15)
    own = current_user.is_authenticated and current_user.id == profile.id
    warnings = queries.warnings_for(profile.id) if own else []
    return render_template("profiles/show.html", profile=profile, groups=groups, posts=posts,
                           post_count=queries.post_count_by(current_user, profile.id),
                           stats=answer_stats(current_user, profile.id), warnings=warnings)


@bp.route("/settings/profile", methods=["GET", "POST"])
@login_required
def edit():
    form = ProfileForm(obj=current_user if request.method == "GET" else None)
    saved, safety = submit(form, lambda choice: update_profile(current_user, form.display_name.data or "",
                                                                form.bio.data or "", choice=choice))
    if saved is not None:
        flash("Your profile is updated.", "success")
        return redirect(url_for("profiles.show", username=current_user.username))
    return form_page("profiles/edit.html", form, safety, avatar_form=AvatarForm())
