"""Private messages on the web: writing, reading, unread counts, and who gets a 404.

Each refusal is checked for its effect too: no message or conversation is
written, and the typed text comes back in the form.
"""
from datetime import timedelta

from sqlalchemy import func, select

from forum.models import Conversation, ConversationParticipant, Message, ModerationAction, User, utcnow


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _user(db, name) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def test_a_member_messages_another_from_their_profile(client, login, people, db):
    login("ann")
    profile = client.get("/u/ben").get_data(as_text=True)
    assert 'href="/messages/new?to=ben"' in profile
    assert 'value="ben"' in client.get("/messages/new?to=ben").get_data(as_text=True)
    sent = client.post("/messages/new", data={"to": "ben", "body": "Hello Ben, how was the **appointment**?"})
    assert sent.status_code == 302
    page = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "<strong>appointment</strong>" in page and "Conversation with" in page
    assert _count(db, Message) == 1


def test_the_reply_lands_in_the_same_conversation_and_counts_as_unread(app, client, login, people, send, db):
    conversation_id = send("ann", "ben", "First message")
    send("ann", "ben", "Second message")
    assert _count(db, Conversation) == 1, "one conversation per pair"
    login("ben")
    home = client.get("/").get_data(as_text=True)
    assert "Messages" in home and "2<span class=\"visually-hidden\"> unread" in home
    assert "2 unread" in client.get("/messages").get_data(as_text=True)
    client.get(f"/messages/{conversation_id}")
    assert "2 unread" in client.get("/messages").get_data(as_text=True), "reading a page writes nothing"
    assert client.post(f"/messages/{conversation_id}/read").status_code == 302
    assert " unread</span>" not in client.get("/messages").get_data(as_text=True).split("<main", 1)[1]
    reply = client.post(f"/messages/{conversation_id}", data={"body": "Thanks Ann!"})
    assert reply.status_code == 302
    ann = db.session.scalar(select(ConversationParticipant).join(User).where(User.username == "ann"))
    assert ann.unread_count == 1


def test_errors_keep_the_typed_text_and_write_nothing(client, login, people, db):
    login("ann")
    for data, says in (({"to": "nobody_here", "body": "Kept words one"}, "no member with that username"),
                       ({"to": "ben", "body": ""}, "Write something"),
                       ({"to": "ann", "body": "Kept words two"}, "not accepting messages")):
        page = client.post("/messages/new", data=data)
        text = page.get_data(as_text=True)
        assert page.status_code == 400 and says in text, text
        if data["body"]:
            assert data["body"] in text
    assert _count(db, Message) == 0 and _count(db, Conversation) == 0


def test_the_recipients_choice_is_respected_and_moderators_always_get_through(client, login, people, db,
                                                                               make_group, add_member):
    ben = _user(db, "ben")
    ben.message_policy = "groups"
    db.session.commit()
    login("ann")
    refused = client.post("/messages/new", data={"to": "ben", "body": "Are you there?"})
    assert refused.status_code == 400 and "Are you there?" in refused.get_data(as_text=True)
    assert 'href="/messages/new?to=ben"' not in client.get("/u/ben").get_data(as_text=True)
    slug = make_group("Walkers")
    add_member("ann", slug)
    add_member("ben", slug)
    assert client.post("/messages/new", data={"to": "ben", "body": "Are you there?"}).status_code == 302
    ben = _user(db, "ben")
    ben.message_policy = "nobody"
    db.session.commit()
    assert client.post("/messages/new", data={"to": "ben", "body": "And now?"}).status_code == 400
    client.post("/logout")
    login("moe")
    assert client.post("/messages/new", data={"to": "ben", "body": "A moderator here."}).status_code == 302
    assert _count(db, Message) == 2


def test_the_settings_page_saves_the_choice(client, login, people, db):
    login("ben")
    assert client.post("/settings/messages", data={"policy": "nobody"}).status_code == 302
    assert _user(db, "ben").message_policy == "nobody"
    assert client.post("/settings/messages", data={"policy": "everyone!"}).status_code == 400
    assert _user(db, "ben").message_policy == "nobody"


def test_a_silenced_member_is_refused_by_the_pipeline(client, login, people, db):
    ann = _user(db, "ann")
    ann.silenced_until = utcnow() + timedelta(days=1)
    db.session.commit()
    login("ann")
    page = client.post("/messages/new", data={"to": "ben", "body": "Silenced words"})
    assert page.status_code == 400 and "paused your posting" in page.get_data(as_text=True)
    assert "Silenced words" in page.get_data(as_text=True)
    assert _count(db, Message) == 0


