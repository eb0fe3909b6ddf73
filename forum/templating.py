"""Jinja set-up: filters, globals and per-request values shared by every page."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import Flask, request

from forum import permissions
from forum.pagination import first_page_url
from forum.urls import post_url_builders
from moderation.safety import CRISIS_RESOURCES
from moderation.sanitize import as_markup

FONT_SIZES = ("small", "medium", "large", "x-large")
FONT_SIZE_LABELS = {"small": "Small", "medium": "Medium", "large": "Large", "x-large": "Extra large"}
DEFAULT_FONT_SIZE = "medium"
FONT_SIZE_COOKIE = "font_size"


def font_size_from_request() -> str:
    value = request.cookies.get(FONT_SIZE_COOKIE, DEFAULT_FONT_SIZE)
    return value if value in FONT_SIZES else DEFAULT_FONT_SIZE


def time_ago(moment: datetime | None, now: datetime | None = None) -> str:
    """A short, human phrase for how long ago ``moment`` was."""
    if moment is None:
        return "never"
    now = now or datetime.now(timezone.utc)
    seconds = int((now - moment).total_seconds())
    if seconds < 60:
        return "just now"
    for unit, size in (("year", 31536000), ("month", 2592000), ("week", 604800),
                       ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def iso_date(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def long_date(moment: datetime | None) -> str:
    return moment.strftime("%-d %B %Y, %H:%M UTC") if moment else ""


def configure(app: Flask) -> None:
    app.jinja_env.filters["sanitized"] = as_markup
    app.jinja_env.filters["time_ago"] = time_ago
    app.jinja_env.filters["iso_date"] = iso_date
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.globals["can"] = permissions
    app.jinja_env.globals["first_page_url"] = first_page_url
    app.jinja_env.globals["post_url_builders"] = post_url_builders
    app.jinja_env.globals["crisis_resources"] = CRISIS_RESOURCES
    app.jinja_env.globals["FONT_SIZES"] = FONT_SIZES
    app.jinja_env.globals["FONT_SIZE_LABELS"] = FONT_SIZE_LABELS
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def inject_page_defaults():
        return {"font_size": font_size_from_request(), "site_name": app.config["SITE_NAME"]}
