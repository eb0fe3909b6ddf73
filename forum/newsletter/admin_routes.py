"""Routes under /admin/newsletter: write an issue, see who it would reach, test it, send it."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions import newsletter as actions
from forum.extensions import db
from forum.forms import ActionForm
from forum.links import site_root
from forum.models.newsletter import NewsletterIssue
from forum.newsletter import bp
from forum.newsletter.forms import IssueForm
from forum.newsletter.queries import counts_by_topic, recent_issues, recipient_count
from forum.newsletter.topics import current_topics, labels, topic_choices
from forum.views import form_page, require, submit


def _issue_or_404(issue_id: int) -> NewsletterIssue:
    return db.get_or_404(NewsletterIssue, issue_id)


@bp.route("/admin/newsletter")
@login_required
def admin_index():
    require(permissions.can_manage_newsletter)
    counts = counts_by_topic()
    topics = [(label, counts.get(key, 0)) for key, label in topic_choices()]
    return render_template("newsletter/admin/index.html", issues=recent_issues(), topics=topics)


@bp.route("/admin/newsletter/new", methods=["GET", "POST"])
@bp.route("/admin/newsletter/<int:issue_id>/edit", methods=["GET", "POST"])
@login_required
def compose(issue_id=None):
    require(permissions.can_manage_newsletter)
    issue = _issue_or_404(issue_id) if issue_id else None
    if issue is not None and issue.is_sent:
        abort(409)
    form = IssueForm(obj=issue if request.method == "GET" else None)
    form.topics.choices = topic_choices()
    if request.method == "GET" and issue is not None:
        form.body.data, form.topics.data = issue.body_source, issue.topic_keys

    def save(choice):
        return actions.save_issue(current_user, issue, subject=form.subject.data, body=form.body.data,
                                  topics=form.topics.data or [], choice=choice)

    saved, safety = submit(form, save)
    if saved is not None:
        flash("The issue is saved. Send yourself a test before sending it to subscribers.", "success")
        return redirect(url_for("newsletter.admin_issue", issue_id=saved.id))
    return form_page("newsletter/admin/compose.html", form, safety, issue=issue)


@bp.route("/admin/newsletter/<int:issue_id>")
@login_required
def admin_issue(issue_id):
    require(permissions.can_manage_newsletter)
    issue = _issue_or_404(issue_id)
    topics = current_topics(issue.topic_keys)
    return render_template("newsletter/admin/issue.html", issue=issue, topic_names=list(labels(topics).values()),
                           recipients=recipient_count(topics), form=ActionForm())


@bp.route("/admin/newsletter/<int:issue_id>/<any(test, send):what>", methods=["POST"])
@login_required
def admin_send(issue_id, what):
    require(permissions.can_manage_newsletter)
    issue = _issue_or_404(issue_id)
    if ActionForm().validate_on_submit():
        try:
            if what == "test":
                actions.send_test(current_user, issue, site_root())
                flash(f"A test copy is on its way to {current_user.email}.", "success")
            else:
                count = actions.start_sending(current_user, issue, site_root())
                flash(f"Sending to {count:,} {'subscriber' if count == 1 else 'subscribers'}. "
                      "Each receives it once.", "success")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(url_for("newsletter.admin_issue", issue_id=issue.id))
