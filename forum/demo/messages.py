"""The demo's private conversations: two members talking, and a moderator checking in.

Written through the ordinary actions (``forum.actions.messages``) after the
threads exist, then moved back in time so the inbox reads like a few days of
talk. Sam (the demo member) has one unread message from Kwame, so the header's
count shows something on first login.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from forum.actions.messages import send_message, start_conversation
from forum.extensions import db
from forum.models import Conversation, ConversationParticipant, Message, User, utcnow

# (sender, text) in order; the first sender starts the conversation with the other person.
CONVERSATIONS = (
    ("kwame_a", "sam_k", (
        ("sam_k", "Hi Kwame, thanks for the walking club tip in the group. Do you go every week? "
                  "I'm nervous about keeping up."),
        ("kwame_a", "Most Saturdays, yes. Honestly nobody is fast, we stop for coffee halfway. "
                    "Come along this weekend if you like, it's the 9am one by the park gates."),
        ("sam_k", "That sounds perfect. My readings have been better on the days I walk after dinner, "
                  "so I'd like to make it a habit."),
        ("kwame_a", "Same for me. Bring water and comfy shoes. See you Saturday?"),
    )),
    ("mod_maria", "zoe_q", (
        ("mod_maria", "Hi Zoe, I'm one of the moderators. I saw your post about the panic attacks on the "
                      "train and just wanted to check in. How are you doing this week?"),
        ("zoe_q", "Thank you for asking. A bit better. The breathing exercise from the thread helped on "
                  "Tuesday."),
        ("mod_maria", "I'm glad. If things ever feel overwhelming, the crisis numbers are at the bottom of "
                      "every page, and you can always message me here."),
    )),
)


def _user(users: dict, name: str) -> User:
    return users[name]


def seed_messages(users: dict) -> None:
    """Write the demo conversations; Sam's latest message from Kwame stays unread."""
    now = utcnow()
    for first, second, lines in CONVERSATIONS:
        starter = _user(users, lines[0][0])
        other = _user(users, second if lines[0][0] == first else first)
        conversation = start_conversation(starter, other, lines[0][1], screen=False)
        for author, text in lines[1:]:
            send_message(_user(users, author), conversation, text, screen=False)
        _backdate(conversation, now - timedelta(days=3), timedelta(hours=5))


def _backdate(conversation: Conversation, start, step) -> None:
    """Spread the conversation's messages from ``start``, ``step`` apart."""
    messages = list(db.session.scalars(db.select(Message).where(Message.conversation_id == conversation.id)
                                       .order_by(Message.id)))
    last = start
    for index, message in enumerate(messages):
        message.created_at = last = start + index * step
    conversation.created_at, conversation.last_message_at = start, last
    db.session.execute(update(ConversationParticipant)
                       .where(ConversationParticipant.conversation_id == conversation.id)
                       .values(joined_at=start, last_message_at=last))
    db.session.execute(update(ConversationParticipant)
                       .where(ConversationParticipant.conversation_id == conversation.id,
                              ConversationParticipant.unread_count == 0)
                       .values(last_read_at=last))
    db.session.execute(update(ConversationParticipant)
                       .where(ConversationParticipant.conversation_id == conversation.id,
                              ConversationParticipant.unread_count > 0)
                       .values(last_read_at=last - step))
    db.session.commit()
