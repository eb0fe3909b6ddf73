"""What the review parts of a drug page read: keyset pages, the summary and the side-effect list.

Every statement here is bounded whatever the number of reviews: a page is one
keyset statement (``forum.pagination``) with its authors (and their expert
verification) joined in; the summary is two GROUP BY statements over indexed
columns, each capped; the viewer's helpful votes on a page are one more. Only
public reviews count in the summary; a hidden one shows to its author and the
site moderators only (``permissions.can_see_drug_review``), and the list's SQL
says the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import joinedload

from forum import permissions
from forum.drugs.names import name_key
from forum.extensions import db
from forum.models import Drug, ExpertVerification, SectionKind, User
from forum.models.reviews import DrugReview, ReviewHelpfulVote, ReviewSideEffect
from forum.pagination import Keyset

PER_PAGE = 20
CONDITIONS_SHOWN = 12
SIDE_EFFECTS_SHOWN = 10
CHOICES_MAX = 16
SORTS = {
    "helpful": ("Most helpful first", Keyset(columns=(DrugReview.helpful_count, DrugReview.id), kinds=(int, int),
                                             key_of=lambda r: (r.helpful_count, r.id))),
    "newest": ("Newest first", Keyset(columns=(DrugReview.created_at, DrugReview.id), kinds=(datetime, int),
                                      key_of=lambda r: (r.created_at, r.id))),
    "oldest": ("Oldest first", Keyset(columns=(DrugReview.created_at, DrugReview.id), kinds=(datetime, int),
                                      key_of=lambda r: (r.created_at, r.id), descending=False)),
}
DEFAULT_SORT = "helpful"


def visible_clause(user):
    """SQL on ``DrugReview``: what ``permissions.can_see_drug_review`` lets ``user`` see."""
    live = DrugReview.deleted_at.is_(None)
    if permissions.is_site_moderator(user):
        return live
    own = DrugReview.author_id == user.id if getattr(user, "is_authenticated", False) else false()
    return live & or_(DrugReview.hidden_at.is_(None), own)


def public_clause():
    return DrugReview.deleted_at.is_(None) & DrugReview.hidden_at.is_(None)


def _with_author():
    return joinedload(DrugReview.author).joinedload(User.current_verification) \
        .joinedload(ExpertVerification.verified_by)


def review_or_none(review_id: int) -> DrugReview | None:
    return db.session.scalar(select(DrugReview).options(_with_author(), joinedload(DrugReview.drug))
                             .where(DrugReview.id == review_id))


def reviews_stmt(user, drug: Drug, condition_key: str | None = None):
    """The reviews of ``drug`` ``user`` may see (optionally for one condition), for ``keyset_page``."""
    stmt = select(DrugReview).options(_with_author()).where(DrugReview.drug_id == drug.id, visible_clause(user))
    if condition_key:
        stmt = stmt.where(DrugReview.condition_key == condition_key)
    return stmt


def helpful_marks(user, reviews: list[DrugReview]) -> set[int]:
    """Ids of the reviews on this page ``user`` marked helpful (one statement)."""
    if not getattr(user, "is_authenticated", False) or not reviews:
        return set()
    return set(db.session.scalars(select(ReviewHelpfulVote.review_id).where(
        ReviewHelpfulVote.user_id == user.id, ReviewHelpfulVote.review_id.in_([r.id for r in reviews]))))


def own_reviews(user, drug: Drug) -> list[DrugReview]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(select(DrugReview).where(
        DrugReview.drug_id == drug.id, DrugReview.author_id == user.id, DrugReview.deleted_at.is_(None))
        .order_by(DrugReview.created_at).limit(20)))


# -- the summary -----------------------------------------------------------------------

@dataclass
class ConditionSummary:
    name: str
    key: str
    count: int
    effectiveness: float
    ease_of_use: float
    satisfaction: float


@dataclass
class SideEffectCount:
    label: str
    key: str
    count: int
    percent: int  # of the drug's public reviews


@dataclass
class Summary:
    total: int
    conditions: list[ConditionSummary]
    side_effects: list[SideEffectCount]

    @property
    def bar_max(self) -> int:
        return max((s.count for s in self.side_effects), default=1)


def summary(drug: Drug) -> Summary:
    """Averages and counts per condition, and the most reported side effects: two statements."""
    rows = db.session.execute(
        select(func.min(DrugReview.condition), DrugReview.condition_key, func.count(),
               func.avg(DrugReview.effectiveness), func.avg(DrugReview.ease_of_use),
               func.avg(DrugReview.satisfaction))
        .where(DrugReview.drug_id == drug.id, public_clause())
        .group_by(DrugReview.condition_key)
        .order_by(func.count().desc(), DrugReview.condition_key)
        .limit(CONDITIONS_SHOWN + 1)).all()
    conditions = [ConditionSummary(name, key, count, round(float(e), 1), round(float(u), 1), round(float(s), 1))
                  for name, key, count, e, u, s in rows]
    total = sum(c.count for c in conditions)
    if len(conditions) > CONDITIONS_SHOWN:  # more conditions than shown: count them all once
        total = db.session.scalar(select(func.count()).where(DrugReview.drug_id == drug.id, public_clause()))
        conditions = conditions[:CONDITIONS_SHOWN]
    effects = db.session.execute(
        select(func.min(ReviewSideEffect.label), ReviewSideEffect.key, func.count())
        .join(DrugReview, DrugReview.id == ReviewSideEffect.review_id)
        .where(ReviewSideEffect.drug_id == drug.id, public_clause())
        .group_by(ReviewSideEffect.key)
        .order_by(func.count().desc(), ReviewSideEffect.key)
        .limit(SIDE_EFFECTS_SHOWN)).all() if total else []
    side_effects = [SideEffectCount(label, key, count, round(100 * count / total) if total else 0)
                    for label, key, count in effects]
    return Summary(total, conditions, side_effects)


# -- the form's list of side effects -------------------------------------------------------

_PIECES = re.compile(r"[,;.:()]|\band\b|\bor\b", re.IGNORECASE)
_LEADS = re.compile(r"^(?:some people (?:have|get)|side effects are \w+(?: at usual doses)?|"
                    r"mild|usually mild|a|an|the|feeling|occasional)\s+", re.IGNORECASE)


def side_effect_choices(drug: Drug, reported: list[SideEffectCount] = ()) -> list[str]:
    """Short side-effect names to tick: the page's "Common side effects" and what members report most."""
    labels: dict[str, str] = {}
    for effect in reported:
        labels.setdefault(effect.key, effect.label)
    for section in drug.sections:
        if section.kind != SectionKind.COMMON_SIDE_EFFECTS.value or section.origin != "catalogue":
            continue
        for piece in _PIECES.split(section.body):
            words = _LEADS.sub("", " ".join(piece.split()))
            key = name_key(words)
            if key and len(key.split()) <= 4 and len(words) <= 40 and "uncommon" not in key:
                labels.setdefault(key, words[:1].upper() + words[1:])
    return list(labels.values())[:CHOICES_MAX]
