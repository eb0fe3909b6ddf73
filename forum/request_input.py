"""The one door for raw request input: NUL bytes, lone surrogates and runaway JSON.

PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded for
any database or page, so no form field, query value or URL segment may carry
either past this point, whichever route it reaches. Before any view runs:

- form fields and query values have NUL, other C0 controls (except tab and
  line breaks) and lone surrogates removed, so the person gets the form back
  with the rest of what they typed (the publishing pipeline refuses text that
  is then empty, with its usual message);
- a URL segment holding one of them is a 404, like any other unknown name;
- a JSON body is parsed once here: malformed or nested past ``JSON_MAX_DEPTH``
  is a 400, and a string holding NUL or a lone surrogate is a 422 naming it
  (API clients are programs: they get told, not silently changed).

Numbers in query strings go through ``forum.urls.requested_id`` and
``forum.pagination``; both take ASCII digits only.
"""
from __future__ import annotations

import json
import re

from flask import Flask, abort, request
from werkzeug.datastructures import ImmutableMultiDict

# NUL and the C0 controls other than \t \n \r, DEL, and UTF-16 surrogate halves.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
JSON_MAX_DEPTH = 64


def clean_value(value: str) -> str:
    """``value`` without NUL, stray control characters or lone surrogates."""
    return _UNWANTED.sub("", value) if _UNWANTED.search(value) else value


def _cleaned(values: ImmutableMultiDict) -> ImmutableMultiDict | None:
    if not any(_UNWANTED.search(k) or _UNWANTED.search(v) for k, v in values.items(multi=True)):
        return None
    return ImmutableMultiDict([(clean_value(k), clean_value(v)) for k, v in values.items(multi=True)])


def json_depth(raw: str) -> int:
    """The deepest nesting of ``raw``'s arrays and objects (strings skipped), in one pass."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def has_unwanted_text(value) -> bool:
    if isinstance(value, str):
        return bool(_UNWANTED.search(value))
    if isinstance(value, dict):
        return any(has_unwanted_text(k) or has_unwanted_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_unwanted_text(v) for v in value)
    return False


def _check_json() -> None:
    raw = request.get_data(cache=True)
    if not raw:
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        abort(400, description="The request body is not valid UTF-8 JSON.")
    if json_depth(text) > JSON_MAX_DEPTH:
        abort(400, description=f"The JSON is nested more than {JSON_MAX_DEPTH} levels deep.")
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError):
        abort(400, description="The request body is not valid JSON.")
    if has_unwanted_text(parsed):
        abort(422, description="Text may not contain NUL or other control characters, or unpaired "
                               "surrogates (\\ud800-\\udfff). Remove them and send it again.")


def filter_request_input() -> None:
    """Runs before every view (see the module docstring)."""
    if request.view_args and any(isinstance(v, str) and _UNWANTED.search(v) for v in request.view_args.values()):
        abort(404)
    args = _cleaned(request.args)
    if args is not None:
        request.args = args
        request.__dict__.pop("values", None)
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    if request.is_json:
        _check_json()
        return
    form = _cleaned(request.form)
    if form is not None:
        request.form = form
        request.__dict__.pop("values", None)


def configure(app: Flask) -> None:
    # Before every other before_request function (the API's token check reads JSON too).
    app.before_request_funcs.setdefault(None, []).insert(0, filter_request_input)
