"""Drug review actions: write, edit, flag, mark helpful and remove a community review.

A review's text goes through the one publishing pipeline (``publishing.REVIEW``:
who may publish, the safety step with its confirmation panel, watched words and
links, the rate limit, the sanitizer) with the condition and the typed side
effects scanned beside it, so a phone number in "condition" is caught like one
in the body. The ratings, duration and side effects are checked here. One
review per member per drug and condition: a second one is refused with a
pointer to editing the first (and the unique constraint backs that up under a
race). Every edit keeps the earlier version; flags, the queue and the log work
as for posts (``forum.actions.audit``). Functions raise ``ActionError`` with a
message for the person, or ``publishing.NeedsConfirmation``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from forum import publishing
from forum.actions import ActionError, audit, limits
from forum.actions.flags import checked_reason, file_flag
from forum.drugs.names import name_key
from forum.drugs.summary_cache import bump_reviews_version
from forum.extensions import db
from forum.models import Condition, Drug, User, utcnow
from forum.models.moderation import Flag
from forum.models.reviews import (
    DURATIONS,
    RATING_LABELS,
    RATINGS,
    DrugReview,
    DrugReviewRevision,
    ReviewHelpfulVote,
    ReviewSideEffect,
)

_SPLIT = re.compile(r"[,;\n]+")


@dataclass
class ReviewInput:
    """What the member typed and chose on the review form."""

    condition: str = ""
    effectiveness: int | str | None = None
    ease_of_use: int | str | None = None
    satisfaction: int | str | None = None
    duration: str = ""
    side_effects: list[str] = field(default_factory=list)  # picked from the page's list
    other_side_effects: str = ""  # typed, comma separated
    body: str = ""


def _rating(name: str, value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 5:
        raise ActionError(f"Rate {RATING_LABELS[name].lower()} from 1 to 5.")
    return number


def _condition(drug: Drug, typed: str) -> tuple[str, str]:
    """(name, key): a catalogue condition's own name when the typed one is it or an alias."""
    typed = " ".join(publishing.clean_text(typed).split())
    key = name_key(typed)
    if not key:
        raise ActionError("Say which condition you took it for, e.g. type 2 diabetes.")
    if len(typed) > limits.CONDITION_MAX:
        raise ActionError(f"Keep the condition to {limits.CONDITION_MAX} characters.")
    for known in drug.conditions:
        if key in (known.keys or []) or key == name_key(known.name):
            return known.name, name_key(known.name)
    found = db.session.scalars(select(Condition).where(Condition.name.ilike(typed)).limit(1)).first()
    if found is not None:
        return found.name, name_key(found.name)
    return typed[:1].upper() + typed[1:], key[: limits.CONDITION_MAX]


def side_effect_list(picked: list[str], typed: str) -> list[str]:
    """The side effects as labels, each once (by its key), picked ones first."""
    labels: dict[str, str] = {}
    for raw in [*(picked or []), *_SPLIT.split(typed or "")]:
        label = " ".join(publishing.clean_text(raw).split())
        key = name_key(label)
        if not key:
            continue
        if len(label) > limits.SIDE_EFFECT_MAX:
            raise ActionError(f"Keep each side effect to {limits.SIDE_EFFECT_MAX} characters, "
                              "and separate them with commas.")
        labels.setdefault(key, label[:1].upper() + label[1:])
    if len(labels) > limits.SIDE_EFFECTS_MAX:
        raise ActionError(f"List up to {limits.SIDE_EFFECTS_MAX} side effects; the text review has room for more.")
    return list(labels.values())


def _checked(author: User, drug: Drug, given: ReviewInput, place, choice: str, screen: bool):
    """(fields for the row, prepared text); raises ActionError or NeedsConfirmation."""
    ratings = {name: _rating(name, getattr(given, name)) for name in RATINGS}
    if given.duration not in DURATIONS:
        raise ActionError("Say how long you took it.")
    condition, condition_key = _condition(drug, given.condition)
    effects = side_effect_list(given.side_effects, given.other_side_effects)
    also = {"condition": given.condition, "other_side_effects": given.other_side_effects}
    text = publishing.prepare(author, place, given.body, also={k: v for k, v in also.items() if v},
                              choice=choice, screen=screen)
    fields = {"condition": condition, "condition_key": condition_key, "duration": given.duration,
              "side_effects": effects, "body_source": text.body, "body_html": text.html, **ratings}
    return fields, text


def _existing(author: User, drug: Drug, condition_key: str, other_than: int | None = None) -> DrugReview | None:
    stmt = select(DrugReview).where(DrugReview.drug_id == drug.id, DrugReview.author_id == author.id,
                                    DrugReview.condition_key == condition_key)
    if other_than is not None:
        stmt = stmt.where(DrugReview.id != other_than)
    return db.session.scalar(stmt)


def _one_per_condition(existing: DrugReview | None) -> None:
    if existing is None:
        return
    if existing.is_deleted:
        raise ActionError(f"Your review of this for {existing.condition} was removed, so you cannot write "
                          "another one for the same condition.")
    raise ActionError(f"You have already reviewed this for {existing.condition}. You can edit that review "
                      "instead; one review per drug and condition keeps the summary fair.")


