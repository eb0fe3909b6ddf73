"""Automatic rules: watched words (block, hold, flag), links caps, new members' links, the words editor."""

from sqlalchemy import func, select

from forum.models import Post, Thread
from forum.models.moderation import ModerationAction, ReviewItem, WatchedWord
from moderation.rules import count_links


def _words(client, *pairs):
    for word, action in pairs:
        assert client.post("/mod/words", data={"word": word, "action": action}).status_code == 302


def test_admins_edit_the_watched_words(app, client, login, community, get):
    login("root")
    _words(client, ("miracle cure", "hold"), ("CasinoBonus", "block"))
    page = client.get("/mod/words").get_data(as_text=True)
    assert "miracle cure" in page and "casinobonus" in page
    _words(client, ("miracle cure", "flag"))
    assert get(WatchedWord, word="miracle cure").action == "flag"
    assert client.post("/mod/words", data={"word": "   ", "action": "block"}).status_code == 400
    response = client.post("/mod/words", data={"word": "x" * 101, "action": "block"})
    assert response.status_code == 400 and "x" * 101 in response.get_data(as_text=True)
    assert client.post("/mod/words", data={"word": "ok", "action": "explode"}).status_code == 400
    word = get(WatchedWord, word="casinobonus")
    client.post(f"/mod/words/{word.id}/delete")
    assert get(WatchedWord, word="casinobonus") is None
    assert get(ModerationAction, action="remove_watched_word") is not None
    moderator = app.test_client()
    login("modm", c=moderator)
    assert moderator.get("/mod/words").status_code == 403


def test_block_hold_and_flag(app, client, login, community, get, db):
    admin = app.test_client()
    login("root", c=admin)
    _words(admin, ("casinobonus", "block"), ("miracle cure", "hold"), ("detox", "flag"))
    login("bob")
    thread = community["thread"]
    blocked = client.post(f"/t/{thread}/reply", data={"body": "Get your CasinoBonus today"})
    assert blocked.status_code == 400
    text = blocked.get_data(as_text=True)
    assert "not allowed" in text and "Get your CasinoBonus today" in text
    assert client.post(f"/t/{thread}/reply", data={"body": "This Miracle Cure worked"}).status_code == 302
    held = get(Post, thread_id=thread, number=2)
    assert held.hidden_at is not None and held.hidden_reason.startswith("Held for review")
    assert get(ReviewItem, post_id=held.id).reason == "held"
    assert "Miracle Cure" not in app.test_client().get(f"/t/{thread}").get_data(as_text=True)
    assert "waiting for a moderator" in client.get(f"/t/{thread}").get_data(as_text=True)
    assert client.post(f"/t/{thread}/reply", data={"body": "A juice detox helped me"}).status_code == 302
    flagged = get(Post, thread_id=thread, number=3)
    assert flagged.hidden_at is None and get(ReviewItem, post_id=flagged.id).reason == "watched_word"
    assert (
        client.post(f"/t/{thread}/reply", data={"body": "Detoxification is a liver job"}).status_code == 302
    )
    assert db.session.scalar(select(func.count()).select_from(ReviewItem)) == 2
    # Approving a held post publishes it.
    mod = app.test_client()
    login("modm", c=mod)
    mod.post(f"/mod/queue/{get(ReviewItem, post_id=held.id).id}", data={"decision": "keep"})
    assert "Miracle Cure" in app.test_client().get(f"/t/{thread}").get_data(as_text=True)


def test_watched_words_apply_to_new_thread_titles(app, client, login, community, get):
    admin = app.test_client()
    login("root", c=admin)
    _words(admin, ("miracle cure", "hold"))
    login("bob")
    response = client.post(
        f"/groups/{community['slug']}/new",
        data={"kind": "question", "title": "Where to buy the miracle cure?", "body": "Asking for a friend"},
    )
    assert response.status_code == 302
    thread = get(Thread, title="Where to buy the miracle cure?")
    assert thread.hidden_at is not None
    assert "miracle cure" not in app.test_client().get(f"/groups/{community['slug']}").get_data(as_text=True)
    assert app.test_client().get(f"/t/{thread.id}").status_code == 404
    assert client.get(f"/t/{thread.id}").status_code == 200


def test_a_cap_on_links_per_post(app, client, login, community, db):
    app.config["MAX_LINKS_PER_POST"] = 2
    login("modm")
    body = "See https://a.example, www.b.example and [c](https://c.example)"
    assert count_links(body) == 3
    response = client.post(f"/t/{community['thread']}/reply", data={"body": body})
    assert response.status_code == 400 and "up to 2 links" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Post)) == 1


def test_new_members_first_posts_with_links_are_held(app, client, login, community, get, make_thread):
    login("bob")
    thread = community["thread"]
    client.post(f"/t/{thread}/reply", data={"body": "Try https://cheap-meds.example"})
    first = get(Post, thread_id=thread, number=2)
    assert first.hidden_at is not None and "new member" in first.hidden_reason
    client.post(f"/t/{thread}/reply", data={"body": "No links in this one"})
    assert get(Post, thread_id=thread, number=3).hidden_at is None
    # Established members (3+ posts) and moderators post links freely.
    for i in range(2):
        client.post(f"/t/{thread}/reply", data={"body": f"Reply {i}"})
    client.post(f"/t/{thread}/reply", data={"body": "The NHS page https://www.nhs.uk explains it"})
    assert get(Post, thread_id=thread, number=6).hidden_at is None
    mod = app.test_client()
    login("modm", c=mod)
    mod.post(f"/t/{thread}/reply", data={"body": "Official guidance: https://www.nhs.uk"})
    assert get(Post, thread_id=thread, number=7).hidden_at is None
