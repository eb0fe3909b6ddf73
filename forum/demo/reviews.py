"""Demo community reviews: members' experiences on the catalogue's drugs, written through the
review action (``screen=False``, as for the other demo text) and spread over the demo's weeks,
with a few helpful votes so the page's order means something."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.actions.reviews import ReviewInput, write_review
from forum.demo.review_content import REVIEWS
from forum.drugs.names import name_key
from forum.extensions import db
from forum.models import Drug, DrugName
from forum.models.reviews import ReviewHelpfulVote


def _drug(name: str) -> Drug | None:
    return db.session.scalar(select(Drug).join(DrugName, DrugName.drug_id == Drug.id)
                             .where(DrugName.key == name_key(name)).limit(1))


def seed_reviews(users: dict, now, text=lambda s: s) -> int:
    """Write ``REVIEWS`` (skipping drugs the catalogue lacks); returns how many were written."""
    written = []
    for index, (drug_name, username, condition, (eff, ease, sat), duration, effects, body) in enumerate(REVIEWS):
        drug, author = _drug(drug_name), users.get(username)
        if drug is None or author is None:
            continue
        given = ReviewInput(condition=condition, effectiveness=eff, ease_of_use=ease, satisfaction=sat,
                            duration=duration, side_effects=effects, body=text(body))
        review = write_review(author, drug, given, screen=False)
        review.created_at = now - timedelta(days=3 + (index * 7) % 80, hours=index % 11)
        written.append(review)
    voters = list(users.values())
    for index, review in enumerate(written):
        for voter in voters[index % 5: index % 5 + index % 4]:
            if voter.id != review.author_id:
                db.session.add(ReviewHelpfulVote(review_id=review.id, user_id=voter.id))
                review.helpful_count += 1
    db.session.commit()
    return len(written)
