"""The data model. Import models from here."""
from forum.models.articles import Article, ArticleComment
from forum.models.experts import (ApplicationStatus, ExpertApplication, ExpertAuditEntry, ExpertVerification,
                                  GroupSpecialty, Specialty, specialty_label)
from forum.models.group import Group, GroupRole, Membership, MembershipStatus
from forum.models.qa import HelpfulVote
from forum.models.session import UserSession
from forum.models.thread import Post, PostRevision, Thread, ThreadKind
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import Role, User

__all__ = [
    "Article", "ArticleComment",
    "ApplicationStatus", "ExpertApplication", "ExpertAuditEntry", "ExpertVerification",
    "GroupSpecialty", "Specialty", "specialty_label",
    "Group", "GroupRole", "Membership", "MembershipStatus",
    "HelpfulVote",
    "Post", "PostRevision", "Thread", "ThreadKind",
    "Role", "User", "UserSession", "UTCDateTime", "utcnow",
]
