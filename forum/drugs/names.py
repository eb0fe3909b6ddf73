"""Drug names: one normal form, brand <-> generic sets, and finding names in text.

Everyone who compares drug names goes through ``name_key``: the catalogue
loader and the importers when they file a name, the search box when a person
types one, and ``mentioned_drugs`` when it reads a post. A key is the name
without accents, apostrophes or punctuation, case-folded, its words joined by
single spaces ("St. John's Wort" -> "st johns wort", "Co-amoxiclav" -> "co
amoxiclav"), so "Tylenol®" and "tylenol" are one name.

``synonym_sets`` gives search the brand <-> generic sets the catalogue and the
imports know; ``mentioned_drugs`` finds the drugs a text names, word by word
through a trie of name keys (linear in the text; each start looks ahead at
most ``MAX_NAME_WORDS`` words).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from flask import current_app
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Drug, DrugName, NameKind

KEY_MAX = 200
MAX_NAME_WORDS = 8
SYNONYM_TERMS_MAX = 20  # search.synonyms.MAX_TERMS
SYNONYM_TERM_CHARS = 60  # search.synonyms.MAX_TERM_CHARS
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u02bc`"), None)
_MARKS = dict.fromkeys(map(ord, "\u2122\u00ae\u00a9\u2120"), None)  # (TM) (R) (C) (SM): not part of a name
# Salt and form words that follow a medicine's name on labels: "metformin
# hydrochloride" is metformin, "atorvastatin calcium" atorvastatin.
SALT_WORDS = frozenset("""
    hydrochloride hcl dihydrochloride hydrobromide hbr sodium disodium potassium calcium magnesium besylate
    besilate maleate dimaleate tartrate bitartrate succinate mesylate mesilate dimesylate citrate sulfate
    sulphate phosphate acetate fumarate hemifumarate bromide chloride hyclate monohydrate dihydrate
    trihydrate hemihydrate anhydrous propionate dipropionate furoate xinafoate valerate tromethamine
    medoxomil axetil pivoxil estolate stearate lactate gluconate nitrate oxalate malate
""".split())
# Names that are also everyday words: never treated as a mention of a drug.
COMMON_WORDS = frozenset("""
    all and care day one plan time focus relief calm sleep energy balance ensure advance alert max
    today active boost daily natural pure clear free life well health help cold flu fever pain
""".split())


def name_key(text: str) -> str:
    """The normal form of a drug or condition name; "" when it has no letters or digits."""
    return " ".join(name_key_words(text))[:KEY_MAX].strip()


def base_key(key: str) -> str:
    """``key`` without the salt words that end it ("losartan potassium" -> "losartan")."""
    words = key.split()
    while len(words) > 1 and words[-1] in SALT_WORDS:
        words.pop()
    return " ".join(words)


def slugify(name: str) -> str:
    """A URL slug for a drug or condition name ("Vitamin B12" -> "vitamin-b12")."""
    return "-".join(name_key(name).split())[:100] or "drug"


def display_name(raw: str) -> str:
    """A label's name as people write it: "METFORMIN HYDROCHLORIDE" -> "Metformin hydrochloride"."""
    text = " ".join((raw or "").split())
    if text.isupper() or text.islower():
        text = text[:1].upper() + text[1:].lower()
    return text[:200]


# -- finding names in text ------------------------------------------------------

class NameDictionary:
    """A word trie of name keys -> drug slugs, for finding the drugs a text names."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self.root: dict = {}
        self.size = 0
        for key, slug in pairs:
            words = key.split()
            if not words or len(words) > MAX_NAME_WORDS or len(key) < 3 or key in COMMON_WORDS:
                continue
            node = self.root
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(None, slug)  # the first drug filed under a name keeps it
            self.size += 1

    def find(self, text: str) -> list[str]:
        """Slugs of the drugs named in ``text``, in order of first mention, each once.

        Whole words only, any case; where names overlap the longest wins
        ("insulin glargine" over "insulin").
        """
        words = name_key_words(text)
        found: dict[str, None] = {}
        i = 0
        while i < len(words):
            node, match, end = self.root, None, i
            for j in range(i, min(len(words), i + MAX_NAME_WORDS)):
                node = node.get(words[j])
                if node is None:
                    break
                if None in node:
                    match, end = node[None], j + 1
            if match is None:
                i += 1
                continue
            found.setdefault(match)
            i = end
        return list(found)


def name_key_words(text: str) -> list[str]:
    """The words of ``text`` as ``name_key`` spells them (without the length cap)."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_MARKS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_APOSTROPHES)
    return _WORD.findall(text)


def _names_version() -> tuple:
    return tuple(db.session.execute(select(func.count(DrugName.id), func.max(DrugName.id))).one())


def name_dictionary() -> NameDictionary:
    """The app's dictionary of every drug name, rebuilt when the name table changes."""
    cached = current_app.extensions.get("askwell_drug_names")
    version = _names_version()
    if cached is None or cached[0] != version:
        rows = db.session.execute(select(DrugName.key, Drug.slug).join(Drug, Drug.id == DrugName.drug_id)
                                  .order_by(DrugName.kind != NameKind.GENERIC.value, DrugName.id))
        cached = current_app.extensions["askwell_drug_names"] = (version, NameDictionary(rows))
    return cached[1]


def mentioned_drugs(text: str) -> list[str]:
    """Slugs of the catalogue drugs that ``text`` names (generic, brand or other spelling)."""
    return name_dictionary().find(text)


# -- synonym sets for search ------------------------------------------------------

def synonym_sets() -> list[list[str]]:
    """Each drug's interchangeable names (generic first, then brands and other
    spellings) as lower-case terms, for search's synonym list. Only drugs with
    at least two names; at most ``SYNONYM_TERMS_MAX`` terms a set."""
    rows = db.session.execute(
        select(DrugName.drug_id, DrugName.key, DrugName.kind)
        .order_by(DrugName.drug_id, DrugName.kind != NameKind.GENERIC.value, DrugName.id))
    sets: dict[int, list[str]] = {}
    for drug_id, key, _kind in rows:
        terms = sets.setdefault(drug_id, [])
        if key and len(key) <= SYNONYM_TERM_CHARS and key not in terms and len(terms) < SYNONYM_TERMS_MAX:
            terms.append(key)
    return sorted((terms for terms in sets.values() if len(terms) > 1), key=lambda terms: terms[0])
