"""Jinja set-up: filters, globals and per-request values shared by every page."""
from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from babel.dates import format_date, format_datetime
from flask import Flask, current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup

from forum import permissions
from forum.drafts import published_draft
from forum.pagination import first_page_url
from forum.urls import post_url_builders
from moderation.safety import response_for
from moderation.sanitize import as_markup

DEFAULT_LOCALE = "en_GB"
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
    now = now or datetime.now(UTC)
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


# Dates as people read them, by Babel (CLDR patterns; not glibc's strftime extensions).
DATE_FORMATS = {
    "day": "d MMMM y",          # 3 June 2026
    "short": "d MMM",           # 3 Jun
    "weekday": "EEE d MMMM",    # Wed 3 June
    "month": "MMMM y",          # June 2026
}


def format_day(moment: date | datetime | None, style: str = "day", locale: str = DEFAULT_LOCALE) -> str:
    return format_date(moment, DATE_FORMATS[style], locale=locale) if moment else ""


def long_date(moment: datetime | None, locale: str = DEFAULT_LOCALE) -> str:
    """"3 June 2026, 14:05 UTC"."""
    return _long_date(moment, locale) if moment else ""


@lru_cache(maxsize=8192)
def _long_date(moment: datetime, locale: str) -> str:
    # Babel takes about 40 microseconds a date and a thread page shows 21 of them; a post's dates
    # never change, so each is formatted once per worker.
    return format_datetime(moment, "d MMMM y, HH:mm", tzinfo=UTC, locale=locale) + " UTC"


def site_footer():
    """The site footer (``templates/_footer.html``), rendered once per worker and mount point: it
    shows nothing of the reader or the request, and its dozen links cost every page a dozen
    ``url_for`` calls."""
    rendered = current_app.extensions.setdefault("askwell_footer", {})
    html = rendered.get(request.script_root)
    if html is None:
        html = rendered[request.script_root] = Markup(render_template("_footer.html"))
    return html


def configure(app: Flask) -> None:
    from forum.fragments import thread_rows  # it renders with this module's filters

    app.jinja_env.filters["sanitized"] = as_markup
    app.jinja_env.filters["time_ago"] = time_ago
    app.jinja_env.filters["iso_date"] = iso_date
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["day"] = format_day
    app.jinja_env.globals["can"] = permissions
    # Also for imported macros (which get no context): the anonymous-author bylines need the reader.
    app.jinja_env.globals["current_user"] = current_user
    # The account itself, not the proxy: for templates that ask about the reader many times a page.
    app.jinja_env.globals["current_reader"] = lambda: current_user._get_current_object()
    app.jinja_env.globals["first_page_url"] = first_page_url
    app.jinja_env.globals["post_url_builders"] = post_url_builders
    app.jinja_env.globals["safety_response"] = response_for
    app.jinja_env.globals["FONT_SIZES"] = FONT_SIZES
    app.jinja_env.globals["published_draft"] = published_draft
    app.jinja_env.globals["FONT_SIZE_LABELS"] = FONT_SIZE_LABELS
    app.jinja_env.globals["thread_rows"] = thread_rows
    app.jinja_env.globals["site_footer"] = site_footer
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def inject_page_defaults():
        return {"font_size": font_size_from_request(), "site_name": app.config["SITE_NAME"]}
