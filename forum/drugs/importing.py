"""The machinery every drug importer shares: stream, check, write in batches.

An importer is a reader (yielding numbered raw records from a file, one at a
time: nothing reads a bulk file whole), a ``parse`` function (pure: it
validates one record and returns a ``Parsed`` value or raises
``RecordError``) and an ``apply`` function (writes one parsed record through
a ``forum.drugs.store.DrugStore``). ``run_import`` drives them:

* Records are checked before anything is written, so a malformed record is
  reported with its number and leaves nothing behind; if writing one fails,
  its savepoint is rolled back and the import goes on.
* Every source record has a stable key (SPL set id, product NDC, RXCUI, DSLD
  id) and a digest in the ledger (``DrugSourceRecord``). Records whose digest
  is unchanged are skipped, so a second run writes nothing, and a run after a
  crash continues where the last committed batch ended.
* Batches of ``BATCH`` records are committed one by one (SQLite: each takes
  the write lock only for its own transaction), so other writers get through
  during a long import, and memory stays bounded by one batch.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ijson
from sqlalchemy import select

from forum.database import immediate_writes
from forum.drugs.store import DrugStore
from forum.extensions import db
from forum.models import DrugSourceRecord, utcnow

BATCH = 500
MAX_LISTED = 20


class RecordError(ValueError):
    """What is wrong with one record; ``str()`` says it plainly."""


class StreamError(Exception):
    """The file itself cannot be read on from here (broken JSON, not the expected format)."""


@dataclass
class Parsed:
    key: str
    digest: str
    data: Any


@dataclass
class ImportReport:
    source: str
    records: int = 0
    written: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)
    more_problems: int = 0
    stopped: str | None = None

    def problem(self, number: int, message: str, what: str = "record") -> None:
        self.failed += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(f"{what} {number:,}: {message}")
        else:
            self.more_problems += 1

    def summary(self) -> str:
        text = (f"{self.records:,} records read: {self.written:,} imported or updated, "
                f"{self.unchanged:,} unchanged, {self.skipped:,} skipped, {self.failed:,} with problems.")
        return text + (f" Stopped early: {self.stopped}" if self.stopped else "")


class Skip(Exception):
    """A well-formed record this importer has no use for (a label without a generic name)."""


def digest_of(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


# -- readers ---------------------------------------------------------------------

@contextmanager
def open_source(path: Path, suffixes: tuple[str, ...] = (".json",)):
    """A binary file object for ``path``, or for the first matching member of a zip."""
    path = Path(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(suffixes)]
            if not names:
                raise StreamError(f"{path.name} holds no {' or '.join(suffixes)} file")
            with archive.open(names[0]) as member:
                yield member
        return
    with open(path, "rb") as fh:
        yield fh


def openfda_records(path: Path) -> Iterator[tuple[int, dict]]:
    """(number, record) for each item of an openFDA bulk file's ``results`` list, streamed."""
    with open_source(path) as fh:
        head = fh.read(2048)
    if b'"meta"' not in head:
        raise StreamError(f"{Path(path).name} is not an openFDA bulk file: it has no \"meta\" block at the top")
    with open_source(path) as fh:
        number = 0
        try:
            for number, record in enumerate(ijson.items(fh, "results.item", use_float=True), 1):
                yield number, record
        except ijson.JSONError as error:
            raise StreamError(f"the JSON breaks after record {number:,} ({error})") from None


def openfda_total(path: Path) -> int | None:
    """How many records an openFDA bulk file says it holds (``meta.results.total``)."""
    try:
        with open_source(path) as fh:
            meta = next(ijson.items(fh, "meta"), None)
    except (ijson.JSONError, StreamError, OSError):
        return None
    total = ((meta or {}).get("results") or {}).get("total")
    return total if isinstance(total, int) and total >= 0 else None


