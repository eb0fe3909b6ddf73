"""Newsletter topics: Second Opinion articles, or one public group.

A topic key is ``second-opinion`` or ``group:<id>``. Only groups every visitor may
read can be topics (``permissions.can_syndicate_group``), checked when someone
signs up, when they confirm and when an issue is sent, so a group made private in
between drops out everywhere.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from forum import permissions
from forum.extensions import db
from forum.models import Group
from forum.models.newsletter import SECOND_OPINION

_GROUP_KEY = re.compile(r"group:([1-9][0-9]{0,9})")
SECOND_OPINION_LABEL = "Second Opinion articles"


def public_groups() -> list[Group]:
    return list(db.session.scalars(select(Group).where(permissions.visible_groups_clause(None))
                                   .order_by(Group.name).limit(500)))


def group_key(group: Group) -> str:
    return f"group:{group.id}"


def topic_choices() -> list[tuple[str, str]]:
    """Every topic one may choose now, as (key, label)."""
    return [(SECOND_OPINION, SECOND_OPINION_LABEL)] + [(group_key(g), g.name) for g in public_groups()]


def labels(keys: list[str]) -> dict[str, str]:
    """A label for each of ``keys`` that is a topic now (unknown or private ones are left out),
    Second Opinion first, then groups by id."""
    ids = [int(m.group(1)) for k in keys if (m := _GROUP_KEY.fullmatch(k))]
    found = {SECOND_OPINION: SECOND_OPINION_LABEL} if SECOND_OPINION in keys else {}
    if ids:
        for group in db.session.scalars(select(Group).where(Group.id.in_(ids[:500]))):
            if permissions.can_syndicate_group(group):
                found[group_key(group)] = group.name
    return {k: found[k] for k in sorted(found, key=_order)}


def _order(key: str):
    """Second Opinion first, then groups by id."""
    return key != SECOND_OPINION, len(key), key


def current_topics(keys) -> list[str]:
    """``keys`` that are topics now, without repeats: Second Opinion first, then groups by id."""
    keys = list(dict.fromkeys(k for k in keys if isinstance(k, str)))[:500]
    return list(labels(keys))
