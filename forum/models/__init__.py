"""The data model. Import models from here."""
from forum.models.articles import Article, ArticleComment
from forum.models.avatars import Avatar
from forum.models.delivery import MailDelivery
from forum.models.drugs import (
                                Condition,
                                Drug,
                                DrugCondition,
                                DrugKind,
                                DrugName,
                                DrugSection,
                                DrugSourceRecord,
                                NameKind,
                                SectionKind,
)
from forum.models.experts import (
                                ApplicationStatus,
                                ExpertApplication,
                                ExpertAuditEntry,
                                ExpertVerification,
                                GroupSpecialty,
                                Specialty,
                                specialty_label,
)
from forum.models.group import Group, GroupRole, Membership, MembershipStatus
from forum.models.medicine import CareProfile, Pill, Recall, RecallAlert, RecallTarget, SavedMedicine
from forum.models.messages import (
                                Block,
                                Conversation,
                                ConversationParticipant,
                                MemberReport,
                                Message,
                                MessagePolicy,
)
from forum.models.moderation import (
                                ACTION_LABELS,
                                REASON_LABELS,
                                Flag,
                                FlagReason,
                                ModerationAction,
                                ReviewItem,
                                WatchedWord,
                                WordAction,
)
from forum.models.newsletter import NewsletterIssue, NewsletterSubscriber, NewsletterTopic
from forum.models.notify import (
                                DIGEST_ONLY_FREQUENCIES,
                                EXPERT_ANSWERS_DIGEST,
                                Bookmark,
                                EmailPreference,
                                Frequency,
                                GroupFollow,
                                Notification,
                                NotificationKind,
                                ThreadWatch,
                                WatchLevel,
)
from forum.models.pages import ContactMessage, SitePage, SitePageRevision
from forum.models.qa import HelpfulVote
from forum.models.reviews import DrugReview, DrugReviewRevision, ReviewHelpfulVote, ReviewSideEffect
from forum.models.search import SearchOutbox, search_documents
from forum.models.session import UserSession
from forum.models.thread import Post, PostRevision, Thread, ThreadKind
from forum.models.tokens import ApiToken, TokenScope
from forum.models.types import UTCDateTime, utcnow
from forum.models.user import Role, User

__all__ = [
    "Article", "ArticleComment",
    "Condition", "Drug", "DrugCondition", "DrugKind", "DrugName", "DrugSection", "DrugSourceRecord", "NameKind",
    "SectionKind",
    "ApplicationStatus", "ExpertApplication", "ExpertAuditEntry", "ExpertVerification",
    "GroupSpecialty", "Specialty", "specialty_label",
    "Group", "GroupRole", "Membership", "MembershipStatus",
    "ACTION_LABELS", "REASON_LABELS", "Flag", "FlagReason", "ModerationAction", "ReviewItem", "WatchedWord",
    "WordAction",
    "HelpfulVote", "SearchOutbox", "search_documents",
    "Post", "PostRevision", "Thread", "ThreadKind",
    "Role", "User", "UserSession", "UTCDateTime", "utcnow",
    "ApiToken", "TokenScope", "Avatar",
    "CareProfile", "Pill", "Recall", "RecallAlert", "RecallTarget", "SavedMedicine",
    "Block", "Conversation", "ConversationParticipant", "MemberReport", "Message", "MessagePolicy",
    "ApiToken", "TokenScope",
    "ContactMessage", "SitePage", "SitePageRevision",
    "DrugReview", "DrugReviewRevision", "ReviewHelpfulVote", "ReviewSideEffect",
    "MailDelivery",
    "Bookmark", "EmailPreference", "Frequency", "GroupFollow", "Notification", "NotificationKind", "ThreadWatch",
    "WatchLevel", "EXPERT_ANSWERS_DIGEST", "DIGEST_ONLY_FREQUENCIES",
    "NewsletterIssue", "NewsletterSubscriber", "NewsletterTopic",
]
