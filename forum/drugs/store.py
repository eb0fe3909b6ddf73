"""Writing the catalogue: find a drug by any of its names, create one, file its
names and sections. Shared by the catalogue loader and every importer, so a
drug that comes from an FDA label, the NDC directory, RxNorm and the shipped
list ends up as one row with all its names, not four.

A ``DrugStore`` lives for one batch of one import and remembers what it has
looked up, so a batch of 500 records costs a handful of statements per
distinct drug, not per record. The caller owns the transaction.
"""
from __future__ import annotations

from sqlalchemy import select

from forum.drugs.names import base_key, name_key, slugify
from forum.extensions import db
from forum.models import Drug, DrugName, DrugSection, NameKind, utcnow

# Path segments under /drugs that are pages, never drug slugs.
RESERVED_SLUGS = frozenset({"search", "conditions", "kind", "letter", "a-z"})
TEXT_MAX = 20_000


class DrugStore:
    def __init__(self):
        self.by_key: dict[str, int | None] = {}
        self.names: dict[int, set[str]] = {}
        self.slugs: set[str] = set()
        self.fresh: set[int] = set()  # drugs created by this store: nothing of theirs to look up
        self._sections: dict[tuple[int, str], dict[str, DrugSection]] = {}

    # -- finding --------------------------------------------------------------

    def find(self, names: list[str]) -> Drug | None:
        """The drug any of ``names`` already means (exact key first, then without
        salt words: "metformin hydrochloride" finds metformin), or None."""
        keys = [k for k in dict.fromkeys(name_key(n) for n in names) if k]
        keys += [b for b in dict.fromkeys(base_key(k) for k in keys) if b not in keys]
        missing = [k for k in keys if k not in self.by_key]
        if missing:
            with db.session.no_autoflush:  # names this store filed are in self.by_key already
                rows = db.session.execute(select(DrugName.key, DrugName.drug_id).where(DrugName.key.in_(missing))
                                          .order_by(DrugName.kind != NameKind.GENERIC.value, DrugName.id)).all()
            for key, drug_id in rows:
                self.by_key.setdefault(key, drug_id)
            for key in missing:
                self.by_key.setdefault(key, None)
        for key in keys:
            if self.by_key.get(key) is not None:
                return db.session.get(Drug, self.by_key[key])
        return None

    def _free_slug(self, name: str) -> str:
        base = slugify(name)
        if base in RESERVED_SLUGS:
            base += "-drug"
        slug, n = base, 1
        while slug in self.slugs or self._slug_taken(slug):
            n += 1
            slug = f"{base[:100]}-{n}"
        self.slugs.add(slug)
        return slug

    @staticmethod
    def _slug_taken(slug: str) -> bool:
        with db.session.no_autoflush:  # slugs this store gave out are in self.slugs
            return db.session.scalar(select(Drug.id).where(Drug.slug == slug)) is not None

    # -- writing --------------------------------------------------------------

    def create(self, name: str, kind: str, origin: str, slug: str | None = None) -> Drug:
        """A new drug called ``name`` (its generic name is filed too)."""
        drug = Drug(slug=slug or self._free_slug(name), name=name[:200], sort_key=name_key(name) or "-",
                    kind=kind, origin=origin, brand_names=[], ingredients=[], rxcuis=[])
        db.session.add(drug)
        db.session.flush()
        self.fresh.add(drug.id)
        self.names[drug.id] = set()
        names = [(name, NameKind.GENERIC)]
        if base_key(name_key(name)) != name_key(name):  # "Metformin hydrochloride" is also "metformin"
            names.append((base_key(name_key(name)), NameKind.ALTERNATE))
        self.add_names(drug, names)
        return drug

    def add_names(self, drug: Drug, names: list[tuple[str, str]]) -> int:
        """File each (name, kind) under ``drug`` unless it is already there; returns how many were new."""
        known = self.names.get(drug.id)
        if known is None:
            with db.session.no_autoflush:
                known = self.names[drug.id] = set(db.session.scalars(
                    select(DrugName.key).where(DrugName.drug_id == drug.id)))
        added = 0
        for name, kind in names:
            key = name_key(name)
            if not key or key in known:
                continue
            known.add(key)
            self.by_key.setdefault(key, drug.id)
            db.session.add(DrugName(drug_id=drug.id, name=" ".join(name.split())[:200], key=key, kind=str(kind)))
            added += 1
        return added

    def add_brands(self, drug: Drug, brands: list[str]) -> None:
        """Add brand names to the drug's list and its name table, keeping their order."""
        current = list(drug.brand_names or [])
        keys = {name_key(b) for b in current}
        generic = base_key(name_key(drug.name))
        brands = [b for b in (" ".join(b.split())[:120] for b in brands) if b and base_key(name_key(b)) != generic]
        for brand in brands:
            if name_key(brand) not in keys:
                current.append(brand)
                keys.add(name_key(brand))
        if current != (drug.brand_names or []):
            drug.brand_names = current[:60]
        self.add_names(drug, [(b, NameKind.BRAND) for b in brands])

    @staticmethod
    def add_to_list(drug: Drug, field: str, values: list[str], limit: int = 60) -> None:
        current = list(getattr(drug, field) or [])
        merged = list(dict.fromkeys(current + [v for v in values if v]))[:limit]
        if merged != current:
            setattr(drug, field, merged)

    def sections(self, drug: Drug, origin: str) -> dict[str, DrugSection]:
        """The drug's ``origin`` sections by kind, read once per batch."""
        key = (drug.id, origin)
        if key not in self._sections:
            if drug.id in self.fresh:
                self._sections[key] = {}
            else:
                with db.session.no_autoflush:
                    self._sections[key] = {s.kind: s for s in db.session.scalars(
                        select(DrugSection).where(DrugSection.drug_id == drug.id, DrugSection.origin == origin))}
        return self._sections[key]

    def put_section(self, drug: Drug, kind: str, origin: str, body: str, source_name: str, source_url: str = "",
                    source_date: str = "", source_key: str = "") -> None:
        """Set (or replace) the ``origin`` version of one section of the page."""
        body = body.strip()[:TEXT_MAX]
        current = self.sections(drug, origin)
        existing = current.get(kind)
        if not body:
            if existing is not None:
                db.session.delete(current.pop(kind))
            return
        if existing is None:
            existing = current[kind] = DrugSection(drug_id=drug.id, kind=kind, origin=origin)
            db.session.add(existing)
        existing.body, existing.source_name, existing.source_url = body, source_name, source_url[:500]
        existing.source_date, existing.source_key = source_date[:10], source_key[:100]

    def drop_sections(self, drug: Drug, origin: str, keep: set[str]) -> None:
        """Remove the drug's ``origin`` sections other than ``keep``."""
        current = self.sections(drug, origin)
        for kind in [k for k in current if k not in keep]:
            db.session.delete(current.pop(kind))

    @staticmethod
    def touch(drug: Drug) -> None:
        drug.updated_at = utcnow()
