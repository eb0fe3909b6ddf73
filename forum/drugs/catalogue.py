"""The shipped catalogue: Askwell's own short summaries of common medicines,
supplements and vitamins, loaded into the database.

The files in ``forum/data/drugs/`` are written for Askwell as plain facts in
our own words, from public-domain US government sources: FDA drug labels
(DailyMed), NIH Office of Dietary Supplements fact sheets and NIH NCCIH pages.
Each row says which, and the page links there. ``conditions.psv`` lists the
conditions (with the other ways people say them); ``catalogue/*.psv`` one
product a line, fields separated by ``|`` and lists by ``;`` (the header
comment in each file names the columns).

``load_catalogue`` is idempotent: each row's digest goes into the import
ledger, so a second run only touches rows that changed. It keeps names and
sections that importers added to the same drugs.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

from sqlalchemy import delete, select

from forum.drugs.names import name_key, slugify
from forum.drugs.store import DrugStore
from forum.extensions import db
from forum.models import Condition, Drug, DrugCondition, DrugKind, DrugSourceRecord, NameKind, SectionKind

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "drugs"
# When the summaries were last checked against their sources.
CHECKED = "2026-11"
KINDS = {"rx": DrugKind.PRESCRIPTION, "otc": DrugKind.OTC, "sup": DrugKind.SUPPLEMENT, "vit": DrugKind.VITAMIN}
SECTIONS = (SectionKind.USES, SectionKind.COMMON_SIDE_EFFECTS, SectionKind.SERIOUS_SIDE_EFFECTS,
            SectionKind.WARNINGS, SectionKind.HOW_TAKEN)
FIELDS = 12


class CatalogueError(ValueError):
    """A row of the shipped data that cannot be loaded; says which file and line."""


@dataclass(frozen=True)
class Entry:
    name: str
    kind: DrugKind
    drug_class: str
    brands: list[str]
    other_names: list[str]
    conditions: list[str]
    source: str
    texts: dict[str, str]
    digest: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _rows(path: Path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def read_conditions(path: Path | None = None) -> list[dict]:
    """The shipped conditions: slug, name, keys (name and aliases) and group slugs."""
    path = path or DATA_DIR / "conditions.psv"
    out = []
    for number, line in _rows(path):
        parts = line.split("|")
        if len(parts) != 4 or not parts[0].strip() or not parts[1].strip():
            raise CatalogueError(f"{path.name} line {number}: expected slug|name|other names|groups")
        keys = list(dict.fromkeys(k for k in [name_key(parts[1])] + [name_key(a) for a in _split(parts[2])] if k))
        out.append({"slug": parts[0].strip(), "name": parts[1].strip(), "keys": keys,
                    "group_slugs": _split(parts[3])})
    return out


def _entry(path: Path, number: int, line: str, conditions: set[str]) -> Entry:
    parts = [p.strip() for p in line.split("|")]
    where = f"{path.name} line {number}"
    if len(parts) != FIELDS:
        raise CatalogueError(f"{where}: {len(parts)} fields, expected {FIELDS}")
    name, kind, drug_class, brands, others, conds, source = parts[:7]
    if kind not in KINDS:
        raise CatalogueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    unknown = [c for c in _split(conds) if c not in conditions]
    if unknown:
        raise CatalogueError(f"{where}: unknown condition(s) {', '.join(unknown)}")
    if source != "fda" and not source.startswith(("ods:", "nccih:")):
        raise CatalogueError(f"{where}: source {source!r} must be fda, ods:NAME or nccih:PAGE")
    if not name or not all(parts[7:]):
        raise CatalogueError(f"{where}: the name and every section are required")
    return Entry(name, KINDS[kind], drug_class, _split(brands), _split(others), _split(conds), source,
                 dict(zip(SECTIONS, parts[7:])), hashlib.sha256(line.encode()).hexdigest())


def read_catalogue(directory: Path | None = None, conditions: set[str] | None = None) -> list[Entry]:
    """Every shipped entry, validated. Raises ``CatalogueError`` for the first bad row."""
    directory = directory or DATA_DIR / "catalogue"
    conditions = conditions if conditions is not None else {c["slug"] for c in read_conditions()}
    entries, seen = [], {}
    for path in sorted(directory.glob("*.psv")):
        for number, line in _rows(path):
            entry = _entry(path, number, line, conditions)
            if entry.slug in seen:
                raise CatalogueError(f"{path.name} line {number}: {entry.name!r} is already on {seen[entry.slug]}")
            seen[entry.slug] = f"{path.name} line {number}"
            entries.append(entry)
    return entries


def source_of(entry: Entry) -> tuple[str, str]:
    """(source name, URL) of an entry's facts."""
    if entry.source.startswith("ods:"):
        page = entry.source[4:]
        return "NIH Office of Dietary Supplements fact sheet", f"https://ods.od.nih.gov/factsheets/{page}-Consumer/"
    if entry.source.startswith("nccih:"):
        return "NIH National Center for Complementary and Integrative Health", \
            f"https://www.nccih.nih.gov/health/{entry.source[6:]}"
    return "FDA drug label (DailyMed)", dailymed_url(entry.name)