def json_size(path: Path) -> int:
    """Bytes ``json_records`` will read from ``path`` (uncompressed, for a zip)."""
    path = Path(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return sum(i.file_size for i in archive.infolist() if i.filename.lower().endswith((".json", ".jsonl")))
    return path.stat().st_size


def json_records(path: Path, on_bytes: Callable[[int], None] | None = None) -> Iterator[tuple[int, Any]]:
    """Records from a JSON array, a single JSON object, JSON Lines, or a zip of those files;
    ``on_bytes(n)`` hears how many bytes were read, for a progress bar."""
    path = Path(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            number = 0
            for name in sorted(n for n in archive.namelist() if n.lower().endswith((".json", ".jsonl"))):
                with archive.open(name) as member:
                    for _, record in _json_stream(_Counting(member, on_bytes), name):
                        number += 1
                        yield number, record
        return
    with open(path, "rb") as fh:
        yield from _json_stream(_Counting(fh, on_bytes), path.name)


class _Counting(io.RawIOBase):
    """A file object that reports the bytes read through it."""

    def __init__(self, fh, on_bytes):
        self.fh, self.on_bytes = fh, on_bytes

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        if self.on_bytes and data:
            self.on_bytes(len(data))
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _json_stream(fh, name: str) -> Iterator[tuple[int, Any]]:
    if name.lower().endswith(".jsonl"):
        for number, line in enumerate(io.TextIOWrapper(io.BufferedReader(fh), encoding="utf-8-sig"), 1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    yield number, RecordError(f"invalid JSON ({error.msg})")
        return
    first = fh.read(1)
    while first and first.isspace():
        first = fh.read(1)
    fh = _Prefixed(first, fh)
    number = 0
    try:
        if first == b"[":
            for number, record in enumerate(ijson.items(fh, "item", use_float=True), 1):
                yield number, record
        else:
            for number, record in enumerate(ijson.items(fh, "", use_float=True, multiple_values=True), 1):
                yield number, record
    except ijson.JSONError as error:
        raise StreamError(f"{name}: the JSON breaks after record {number:,} ({error})") from None


class _Prefixed(io.RawIOBase):
    """A file object that gives back bytes already read from ``fh`` before the rest of it."""

    def __init__(self, prefix: bytes, fh):
        self.prefix, self.fh = prefix, fh

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size == 0:
            return b""
        head, self.prefix = self.prefix, b""
        if size is None or size < 0:
            return head + self.fh.read()
        return head + self.fh.read(max(0, size - len(head)))

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


# -- the driver ------------------------------------------------------------------

def run_import(source: str, records: Iterator[tuple[int, Any]], parse: Callable[[Any], Parsed],
               apply: Callable[[DrugStore, Parsed], int | None], progress: Callable[[int], None] | None = None,
               report: ImportReport | None = None, batch_size: int = BATCH) -> ImportReport:
    """Import ``records`` (numbered raw records) in committed batches; returns what happened."""
    report = report or ImportReport(source)
    batch: list[tuple[int, Parsed]] = []
    with immediate_writes():
        try:
            for number, raw in records:
                report.records += 1
                _check(report, batch, number, raw, parse)
                if len(batch) >= batch_size:
                    _write_batch(report, source, batch, apply)
                    if progress:
                        progress(len(batch))
                    batch = []
        except StreamError as error:  # what was read before the break is still imported
            report.stopped = str(error)
        if batch:
            _write_batch(report, source, batch, apply)
            if progress:
                progress(len(batch))
    if report.written:
        from forum.drugs.synonyms import write_synonym_file

        write_synonym_file()  # new brand <-> generic pairs for search
    return report


def _check(report: ImportReport, batch: list, number: int, raw: Any, parse) -> None:
    if isinstance(raw, RecordError):
        report.problem(number, str(raw))
        return
    try:
        batch.append((number, parse(raw)))
    except Skip:
        report.skipped += 1
    except RecordError as error:
        report.problem(number, str(error))


def _write_batch(report: ImportReport, source: str, batch: list[tuple[int, Parsed]], apply) -> None:
    """One transaction: every changed record of the batch and its ledger row.

    The batch is written in one go; if the database refuses any of it, the
    batch is rolled back and written again record by record, each in its own
    savepoint, so only the record at fault is lost (and reported)."""
    latest = {parsed.key: (number, parsed) for number, parsed in batch}  # a key twice: the last wins
    report.unchanged += len(batch) - len(latest)
    ledger = {r.key: r for r in db.session.scalars(select(DrugSourceRecord).where(
        DrugSourceRecord.source == source, DrugSourceRecord.key.in_(list(latest))))}
    changed = [(key, number, parsed) for key, (number, parsed) in latest.items()
               if ledger.get(key) is None or ledger[key].digest != parsed.digest]
    report.unchanged += len(latest) - len(changed)
    try:
        store = DrugStore()
        for key, _number, parsed in changed:
            _write_one(store, source, key, parsed, ledger, apply)
        db.session.flush()
    except Exception:  # something in the batch was refused: find which, one at a time
        db.session.rollback()
        _write_one_by_one(report, source, changed, apply)
        return
    db.session.commit()
    report.written += len(changed)


def _write_one(store: DrugStore, source: str, key: str, parsed: Parsed, ledger: dict, apply) -> None:
    with db.session.no_autoflush:  # the store remembers what it wrote; the batch is flushed once
        drug_id = apply(store, parsed)
    record = ledger.get(key)
    if record is None:
        record = ledger[key] = DrugSourceRecord(source=source, key=key)
        db.session.add(record)
    record.digest, record.drug_id, record.imported_at = parsed.digest, drug_id, utcnow()


def _write_one_by_one(report: ImportReport, source: str, changed: list, apply) -> None:
    ledger = {r.key: r for r in db.session.scalars(select(DrugSourceRecord).where(
        DrugSourceRecord.source == source, DrugSourceRecord.key.in_([key for key, _, _ in changed])))}
    store = DrugStore()
    for key, number, parsed in changed:
        try:
            with db.session.begin_nested():
                _write_one(store, source, key, parsed, ledger, apply)
                db.session.flush()
        except Exception as error:  # a write the database refused: this record only
            store = DrugStore()  # its cache may name rows that were rolled back
            ledger.pop(key, None)
            report.problem(number, f"could not be written ({type(error).__name__}: {str(error)[:200]})")
            continue
        report.written += 1
    db.session.commit()


# -- small field helpers for parsers ------------------------------------------------

def text_list(record: dict, name: str, where: str = "") -> list[str]:
    """A list-of-strings field (openFDA style); a lone string counts as one item."""
    value = record.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f'"{where}{name}" must be a list of strings')
    return [v.strip() for v in value if v.strip()]


def text_field(record: dict, name: str, required: bool = False) -> str:
    value = record.get(name)
    if value is None or value == "":
        if required:
            raise RecordError(f'missing "{name}"')
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    if not isinstance(value, str):
        raise RecordError(f'"{name}" must be a string')
    if "\x00" in value:
        raise RecordError(f'"{name}" contains a NUL character')
    return value.strip()


def object_field(record: Any, name: str) -> dict:
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object")
    value = record.get(name)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RecordError(f'"{name}" must be an object')
    return value
