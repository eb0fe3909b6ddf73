"""Error pages written for people: what happened and where to go next.

A submit too large to read (413) cannot show the form again, so its page says
the limit and that the draft is kept (the browser's autosave keeps it until a
page confirms the post was published: ``forum.drafts``).

Every 5xx page rolls the session back before rendering (on PostgreSQL a failed
statement leaves the transaction aborted, and the page loads ``current_user``).
A database that is locked, overloaded or unreachable answers 503 with
``Retry-After`` and shows the typed text again, with one log line.
"""
import logging

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from werkzeug.exceptions import InternalServerError

from forum.actions import limits
from forum.api.errors import is_api_request, problem, problem_for
from forum.extensions import db, login_manager

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("That request could not be understood", "Something in the request was malformed. Please go back and try again."),
    403: ("You don't have access to this page", "This may be in a private group, or need a different role. If you think this is wrong, contact a moderator."),
    404: ("Page not found", "We couldn't find that page. It may have moved, or the link may be mistyped."),
    405: ("That action isn't available here", "Please use the buttons on the page."),
    413: ("That is too large", "What you sent is larger than Askwell accepts. Please shorten it and try again."),
    429: ("Please slow down", "There were too many attempts in a short time. Please wait a few minutes and try again."),
    500: ("Something went wrong on our side", "We're sorry. Nothing you did caused this; please try again in a moment."),
}


def too_large_message(max_bytes: int | None) -> str:
    """What a person reads when a submit is too large to read at all: the limit, and that the draft is safe."""
    size = f"{max_bytes / (1024 * 1024):.0f} MB" if max_bytes and max_bytes >= 1024 * 1024 else (
        f"{max_bytes:,} bytes" if max_bytes else "the size")
    return (f"Askwell accepts up to {size} in one submit, and this was larger, so nothing was saved. "
            f"Your draft is kept in this browser: go back and it is still in the form. Posts can be up to "
            f"{limits.BODY_MAX:,} characters; shorten it and send it again.")


def _render(code: int, title: str | None = None, message: str | None = None):
    default_title, default_message = MESSAGES[code]
    return render_template("errors/error.html", title=title or default_title,
                           message=message or default_message), code


def _page_or_problem(error, code: int):
    """The API answers application/problem+json (forum.api.errors); pages get an error page."""
    if code >= 500:
        _roll_back()  # on PostgreSQL a failed statement aborts the transaction the page would use
        try:
            return problem_for(error) if is_api_request() else _render(code)
        except Exception:  # the error page itself failed (its database is gone): a plain one
            log.exception("the %s page could not be rendered", code)
            return PLAIN_PAGE.format(title=MESSAGES[code][0], message=MESSAGES[code][1], extra=""), code
    return problem_for(error) if is_api_request() else _render(code)


def _roll_back() -> None:
    try:
        db.session.rollback()
    except Exception:  # the connection itself is gone; the session starts afresh next request
        log.warning("rollback failed before an error page", exc_info=True)


PLAIN_PAGE = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{title}</title>"
              "<body><main><h1>{title}</h1><p>{message}</p>{extra}</main></body></html>")
RETRY_AFTER = 5
UNAVAILABLE = ("Askwell is very busy or its database is not answering",
               "Nothing was saved. Please try again in a few seconds.")
_NOT_SHOWN = ("csrf_token", "password", "current_password", "new_password", "confirm", "safety")


def typed_fields() -> list[tuple[str, str]]:
    """What the person typed in the failed submit (not passwords or tokens), to show again."""
    try:
        return [(name, value) for name, value in request.form.items(multi=True)
                if value.strip() and name not in _NOT_SHOWN and "password" not in name]
    except Exception:  # an unreadable body: nothing to show
        return []


# What an OperationalError says when the database is locked, busy, slow or unreachable (rather
# than a bug such as SQLite's "no such table", which stays a 500 with its traceback logged).
_UNAVAILABLE_WORDS = ("locked", "busy", "timeout", "timed out", "connect", "connection", "unable to open",
                      "canceling statement", "terminating", "server closed", "shutting down", "too many clients",
                      "disk i/o", "could not receive", "could not send")


def _is_unavailable(error) -> bool:
    if isinstance(error, SQLAlchemyTimeoutError) or getattr(error, "connection_invalidated", False):
        return True
    text = str(getattr(error, "orig", error)).lower()
    return any(word in text for word in _UNAVAILABLE_WORDS)


def database_unavailable(error):
    """A locked, overloaded or unreachable database: 503 with Retry-After, the typed text shown
    again, one log line (no traceback)."""
    if not _is_unavailable(error):
        log.error("database error on %s %s", request.method, request.path, exc_info=error)
        return _page_or_problem(InternalServerError(original_exception=error), 500)
    _roll_back()
    log.warning("database unavailable for %s %s: %s", request.method, request.path,
                str(getattr(error, "orig", error)).splitlines()[0][:200] if str(error) else error.__class__.__name__)
    headers = {"Retry-After": str(RETRY_AFTER)}
    if is_api_request():
        return problem(503, "The database is busy or not answering; nothing was saved. Try again in a few "
                            "seconds.", headers=headers)
    g._login_user = login_manager.anonymous_user()  # the page must not need the database itself
    fields = typed_fields()
    try:
        html = render_template("errors/unavailable.html", title=UNAVAILABLE[0], message=UNAVAILABLE[1],
                               fields=fields)
    except Exception:
        log.warning("the 503 page could not be rendered; sending a plain one", exc_info=True)
        extra = "".join(f"<h2>{escape(name)}</h2><textarea readonly rows=\"8\" cols=\"60\">{escape(value)}</textarea>"
                        for name, value in fields)
        html = PLAIN_PAGE.format(title=UNAVAILABLE[0], message=UNAVAILABLE[1], extra=extra)
    return html, 503, headers


def register_error_handlers(app: Flask) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, lambda error, code=code: _page_or_problem(error, code))

    @app.errorhandler(429)
    def too_many(error):
        if is_api_request():
            return problem_for(error)
        # Flask-Limiter adds Retry-After to this response.
        return _render(429, message=getattr(error, "description", None) or None)

    app.register_error_handler(OperationalError, database_unavailable)
    app.register_error_handler(SQLAlchemyTimeoutError, database_unavailable)

    @app.errorhandler(413)
    def too_large(error):
        if is_api_request():
            return problem_for(error)
        return _render(413, message=too_large_message(app.config.get("MAX_CONTENT_LENGTH")))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _render(400, "This form has expired",
                       "For your safety, forms expire after a while or when you log in or out. "
                       "Go back, reload the page and submit again — copy your text first if it is long.")
