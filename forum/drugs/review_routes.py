"""Routes for community reviews: write, read one, edit, history, helpful, flag and remove.

The drug page itself (``routes.show``) lists the reviews and their summary.
Writes go through ``forum.actions.reviews`` and so through the publishing
pipeline; the form shows the safety panel, refusals and the typed text back
like the post forms do (``forum.views.submit``). A review a person may not see
(hidden, removed) is a 404 for them, like a missing id.
"""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions
from forum.actions import ActionError
from forum.actions import reviews as actions
from forum.drugs import bp, queries
from forum.drugs import review_queries as rq
from forum.drugs.forms import RemoveReviewForm, ReviewFlagForm, ReviewForm
from forum.extensions import db
from forum.forms import ActionForm
from forum.models.reviews import DrugReview, DrugReviewRevision
from forum.views import form_page, posted_message, require, require_visible, submit

HISTORY_MAX = 50


def _drug_or_404(slug: str):
    drug = queries.drug_by_slug(slug)
    if drug is None:
        abort(404)
    return drug


def _review_or_404(review_id: int) -> DrugReview:
    review = rq.review_or_none(review_id)
    if review is None:
        abort(404)
    require_visible(permissions.can_see_drug_review, review)
    return review


def _given(form: ReviewForm) -> actions.ReviewInput:
    return actions.ReviewInput(
        condition=form.condition.data or "", effectiveness=form.effectiveness.data,
        ease_of_use=form.ease_of_use.data, satisfaction=form.satisfaction.data, duration=form.duration.data or "",
        side_effects=list(form.side_effects.data or []), other_side_effects=form.other_side_effects.data or "",
        body=form.body.data or "")


def _prepare_form(drug, review: DrugReview | None = None) -> ReviewForm:
    form = ReviewForm(obj=review if request.method == "GET" else None)
    choices = rq.side_effect_choices(drug, rq.summary(drug).side_effects)
    if review is not None:
        choices += [label for label in review.side_effects if label not in choices]
        if request.method == "GET":
            form.side_effects.data = list(review.side_effects)
            form.body.data = review.body_source
    form.side_effects.choices = [(label, label) for label in choices]
    return form


@bp.route("/drugs/<drug_slug>/reviews/new", methods=["GET", "POST"])
@login_required
def write_review(drug_slug):
    drug = _drug_or_404(drug_slug)
    require(permissions.can_write_drug_review)
    form = _prepare_form(drug)
    if request.method == "GET" and request.args.get("condition"):
        form.condition.data = request.args["condition"][:120]
    saved, safety = submit(form, lambda choice: actions.write_review(current_user, drug, _given(form),
                                                                     choice=choice))
    if saved is not None:
        flash(posted_message(saved.is_hidden, "Thank you — your review is published."), "success")
        return redirect(url_for("drugs.review", review_id=saved.id))
    return form_page("drugs/review_form.html", form, safety, drug=drug, review=None)


@bp.route("/drugs/reviews/<int:review_id>")
def review(review_id):
    found = _review_or_404(review_id)
    marked = rq.helpful_marks(current_user, [found])
    return render_template("drugs/review.html", review=found, drug=found.drug, marked=marked,
                           button=ActionForm())


@bp.route("/drugs/reviews/<int:review_id>/edit", methods=["GET", "POST"])
@login_required
def edit_review(review_id):
    found = _review_or_404(review_id)
    require(permissions.can_edit_drug_review, found)
    form = _prepare_form(found.drug, found)
    saved, safety = submit(form, lambda choice: actions.edit_review(current_user, found, _given(form),
                                                                    choice=choice))
    if saved is not None:
        flash(posted_message(saved.is_hidden, "Your changes are saved."), "success")
        return redirect(url_for("drugs.review", review_id=saved.id))
    return form_page("drugs/review_form.html", form, safety, drug=found.drug, review=found)


@bp.route("/drugs/reviews/<int:review_id>/history")
def review_history(review_id):
    found = _review_or_404(review_id)
    require_visible(permissions.can_view_drug_review_history, found)
    revisions = list(db.session.scalars(
        select(DrugReviewRevision).where(DrugReviewRevision.review_id == found.id)
        .order_by(DrugReviewRevision.replaced_at.desc(), DrugReviewRevision.id.desc()).limit(HISTORY_MAX)))
    return render_template("drugs/review_history.html", review=found, drug=found.drug, revisions=revisions)


@bp.route("/drugs/reviews/<int:review_id>/helpful", methods=["POST"])
@login_required
def review_helpful(review_id):
    found = _review_or_404(review_id)
    require(permissions.can_vote_drug_review_helpful, found)
    if ActionForm().validate_on_submit():
        try:
            marked = actions.toggle_review_helpful(current_user, found)
            flash("Marked as helpful." if marked else "Your helpful mark is taken back.", "success")
        except ActionError as error:
            flash(str(error), "error")
    back = request.form.get("back", "")
    if back == "drug":
        return redirect(url_for("drugs.show", drug_slug=found.drug.slug) + f"#review-{found.id}")
    return redirect(url_for("drugs.review", review_id=found.id))


@bp.route("/drugs/reviews/<int:review_id>/flag", methods=["GET", "POST"])
@login_required
def flag_review(review_id):
    found = _review_or_404(review_id)
    require(permissions.can_flag_drug_review, found)
    form = ReviewFlagForm()
    flagged, _ = submit(form, lambda choice: actions.flag_review(current_user, found, form.reason.data,
                                                                  form.details.data or ""))
    if flagged is not None:
        flash("Thank you. The moderators will review this.", "success")
        return redirect(url_for("drugs.show", drug_slug=found.drug.slug))
    return form_page("drugs/review_flag.html", form, review=found, drug=found.drug)


@bp.route("/drugs/reviews/<int:review_id>/remove", methods=["GET", "POST"])
@login_required
def remove_review(review_id):
    found = _review_or_404(review_id)
    require(permissions.can_remove_drug_review, found)
    form = RemoveReviewForm()
    removed, _ = submit(form, lambda choice: actions.remove_review(current_user, found, form.reason.data or ""))
    if removed is not None:
        flash("Your review is removed." if found.author_id == current_user.id
              else "The review is removed and the moderation log has the reason.", "success")
        return redirect(url_for("drugs.show", drug_slug=found.drug.slug))
    return form_page("drugs/review_remove.html", form, review=found, drug=found.drug)
