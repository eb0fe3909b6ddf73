"""Flags: reasons, one per person per post, hiding after enough flags, what readers and authors see."""

from sqlalchemy import func, select

from forum.models import Post, Thread
from forum.models.moderation import Flag, ModerationAction, ReviewItem


def _opening(get, community):
    return get(Post, thread_id=community["thread"], number=1)


def test_a_member_flags_a_post_with_a_reason(client, login, community, db, get):
    login("bob")
    post = _opening(get, community)
    page = client.get(f"/t/{community['thread']}").get_data(as_text=True)
    assert f"/p/{post.id}/flag" in page
    form = client.get(f"/p/{post.id}/flag").get_data(as_text=True)
    for label in (
        "Spam or advertising",
        "Harassment or abuse",
        "Medical misinformation",
        "Harmful medical advice",
        "Crisis or self-harm",
        "Personal information",
        "Something else",
    ):
        assert label in form
    response = client.post(f"/p/{post.id}/flag", data={"reason": "misinformation", "details": "Wrong dose"})
    assert response.status_code == 302
    flag = get(Flag, post_id=post.id)
    assert flag.reason == "misinformation" and flag.details == "Wrong dose"
    assert get(Post, id=post.id).flag_count == 1
    assert get(ReviewItem, post_id=post.id).is_open


def test_one_flag_per_person_and_not_on_your_own_post(client, login, community, db, get):
    post = _opening(get, community)
    login("bob")
    client.post(f"/p/{post.id}/flag", data={"reason": "spam"})
    again = client.post(f"/p/{post.id}/flag", data={"reason": "harassment"})
    assert again.status_code == 400 and "already flagged" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Flag)) == 1
    assert get(Post, id=post.id).flag_count == 1
    own = login("ann", c=client.application.test_client())
    assert own.get(f"/p/{post.id}/flag").status_code == 403
    assert f"/p/{post.id}/flag" not in own.get(f"/t/{community['thread']}").get_data(as_text=True)


def test_other_needs_details_and_bad_input_keeps_the_form(client, login, community, get):
    post = _opening(get, community)
    login("bob")
    response = client.post(f"/p/{post.id}/flag", data={"reason": "other", "details": "   "})
    assert response.status_code == 400 and "Something else" in response.get_data(as_text=True)
    response = client.post(f"/p/{post.id}/flag", data={"reason": "nonsense"})
    assert response.status_code == 400
    response = client.post(f"/p/{post.id}/flag", data={"reason": "other", "details": "x" * 1001})
    assert response.status_code == 400 and "x" * 50 in response.get_data(as_text=True)
    assert get(Flag, post_id=post.id) is None


def test_three_members_flagging_hide_the_post_until_reviewed(app, client, login, community, get, db):
    post = _opening(get, community)
    for name in ("bob", "cat"):
        c = app.test_client()
        login(name, c=c)
        c.post(f"/p/{post.id}/flag", data={"reason": "spam"})
    assert get(Post, id=post.id).hidden_at is None
    c = app.test_client()
    login("dan", c=c)
    c.post(f"/p/{post.id}/flag", data={"reason": "spam"})
    hidden = get(Post, id=post.id)
    assert hidden.hidden_at is not None and "3 members" in hidden.hidden_reason
    assert get(Thread, id=community["thread"]).hidden_at is not None
    assert get(ModerationAction, action="auto_hide_post").moderator_id is None
    # Hidden from readers (a hidden opening post hides its thread from lists too) ...
    assert app.test_client().get(f"/t/{community['thread']}").status_code == 404
    assert "Is my heart rate normal?" not in app.test_client().get(f"/groups/{community['slug']}").get_data(
        as_text=True
    )
    # ... while its author sees it, and why.
    login("ann")
    page = client.get(f"/t/{community['thread']}").get_data(as_text=True)
    assert "Your post is" in page and "hidden from other members" in page and "3 members" in page


def test_the_threshold_is_configurable(app, client, login, community, get):
    app.config["FLAG_HIDE_THRESHOLD"] = 1
    post = _opening(get, community)
    login("bob")
    client.post(f"/p/{post.id}/flag", data={"reason": "harassment"})
    assert get(Post, id=post.id).hidden_at is not None


def test_a_hidden_reply_shows_a_placeholder_to_readers(app, client, login, community, get, make_user):
    login("bob")
    client.post(f"/t/{community['thread']}/reply", data={"body": "Buy cheap pills at my shop"})
    reply = get(Post, thread_id=community["thread"], number=2)
    mod = app.test_client()
    login("modm", c=mod)
    assert mod.post(f"/mod/post/{reply.id}", data={"do": "hide", "reason": "Advertising"}).status_code == 302
    reader = app.test_client().get(f"/t/{community['thread']}").get_data(as_text=True)
    assert "This post is hidden by the moderators." in reader and "Buy cheap pills" not in reader
    assert "Advertising" not in reader
    author = client.get(f"/t/{community['thread']}").get_data(as_text=True)
    assert "Buy cheap pills" in author and "Advertising" in author
    assert app.test_client().get(f"/p/{reply.id}/revisions").status_code == 404
    assert "Buy cheap pills" not in app.test_client().get("/u/bob").get_data(as_text=True)
    quote = client.get(f"/t/{community['thread']}/reply?quote={reply.id}")
    assert "Buy cheap pills" in quote.get_data(as_text=True)  # its author may still quote it
    other = app.test_client()
    login("cat", c=other)
    assert "Buy cheap pills" not in other.get(f"/t/{community['thread']}/reply?quote={reply.id}").get_data(
        as_text=True
    )


def test_a_crisis_flag_is_urgent(client, login, community, get):
    post = _opening(get, community)
    login("bob")
    client.post(f"/p/{post.id}/flag", data={"reason": "crisis"})
    item = get(ReviewItem, post_id=post.id)
    assert item.is_urgent and item.reason == "crisis"


def test_a_hidden_post_cannot_be_reached_through_the_flag_page(app, client, login, community, get):
    post = get(Post, thread_id=community["thread"], number=1)
    mod = app.test_client()
    login("modm", c=mod)
    mod.post(f"/mod/post/{post.id}", data={"do": "hide", "reason": "Held"})
    login("bob")
    assert client.get(f"/p/{post.id}/flag").status_code == 404
    assert client.post(f"/p/{post.id}/flag", data={"reason": "spam"}).status_code == 404
    assert get(Flag, post_id=post.id) is None, "no flag was written"
