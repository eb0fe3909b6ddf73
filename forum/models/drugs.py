"""Drugs & Supplements: the catalogue of medicines, supplements and vitamins.

A ``Drug`` is one product as people talk about it: a generic medicine
("metformin"), a supplement ("fish oil") or a combination product. Its facts
come in ``DrugSection`` rows, each carrying the public source it was written
from or imported from, with that source's date, so a page can always say where
a sentence comes from ("FDA label, revised 2025-06"). Every name a person may
type (generic, brand, alternate spelling) is a ``DrugName`` row with a
normalised, indexed key (``forum.drugs.names.name_key``), so search, mention
detection and the importers agree on what a name is. Conditions a drug is used
for are ``Condition`` rows joined through ``DrugCondition``.

The importers keep a ledger (``DrugSourceRecord``): one row per source record
(an SPL set id, a product NDC, an RXCUI, a DSLD label id) with a digest of what
was imported, so a re-run skips unchanged records and continues after a crash.
Community reviews (issue 17, part B) will hang off ``drugs.id``.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.types import UTCDateTime, utcnow


class DrugKind(StrEnum):
    PRESCRIPTION = "prescription"
    OTC = "otc"
    SUPPLEMENT = "supplement"
    VITAMIN = "vitamin"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def plural(self) -> str:
        return _KIND_LABELS[self][1]

    @property
    def slug(self) -> str:
        """The URL segment of the kind's browse page."""
        return _KIND_LABELS[self][2]


_KIND_LABELS = {
    DrugKind.PRESCRIPTION: ("Prescription medicine", "Prescription medicines", "prescription"),
    DrugKind.OTC: ("Over-the-counter medicine", "Over-the-counter medicines", "otc"),
    DrugKind.SUPPLEMENT: ("Supplement", "Supplements", "supplements"),
    DrugKind.VITAMIN: ("Vitamin or mineral", "Vitamins and minerals", "vitamins"),
}


class SectionKind(StrEnum):
    """The parts of a drug page, in the order they are shown."""

    USES = "uses"
    COMMON_SIDE_EFFECTS = "common_side_effects"
    SERIOUS_SIDE_EFFECTS = "serious_side_effects"
    WARNINGS = "warnings"
    HOW_TAKEN = "how_taken"
    INTERACTIONS = "interactions"

    @property
    def heading(self) -> str:
        return _SECTION_HEADINGS[self]


_SECTION_HEADINGS = {
    SectionKind.USES: "What it is used for",
    SectionKind.COMMON_SIDE_EFFECTS: "Common side effects",
    SectionKind.SERIOUS_SIDE_EFFECTS: "Serious side effects",
    SectionKind.WARNINGS: "Important warnings",
    SectionKind.HOW_TAKEN: "How it is usually taken",
    SectionKind.INTERACTIONS: "Interactions",
}


class NameKind(StrEnum):
    GENERIC = "generic"
    BRAND = "brand"
    ALTERNATE = "alternate"


class Drug(db.Model):
    __tablename__ = "drugs"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # name_key(name): the A-Z order and the letter pages (ranges of this column).
    sort_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default=DrugKind.PRESCRIPTION.value)
    drug_class: Mapped[str] = mapped_column(String(200), default="")
    brand_names: Mapped[list] = mapped_column(JSON, default=list)
    ingredients: Mapped[list] = mapped_column(JSON, default=list)
    rxcuis: Mapped[list] = mapped_column(JSON, default=list)
    # Where the full monograph is (DailyMed, MedlinePlus, an NIH ODS fact sheet): a link only.
    monograph_url: Mapped[str] = mapped_column(String(500), default="")
    # "catalogue" for the shipped list, else the importer that first created it.
    origin: Mapped[str] = mapped_column(String(16), default="catalogue")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Bumped in the transaction of every change to the drug's reviews (forum.drugs.summary_cache),
    # so the cached review summary is keyed on it and is never stale, in any process.
    reviews_version: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))

    sections: Mapped[list[DrugSection]] = relationship(back_populates="drug", cascade="all, delete-orphan",
                                                       passive_deletes=True)
    conditions: Mapped[list[Condition]] = relationship(secondary="drug_conditions", order_by="Condition.name",
                                                       viewonly=True)

    __table_args__ = (Index("ix_drugs_sort_key", "sort_key", "id"),
                      Index("ix_drugs_kind_sort_key", "kind", "sort_key", "id"))

    @property
    def kind_enum(self) -> DrugKind:
        return DrugKind(self.kind)

    def __repr__(self) -> str:
        return f"<Drug {self.slug}>"


class DrugSection(db.Model):
    """One part of a drug page from one source (the shipped summary, an FDA label, ...)."""

    __tablename__ = "drug_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    # "catalogue" (short facts written for Askwell), "label" (openFDA label text), "dsld", "ndc".
    origin: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(200))
    source_url: Mapped[str] = mapped_column(String(500), default="")
    # As precise as the source says: "2025-06" or "2025-06-14".
    source_date: Mapped[str] = mapped_column(String(10), default="")
    # Which source record this came from (an SPL set id ...): a newer label replaces an older one.
    source_key: Mapped[str] = mapped_column(String(100), default="")

    drug: Mapped[Drug] = relationship(back_populates="sections")

    __table_args__ = (UniqueConstraint("drug_id", "kind", "origin"),)


class DrugName(db.Model):
    """A name that means this drug: its generic name, a brand or another spelling."""

    __tablename__ = "drug_names"

    id: Mapped[int] = mapped_column(primary_key=True)
    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default=NameKind.ALTERNATE.value)

    drug: Mapped[Drug] = relationship()

    __table_args__ = (UniqueConstraint("drug_id", "key"),
                      Index("ix_drug_names_key", "key"))


class Condition(db.Model):
    """A condition drugs are used for ("Type 2 diabetes"), with the other ways people say it."""

    __tablename__ = "conditions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # name_key of the name and of every alias ("t2d", "adult onset diabetes").
    keys: Mapped[list] = mapped_column(JSON, default=list)
    # Support groups (slugs) where a question about it belongs, most relevant first.
    group_slugs: Mapped[list] = mapped_column(JSON, default=list)

    __table_args__ = (Index("ix_conditions_name", "name"),)


class DrugCondition(db.Model):
    __tablename__ = "drug_conditions"

    drug_id: Mapped[int] = mapped_column(ForeignKey("drugs.id", ondelete="CASCADE"), primary_key=True)
    condition_id: Mapped[int] = mapped_column(ForeignKey("conditions.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_drug_conditions_condition_id", "condition_id", "drug_id"),)


class DrugSourceRecord(db.Model):
    """The importers' ledger: this source record was imported, with this content digest."""

    __tablename__ = "drug_source_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # "catalogue", "label", "ndc", "rxnorm", "dsld"
    key: Mapped[str] = mapped_column(String(100))
    drug_id: Mapped[int | None] = mapped_column(ForeignKey("drugs.id", ondelete="SET NULL"))
    digest: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("source", "key"),
                      Index("ix_drug_source_records_drug_id", "drug_id"))
