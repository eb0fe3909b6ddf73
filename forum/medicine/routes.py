"""My Medicine pages (/medicine, login required, the owner's alone) and FDA recall pages (/recalls).

Someone else's medicine, profile or alert id answers 404, exactly like an id
that does not exist, whoever asks (moderators and admins included). Pages are
sent ``Cache-Control: private, no-store`` like every logged-in page.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

import forum.actions.medicine as actions
from forum import permissions
from forum.actions import ActionError
from forum.drugs.queries import drug_by_slug
from forum.extensions import db
from forum.forms import ActionForm
from forum.medicine import bp, interactions, queries
from forum.medicine.forms import MedicineForm, ProfileForm
from forum.models import Recall
from forum.urls import requested_id
from forum.views import require

CANDIDATE_MAX = 200


def _profile_or_404(profile_id: int | None):
    if profile_id is None:
        return None
    profile = queries.profile_of(current_user, profile_id)
    if profile is None:
        abort(404)
    return profile


def _list_url(profile) -> str:
    return url_for("medicine.profile", profile_id=profile.id) if profile else url_for("medicine.index")


def _details(form: MedicineForm) -> actions.MedicineDetails:
    return actions.MedicineDetails(form.name.data or "", form.dose.data or "", form.frequency.data or "",
                                   form.started_on.data, form.reason.data or "", form.notes.data or "")


def _list_page(profile, form=None, profile_form=None, status=200):
    require(permissions.can_keep_medicine_list)
    listing = queries.medicine_list(current_user, profile)
    candidate_text = request.args.get("add", "")[:CANDIDATE_MAX].strip()
    candidate = (actions.find_catalogue_drug(candidate_text) or candidate_text) if candidate_text else None
    items = queries.check_items(listing.current, candidate)
    report = interactions.check(items, focus="candidate" if candidate else None)
    return render_template(
        "medicine/index.html", listing=listing, profiles=queries.profiles_of(current_user),
        alerts=queries.open_alerts(current_user) if profile is None else [],
        report=report, candidate=candidate, candidate_text=candidate_text,
        form=form or MedicineForm(), profile_form=profile_form or ProfileForm(prefix="profile"), button=ActionForm(),
        severity_labels=interactions.SEVERITY_LABELS), status


@bp.route("/medicine")
@login_required
def index():
    return _list_page(None)


@bp.route("/medicine/family/<int:profile_id>")
@login_required
def profile(profile_id):
    return _list_page(_profile_or_404(profile_id))


@bp.route("/medicine/add", methods=["POST"])
@login_required
def add():
    require(permissions.can_keep_medicine_list)
    profile = _profile_or_404(requested_id("profile"))
    form = MedicineForm()
    drug = drug_by_slug(request.form.get("drug", "")[:120]) if request.form.get("drug") else None
    if form.validate_on_submit():
        try:
            medicine = actions.add_medicine(current_user, profile, _details(form), drug=drug)
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"Added {medicine.name} to {'your' if profile is None else profile.name + '’s'} list.", "success")
            return redirect(_list_url(profile))
    return _list_page(profile, form=form, status=400)


@bp.route("/medicine/<int:medicine_id>/edit", methods=["GET", "POST"])
@login_required
def edit(medicine_id):
    medicine = queries.medicine_of(current_user, medicine_id)
    if not permissions.owns_medicine_record(current_user, medicine):
        abort(404)
    form = MedicineForm(obj=medicine)
    profile = _profile_or_404(medicine.profile_id)
    if form.validate_on_submit():
        try:
            actions.update_medicine(current_user, medicine, _details(form))
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"Saved {medicine.name}.", "success")
            return redirect(_list_url(profile))
    status = 400 if form.errors or form.form_errors else 200
    return render_template("medicine/edit.html", form=form, medicine=medicine, profile=profile), status


def _owned_medicine_or_404(medicine_id: int):
    medicine = queries.medicine_of(current_user, medicine_id)
    if not permissions.owns_medicine_record(current_user, medicine):
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    return medicine, _profile_or_404(medicine.profile_id)


@bp.route("/medicine/<int:medicine_id>/stop", methods=["POST"])
@login_required
def stop(medicine_id):
    medicine, profile = _owned_medicine_or_404(medicine_id)
    actions.stop_medicine(current_user, medicine)
    flash(f"{medicine.name} moved to the list’s history.", "success")
    return redirect(_list_url(profile))


@bp.route("/medicine/<int:medicine_id>/restart", methods=["POST"])
@login_required
def restart(medicine_id):
    medicine, profile = _owned_medicine_or_404(medicine_id)
    actions.restart_medicine(current_user, medicine)
    flash(f"{medicine.name} is back on the current list.", "success")
    return redirect(_list_url(profile))


@bp.route("/medicine/<int:medicine_id>/remove", methods=["POST"])
@login_required
def remove(medicine_id):
    medicine, profile = _owned_medicine_or_404(medicine_id)
    name = medicine.name
    actions.remove_medicine(current_user, medicine)
    flash(f"Removed {name}, with its history.", "success")
    return redirect(_list_url(profile))


@bp.route("/medicine/family", methods=["POST"])
@login_required
def add_profile():
    require(permissions.can_keep_medicine_list)
    form = ProfileForm(prefix="profile")
    if form.validate_on_submit():
        try:
            created = actions.add_profile(current_user, form.name.data, form.relationship_label.data or "")
        except ActionError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"Added a profile for {created.name}. Only you can see it.", "success")
            return redirect(url_for("medicine.profile", profile_id=created.id))
    return _list_page(None, profile_form=form, status=400)


@bp.route("/medicine/family/<int:profile_id>/remove", methods=["POST"])
@login_required
def remove_profile(profile_id):
    target = _profile_or_404(profile_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    actions.remove_profile(current_user, target)
    flash(f"Deleted {target.name}’s profile and list.", "success")
    return redirect(url_for("medicine.index"))


@bp.route("/medicine/alerts/<int:alert_id>/dismiss", methods=["POST"])
@login_required
def dismiss_alert(alert_id):
    alert = queries.alert_of(current_user, alert_id)
    if not permissions.owns_medicine_record(current_user, alert):
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    actions.dismiss_alert(current_user, alert)
    flash("Alert dismissed. The recall page stays available.", "success")
    return redirect(url_for("medicine.index"))


@bp.route("/medicine/print")
@login_required
def print_list():
    """Every list on one page, laid out for paper (for a doctor's or pharmacist's visit)."""
    require(permissions.can_keep_medicine_list)
    lists = [queries.medicine_list(current_user, None)]
    lists += [queries.medicine_list(current_user, p) for p in queries.profiles_of(current_user)]
    return render_template("medicine/print.html", lists=lists)


@bp.route("/recalls/<recall_number>")
def recall(recall_number):
    found = db.session.scalar(db.select(Recall).where(Recall.recall_number == recall_number[:40]))
    if found is None:
        abort(404)
    mine = []
    if current_user.is_authenticated:
        mine = [a for a in queries.open_alerts(current_user) if a.recall_id == found.id]
    return render_template("medicine/recall.html", recall=found, mine=mine)
