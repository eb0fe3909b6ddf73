"""What the drug pages read: bounded lists and keyset pages over the catalogue.

Every list here is either a keyset page (``forum.pagination``: A-Z letters and
kinds, which importers can make long) or capped (a condition's drugs, the
conditions, a page's articles), and every page loads its rows in a fixed
number of statements whatever the catalogue's size.
"""
from __future__ import annotations

import string
from dataclasses import dataclass

from flask import url_for
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from forum import permissions
from forum.drugs.mentions import search_mentions
from forum.drugs.names import name_key
from forum.extensions import db
from forum.models import Article, Condition, Drug, DrugCondition, DrugKind, DrugSection, Group, SectionKind
from forum.pagination import Keyset

LETTERS = tuple(string.ascii_lowercase) + ("0-9",)
CONDITION_DRUGS_MAX = 200
CONDITIONS_MAX = 500
MENTIONS_SHOWN = 5
GROUPS_SHOWN = 5
ARTICLES_SHOWN = 5
NAMES_FOR_ARTICLES = 8
A_TO_Z = Keyset(columns=(Drug.sort_key, Drug.id), kinds=(str, int), key_of=lambda d: (d.sort_key, d.id),
                descending=False)
KIND_SLUGS = {kind.slug: kind for kind in DrugKind}


def letter_clause(letter: str):
    """Drugs whose A-Z key starts with ``letter`` ("0-9": digits and every other script)."""
    if letter == "0-9":
        return or_(Drug.sort_key < "a", Drug.sort_key >= "{")
    return (Drug.sort_key >= letter) & (Drug.sort_key < chr(ord(letter) + 1))


def drug_by_slug(slug: str, details: bool = True) -> Drug | None:
    """The drug with its sections and conditions (three statements), or None; ``details=False``
    loads the drug's row alone (its sections and conditions load when first used)."""
    if not slug or len(slug) > 120 or "\x00" in slug:
        return None
    stmt = select(Drug).where(Drug.slug == slug)
    if details:
        stmt = stmt.options(selectinload(Drug.sections), selectinload(Drug.conditions))
    return db.session.scalar(stmt)


def condition_by_slug(slug: str) -> Condition | None:
    if not slug or len(slug) > 120 or "\x00" in slug:
        return None
    return db.session.scalar(select(Condition).where(Condition.slug == slug))


def all_conditions() -> list[Condition]:
    return list(db.session.scalars(select(Condition).order_by(Condition.name).limit(CONDITIONS_MAX)))


def drugs_for_condition(condition: Condition, limit: int = CONDITION_DRUGS_MAX) -> list[Drug]:
    return list(db.session.scalars(
        select(Drug).join(DrugCondition, DrugCondition.drug_id == Drug.id)
        .where(DrugCondition.condition_id == condition.id).order_by(Drug.sort_key, Drug.id).limit(limit)))


def sections_by_kind(drug: Drug) -> list[tuple[SectionKind, list[DrugSection]]]:
    """The page's sections in order, each with its versions: our summary first, then the label's."""
    order = {"catalogue": 0, "label": 1, "ndc": 2, "dsld": 3}
    grouped: dict[str, list[DrugSection]] = {}
    for section in drug.sections:
        grouped.setdefault(section.kind, []).append(section)
    out = []
    for kind in SectionKind:
        if kind.value in grouped:
            out.append((kind, sorted(grouped[kind.value], key=lambda s: order.get(s.origin, 9))))
    return out


# -- conversations about a drug -------------------------------------------------------

@dataclass
class Conversations:
    threads: list  # forum.searching.service.Hit, one per thread, newest first
    groups: list[Group]
    total: int


def conversations(user, drug: Drug) -> Conversations:
    """The latest threads that mention ``drug`` and the groups they are in, as ``user`` may see them."""
    results = search_mentions(user, drug.name)
    threads, seen, counts, groups = [], set(), {}, {}
    for hit in results.hits:
        if hit.thread is None or hit.group is None:
            continue
        counts[hit.group.id] = counts.get(hit.group.id, 0) + 1
        groups.setdefault(hit.group.id, hit.group)
        if hit.thread.id not in seen and len(threads) < MENTIONS_SHOWN:
            seen.add(hit.thread.id)
            threads.append(hit)
    ranked = sorted(groups.values(), key=lambda g: (-counts[g.id], g.name))[:GROUPS_SHOWN]
    return Conversations(threads, ranked, results.total)


def articles_about(drug: Drug, names: list[str]) -> list[Article]:
    """Second Opinion articles whose tags or title name the drug (any of its first few names)."""
    keys = [k for k in dict.fromkeys(name_key(n) for n in names) if k][:NAMES_FOR_ARTICLES]
    if not keys:
        return []
    clauses = []
    for key in keys:
        clauses.append(Article.title.ilike(f"%{key}%"))
        clauses.append(Article.tags.ilike(f"%{key.replace(' ', '-')}%"))
    rows = db.session.scalars(select(Article).options(selectinload(Article.author))
                              .where(or_(*clauses)).order_by(Article.created_at.desc()).limit(ARTICLES_SHOWN * 4))
    matches = [a for a in rows if _names_article(a, keys)]
    return matches[:ARTICLES_SHOWN]


def _names_article(article: Article, keys: list[str]) -> bool:
    """Whole-word check of what ``ilike`` found ("iron" must not match "environment")."""
    title = f" {name_key(article.title)} "
    tags = {name_key(t) for t in article.tag_list}
    return any(f" {k} " in title or k in tags for k in keys)


def ask_url(user, drug: Drug, mentioned_in: list[Group]) -> str:
    """The new-question form of the most relevant group ``user`` may post in, titled with the drug."""
    slugs = [s for c in drug.conditions for s in (c.group_slugs or [])]
    candidates = {g.slug: g for g in db.session.scalars(select(Group).where(Group.slug.in_(slugs[:20])))}
    ordered = [candidates[s] for s in dict.fromkeys(slugs) if s in candidates] + list(mentioned_in)
    title = f"A question about {drug.name}"
    for group in ordered:
        if not group.is_private or permissions.can_start_thread(user, group):
            return url_for("groups.new_thread", slug=group.slug, kind="question", title=title)
    return url_for("groups.index")
