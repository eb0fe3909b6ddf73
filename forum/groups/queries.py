"""A group's thread list, shared by the group page and the API: one statement, one order.

Pinned first, then by last activity, newest first: the index
ix_threads_group_activity holds exactly this order, so any page of the list
(``forum.pagination.keyset_page``) is one index range scan.
"""
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.models import Group, Thread
from forum.pagination import Keyset

THREAD_ORDER = Keyset(
    columns=(Thread.is_pinned, Thread.last_activity_at, Thread.id), kinds=(bool, datetime, int),
    key_of=lambda t: (bool(t.is_pinned), t.last_activity_at, t.id),
)


def group_threads(group: Group):
    """The statement for ``keyset_page``/``keyset_list``: the group's listed threads, authors loaded."""
    return (select(Thread).options(joinedload(Thread.author))
            .where(Thread.group_id == group.id, permissions.visible_threads_clause()))
