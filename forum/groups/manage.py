"""Routes for managing groups in the browser: /groups/new (admins), /groups/<slug>/settings
(admins: everything; the group's moderators: description and rules), /groups/<slug>/archive
and /unarchive (admins). Every change is audited by its action."""
from flask import flash, redirect, request, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions import groups as group_actions
from forum.forms import ActionForm, reason_field
from forum.groups import bp
from forum.groups.forms import GroupAboutForm, GroupForm
from forum.queries import group_or_404
from forum.views import form_page, require, submit


class ArchiveForm(ActionForm):
    reason = reason_field("Why (kept in the moderation log)")


@bp.route("/groups/new", methods=["GET", "POST"])
@login_required
def create():
    require(permissions.can_manage_groups)
    form = GroupForm()
    group, _ = submit(form, lambda choice: group_actions.create_group(
        form.name.data, form.description.data or "", category=form.category.data or "",
        is_private=bool(form.is_private.data), slug=form.slug.data or None, actor=current_user,
        rules=form.rules.data or "", specialties=form.specialties.data or [],
        allows_anonymous=bool(form.allows_anonymous.data)))
    if group is not None:
        flash(f"{group.name} is ready. Add moderators from the admin area; members can "
              f"{'ask to join' if group.is_private else 'join'} now.", "success")
        return redirect(url_for("groups.show", slug=group.slug))
    return form_page("groups/edit.html", form, group=None)


@bp.route("/groups/<slug>/settings", methods=["GET", "POST"])
@login_required
def settings(slug):
    group = group_or_404(slug)
    require(permissions.can_edit_group_about, group)
    full = permissions.can_manage_groups(current_user)
    form = (GroupForm if full else GroupAboutForm)(obj=group if request.method == "GET" else None)
    if request.method == "GET":
        form.rules.data = group.rules_source
        if full:
            form.specialties.data = group_actions.group_specialties(group)

    def save(choice):
        values = {"description": form.description.data or "", "rules": form.rules.data or ""}
        if full:
            values.update(name=form.name.data, slug=form.slug.data or group.slug, category=form.category.data or "",
                          is_private=bool(form.is_private.data), specialties=form.specialties.data or [],
                          allows_anonymous=bool(form.allows_anonymous.data))
        return group_actions.edit_group(current_user, group, **values)

    changed, _ = submit(form, save)
    if changed is not None:
        flash("Saved." if changed else "Nothing changed.", "success")
        return redirect(url_for("groups.show", slug=group.slug))
    return form_page("groups/edit.html", form, group=group, archive_form=ArchiveForm())


@bp.route("/groups/<slug>/<any(archive, unarchive):verb>", methods=["POST"])
@login_required
def archive(slug, verb):
    group = group_or_404(slug)
    require(permissions.can_manage_groups)
    form = ArchiveForm()
    if form.validate_on_submit():
        try:
            if verb == "archive":
                group_actions.archive_group(current_user, group, form.reason.data or "")
                flash(f"{group.name} is archived: it takes no new posts and is off the group list.", "info")
            else:
                group_actions.unarchive_group(current_user, group)
                flash(f"{group.name} is open again.", "success")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(url_for("groups.show", slug=group.slug))
