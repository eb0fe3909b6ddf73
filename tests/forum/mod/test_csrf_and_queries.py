"""Moderation forms need CSRF tokens; the thread page stays cheap with flags and hidden posts."""

import pytest

from forum.models import Post
from forum.models.moderation import ReviewItem, WatchedWord
from tests.conftest import PASSWORD, csrf_token_from


def _login(client, username):
    token = csrf_token_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"identifier": username, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


@pytest.fixture
def flagged(app, community, login, get):
    post = get(Post, thread_id=community["thread"], number=1)
    c = app.test_client()
    login("bob", c=c)
    c.post(f"/p/{post.id}/flag", data={"reason": "spam"})
    root = app.test_client()
    login("root", c=root)
    root.post("/mod/words", data={"word": "casino", "action": "block"})
    return post


@pytest.mark.parametrize(
    "who, path, data",
    [
        ("cat", "/p/{post}/flag", {"reason": "spam"}),
        ("modm", "/mod/queue/{item}", {"decision": "keep"}),
        ("modm", "/mod/post/{post}", {"do": "hide", "reason": "x"}),
        ("modm", "/mod/thread/{thread}", {"do": "lock"}),
        ("modm", "/mod/user/bob", {"kind": "ban", "reason": "x"}),
        ("root", "/mod/words", {"word": "spam", "action": "block"}),
        ("root", "/mod/words/{word}/delete", {}),
    ],
)
def test_moderation_posts_without_a_token_are_refused(app, community, flagged, get, who, path, data):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    _login(client, who)
    path = path.format(
        post=flagged.id,
        thread=community["thread"],
        item=get(ReviewItem, post_id=flagged.id).id,
        word=get(WatchedWord, word="casino").id,
    )
    assert client.post(path, data=data).status_code == 400
    assert get(ReviewItem, post_id=flagged.id).is_open
    assert get(Post, id=flagged.id).hidden_at is None and get(WatchedWord, word="casino") is not None
    assert get(WatchedWord, word="spam") is None


@pytest.mark.parametrize("who", [None, "ann", "bob", "gina", "modm"])
def test_thread_page_with_flags_and_hidden_posts_stays_within_eight_statements(
    app, client, login, community, count_queries, get, who
):
    thread = community["thread"]
    writer = app.test_client()
    login("bob", c=writer)
    for i in range(12):
        writer.post(f"/t/{thread}/reply", data={"body": f"Reply number {i}"})
    mod = app.test_client()
    login("modm", c=mod)
    for number in (2, 5, 9):
        mod.post(
            f"/mod/post/{get(Post, thread_id=thread, number=number).id}", data={"do": "hide", "reason": "r"}
        )
    flagger = app.test_client()
    login("cat", c=flagger)
    for number in (3, 4):
        flagger.post(f"/p/{get(Post, thread_id=thread, number=number).id}/flag", data={"reason": "spam"})
    if who:
        login(who)
    with count_queries() as statements:
        page = client.get(f"/t/{thread}").get_data(as_text=True)
    assert len(statements) <= 8, "\n".join(statements)
    hidden_text = "Reply number 0"
    assert (hidden_text in page) == (who in ("bob", "gina", "modm"))
    assert ("1 flag" in page) == (who in ("gina", "modm"))
