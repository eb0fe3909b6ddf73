"""Routes: /admin/users (list people, change a role)."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import or_, select

from forum import permissions
from forum.actions import ActionError
from forum.actions.accounts import change_role
from forum.admin import bp
from forum.admin.forms import RoleForm
from forum.auth.sessions import renew_session
from forum.extensions import db
from forum.models import Role, User
from forum.pagination import Keyset, keyset_list
from forum.views import require

PER_PAGE = 50
# Alphabetical by the unique lower-case username (its unique index gives the order).
USER_ORDER = Keyset(columns=(User.username_key,), kinds=(str,), key_of=lambda u: (u.username_key,),
                    descending=False)


@bp.before_request
@login_required
def require_admin():
    require(permissions.can_change_roles)


@bp.route("/users")
def users():
    query = request.args.get("q", "").strip()[:100]
    stmt = select(User)
    if query:
        like = f"%{query.lower()}%"
        stmt = stmt.where(or_(User.username_key.like(like), User.email.like(like)))
    role = request.args.get("role", "")
    if role in {r.value for r in Role}:
        stmt = stmt.where(User.role == role)
    page = keyset_list(stmt, USER_ORDER, PER_PAGE)
    return render_template("admin/users.html", users=page.items, query=query, role=role,
                           page=page, roles=list(Role), form=RoleForm())


@bp.route("/users/<int:user_id>/role", methods=["POST"])
def set_role(user_id):
    user = db.get_or_404(User, user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            change_role(current_user, user, Role(form.role.data))
            if user.id == current_user.id:
                renew_session(user)
            flash(f"{user.username} is now {Role(form.role.data).label.lower()}.", "success")
        except ActionError as error:
            flash(str(error), "error")
    else:
        flash("Choose one of the listed roles.", "error")
    return redirect(request.referrer if (request.referrer or "").startswith(request.host_url)
                    else url_for("admin.users"))
