"""Bad input at the door (forum.request_input, forum.forms.Form, forum.urls): NUL bytes, lone
surrogates, Unicode digits, huge ids, over-long fields and direction overrides each get a
clear answer, never a 500, on SQLite and PostgreSQL alike."""
from __future__ import annotations

import time

from sqlalchemy import func, select

from forum.models import Post, Thread, User


def test_a_reply_with_nul_bytes_is_posted_without_them(client, login, community, db):
    login("bob")
    response = client.post(f"/t/{community['thread']}/reply", data={"body": "My rate\x00 is 80\x00 now."})
    assert response.status_code == 302
    bodies = db.session.scalars(select(Post.body_source).where(Post.thread_id == community["thread"])).all()
    assert "My rate is 80 now." in bodies


def test_a_title_of_nul_bytes_gets_the_form_back_with_the_body(client, login, community, db):
    login("bob")
    before = db.session.scalar(select(func.count(Thread.id)))
    response = client.post(f"/groups/{community['slug']}/new",
                           data={"title": "\x00\x00\x00", "body": "Keep these words", "kind": "question"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Keep these words" in page and "title" in page.lower()
    assert db.session.scalar(select(func.count(Thread.id))) == before


def test_nul_in_a_url_segment_or_query_is_not_an_error(client, community):
    assert client.get("/groups/%00").status_code == 404
    assert client.get("/u/a%00b").status_code == 404
    assert client.get("/search?group=%00&q=heart%00").status_code == 200
    assert client.get("/login?next=%00").status_code == 200


def test_a_login_with_nul_bytes_is_a_plain_failure(client, community):
    response = client.post("/login", data={"identifier": "bob\x00", "password": "x\x00y"})
    assert response.status_code == 400
    assert "do not match" in response.get_data(as_text=True)


def test_unicode_digits_and_huge_ids_are_not_numbers(client, login, community):
    login("modm")
    thread = community["thread"]
    for url in (f"/groups/{community['slug']}?page=\u00b2", f"/t/{thread}?page=\u00b2", "/search?q=heart&page=\u00b2",
                f"/t/{thread}/reply?quote=\u00b2", f"/t/{thread}/reply?quote=99999999999999999999",
                "/mod/log?page=\u00b2", "/mod/queue?group=\u00b2"):
        assert client.get(url).status_code in (200, 404), url
    for url in ("/t/99999999999999999999", "/p/99999999999999999999", "/t/%C2%B2", "/p/%D9%A3",
                "/t/%D9%A3"):
        assert client.get(url).status_code == 404, url


def test_a_one_megabyte_email_is_refused_at_once(client, db):
    started = time.perf_counter()
    response = client.post("/register", data={"username": "newperson", "email": "a" * 1_000_000 + "@example.com",
                                              "password": "a-long-test-password",
                                              "confirm": "a-long-test-password"})
    assert time.perf_counter() - started < 2
    assert response.status_code == 400
    assert "up to 254 characters" in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.username == "newperson")) is None


def test_titles_of_zero_width_characters_or_with_a_direction_override_are_refused(client, login, community, db):
    login("bob")
    before = db.session.scalar(select(func.count(Thread.id)))
    for title, message in (("\u200b" * 20, "at least"), ("\u200d\u200c" * 10, "at least"),
                           ("\u202eA title that reads backwards", "text-direction")):
        response = client.post(f"/groups/{community['slug']}/new",
                               data={"title": title, "body": "Words I typed", "kind": "question"})
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and message in page and "Words I typed" in page, title
    response = client.post(f"/t/{community['thread']}/reply", data={"body": "\u200b\u200b\u200b"})
    assert response.status_code == 400 and "Write something" in response.get_data(as_text=True)
    response = client.post(f"/t/{community['thread']}/reply", data={"body": "\u202ereversed words"})
    assert response.status_code == 400 and "text-direction" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Thread.id))) == before


def test_the_api_refuses_nul_lone_surrogates_and_deep_json_with_a_message(app, community):
    from forum.actions.tokens import create_token
    from forum.extensions import db as _db

    with app.app_context():
        token = create_token(_db.session.scalar(select(User).where(User.username == "bob")), "t", "write")[1]
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    url = f"/api/v1/threads/{community['thread']}/posts"
    for body, phrase, status in (('{"body": "a\\u0000b"}', "NUL", 422),
                                 ('{"body": "\\ud800 lone"}', "surrogates", 422),
                                 ("[" * 100_000, "nested", 400), ("{", "not valid JSON", 400)):
        response = client.post(url, data=body, headers=headers)
        assert response.status_code == status, body[:20]
        assert phrase in response.get_json()["detail"]
