"""A bad-input sweep: every route in ``app.url_map`` is sent the classes of input that
broke pages before (empty, whitespace, huge, NUL, lone surrogates, Unicode digits,
huge ids, malformed cursors, wrong methods and content types) as an anonymous
visitor, a member and a moderator.

Asserted for every request: no 5xx, no answer slower than 2 s; and when a form
page comes back with an error, what was typed is on it again. A route added later
is swept automatically (its URL parameters are filled by ``route_walk``).
"""
from __future__ import annotations

import re
import time

import pytest

from tests.forum.routes.route_walk import build_walk_community, urls_for, walkable_rules

SLOW = 2.0
TYPED = "typedmarker"
# The classes, as they reach the app after URL encoding (form fields and query values).
VALUES = {
    "empty": "",
    "whitespace": " \t\u00a0\u3000 ",
    "nul": f"{TYPED} a\x00b",
    "unicode-digits": "\u00b2",
    "arabic-digits": "\u0663\u0664",
    "huge-id": "99999999999999999999",
    "negative": "-1",
    "cursor": "!!not-a-cursor~~",
    "zero-width": "\u200b\u200b\u200b\u200b\u200b\u200b",
    "rtl-override": f"\u202e{TYPED} reversed title here",
}
HUGE = "x" * 200_000
# Raw bytes that decode to nothing sensible: an encoded lone surrogate, an overlong NUL, a cut sequence.
RAW_QUERY = "page=%ED%A0%80&q=%00&group=%C0%80&quote=%F0%90&after=%00%00&before=%ED%B0%80"
# Signed-in roles get the classes that reach different code for them (forms they can use, ids they
# may see); the anonymous walk sends every class.
SIGNED_IN = ("nul", "unicode-digits", "huge-id", "cursor", "rtl-override", "empty", "huge")
QUERY_NAMES = ["page", "quote", "group", "q", "after", "before", "cursor", "kind", "sort", "tag", "format",
               "status", "next", "letter", "state"]
FIELD_NAMES = ["title", "body", "identifier", "password", "email", "username", "reason", "word", "action",
               "note", "bio", "display_name", "new_password", "current_password", "confirm", "message",
               "summary", "sources", "tags", "reviewed_on", "profession", "specialty", "licence_number",
               "issuing_body", "country", "evidence", "kind", "group", "role", "days", "hours", "size",
               "name", "label", "scope", "safety", "next", "quote"]
ROLES = ["anonymous", "ann", "root"]


@pytest.fixture
def community(app, make_user, make_group, add_member, make_thread):
    return build_walk_community(app, make_user, make_group, add_member, make_thread)


def _browser(app, login, role):
    browser = app.test_client()
    if role != "anonymous":
        login(role, c=browser)
    return browser


def _check(response, started: float, what: str):
    elapsed = time.perf_counter() - started
    response.close()
    assert response.status_code < 500, f"{what}: {response.status_code}"
    assert elapsed < SLOW, f"{what}: took {elapsed:.1f} s"


def _timed(browser, method: str, url: str, **kwargs):
    started = time.perf_counter()
    response = browser.open(url, method=method, **kwargs)
    if time.perf_counter() - started >= SLOW and method == "GET":
        # Once more: a loaded test machine can stall one request; a slow code path is slow twice.
        response.close()
        started = time.perf_counter()
        response = browser.open(url, method=method, **kwargs)
    _check(response, started, f"{method} {url[:120]} {str(kwargs)[:120]}")
    return response


def _classes(role: str, values: dict) -> list[tuple[str, str]]:
    return [(k, v) for k, v in values.items() if role == "anonymous" or k in SIGNED_IN]


def _form_fields(html: str) -> tuple[list[str], bool]:
    """The form's field names, and whether it has one that echoes text (not a password)."""
    forms = "".join(re.findall(r'<form[^>]*method="post"[^>]*>(.*?)</form>', html, re.S | re.I))
    tags = re.findall(r'<(?:input|textarea|select)[^>]*\bname="[^"]+"[^>]*>', forms)
    names = [re.search(r'\bname="([^"]+)"', t).group(1) for t in tags]
    echoes = any(t.startswith("<textarea") or re.search(r'type="(?:text|email|search)"', t) for t in tags)
    return [n for n in dict.fromkeys(names) if n != "csrf_token"], echoes


def _bad_segments(rule) -> list[dict]:
    """URL values for ``rule`` with one parameter at a time made hostile."""
    out = []
    for name in rule.arguments:
        converter = rule._converters.get(name)
        if type(converter).__name__ in ("AnyConverter",):
            continue
        if type(converter).__name__ == "BoundedIntConverter":
            continue  # the converter itself refuses these; huge ids are tried as raw paths below
        for value in ("\x00", "a\x00b", "\u00b2", "%ED%A0%80", "x" * 3000):
            out.append({name: value})
    return out