def test_watched_words_and_the_safety_panel_apply_to_messages(app, client, login, people, db):
    from forum.actions.moderation import add_watched_word

    with app.app_context():
        add_watched_word(_user_in_app("moe"), "casino", "block")
    login("ann")
    blocked = client.post("/messages/new", data={"to": "ben", "body": "Try my casino tonight"})
    assert blocked.status_code == 400 and "Try my casino tonight" in blocked.get_data(as_text=True)
    panel = client.post("/messages/new", data={"to": "ben", "body": "Call me on 07700 900123 any time"})
    text = panel.get_data(as_text=True)
    assert "personal details" in text and "07700 900123" in text
    assert _count(db, Message) == 0
    redacted = client.post("/messages/new", data={"to": "ben", "body": "Call me on 07700 900123 any time",
                                                  "safety": "redact"})
    assert "07700 900123" not in redacted.get_data(as_text=True)
    assert _count(db, Message) == 0, "the redacted text is shown first, not sent"
    sent = client.post("/messages/new", data={"to": "ben", "body": "Call me any time", "safety": ""})
    assert sent.status_code == 302


def _user_in_app(name):
    from forum.extensions import db

    return db.session.scalar(select(User).where(User.username == name))


def test_crisis_language_shows_resources_and_reaches_the_queue_as_the_message_alone(client, login, people, db):
    from forum.models import ReviewItem

    login("ann")
    body = "I want to kill myself tonight, I can't go on"
    panel = client.post("/messages/new", data={"to": "ben", "body": body})
    assert "help is available" in panel.get_data(as_text=True) and _count(db, Message) == 0
    assert client.post("/messages/new", data={"to": "ben", "body": body, "safety": "publish"}).status_code == 302
    item = db.session.scalar(select(ReviewItem))
    assert item.message_id is not None and item.is_urgent
    conversation = db.session.scalar(select(Conversation))
    assert conversation.reported_at is None, "a queued message does not open the conversation"


def test_outsiders_get_404_for_every_conversation_route(client, login, people, send, db):
    conversation_id = send("ann", "ben", "Private words")
    message_id = db.session.scalar(select(Message.id))
    for viewer in ("zed", "moe"):
        login(viewer)
        for method, url in (("get", f"/messages/{conversation_id}"), ("post", f"/messages/{conversation_id}"),
                            ("post", f"/messages/{conversation_id}/read"),
                            ("get", f"/messages/m/{message_id}/report"),
                            ("post", f"/messages/m/{message_id}/report"),
                            ("post", f"/messages/{conversation_id}/open")):
            response = getattr(client, method)(url, data={"body": "sneaky", "reason": "spam"})
            assert response.status_code == 404, (viewer, url)
            assert "Private words" not in response.get_data(as_text=True)
        client.post("/logout")
    assert _count(db, Message) == 1
    assert client.get(f"/messages/{conversation_id}").status_code == 302, "anonymous: log in first"


def test_a_report_lets_a_moderator_open_the_conversation_and_the_opening_is_audited(client, login, people, send,
                                                                                   db):
    conversation_id = send("ann", "ben", "You are useless, leave the group")
    message_id = db.session.scalar(select(Message.id))
    login("ben")
    form = client.get(f"/messages/m/{message_id}/report").get_data(as_text=True)
    assert "You are useless" in form
    assert client.post(f"/messages/m/{message_id}/report", data={"reason": "harassment"}).status_code == 302
    again = client.post(f"/messages/m/{message_id}/report", data={"reason": "harassment"})
    assert "already reported" in again.get_data(as_text=True)
    client.post("/logout")
    login("moe")
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert "You are useless" in queue and f"/messages/{conversation_id}/open" in queue
    assert client.get(f"/messages/{conversation_id}").status_code == 404, "not before opening it"
    opened = client.post(f"/messages/{conversation_id}/open")
    assert opened.status_code == 302
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "as a moderator" in page and "You are useless" in page and 'name="body"' not in page
    audit = db.session.scalar(select(ModerationAction).where(ModerationAction.action == "open_conversation"))
    assert audit.target_id == conversation_id and audit.moderator_id == people["moe"]
    log = client.get("/mod/log").get_data(as_text=True)
    assert "Opened a reported conversation" in log


