"""Outgoing email: through SMTP in production, into files during development.

With ``MAIL_SERVER`` set, messages go through that server (STARTTLS when
``MAIL_USE_TLS``, login when ``MAIL_USERNAME`` is set). Without it, each
message is written as an ``.eml`` file to ``MAIL_DIR`` (``instance/mail/`` by
default), where any mail client can open it.
"""
from __future__ import annotations

import logging
import secrets
import smtplib
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from flask import after_this_request, current_app, has_request_context

log = logging.getLogger(__name__)


class MailError(RuntimeError):
    """The message could not be handed to the mail server or written out."""


def build_message(to: str, subject: str, body: str, html: str | None = None,
                  headers: dict[str, str] | None = None) -> EmailMessage:
    """A message with a plain-text part, and an HTML alternative when ``html`` is given."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="askwell.invalid")
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message


def send_once(key: str, message: EmailMessage, user_id: int | None = None) -> bool:
    """Send ``message`` unless a delivery named ``key`` was already sent or is being sent.

    For jobs, which may be retried: the key is claimed (committed) before the mail
    server is asked and marked sent after, so a retry never sends twice. Returns
    False if it was not sent because of an earlier claim. Raises MailError if the
    server refused it; the claim is then released, for the retry to take.
    """
    from forum.models.delivery import MailDelivery

    if not _claim(key, user_id):
        return False
    table = MailDelivery.__table__
    try:
        _deliver(message, current_app.config)
    except MailError:
        _set_status(table.update().where(table.c.key == key).values(status="failed"))
        raise
    _set_status(table.update().where(table.c.key == key).values(status="sent", sent_at=datetime.now(UTC)))
    return True


def _claim(key: str, user_id: int | None) -> bool:
    from sqlalchemy.exc import IntegrityError

    from forum.extensions import db
    from forum.models.delivery import MailDelivery

    table = MailDelivery.__table__
    db.session.commit()  # the job's own work so far stands; no lock is held while sending
    if db.session.execute(table.update().where(table.c.key == key, table.c.status == "failed")
                          .values(status="sending")).rowcount:
        db.session.commit()
        return True
    try:
        db.session.execute(table.insert().values(key=key, user_id=user_id, status="sending",
                                                 created_at=datetime.now(UTC)))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _set_status(statement) -> None:
    from forum.extensions import db

    db.session.execute(statement)
    db.session.commit()
def send_mail(to: str, subject: str, body: str) -> None:
    """Send a plain-text message. Raises MailError if it could not be sent."""
    _deliver(build_message(to, subject, body), current_app.config)


def send_mail_after_response(to: str, subject: str, body: str) -> None:
    """Send a message once the current response has gone out; failures are logged.

    The reply then takes as long whether or not a message is sent, so its timing
    does not tell a visitor whether an address has an account.
    """
    message, config = build_message(to, subject, body), dict(current_app.config)
    if not has_request_context():
        _deliver_logged(message, config)
        return

    @after_this_request
    def _later(response):
        response.call_on_close(lambda: _deliver_logged(message, config))
        return response


def _deliver_logged(message: EmailMessage, config) -> None:
    try:
        _deliver(message, config)
    except MailError:
        log.exception("mail to %s (%s) was not sent", message["To"], message["Subject"])


def _deliver(message: EmailMessage, config) -> None:
    try:
        if config["MAIL_SERVER"]:
            _send_smtp(message, config)
        else:
            _write_file(message, Path(config["MAIL_DIR"]))
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"could not send mail: {error.__class__.__name__}") from error


def _send_smtp(message: EmailMessage, config) -> None:
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=20) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def _write_file(message: EmailMessage, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}.eml"
    (folder / name).write_bytes(bytes(message))
