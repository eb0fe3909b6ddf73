"""Error pages written for people: what happened and where to go next."""
from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: ("That request could not be understood", "Something in the request was malformed. Please go back and try again."),
    403: ("You don't have access to this page", "This may be in a private group, or need a different role. If you think this is wrong, contact a moderator."),
    404: ("Page not found", "We couldn't find that page. It may have moved, or the link may be mistyped."),
    405: ("That action isn't available here", "Please use the buttons on the page."),
    429: ("Too many attempts",
          "You have tried this too often in a short time. Please wait a minute and try again."),
    413: ("That is too large", "What you sent is larger than Askwell accepts. Please shorten it and try again."),
    429: ("Please slow down", "There were too many attempts in a short time. Please wait a few minutes and try again."),
    500: ("Something went wrong on our side", "We're sorry. Nothing you did caused this; please try again in a moment."),
}


def _render(code: int, title: str | None = None, message: str | None = None):
    default_title, default_message = MESSAGES[code]
    return render_template("errors/error.html", title=title or default_title,
                           message=message or default_message), code


def register_error_handlers(app: Flask) -> None:
    for code in MESSAGES:
        app.register_error_handler(code, lambda error, code=code: _render(code))

    @app.errorhandler(429)
    def too_many(error):
        # Flask-Limiter adds Retry-After to this response.
        return _render(429, message=getattr(error, "description", None) or None)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return _render(400, "This form has expired",
                       "For your safety, forms expire after a while or when you log in or out. "
                       "Go back, reload the page and submit again — copy your text first if it is long.")
