"""The newsletter tests read what a real in-process SMTP server received (``tests.smtp_server``)."""
from tests.smtp_server import smtp  # noqa: F401
