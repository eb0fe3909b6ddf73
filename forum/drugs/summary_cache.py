"""The drug page's review summary, cached under the drug's ``reviews_version``.

The summary (averages per condition, the most reported side effects) is two GROUP BY
statements over all of a drug's reviews: the part of a 2,000-review page that grows
with the reviews (bench/README.md, "Drug reviews"). It looks the same to every reader,
so it is kept in the app cache (SimpleCache per process, Redis in production) under a
key with the drug's ``reviews_version``.

That version is a column, bumped inside the transaction of every flush that adds,
changes or removes a review or its side effects, whoever the actor (the author, a
moderator, account deletion), and of every bulk INSERT of them: the listeners below
see those changes, so no verb can forget to invalidate, and a process that did not make the change
reads the new version with the drug row it loads anyway. Nothing is invalidated: old
keys age out. A cache that is down costs speed, never the page.
"""
from __future__ import annotations

from sqlalchemy import event, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from forum.fragments import cached
from forum.models import Drug
from forum.models.reviews import DrugReview, ReviewSideEffect

SUMMARY_SECONDS = 24 * 3600


def summary_key(drug: Drug) -> str:
    return f"drug-summary:{drug.id}:{drug.reviews_version or 0}"


def cached_summary(drug: Drug, compute):
    """``compute(drug)``, or the copy cached for the drug's current reviews."""
    return cached(summary_key(drug), lambda: compute(drug), SUMMARY_SECONDS, "drug summary")


def bump_reviews_version(session: Session, drug_ids) -> None:
    """A new summary for these drugs from this transaction on (the listeners call it; a bulk
    UPDATE or DELETE of reviews that comes with no ORM change to them must call it too)."""
    drug_ids = sorted({i for i in drug_ids if i is not None})
    if not drug_ids:
        return
    session.connection().execute(update(Drug).where(Drug.id.in_(drug_ids))
                                 .values(reviews_version=Drug.reviews_version + 1))
    for drug_id in drug_ids:  # a Drug already loaded reads the new version when next used
        drug = session.identity_map.get(identity_key(Drug, drug_id))
        if drug is not None:
            session.expire(drug, ["reviews_version"])


@event.listens_for(Session, "after_flush")
def _reviews_flushed(session: Session, _context) -> None:
    bump_reviews_version(session, {obj.drug_id for obj in (*session.new, *session.dirty, *session.deleted)
                                   if isinstance(obj, DrugReview | ReviewSideEffect)})


_TABLES = (DrugReview.__table__, ReviewSideEffect.__table__)


@event.listens_for(Session, "do_orm_execute")
def _reviews_inserted_in_bulk(state) -> None:
    """``session.execute(insert(DrugReview), rows)`` (importers, benchmarks) skips the flush."""
    if state.is_insert and getattr(state.statement, "table", None) in _TABLES:
        rows = state.parameters if isinstance(state.parameters, list) else [state.parameters or {}]
        bump_reviews_version(state.session, {row.get("drug_id") for row in rows})
