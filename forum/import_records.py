"""One line of an Askwell JSON Lines import: parse, validate, normalize, render.

Pure functions with no database access, so ``prepare`` can run in a process
pool's workers. ``forum.importer`` drives them over a whole file.
"""
from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from forum.actions import limits
from forum.models import Role, ThreadKind
from forum.request_input import JSON_MAX_DEPTH, has_unwanted_text, json_depth
from moderation.sanitize import render_markdown

ID_MAX = 50  # import_ref holds 64 characters, prefix included
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_USERNAME = re.compile(limits.USERNAME_PATTERN)
_REQUIRED = object()
_TYPE_NAMES = {str: "a string", bool: "true or false", int: "a whole number"}


class RecordError(ValueError):
    """What is wrong with one line of the file."""


class KnockOnError(RecordError):
    """A problem caused by one reported already (another reference to a bad id)."""


def make_ref(kind: str, record_id: str) -> str:
    return f"{kind}:{record_id}"


# -- one record ---------------------------------------------------------------

def _short(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _field(rec: dict, name: str, kind: type = str, default=_REQUIRED):
    """``rec[name]``, checked to be of ``kind``; ``default`` when absent or null."""
    value = rec.get(name)
    if value is None:
        if default is _REQUIRED:
            raise RecordError(f'missing required field "{name}"')
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RecordError(f'"{name}" must be {_TYPE_NAMES[kind]}, not {type(value).__name__}')
    return value


def _id(rec: dict, name: str) -> str:
    value = _field(rec, name)
    if not value or len(value) > ID_MAX or value != value.strip():
        raise RecordError(f'"{name}" must be an id of 1-{ID_MAX} characters without outer spaces')
    return value


def _when(rec: dict, name: str = "created_at") -> datetime:
    value = _field(rec, name)
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f'"{name}" is not an ISO 8601 time: {_short(value)}') from None
    if when.tzinfo is None:
        raise RecordError(f'"{name}" has no time zone (write UTC with a trailing Z): {_short(value)}')
    try:
        return when.astimezone(UTC)
    except OverflowError:  # e.g. 9999-12-31T23:00:00-05:00 is past the last day Python can hold
        raise RecordError(f'"{name}" is outside the calendar that can be stored: {_short(value)}') from None


def _body(rec: dict) -> str:
    body = _field(rec, "body").replace("\r\n", "\n").strip()
    if len(body) < limits.BODY_MIN:
        raise RecordError('"body" is empty')
    if len(body) > limits.BODY_MAX:
        raise RecordError(f'"body" has {len(body):,} characters; the limit is {limits.BODY_MAX:,}')
    return body


def _choice(rec: dict, name: str, choices: type, default: str) -> str:
    value = _field(rec, name, str, default)
    if value not in {c.value for c in choices}:
        options = ", ".join(c.value for c in choices)
        raise RecordError(f'"{name}" must be one of {options}, not {_short(value)}')
    return value


def _user(rec: dict) -> dict:
    username = _field(rec, "username").strip()
    if not (limits.USERNAME_MIN <= len(username) <= limits.USERNAME_MAX) or not _USERNAME.match(username):
        raise RecordError(f"username {_short(username)} must be {limits.USERNAME_MIN}-{limits.USERNAME_MAX} "
                          "letters, digits, dots, dashes or underscores")
    email = _field(rec, "email").strip().lower()
    if len(email) > 254 or not _EMAIL.match(email):
        raise RecordError(f"email {_short(email)} is not an email address")
    return {"username": username, "email": email, "role": _choice(rec, "role", Role, Role.MEMBER.value),
            "created_at": _when(rec)}


def _group(rec: dict) -> dict:
    name = " ".join(_field(rec, "name").split())
    if not 1 <= len(name) <= limits.GROUP_NAME_MAX:
        raise RecordError(f'"name" must have 1-{limits.GROUP_NAME_MAX} characters')
    category = " ".join(_field(rec, "category", str, "").split())
    if len(category) > 80:
        raise RecordError('"category" must have at most 80 characters')
    return {"name": name, "description": _field(rec, "description", str, "").strip(), "category": category,
            "private": _field(rec, "private", bool, False),
            "created_at": _when(rec) if rec.get("created_at") is not None else None}


def _thread(rec: dict) -> dict:
    title = " ".join(_field(rec, "title").split())
    if not limits.TITLE_MIN <= len(title) <= limits.TITLE_MAX:
        raise RecordError(f'"title" has {len(title)} characters (after collapsing spaces); '
                          f"it needs {limits.TITLE_MIN}-{limits.TITLE_MAX}")
    return {"group": _id(rec, "group"), "author": _id(rec, "author"), "title": title,
            "kind": _choice(rec, "kind", ThreadKind, ThreadKind.DISCUSSION.value),
            "body": _body(rec), "created_at": _when(rec)}


def _post(rec: dict) -> dict:
    return {"thread": _id(rec, "thread"), "author": _id(rec, "author"), "body": _body(rec),
            "created_at": _when(rec)}


NORMALIZERS = {"user": _user, "group": _group, "thread": _thread, "post": _post}


def read_record(raw: bytes) -> tuple[str, str, dict]:
    """Parse one line: its type, its id and the JSON object."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RecordError("not valid UTF-8") from None
    if json_depth(text) > JSON_MAX_DEPTH:
        raise RecordError(f"the JSON is nested more than {JSON_MAX_DEPTH} levels deep")
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON ({error.msg}, column {error.colno})") from None
    except (ValueError, RecursionError):  # a number of thousands of digits
        raise RecordError("a number is too long to read") from None
    if has_unwanted_text(rec):
        raise RecordError("the text holds a NUL or other control character, or an unpaired surrogate "
                          "(\\ud800-\\udfff); remove it")
    if not isinstance(rec, dict):
        raise RecordError("a line must hold one JSON object")
    if rec.get("type") not in NORMALIZERS:
        raise RecordError(f"unknown record type {rec.get('type')!r}; expected user, group, thread or post")
    return rec["type"], _id(rec, "id"), rec


def prepare(item: tuple[int, bytes]) -> tuple[int, str, str, dict]:
    """Parse, normalize and render one line (runs in the pool's workers)."""
    line_no, raw = item
    kind, record_id, rec = read_record(raw)
    clean = NORMALIZERS[kind](rec)
    if "body" in clean:
        clean["html"] = render_markdown(clean["body"])
    return line_no, kind, record_id, clean
