"""Routes: /about, /guidelines, /privacy, /terms, /disclaimer (each with /edit and /history for
admins), /contact, and /mod/contact/<id>/close for moderators."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from forum import permissions
from forum.actions import ActionError
from forum.actions import pages as page_actions
from forum.auth.throttle import network
from forum.extensions import db
from forum.forms import ActionForm
from forum.models import ContactMessage
from forum.pages import bp
from forum.pages.forms import ContactForm, PageForm
from forum.pages.queries import current_page, page_history
from forum.ratelimits import count_event, seconds_until_allowed, wait_phrase
from forum.views import form_page, require, submit

SLUGS = "about, guidelines, privacy, terms, disclaimer"


@bp.route(f"/<any({SLUGS}):slug>")
def show(slug):
    return render_template("pages/show.html", page=current_page(slug))


@bp.route(f"/<any({SLUGS}):slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug):
    require(permissions.can_edit_site_pages)
    page = current_page(slug)
    form = PageForm()
    if not form.is_submitted():
        form.title.data, form.body.data = page.title, page.body_source
    saved, _ = submit(form, lambda choice: page_actions.edit_page(
        current_user, slug, form.title.data, form.body.data, form.note.data or ""))
    if saved is not None:
        flash(f"“{saved.title}” is saved. The earlier version is in its history.", "success")
        return redirect(url_for("pages.show", slug=slug))
    return form_page("pages/edit.html", form, page=page)


@bp.route(f"/<any({SLUGS}):slug>/history")
@login_required
def history(slug):
    require(permissions.can_edit_site_pages)
    page = current_page(slug)
    return render_template("pages/history.html", page=page, revisions=page_history(page.page_id))


@bp.route("/contact", methods=["GET", "POST"])
def contact():
    """Anyone may write; each network sends at most CONTACT_LIMIT messages (counted when sent),
    and someone over it gets the form back with their text and when to try again."""
    form = ContactForm()
    limit, key = current_app.config["CONTACT_LIMIT"], network()

    def send(choice):
        if (wait := seconds_until_allowed(limit, "contact", key)) is not None:
            raise ActionError("Many messages were sent from your network recently. Please try again "
                              f"{wait_phrase(wait)}; your message is still here.")
        message = page_actions.send_contact_message(
            current_user if current_user.is_authenticated else None, form.topic.data, form.body.data,
            name=form.name.data or "", email=form.email.data or "")
        count_event(limit, "contact", key)
        return message

    sent, _ = submit(form, send)
    if sent is not None:
        return render_template("pages/contact_sent.html", message=sent)
    return form_page("pages/contact.html", form)


@bp.route("/mod/contact/<int:message_id>/close", methods=["POST"])
@login_required
def close_contact(message_id):
    require(permissions.can_read_contact_messages)
    message = db.get_or_404(ContactMessage, message_id)
    if ActionForm().validate_on_submit():
        try:
            page_actions.close_contact_message(current_user, message)
            flash("Marked handled.", "success")
        except ActionError as error:
            flash(str(error), "error")
    return redirect(url_for("mod.review_queue") + "#contact-messages")
