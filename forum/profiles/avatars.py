"""Profile pictures: served by content digest, uploaded and removed in settings, removed by moderators."""
from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions, queries
from forum.actions import ActionError
from forum.actions.avatars import MAX_BYTES, remove_avatar, set_avatar
from forum.extensions import db
from forum.forms import ActionForm
from forum.models import Avatar
from forum.profiles import bp
from forum.profiles.forms import AvatarForm, AvatarRemovalForm, ProfileForm
from forum.views import require

DIGEST_LENGTH = 64


@bp.route("/avatars/<digest>.webp")
def picture(digest):
    if len(digest) != DIGEST_LENGTH or not all(c in "0123456789abcdef" for c in digest):
        abort(404)
    row = db.session.execute(select(Avatar.data, Avatar.content_type).where(Avatar.digest == digest)).first()
    if row is None:
        abort(404)

    response = make_response(row.data)
    response.headers["Content-Type"] = row.content_type
    # The URL is the content's digest: it never changes, so it may be cached for a year.
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def _settings_page(avatar_form, status):
    form = ProfileForm(obj=current_user)
    return render_template("profiles/edit.html", form=form, safety=None, avatar_form=avatar_form), status


@bp.route("/settings/avatar", methods=["POST"])
@login_required
def upload():
    require(permissions.can_change_avatar)
    request.max_content_length = MAX_BYTES + 256 * 1024  # room for the form around the file
    form = AvatarForm()
    if form.validate_on_submit():
        upload = form.picture.data
        try:
            with upload.stream:  # a large upload is spooled to a temporary file: closed at once
                data = upload.read(MAX_BYTES + 1)
            set_avatar(current_user, data)
        except ActionError as error:
            form.picture.errors = [*form.picture.errors, str(error)]
        else:
            flash("Your new profile picture is saved.", "success")
            return redirect(url_for("profiles.edit"))
    return _settings_page(form, 400)


@bp.route("/settings/avatar/remove", methods=["POST"])
@login_required
def remove_own():
    if not ActionForm().validate_on_submit():
        abort(400)
    remove_avatar(current_user, current_user)
    flash("Your profile picture is removed; your initials are shown instead.", "success")
    return redirect(url_for("profiles.edit"))


@bp.route("/mod/user/<username>/avatar/remove", methods=["POST"])
@login_required
def remove_member(username):
    member = queries.user_or_404(username)
    require(permissions.can_remove_avatar, member)
    form = AvatarRemovalForm()
    if not form.validate_on_submit():
        flash(" ".join(form.reason.errors) or "Give a reason.", "error")
        return redirect(url_for("mod.user_tools", username=member.username))
    try:
        remove_avatar(current_user, member, form.reason.data)
    except ActionError as error:
        flash(str(error), "error")
    else:
        flash(f"Removed {member.username}'s profile picture. It is in the moderation log.", "success")
    return redirect(url_for("mod.user_tools", username=member.username))
