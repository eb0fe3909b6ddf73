"""Medical synonyms: lay and clinical words, brand and generic drug names.

The curated list lives in ``search/data/medical_synonyms.txt``; admins extend it
with a file in the instance folder (``SEARCH_SYNONYMS_FILE``, by default
``instance/search-synonyms.txt``), most easily with
``flask --app forum search synonyms add "heartburn, acid reflux"``; an
application may pass generated lists too (Askwell's drug name dictionary:
brand <-> generic from its catalogue and imports, so the curated list keeps
only the drug pairs that dictionary does not cover). Both use the
same format: one set of interchangeable terms a line, separated by commas;
``#`` starts a comment. A term may have several words ("heart attack").

At query time a word or run of words that is a term in some set also matches
every other term of its sets (see ``search.query``); exact words rank higher.
"""
from __future__ import annotations

import os
from pathlib import Path
from threading import Lock

from search.text import words

BUILTIN = Path(__file__).resolve().parent / "data" / "medical_synonyms.txt"
MAX_TERMS = 20
MAX_TERM_CHARS = 60


class SynonymError(ValueError):
    """A synonym line that cannot be used; the message says why."""


def parse_line(line: str) -> list[tuple[str, ...]]:
    """The distinct terms of one line as word tuples; [] for blanks and comments."""
    line = line.split("#", 1)[0].strip()
    if not line:
        return []
    terms = []
    for raw in line.split(","):
        term = tuple(words(raw))
        if term and term not in terms:
            terms.append(term)
    return terms


def check_line(line: str) -> list[tuple[str, ...]]:
    """Validate a line an admin wants to add. Raises ``SynonymError``."""
    if "\n" in line or "\r" in line:
        raise SynonymError("Give one set of synonyms on one line.")
    raw_terms = [t.strip() for t in line.split(",") if t.strip()]
    if any(len(t) > MAX_TERM_CHARS for t in raw_terms):
        raise SynonymError(f"Each term can be up to {MAX_TERM_CHARS} characters.")
    if len(raw_terms) > MAX_TERMS:
        raise SynonymError(f"A set can have up to {MAX_TERMS} terms; split it into several sets.")
    if "#" in line:
        raise SynonymError("Terms cannot contain '#'.")
    terms = parse_line(line)
    if len(terms) < 2:
        raise SynonymError('Give at least two different terms separated by commas, e.g. "heartburn, acid reflux".')
    return terms


class SynonymTable:
    """Term -> the other terms it is interchangeable with."""

    def __init__(self, lines):
        self.alternatives: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        self.sets = 0
        for line in lines:
            terms = parse_line(line)
            if len(terms) < 2:
                continue
            self.sets += 1
            for term in terms:
                self.alternatives.setdefault(term, set()).update(t for t in terms if t != term)
        self.longest = max((len(t) for t in self.alternatives), default=1)
        self.vocabulary = sorted({w for term in self.alternatives for w in term})

    def lookup(self, term: tuple[str, ...]) -> list[tuple[str, ...]]:
        return sorted(self.alternatives.get(term, ()))


_cache: dict[tuple, SynonymTable] = {}
_lock = Lock()


def _mtime(path: Path) -> float:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def load(extra_file: str | None, *more_files: str | None) -> SynonymTable:
    """The table for the built-in list plus ``extra_file`` (the admins') and ``more_files``
    (generated lists, such as the application's drug name dictionary), reloaded when any changes."""
    files = [f for f in (extra_file, *more_files) if f]
    key = (BUILTIN.name, _mtime(BUILTIN), *((str(f), _mtime(Path(f))) for f in files))
    with _lock:
        table = _cache.get(key)
        if table is None:
            lines = BUILTIN.read_text(encoding="utf-8").splitlines()
            for extra in files:
                if Path(extra).exists():
                    lines += Path(extra).read_text(encoding="utf-8").splitlines()
            _cache.clear()
            table = _cache[key] = SynonymTable(lines)
    return table


def add_line(extra_file: str, line: str) -> list[tuple[str, ...]]:
    """Append a validated set to the admins' file. Raises ``SynonymError``."""
    terms = check_line(line)
    path = Path(extra_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(", ".join(" ".join(t) for t in terms) + "\n")
    return terms