def dailymed_url(name: str) -> str:
    return f"https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query={quote_plus(name)}"


def _combination_names(name: str) -> list[str]:
    """"Oxycodone and acetaminophen" is also written "oxycodone acetaminophen"."""
    if " and " not in name and "," not in name:
        return []
    return [" ".join(name.replace(",", " ").replace(" and ", " ").split())]


def _load_conditions() -> dict[str, int]:
    existing = {c.slug: c for c in db.session.scalars(select(Condition))}
    for spec in read_conditions():
        condition = existing.get(spec["slug"]) or Condition(slug=spec["slug"])
        condition.name, condition.keys, condition.group_slugs = spec["name"], spec["keys"], spec["group_slugs"]
        if condition.id is None:
            db.session.add(condition)
            existing[spec["slug"]] = condition
    db.session.flush()
    return {slug: c.id for slug, c in existing.items()}


def _drugs_for(store: DrugStore, entries: list[Entry]) -> dict[str, Drug]:
    """The drug row of each changed entry: by slug, else one an importer filed first under the
    same name, else a new one. New rows are inserted together, in one flush."""
    slugs = [e.slug for e in entries]
    found = {d.slug: d for d in db.session.scalars(select(Drug).where(Drug.slug.in_(slugs)))}
    imported = db.session.scalar(select(Drug.id).where(Drug.origin != "catalogue").limit(1)) is not None
    fresh = []
    with db.session.no_autoflush:
        for entry in entries:
            if entry.slug in found:
                continue
            other = store.find([entry.name]) if imported else None
            if other is not None and other.origin != "catalogue":
                found[entry.slug] = other
                continue
            drug = Drug(slug=entry.slug, name=entry.name, sort_key=name_key(entry.name), kind=entry.kind.value,
                        origin="catalogue", brand_names=[], ingredients=[], rxcuis=[])
            db.session.add(drug)
            found[entry.slug] = drug
            fresh.append(drug)
    db.session.flush()
    for drug in fresh:
        store.fresh.add(drug.id)
        store.names[drug.id] = set()
    return found


def _apply(store: DrugStore, entry: Entry, drug: Drug, condition_ids: dict[str, int]) -> None:
    drug.name, drug.kind, drug.drug_class = entry.name, entry.kind.value, entry.drug_class
    drug.sort_key = name_key(entry.name)
    source_name, source_url = source_of(entry)
    drug.monograph_url = source_url
    store.add_names(drug, [(entry.name, NameKind.GENERIC)])
    store.add_brands(drug, entry.brands)
    store.add_names(drug, [(n, NameKind.ALTERNATE) for n in entry.other_names + _combination_names(entry.name)])
    for kind, text in entry.texts.items():
        store.put_section(drug, kind, "catalogue", text, source_name, source_url, CHECKED, entry.slug)
    if drug.id not in store.fresh:
        db.session.execute(delete(DrugCondition).where(DrugCondition.drug_id == drug.id))
    for slug in dict.fromkeys(entry.conditions):
        db.session.add(DrugCondition(drug_id=drug.id, condition_id=condition_ids[slug]))
    store.touch(drug)


def load_catalogue(progress=None) -> dict:
    """Load (or update) the shipped conditions and catalogue; returns counts.

    ``progress(n)`` is called with the entries handled since its last call.
    Commits once at the end: the catalogue is small.
    """
    entries = read_catalogue()
    condition_ids = _load_conditions()
    ledger = {r.key: r for r in db.session.scalars(
        select(DrugSourceRecord).where(DrugSourceRecord.source == "catalogue"))}
    changed = [e for e in entries if ledger.get(e.slug) is None or ledger[e.slug].digest != e.digest
               or ledger[e.slug].drug_id is None]
    store = DrugStore()
    drugs = _drugs_for(store, changed)
    with db.session.no_autoflush:
        for entry in changed:
            drug = drugs[entry.slug]
            _apply(store, entry, drug, condition_ids)
            record = ledger.get(entry.slug)
            if record is None:
                record = DrugSourceRecord(source="catalogue", key=entry.slug)
                db.session.add(record)
            record.digest, record.drug_id = entry.digest, drug.id
    if progress:
        progress(len(entries))
    db.session.commit()
    from forum.drugs.synonyms import synonym_file_missing, write_synonym_file

    if changed or synonym_file_missing():
        write_synonym_file()
    return {"entries": len(entries), "changed": len(changed), "unchanged": len(entries) - len(changed),
            "conditions": len(condition_ids)}
