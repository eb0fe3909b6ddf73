"""Read side of private messages: the inbox, a conversation's messages, unread counts.

The inbox pages by keyset over the participant rows' own index (user,
last_message_at, conversation), so page 50 costs what page 1 costs; the page's
conversations, their people and their latest messages come in a fixed number
of queries, never one per row. The header's unread count is one indexed sum.
"""
from __future__ import annotations

from datetime import datetime

from flask import g, has_app_context
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from forum.extensions import db
from forum.models import Conversation, ConversationParticipant, Message, User
from forum.pagination import Keyset, keyset_list

INBOX_SIZE = 25
MESSAGES_SIZE = 40
INBOX_ORDER = Keyset(columns=(ConversationParticipant.last_message_at, ConversationParticipant.conversation_id),
                     kinds=(datetime, int), key_of=lambda p: (p.last_message_at, p.conversation_id))
MESSAGE_ORDER = Keyset(columns=(Message.created_at, Message.id), kinds=(datetime, int),
                       key_of=lambda m: (m.created_at, m.id))


def inbox(user: User):
    """The current page of ``user``'s conversations (participant rows), newest activity first."""
    stmt = (select(ConversationParticipant)
            .options(joinedload(ConversationParticipant.conversation)
                     .selectinload(Conversation.participants).joinedload(ConversationParticipant.user))
            .where(ConversationParticipant.user_id == user.id))
    return keyset_list(stmt, INBOX_ORDER, INBOX_SIZE)


def latest_messages(conversation_ids: list[int]) -> dict[int, Message]:
    """The newest message of each conversation, in one query."""
    if not conversation_ids:
        return {}
    newest = (select(func.max(Message.id)).where(Message.conversation_id.in_(conversation_ids))
              .group_by(Message.conversation_id))
    rows = db.session.scalars(select(Message).options(joinedload(Message.author)).where(Message.id.in_(newest)))
    return {m.conversation_id: m for m in rows}


def conversation_or_404(conversation_id: int) -> Conversation:
    return db.one_or_404(select(Conversation).options(
        selectinload(Conversation.participants).joinedload(ConversationParticipant.user))
        .where(Conversation.id == conversation_id))


def message_or_404(message_id: int) -> Message:
    return db.one_or_404(select(Message).options(
        joinedload(Message.author),
        joinedload(Message.conversation).selectinload(Conversation.participants)
        .joinedload(ConversationParticipant.user)).where(Message.id == message_id))


def messages_page(conversation: Conversation):
    """A page of the conversation's messages, newest page first (shown oldest first)."""
    stmt = select(Message).options(joinedload(Message.author)).where(Message.conversation_id == conversation.id)
    return keyset_list(stmt, MESSAGE_ORDER, MESSAGES_SIZE)


def participant(user: User, conversation: Conversation) -> ConversationParticipant | None:
    return next((p for p in conversation.participants if p.user_id == user.id), None)


def unread_total(user: User) -> int:
    """Unread messages across ``user``'s conversations: one indexed query, once per request
    (in a request, part of the one ``forum.viewer_state`` statement)."""
    from flask import has_request_context

    if has_request_context():
        from forum import viewer_state

        return viewer_state.for_user(user).messages
    if has_app_context() and "_unread_messages" in g:
        return g._unread_messages
    total = db.session.scalar(select(func.coalesce(func.sum(ConversationParticipant.unread_count), 0))
                              .where(ConversationParticipant.user_id == user.id)) or 0
    if has_app_context():
        g._unread_messages = total
    return total
