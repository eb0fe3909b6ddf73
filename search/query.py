"""The query language, parsed once into a backend-neutral ``Query``.

    words          all required (stop words such as "the" are ignored)
    "a phrase"     these words next to each other, exactly
    -word -"a b"   leave out results with this word or phrase
    a OR b         either (OR binds the words on each side)

Each plain word or run of words that is a medical synonym term also matches
its synonyms (``Unit.synonyms``); backends rank exact words above synonyms.
Anything we cannot run raises ``QuerySyntaxError`` with a helpful message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from search.interface import QuerySyntaxError
from search.text import WORD, words

MAX_CHARS = 300
MAX_UNITS = 16
_TOKEN = re.compile(r'-?"[^"]*"|\S+')


@dataclass(frozen=True)
class Unit:
    """One thing to match: a word, a quoted phrase or a synonym term of several words."""

    words: tuple[str, ...]
    phrase: bool = False
    synonyms: tuple[tuple[str, ...], ...] = ()


@dataclass
class Query:
    groups: list[list[Unit]] = field(default_factory=list)  # AND of ORs
    excluded: list[Unit] = field(default_factory=list)

    def positive_words(self) -> list[str]:
        return [w for group in self.groups for unit in group for w in unit.words]

    def highlight_words(self) -> set[str]:
        found = set(self.positive_words())
        for group in self.groups:
            for unit in group:
                found.update(w for syn in unit.synonyms for w in syn)
        return found

    def added_synonyms(self) -> list[str]:
        """The synonym terms the expansion added to what was typed (each once, in query order),
        for "also searched: ..."; words typed anyway are left out."""
        typed = {unit.words for group in self.groups for unit in group}
        added = [syn for group in self.groups for unit in group for syn in unit.synonyms if syn not in typed]
        return [" ".join(term) for term in dict.fromkeys(added)]


@dataclass
class _Item:
    words: tuple[str, ...]
    phrase: bool
    negative: bool


def _items(text: str) -> list[_Item | str]:
    if text.count('"') % 2:
        raise QuerySyntaxError('A quotation mark is missing: put phrases between two " marks, like "side effects".')
    out: list[_Item | str] = []
    for token in _TOKEN.findall(text):
        if token == "OR":
            out.append("OR")
            continue
        negative = token.startswith("-") and len(token) > 1
        body = token[1:] if negative else token
        quoted = body.startswith('"')
        found = tuple(words(body.strip('"')))
        if not found:
            if quoted and not WORD.search(body):
                raise QuerySyntaxError("An empty phrase (\"\") can't be searched: put words between the quotes.")
            continue
        out.append(_Item(found, quoted or len(found) > 1 or len(WORD.findall(body)) > 1, negative))
    return out


def _grouped(items: list[_Item | str]) -> tuple[list[list[_Item]], list[_Item]]:
    groups: list[list[_Item]] = []
    excluded: list[_Item] = []
    joining = False
    for position, item in enumerate(items):
        if item == "OR":
            if joining or not groups or position == len(items) - 1 or isinstance(items[position - 1], _Item) \
                    and items[position - 1].negative:
                raise QuerySyntaxError("OR needs a word on each side, like: insomnia OR sleeplessness.")
            joining = True
            continue
        if item.negative:
            if joining:
                raise QuerySyntaxError("Put -word outside an OR: “migraine OR headache -caffeine”.")
            excluded.append(item)
        elif joining:
            groups[-1].append(item)
        else:
            groups.append([item])
        joining = False
    return groups, excluded


def _with_synonyms(group: list[_Item], table) -> list[Unit]:
    """Plain words become units; runs that are synonym terms become one unit."""
    return [Unit(i.words, i.phrase, () if i.phrase else tuple(table.lookup(i.words))) for i in group]


def _merge_runs(units: list[list[Unit]], table) -> list[list[Unit]]:
    """Join consecutive single plain words that together form a synonym term."""
    out: list[list[Unit]] = []
    i = 0
    while i < len(units):
        for size in range(min(table.longest, len(units) - i), 1, -1):
            span = units[i:i + size]
            if all(len(g) == 1 and not g[0].phrase and len(g[0].words) == 1 for g in span):
                term = tuple(g[0].words[0] for g in span)
                alts = table.lookup(term)
                if alts:
                    out.append([Unit(term, False, tuple(alts))])
                    i += size
                    break
        else:
            out.append(units[i])
            i += 1
    return out


def parse(text: str, table) -> Query:
    """Parse a person's search. Raises ``QuerySyntaxError`` with what to change."""
    text = (text or "").strip()
    if len(text) > MAX_CHARS:
        raise QuerySyntaxError(f"Searches can be up to {MAX_CHARS} characters; this one has {len(text)}. "
                               "Try the few words that matter most.")
    groups, excluded = _grouped(_items(text))
    if not groups:
        if excluded:
            raise QuerySyntaxError("Add at least one word to look for: -word only leaves results out.")
        raise QuerySyntaxError("Type a word or two to search for. Very common words like “the” are ignored.")
    units = _merge_runs([_with_synonyms(g, table) for g in groups], table)
    if sum(len(g) for g in units) + len(excluded) > MAX_UNITS:
        raise QuerySyntaxError(f"That search has too many parts; use up to {MAX_UNITS} words.")
    return Query(units, [Unit(i.words, i.phrase) for i in excluded])
