"""A development mailbox: read the mail Askwell wrote to ``MAIL_DIR`` in the browser.

Only with ``DEV_MAILBOX=1`` and no ``MAIL_SERVER`` (``make run`` sets the first):
on a laptop, signing up or resetting a password then works without opening
``.eml`` files by hand. It is never registered on a site that sends real mail.
"""
from __future__ import annotations

import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, render_template

bp = Blueprint("dev_mailbox", __name__, url_prefix="/dev/mailbox")
_NAME = re.compile(r"[0-9TZ-]{1,40}-[0-9a-f]{8}\.eml")
SHOWN = 50


def enabled(app: Flask) -> bool:
    return bool(app.config.get("DEV_MAILBOX")) and not app.config.get("MAIL_SERVER")


def register(app: Flask) -> None:
    if enabled(app):
        app.register_blueprint(bp)
        app.jinja_env.globals["dev_mailbox"] = True


def _folder() -> Path:
    return Path(current_app.config["MAIL_DIR"])


def _read(path: Path) -> dict:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    body = message.get_body(preferencelist=("plain",))
    return {"name": path.name, "to": message["To"], "subject": message["Subject"], "date": message["Date"],
            "text": body.get_content() if body is not None else ""}


@bp.route("")
def index():
    paths = sorted(_folder().glob("*.eml"), reverse=True)[:SHOWN] if _folder().is_dir() else []
    return render_template("dev/mailbox.html", messages=[_read(p) for p in paths])


@bp.route("/<name>")
def show(name):
    path = _folder() / name
    if not _NAME.fullmatch(name) or not path.is_file():
        abort(404)
    return render_template("dev/message.html", message=_read(path))
