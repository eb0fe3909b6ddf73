"""The data model. Import models from here."""
from forum.models.group import Group, GroupRole, Membership, MembershipStatus
from forum.models.session import UserSession
from forum.models.thread import Post, PostRevision, Thread, ThreadKind
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import Role, User

__all__ = [
    "Group", "GroupRole", "Membership", "MembershipStatus",
    "Post", "PostRevision", "Thread", "ThreadKind",
    "Role", "User", "UserSession", "UTCDateTime", "utcnow",
]