def _set_side_effects(review: DrugReview) -> None:
    db.session.execute(delete(ReviewSideEffect).where(ReviewSideEffect.review_id == review.id))
    rows = [{"review_id": review.id, "drug_id": review.drug_id, "key": name_key(label)[:80], "label": label}
            for label in review.side_effects]
    if rows:
        db.session.execute(insert(ReviewSideEffect), rows)


def write_review(author: User, drug: Drug, given: ReviewInput, *, choice: str = "",
                 screen: bool = True) -> DrugReview:
    """Publish ``author``'s review of ``drug``. Nothing is written when a check refuses it."""
    fields, text = _checked(author, drug, given, publishing.REVIEW, choice, screen)
    existing = _existing(author, drug, fields["condition_key"])
    if existing is not None and existing.is_deleted and existing.deleted_by_id == author.id:
        db.session.delete(existing)  # the author took it down: they may write it afresh
        db.session.flush()
        existing = None
    _one_per_condition(existing)
    review = DrugReview(drug_id=drug.id, author_id=author.id, created_at=utcnow(), **fields)
    db.session.add(review)
    try:
        db.session.flush()
    except IntegrityError:  # the same review sent twice at once
        db.session.rollback()
        _one_per_condition(_existing(author, drug, fields["condition_key"]))
        raise
    _set_side_effects(review)
    audit.queue_new_text(review, text)
    db.session.commit()
    return review


def _snapshot(review: DrugReview) -> dict:
    return {"condition": review.condition, "duration": review.duration, "side_effects": list(review.side_effects),
            **{name: getattr(review, name) for name in RATINGS}}


def edit_review(editor: User, review: DrugReview, given: ReviewInput, *, choice: str = "") -> DrugReview:
    """Replace the author's review, keeping the version before in its history."""
    if review.is_deleted:
        raise ActionError("A removed review cannot be edited.")
    if editor.id != review.author_id:
        raise ActionError("Only the member who wrote a review can edit it.")
    fields, text = _checked(editor, review.drug, given, publishing.REVIEW_EDIT, choice, True)
    _one_per_condition(_existing(editor, review.drug, fields["condition_key"], other_than=review.id))
    before = _snapshot(review)
    if all(getattr(review, k) == v for k, v in fields.items() if k != "body_html"):
        raise ActionError("Nothing changed, so nothing was saved.")
    now = utcnow()
    db.session.add(DrugReviewRevision(review_id=review.id, editor_id=editor.id, details=before,
                                      body_source=review.body_source, body_html=review.body_html,
                                      written_at=review.edited_at or review.created_at, replaced_at=now))
    for name, value in fields.items():
        setattr(review, name, value)
    review.edited_at, review.revision_count = now, (review.revision_count or 0) + 1
    db.session.flush()
    _set_side_effects(review)
    audit.queue_new_text(review, text)
    db.session.commit()
    return review


def remove_review(actor: User, review: DrugReview, reason: str = "") -> DrugReview:
    """Take a review down: its author at once, a moderator with a reason (audited)."""
    if review.is_deleted:
        raise ActionError("That review was already removed.")
    by_author = actor.id == review.author_id
    if not by_author:
        reason = audit.clean_reason(reason)
        if len(reason) < 5:
            raise ActionError("Give a reason of at least 5 characters; the author and the audit log see it.")
        audit.record_review(actor, "remove_review", review, reason)
    audit.close_review(review, actor, "withdrawn" if by_author else "delete")
    review.deleted_at, review.deleted_by_id = utcnow(), actor.id
    db.session.execute(delete(ReviewSideEffect).where(ReviewSideEffect.review_id == review.id))
    db.session.commit()
    return review


def toggle_review_helpful(voter: User, review: DrugReview) -> bool:
    """Mark a review helpful for ``voter`` or take the mark back; True if now marked."""
    if not review.is_public:
        raise ActionError("That review is no longer available.")
    if review.author_id == voter.id:
        raise ActionError("You can't mark your own review as helpful.")
    key = {"review_id": review.id, "user_id": voter.id}
    if db.session.execute(delete(ReviewHelpfulVote).filter_by(**key)).rowcount:
        delta, marked = -1, False
    else:
        try:
            with db.session.begin_nested():
                db.session.execute(insert(ReviewHelpfulVote).values(**key))
        except IntegrityError:
            db.session.commit()
            return True
        delta, marked = 1, True
    db.session.execute(update(DrugReview).where(DrugReview.id == review.id)
                       .values(helpful_count=DrugReview.helpful_count + delta))
    bump_reviews_version(db.session, [review.drug_id])  # a bulk UPDATE: the ORM listeners do not see it
    db.session.commit()
    db.session.refresh(review)
    return marked


def flag_review(reporter: User, review: DrugReview, reason: str, details: str = "") -> Flag:
    """Report a review; one flag per member per review; enough flags hide it until a moderator decides."""
    reason, details = checked_reason(reason, details)
    if review.author_id == reporter.id:
        raise ActionError("You cannot flag your own review; edit it instead.")
    if review.is_deleted:
        raise ActionError("That review was removed.")
    already = "You have already flagged this review. The moderators will look at it."
    if db.session.scalar(select(Flag.id).where(Flag.review_id == review.id, Flag.reporter_id == reporter.id)):
        raise ActionError(already)
    flag = Flag(review_id=review.id, reporter_id=reporter.id, reason=reason.value, details=details,
                created_at=utcnow())
    return file_flag(review, flag, already, audit.record_review, "auto_hide_review")
