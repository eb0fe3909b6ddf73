"""Interaction checks between the medicines on a list (and "what if I add X").

Two sources, each finding naming its source:

* **The rule table** (``forum/data/medicine/interactions.json``): serious,
  well-established pairs written from FDA prescribing information and safety
  communications, by ingredient and by class. A medicine belongs to a group
  when one of its ingredients is a member, or its pharmacologic class contains
  one of the group's ``class_terms``.
* **The FDA label**: when a medicine has an imported label, its "Drug
  Interactions" section is searched for the other medicine's ingredients and
  class; the sentence around the first mention is shown as an excerpt.

Two products that share an ingredient are reported too (two acetaminophen
products is how most accidental overdoses happen). Nothing here ever says a
combination is safe: "no interaction found" only means none of these checks
found one.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from forum.drugs.names import base_key, name_key

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "medicine" / "interactions.json"
SEVERITY_ORDER = {"contraindicated": 0, "major": 1, "moderate": 2, "timing": 3, "label": 4, "duplicate": 1}
SEVERITY_LABELS = {
    "contraindicated": "Do not take together",
    "major": "Serious: usually avoided or closely watched",
    "moderate": "May need a change or extra checks",
    "timing": "Take at different times",
    "label": "Named in the FDA label",
    "duplicate": "Same ingredient twice",
}
EXCERPT = 160
COMPONENT_SPLIT = re.compile(r"\s*(?:,|/|\band\b|\bwith\b|\+)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Item:
    """One medicine as the checks see it."""

    key: str  # stable id in the caller's terms ("m12", "candidate")
    label: str  # how the member named it
    ingredients: frozenset[str]  # name keys
    drug_class: str = ""
    label_interactions: str = ""  # the imported FDA label's "Drug Interactions" text, if any


@dataclass
class Finding:
    first: Item
    second: Item
    severity: str
    summary: str
    source: str
    url: str = ""
    excerpt: str = ""
    onc: bool = False

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    checked: int = 0  # how many medicines were compared

    @property
    def pairs(self) -> int:
        return self.checked * (self.checked - 1) // 2


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    members: frozenset[str]
    class_terms: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    a: Group
    b: Group
    severity: str
    summary: str
    source: str
    url: str
    onc: bool


@lru_cache(maxsize=1)
def rule_table() -> tuple[Rule, ...]:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    groups = {name: Group(name, g["label"], frozenset(name_key(m) for m in g["members"]),
                          tuple(t.lower() for t in g.get("class_terms", ())))
              for name, g in data["groups"].items()}
    return tuple(Rule(groups[r["a"]], groups[r["b"]], r["severity"], r["summary"], r["source"], r.get("url", ""),
                      bool(r.get("onc"))) for r in data["rules"])


def ingredient_keys(name: str, ingredients: list[str] | tuple[str, ...] = ()) -> frozenset[str]:
    """Name keys of what a product contains: its listed ingredients, else the parts of its name
    ("Oxycodone and acetaminophen" -> oxycodone, acetaminophen), salts dropped."""
    parts = list(ingredients) or [p for p in COMPONENT_SPLIT.split(name or "") if p]
    keys = set()
    for part in parts:
        key = name_key(part)
        if key:
            keys.add(key)
            keys.add(base_key(key))
    return frozenset(keys)


def _in_group(item: Item, group: Group) -> bool:
    if item.ingredients & group.members:
        return True
    klass = item.drug_class.lower()
    return bool(klass) and any(term in klass for term in group.class_terms)


def check(items: list[Item], focus: str | None = None) -> Report:
    """Every finding between pairs of ``items``; with ``focus``, only pairs that include it."""
    report = Report(checked=len(items))
    for first, second in combinations(items, 2):
        if focus is not None and focus not in (first.key, second.key):
            continue
        report.findings.extend(_pair(first, second))
    report.findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.first.label.lower(), f.second.label.lower()))
    return report


def _pair(first: Item, second: Item) -> list[Finding]:
    found: list[Finding] = []
    for rule in rule_table():
        if ((_in_group(first, rule.a) and _in_group(second, rule.b))
                or (_in_group(first, rule.b) and _in_group(second, rule.a))):
            found.append(Finding(first, second, rule.severity, rule.summary, rule.source, rule.url, onc=rule.onc))
    shared = sorted(first.ingredients & second.ingredients)
    if shared:
        found.append(Finding(first, second, "duplicate",
                             f"Both contain {', '.join(shared)}: taking both can mean a double dose. Check the "
                             "labels and ask a pharmacist.", "Askwell: ingredients of both products"))
    for this, other in ((first, second), (second, first)):
        excerpt = label_mention(this.label_interactions, other)
        if excerpt:
            found.append(Finding(this, other, "label", f"The FDA label of {this.label} names {other.label} or its "
                                 "class in its drug interactions section.", "FDA drug label (openFDA): Drug "
                                 "Interactions", excerpt=excerpt))
    return found


def label_mention(text: str, other: Item) -> str:
    """The sentence of ``text`` that first names one of ``other``'s ingredients or its class."""
    if not text:
        return ""
    terms = sorted({*other.ingredients, *_class_words(other.drug_class)}, key=len, reverse=True)
    terms = [t for t in terms if len(t) >= 4]
    if not terms:
        return ""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    match = pattern.search(text)
    if match is None:
        return ""
    start = max(text.rfind(". ", 0, match.start()) + 2, match.start() - EXCERPT, 0)
    end = text.find(". ", match.end())
    end = min(end + 1 if end != -1 else len(text), match.end() + EXCERPT)
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _class_words(drug_class: str) -> list[str]:
    """A class name as a label would write it ("Proton Pump Inhibitor [EPC]" -> "proton pump inhibitor")."""
    klass = re.sub(r"\[.*?\]|\(.*?\)", " ", drug_class or "").strip().lower()
    return [" ".join(klass.split())] if len(klass) >= 6 else []
