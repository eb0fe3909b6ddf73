"""Private messages in the data export, and what account deletion leaves in others' conversations."""
import json

from sqlalchemy import func, select

from forum.models import Conversation, ConversationParticipant, Message

PASSWORD = "a-long-test-password"


def test_the_export_holds_my_conversations_and_blocks(client, login, people, send, db):
    send("ann", "ben", "A private hello to Ben")
    send("ben", "ann", "Ben's answer")
    send("zed", "ann", "Zed writes too")
    login("ann")
    client.post("/u/zed/block")
    data = json.loads(client.get("/settings/account/data.json").get_data(as_text=True))
    talks = {tuple(c["with"]): c for c in data["conversations"]}
    assert [m["text"] for m in talks[("ben",)]["messages"]] == ["A private hello to Ben", "Ben's answer"]
    assert talks[("ben",)]["messages"][0]["from"] == "me"
    assert data["message_settings"] == {"who_may_message_me": "anyone", "blocked": ["zed"]}
    client.post("/logout")
    login("moe")
    other = json.loads(client.get("/settings/account/data.json").get_data(as_text=True))
    assert other["conversations"] == [] and "A private hello" not in json.dumps(other)


def test_a_deleted_member_becomes_a_former_member_in_others_conversations(client, login, people, send, db):
    conversation_id = send("ann", "ben", "Words Ann keeps after leaving")
    login("ann")
    assert client.post("/settings/account/delete", data={"password": PASSWORD}).status_code == 302
    login("ben")
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "A former member" in page and "Words Ann keeps after leaving" in page
    assert "Nobody else is left" in page
    assert "A former member" in client.get("/messages").get_data(as_text=True)


def test_remove_my_text_removes_the_messages_too(client, login, people, send, db):
    conversation_id = send("ann", "ben", "Words Ann takes back")
    login("ann")
    client.post("/settings/account/delete", data={"password": PASSWORD, "remove_posts": "y"})
    assert db.session.scalar(select(Message.body_source)) == ""
    login("ben")
    page = client.get(f"/messages/{conversation_id}").get_data(as_text=True)
    assert "Words Ann takes back" not in page and "removed by its author" in page


def test_a_conversation_nobody_is_left_in_is_deleted(client, login, people, send, db):
    send("ann", "ben", "Soon gone")
    for name in ("ann", "ben"):
        login(name)
        client.post("/settings/account/delete", data={"password": PASSWORD})
    for model in (Conversation, ConversationParticipant, Message):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0
