"""The search box on /drugs: brand or generic names, misspellings, and conditions.

A query is normalised like every drug name (``name_key``), then filler words
("drugs for", "what helps", "medication") are dropped, so "drugs for type 2
diabetes" asks for the condition "type 2 diabetes". It is then looked up, in
order, as a condition (name or other name), as an exact name, as the start of
names, and only if nothing matched, as a misspelt name: "metfromin" finds
metformin.

Misspellings are found by ``FuzzyIndex``: an inverted index from character
trigrams to name keys, built once per worker from the name table (rebuilt when
the table changes). Candidates are the names sharing the most trigrams with
the query (the work is proportional to the postings of the query's trigrams,
never a scan with edit distance over every name); the best few are ranked by
edit distance and kept within ``max_edits``. Input is capped at
``QUERY_MAX`` characters, so no query costs more than a bounded amount.
"""
from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import func, select

from forum.drugs.names import name_key
from forum.extensions import db
from forum.models import Condition, Drug, DrugName
from search.text import edit_distance

QUERY_MAX = 100
RESULTS_MAX = 30
FUZZY_NAME_MAX = 40
FUZZY_CANDIDATES = 40
COMMON_GRAM = 20_000
FILLER = frozenset("""
    drug drugs medicine medicines medication medications meds med pill pills tablet tablets treatment treatments
    treat treating therapy for to of the a an and or with what which is are can i my me take taking used use
    uses help helps helping best good options option list about info information prescription otc over counter
    supplements vitamins in on side effects effect dose dosage reviews review
""".split())


@dataclass
class Match:
    drug: Drug
    via: str | None  # the name that matched when it is not the drug's own
    close: bool = False  # found as a misspelling


@dataclass
class DrugSearch:
    query: str
    phrase: str
    conditions: list[Condition] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)

    @property
    def close_only(self) -> bool:
        return bool(self.matches) and all(m.close for m in self.matches)


def clean_query(text: str) -> str:
    return name_key((text or "")[:QUERY_MAX * 2].replace("\x00", " "))[:QUERY_MAX]


def content_phrase(key: str) -> str:
    """The query without filler words ("drugs for type 2 diabetes" -> "type 2 diabetes")."""
    words = [w for w in key.split() if w not in FILLER]
    return " ".join(words) if words else key


def search_drugs(text: str) -> DrugSearch:
    key = clean_query(text)
    result = DrugSearch(query=key, phrase=content_phrase(key))
    if not result.phrase:
        return result
    result.conditions = matching_conditions(key) or matching_conditions(result.phrase)
    found = _exact(key) if key != result.phrase else []
    found = found or _exact_and_prefix(result.phrase)
    close = False
    if not found and not result.conditions:
        found, close = fuzzy_index().lookup(result.phrase), True
    result.matches = _load(found, close)
    return result


def matching_conditions(phrase: str, limit: int = 5) -> list[Condition]:
    """Conditions named by the phrase, or whose name is a whole-word part of it (at most 500 read)."""
    padded = f" {phrase} "
    exact, partial = [], []
    for condition in db.session.scalars(select(Condition).order_by(Condition.name).limit(500)):
        keys = condition.keys or []
        if phrase in keys:
            exact.append(condition)
        elif any(len(k) > 2 and f" {k} " in padded for k in keys):
            partial.append(condition)
    return (exact + partial)[:limit]


def _exact(key: str) -> list[tuple[int, str]]:
    return [(r[0], r[1]) for r in db.session.execute(
        select(DrugName.drug_id, DrugName.key).where(DrugName.key == key).order_by(DrugName.id).limit(RESULTS_MAX))]


def _exact_and_prefix(phrase: str) -> list[tuple[int, str]]:
    """(drug id, matched key): names equal to the phrase, then names starting with it."""
    rows = _exact(phrase)
    if len(phrase) >= 3:
        upper = phrase[:-1] + chr(ord(phrase[-1]) + 1)
        rows += db.session.execute(select(DrugName.drug_id, DrugName.key)
                                   .where(DrugName.key > phrase, DrugName.key < upper)
                                   .order_by(DrugName.key, DrugName.id).limit(RESULTS_MAX))
    return [(r[0], r[1]) for r in rows]


def _load(found: list[tuple[int, str]], close: bool) -> list[Match]:
    order: dict[int, str] = {}
    for drug_id, key in found:
        order.setdefault(drug_id, key)
    ids = list(order)[:RESULTS_MAX]
    if not ids:
        return []
    drugs = {d.id: d for d in db.session.scalars(select(Drug).where(Drug.id.in_(ids)))}
    out = []
    for drug_id in ids:
        drug = drugs.get(drug_id)
        if drug is not None:
            via = order[drug_id] if order[drug_id] != name_key(drug.name) else None
            out.append(Match(drug, via, close))
    return out


# -- misspellings ----------------------------------------------------------------

def grams(key: str) -> set[str]:
    padded = f"  {key} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


class FuzzyIndex:
    """Character trigrams -> positions in a list of (name key, drug id)."""

    def __init__(self, rows):
        self.keys: list[str] = []
        self.drug_ids = array("l")
        postings: dict[str, array] = {}
        for key, drug_id in rows:
            if not key or len(key) > FUZZY_NAME_MAX:
                continue
            position = len(self.keys)
            self.keys.append(key)
            self.drug_ids.append(drug_id)
            for gram in grams(key):
                postings.setdefault(gram, array("l")).append(position)
        self.postings = postings

    @staticmethod
    def max_edits(phrase: str) -> int:
        return 1 if len(phrase) <= 5 else 2 if len(phrase) <= 10 else 3

    def lookup(self, phrase: str, limit: int = 10) -> list[tuple[int, str]]:
        """(drug id, key) of the names within ``max_edits`` of ``phrase``, closest first."""
        phrase = phrase[:FUZZY_NAME_MAX]
        if len(phrase) < 3:
            return []
        lists = [self.postings[g] for g in grams(phrase) if g in self.postings]
        rare = [p for p in lists if len(p) <= COMMON_GRAM] or lists
        shared = Counter()
        for posting in rare:
            shared.update(posting)
        allowed = self.max_edits(phrase)
        scored = []
        for position, _count in shared.most_common(FUZZY_CANDIDATES):
            key = self.keys[position]
            if abs(len(key) - len(phrase)) <= allowed:
                distance = edit_distance(phrase, key)
                if distance <= allowed:
                    scored.append((distance, key, self.drug_ids[position]))
        scored.sort()
        return [(drug_id, key) for _d, key, drug_id in scored[:limit]]


def fuzzy_index() -> FuzzyIndex:
    """This worker's index of every drug name, rebuilt when the name table changes."""
    version = tuple(db.session.execute(select(func.count(DrugName.id), func.max(DrugName.id))).one())
    cached = current_app.extensions.get("askwell_drug_fuzzy")
    if cached is None or cached[0] != version:
        rows = db.session.execute(select(DrugName.key, DrugName.drug_id).order_by(DrugName.id))
        cached = current_app.extensions["askwell_drug_fuzzy"] = (version, FuzzyIndex(rows))
    return cached[1]
