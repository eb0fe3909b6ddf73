"""The labelled safety data: where it lives, how it is read and how it is split.

The crisis classifier is trained from ``tests/moderation/data/crisis.tsv`` at
first use, and the tests and ``bench/safety.py`` measure every check on the same
files, so reading and splitting them lives in one place. The split is by a hash
of the text, not by position or at random, so it never changes when rows are
added, reordered or the file is re-sorted: a text is in the ``train`` part or
the ``report`` part for good, and the figures reported are always on texts the
model has never seen.

Columns are ``label, class, text, note``; in crisis texts ``\\n`` marks a line
break (posts have paragraphs); in personal-data texts ``[[...]]`` marks exactly
what must be removed, so a test can check that an address goes whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "moderation" / "data"
CRISIS_FILE = "crisis.tsv"
PERSONAL_FILE = "personal_data.tsv"
REPORT_SHARE = 30  # percent of texts held out for reporting


@dataclass(frozen=True)
class CrisisExample:
    label: str  # "self", "emergency", "other" or "none"
    kind: str  # e.g. "self/plan", "neg/idiom"
    text: str
    note: str = ""

    @property
    def part(self) -> str:
        return split_of(self.text)


@dataclass(frozen=True)
class PersonalExample:
    label: str  # the kind expected, or "none"
    kind: str  # e.g. "phone/uk", "none/hotline"
    text: str  # markers removed
    spans: tuple[tuple[int, int], ...]  # what must be removed
    note: str = ""

    @property
    def part(self) -> str:
        return split_of(self.text)


def split_of(text: str) -> str:
    """``"train"`` or ``"report"``, fixed for ever by a hash of the text."""
    bucket = int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "report" if bucket < REPORT_SHARE else "train"


def _rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, text, note = (line.split("\t") + ["", "", ""])[:4]
            yield label, kind, text, note


def crisis_examples(part: str | None = None, data_dir: Path | None = None) -> list[CrisisExample]:
    """Crisis examples, all or one part ("train" or "report")."""
    rows = [
        CrisisExample(label, kind, text.replace("\\n", "\n"), note)
        for label, kind, text, note in _rows(Path(data_dir or DATA_DIR) / CRISIS_FILE)
    ]
    return [row for row in rows if part is None or row.part == part]


def personal_examples(part: str | None = None, data_dir: Path | None = None) -> list[PersonalExample]:
    """Personal-data examples with the spans to remove, all or one part."""
    rows = []
    for label, kind, marked, note in _rows(Path(data_dir or DATA_DIR) / PERSONAL_FILE):
        text, spans = _unmark(marked)
        rows.append(PersonalExample(label, kind, text, spans, note))
    return [row for row in rows if part is None or row.part == part]


def _unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    out, spans, pos = [], [], 0
    while (start := marked.find("[[", pos)) != -1:
        end = marked.index("]]", start)
        out.append(marked[pos:start])
        begin = sum(map(len, out))
        out.append(marked[start + 2 : end])
        spans.append((begin, begin + end - start - 2))
        pos = end + 2
    out.append(marked[pos:])
    return "".join(out), tuple(spans)


def data_digest(data_dir: Path | None = None) -> str:
    """A short hash of the crisis training data, for cache keys."""
    return hashlib.sha256((Path(data_dir or DATA_DIR) / CRISIS_FILE).read_bytes()).hexdigest()[:16]
