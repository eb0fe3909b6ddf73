"""POST /preview renders Markdown through the sanitizer, for members only, with CSRF."""

from __future__ import annotations

from forum.actions import limits
from tests.conftest import PASSWORD, csrf_token_from


def test_preview_renders_markdown_and_strips_hostile_html(client, make_user, login):
    make_user("maya")
    login("maya")
    body = "**Bold** <script>alert(1)</script> [x](javascript:alert(1))"
    response = client.post("/preview", data={"body": body})
    assert response.status_code == 200
    html = response.get_json()["html"]
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html
    assert 'href="javascript' not in html


def test_preview_refuses_huge_bodies_with_a_message(client, make_user, login):
    make_user("maya")
    login("maya")
    response = client.post("/preview", data={"body": "x" * (limits.BODY_MAX + 1)})
    assert response.status_code == 413
    assert "Posts can be up to" in response.get_json()["error"]


def test_preview_of_an_empty_or_missing_body_is_empty(client, make_user, login):
    make_user("maya")
    login("maya")
    assert client.post("/preview", data={}).get_json() == {"html": ""}


def test_preview_needs_a_login(client):
    response = client.post("/preview", data={"body": "hi"})
    assert response.status_code in (302, 401)
    assert not response.is_json


def test_preview_needs_the_csrf_token(csrf_app, make_user):
    make_user("maya")
    client = csrf_app.test_client()
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"identifier": "maya", "password": PASSWORD, "csrf_token": token})
    assert client.post("/preview", data={"body": "hi"}).status_code == 400
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    response = client.post("/preview", data={"body": "*hi*", "csrf_token": token})
    assert response.get_json() == {"html": "<p><em>hi</em></p>\n"}