@pytest.mark.parametrize("role", ROLES)
def test_no_get_route_breaks_on_bad_query_values(app, login, community, role):
    browser = _browser(app, login, role)
    for rule in walkable_rules(app, {"GET"}):
        for url in urls_for(rule, community.public):
            for _label, value in _classes(role, VALUES):
                _timed(browser, "GET", url, query_string={name: value for name in QUERY_NAMES})
            _timed(browser, "GET", f"{url}?{RAW_QUERY}")


def test_no_route_breaks_on_bad_url_segments(app, login, community):
    from urllib.parse import quote

    browser = _browser(app, login, "root")
    for rule in walkable_rules(app, {"GET", "POST"}):
        method = "GET" if "GET" in rule.methods else "POST"
        for bad in _bad_segments(rule):
            values = {**community.public}
            name, value = next(iter(bad.items()))
            marker = "zzsegmentzz"
            values[name] = marker
            for url in urls_for(rule, values):
                segment = value if value.startswith("%") else quote(value, safe="")
                _timed(browser, method, url.replace(marker, segment))
    for path in ("/t/99999999999999999999", "/p/99999999999999999999", "/p/99999999999999999999/edit",
                 "/api/v1/posts/99999999999999999999", "/second-opinion/99999999999999999999",
                 "/t/%C2%B2", "/p/%D9%A3", "/mod/post/99999999999999999999"):
        assert _timed(browser, "GET", path).status_code == 404, path


@pytest.mark.parametrize("role", ROLES)
def test_no_form_breaks_on_bad_field_values_and_typed_text_comes_back(app, login, community, role):
    browser = _browser(app, login, role)
    for rule in walkable_rules(app, {"POST"}):
        if rule.rule in ("/logout",) or rule.endpoint.endswith(("delete", "leave")) and role != "anonymous":
            continue  # would end the session or remove the rows the rest of the sweep needs
        for url in urls_for(rule, community.public):
            fields, echoes = list(FIELD_NAMES), False
            if "GET" in rule.methods:
                page = browser.get(url)
                if page.status_code == 200:
                    names, echoes = _form_fields(page.get_data(as_text=True))
                    fields = names + fields
            for label, value in _classes(role, {**VALUES, "huge": HUGE}):
                data = {name: value for name in dict.fromkeys(fields)}
                response = _timed(browser, "POST", url, data=data)
                body = response.get_data(as_text=True)
                if response.status_code == 400 and echoes and "<form" in body and TYPED in value:
                    assert TYPED in body, f"POST {url} ({label}) lost the typed text"


@pytest.mark.parametrize("role", ["ann", "root"])
def test_the_api_refuses_bad_json_and_wrong_content_types(app, community, role):
    from sqlalchemy import select

    from forum.actions.tokens import create_token
    from forum.extensions import db
    from forum.models import User

    with app.app_context():
        token = create_token(db.session.scalar(select(User).where(User.username == role)), "sweep", "write")[1]
    browser = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    bodies = ['{"title": "a\\u0000b", "body": "\\ud800\\udfff\\ud800 text", "kind": "question"}',
              '{"body": "\\u0000"}', '{"reason": "\\ud800", "action": "\\u00b2"}', "[" * 5000, "{", "null",
              '{"body": 99999999999999999999999}', '{"until": "9999-12-31T23:59:59"}']
    for rule in walkable_rules(app, {"POST", "PATCH", "PUT", "DELETE"}):
        if not rule.rule.startswith("/api/"):
            continue
        for method in sorted(rule.methods & {"POST", "PATCH", "PUT", "DELETE"}):
            if method == "DELETE":
                continue
            for url in urls_for(rule, community.public):
                for body in bodies:
                    _timed(browser, method, url, data=body, headers={**headers, "Content-Type": "application/json"})
                _timed(browser, method, url, data="body=x", headers={**headers,
                                                                   "Content-Type": "application/x-www-form-urlencoded"})
                _timed(browser, method, url, data=b"\x00\xff\xfe", headers={**headers, "Content-Type": "text/plain"})


def test_forms_refuse_wrong_methods_and_content_types(app, login, community):
    browser = _browser(app, login, "ann")
    for rule in walkable_rules(app, {"GET", "POST"}):
        for url in urls_for(rule, community.public):
            for method in ("PUT", "PATCH", "DELETE"):
                if method not in rule.methods:
                    _timed(browser, method, url)
            if "POST" in rule.methods and not rule.rule.startswith("/api/") and not rule.endpoint.endswith(
                    ("delete", "leave", "logout")):
                _timed(browser, "POST", url, data='{"body": "\\u0000"}', headers={"Content-Type": "application/json"})
                _timed(browser, "POST", url, data=b"\x00" * 100, headers={"Content-Type": "multipart/form-data"})
