"""Routes: /messages (inbox), /messages/new, /messages/<id> (read and reply), reporting a
message, and a moderator's audited opening of a reported conversation."""
from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from forum import permissions
from forum.actions import blocks as block_actions
from forum.actions import messages as actions
from forum.extensions import db
from forum.forms import ActionForm
from forum.messages import bp
from forum.messages import queries as q
from forum.messages.forms import ComposeForm, ReplyForm, ReportForm
from forum.models import User
from forum.views import form_page, require, require_visible, submit


@bp.app_context_processor
def unread_messages():
    """``unread_messages()`` for the header: called only for a logged-in person."""
    def count() -> int:  # the header shows it twice (phone and desktop): one query a page
        if "unread_messages" not in g:
            g.unread_messages = q.unread_total(current_user)
        return g.unread_messages

    return {"unread_messages": count}


@bp.route("/messages")
@login_required
def inbox():
    page = q.inbox(current_user)
    latest = q.latest_messages([p.conversation_id for p in page.items])
    return render_template("messages/inbox.html", page=page, latest=latest)


def _recipient(username: str) -> User | None:
    name = (username or "").strip().lstrip("@").lower()
    return db.session.scalar(select(User).where(User.username_key == name)) if name else None


@bp.route("/messages/new", methods=["GET", "POST"])
@login_required
def compose():
    form = ComposeForm()
    if request.method == "GET" and request.args.get("to"):
        form.to.data = request.args["to"][:40]
    conversation, safety = submit(form, lambda choice: actions.start_conversation(
        current_user, _recipient(form.to.data), form.body.data, choice=choice))
    if conversation is not None:
        flash("Your message is sent.", "success")
        return redirect(url_for("messages.conversation", conversation_id=conversation.id))
    return form_page("messages/compose.html", form, safety)


def _readable(conversation_id: int):
    conversation = q.conversation_or_404(conversation_id)
    require_visible(permissions.may_read_conversation, conversation)
    return conversation


@bp.route("/messages/<int:conversation_id>", methods=["GET", "POST"])
@login_required
def conversation(conversation_id):
    conversation = _readable(conversation_id)
    form = ReplyForm()
    safety = None
    if request.method == "POST":
        require(permissions.may_reply_in_conversation, conversation)
        sent, safety = submit(form, lambda choice: actions.send_message(current_user, conversation,
                                                                         form.body.data, choice=choice))
        if sent is not None:
            return redirect(url_for("messages.conversation", conversation_id=conversation.id,
                                    _anchor=f"message-{sent.id}"))
    page = q.messages_page(conversation)
    me = q.participant(current_user, conversation)
    return form_page("messages/conversation.html", form, safety, conversation=conversation,
                     messages=list(reversed(page.items)), page=page, me=me, action_form=ActionForm(),
                     others=[p.user for p in conversation.participants if p.user_id != current_user.id])


@bp.route("/messages/<int:conversation_id>/read", methods=["POST"])
@login_required
def mark_read(conversation_id):
    conversation = _readable(conversation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if permissions.is_participant(current_user, conversation):
        actions.mark_read(current_user, conversation)
    if request.headers.get("X-Requested-With") == "fetch":
        return "", 204
    return redirect(url_for("messages.inbox"))


@bp.route("/messages/<int:conversation_id>/open", methods=["POST"])
@login_required
def open_reported(conversation_id):
    """A site moderator opens a reported conversation; the opening is written to the audit log."""
    conversation = q.conversation_or_404(conversation_id)
    require_visible(permissions.may_open_reported_conversation, conversation)
    if not ActionForm().validate_on_submit():
        abort(400)
    actions.open_reported_conversation(current_user, conversation)
    return redirect(url_for("messages.conversation", conversation_id=conversation.id))


@bp.route("/messages/m/<int:message_id>/report", methods=["GET", "POST"])
@login_required
def report(message_id):
    message = q.message_or_404(message_id)
    require_visible(permissions.is_participant, message.conversation)
    require(permissions.may_report_message, message)
    form = ReportForm()
    reported, _ = submit(form, lambda choice: block_actions.report_message(
        current_user, message, form.reason.data, form.details.data or ""))
    if reported is not None:
        flash("Thank you. The moderators will review this message; they can now read this conversation.",
              "success")
        return redirect(url_for("messages.conversation", conversation_id=message.conversation_id))
    return form_page("messages/report.html", form, message=message)
