"""A real SMTP server in this process (aiosmtpd), the app pointed at it, and helpers that read
what arrived: links out of a message, and the messages one address received."""
from __future__ import annotations

import email
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """Collects every message the SMTP server accepted."""

    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for rcpts, m in self.messages if address in rcpts]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False,
                      MAIL_USERNAME="", SITE_URL="http://askwell.test")
    yield inbox
    controller.stop()


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(("html",)).get_content()


def link_in(message, path: str) -> str:
    """The first link to ``path`` in the message's plain text, as a path with its query."""
    match = re.search(r"http://askwell\.test(" + re.escape(path) + r"\?t=[A-Za-z0-9_.\-]+)", text_of(message))
    assert match, f"no {path} link in {text_of(message)!r}"
    return match.group(1)