def test_a_moderator_hides_a_reported_message_from_the_queue(client, login, people, send, db):
    from forum.models import ReviewItem

    conversation_id = send("ann", "ben", "Buy my pills at this link")
    message_id = db.session.scalar(select(Message.id))
    login("ben")
    client.post(f"/messages/m/{message_id}/report", data={"reason": "spam"})
    client.post("/logout")
    login("moe")
    item = db.session.scalar(select(ReviewItem))
    assert client.post(f"/mod/queue/{item.id}", data={"decision": "hide", "reason": "Spam"}).status_code == 302
    assert db.session.get(Message, message_id).is_hidden
    client.post("/logout")
    login("ben")
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "hidden by a moderator" in page and "Buy my pills" not in page


def test_the_api_queue_never_shows_private_messages(app, client, login, people, send, db):
    from forum.actions.tokens import create_token
    from forum.models import ReviewItem

    send("ann", "ben", "Private spam words")
    message_id = db.session.scalar(select(Message.id))
    login("ben")
    client.post(f"/messages/m/{message_id}/report", data={"reason": "spam"})
    with app.app_context():
        token = create_token(_user_in_app("moe"), "t", "write")[1]
    headers = {"Authorization": f"Bearer {token}"}
    body = app.test_client().get("/api/v1/mod/queue", headers=headers).get_data(as_text=True)
    assert "Private spam words" not in body
    item_id = db.session.scalar(select(ReviewItem.id))
    decided = app.test_client().post(f"/api/v1/mod/queue/{item_id}", headers=headers,
                                     json={"decision": "keep", "reason": ""})
    assert decided.status_code == 404


def test_the_inbox_and_header_cost_the_same_with_many_conversations(app, client, login, people, send,
                                                                    make_user, count_queries):
    def inbox_queries():
        with count_queries() as statements:
            assert client.get("/messages").status_code == 200
        return len(statements)

    send("ben", "ann", "one")
    login("ann")
    few = inbox_queries()
    for n in range(6):
        make_user(f"writer{n}")
        send(f"writer{n}", "ann", f"hello {n}")
    assert inbox_queries() == few
    with count_queries() as statements:
        client.get("/groups")
    assert sum("sum(conversation_participants.unread_count)" in s.lower() for s in statements) == 1


def test_the_inbox_pages_by_keyset(app, client, login, people, send, make_user):
    from forum.messages import queries

    queries.INBOX_SIZE, old = 3, queries.INBOX_SIZE
    try:
        for n in range(5):
            make_user(f"pen{n}")
            send(f"pen{n}", "ann", f"note {n}")
        login("ann")
        first = client.get("/messages").get_data(as_text=True)
        assert "Older conversations" in first
        assert client.get("/messages?after=garbage").status_code == 404
    finally:
        queries.INBOX_SIZE = old


def test_a_held_message_waits_for_a_moderator_then_arrives(app, client, login, people, send, db):
    from forum.actions.moderation import add_watched_word
    from forum.models import ReviewItem

    with app.app_context():
        add_watched_word(_user_in_app("moe"), "miracle cure", "hold")
    conversation_id = send("ann", "ben", "Ask me about the miracle cure")
    item = db.session.scalar(select(ReviewItem))
    assert item.message_id is not None and item.reason == "held"
    login("ben")
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "waiting for a moderator" in page and "miracle cure" not in page
    assert " unread</span>" not in client.get("/messages").get_data(as_text=True).split("<main", 1)[1]
    client.post("/logout")
    login("moe")
    assert client.post(f"/mod/queue/{item.id}", data={"decision": "keep"}).status_code == 302
    client.post("/logout")
    login("ben")
    assert "Ask me about the miracle cure" in client.get(f"/messages/{conversation_id}").get_data(as_text=True)


def test_a_warned_member_replies_to_the_moderator_who_warned_them(app, client, login, people, db):
    from forum.actions.moderation import sanction_user

    with app.app_context():
        sanction_user(_user_in_app("moe"), _user_in_app("ann"), "warn", "Please keep it civil")
    ann = db.session.get(User, people["ann"])
    ann.message_policy = "nobody"
    db.session.commit()
    login("moe")
    tools = client.get("/mod/user/ann").get_data(as_text=True)
    assert 'href="/messages/new?to=ann"' in tools, "moderators reach members whatever they chose"
    assert client.post("/messages/new", data={"to": "ann", "body": "Checking in about the warning."}
                       ).status_code == 302
    client.post("/logout")
    login("ann")
    profile = client.get("/u/ann").get_data(as_text=True)
    assert 'href="/messages/new?to=moe">Reply to moe' in profile
    page = client.get("/messages").get_data(as_text=True)
    assert "Checking in about the warning" in page
