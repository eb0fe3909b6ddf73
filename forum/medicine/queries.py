"""Reading My Medicine: one owner's lists, their interaction checks and alerts.

Every query is filtered by the owner first; a record of someone else's is
simply not found (the views answer 404). A list page costs a fixed handful
of statements however long the list is: medicines with their drugs, the
imported label interaction sections of those drugs, and open alerts.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.medicine import interactions
from forum.models import CareProfile, Drug, DrugSection, RecallAlert, SavedMedicine, SectionKind


@dataclass
class MedicineList:
    owner_id: int
    profile: CareProfile | None
    current: list[SavedMedicine]
    stopped: list[SavedMedicine]

    @property
    def title(self) -> str:
        return "My medicines" if self.profile is None else f"{self.profile.name}’s medicines"


def profiles_of(owner) -> list[CareProfile]:
    return list(db.session.scalars(select(CareProfile).where(CareProfile.owner_id == owner.id)
                                   .order_by(CareProfile.name, CareProfile.id)))


def profile_of(owner, profile_id: int) -> CareProfile | None:
    return db.session.scalar(select(CareProfile).where(CareProfile.id == profile_id,
                                                       CareProfile.owner_id == owner.id))


def medicine_of(owner, medicine_id: int) -> SavedMedicine | None:
    return db.session.scalar(select(SavedMedicine).options(joinedload(SavedMedicine.drug)).where(
        SavedMedicine.id == medicine_id, SavedMedicine.owner_id == owner.id))


def alert_of(owner, alert_id: int) -> RecallAlert | None:
    return db.session.scalar(select(RecallAlert).where(RecallAlert.id == alert_id, RecallAlert.owner_id == owner.id))


def medicine_list(owner, profile: CareProfile | None) -> MedicineList:
    stmt = (select(SavedMedicine).options(joinedload(SavedMedicine.drug))
            .where(SavedMedicine.owner_id == owner.id)
            .order_by(SavedMedicine.name, SavedMedicine.id))
    stmt = stmt.where(SavedMedicine.profile_id.is_(None) if profile is None
                      else SavedMedicine.profile_id == profile.id)
    rows = list(db.session.scalars(stmt))
    return MedicineList(owner.id, profile, [m for m in rows if m.is_current],
                        sorted((m for m in rows if not m.is_current), key=lambda m: m.stopped_on, reverse=True))


def open_alerts(owner) -> list[RecallAlert]:
    return list(db.session.scalars(
        select(RecallAlert).options(joinedload(RecallAlert.recall), joinedload(RecallAlert.medicine))
        .where(RecallAlert.owner_id == owner.id, RecallAlert.dismissed_at.is_(None))
        .order_by(RecallAlert.created_at.desc(), RecallAlert.id.desc()).limit(50)))


def _label_interactions(drug_ids: set[int]) -> dict[int, str]:
    if not drug_ids:
        return {}
    rows = db.session.execute(select(DrugSection.drug_id, DrugSection.body).where(
        DrugSection.drug_id.in_(drug_ids), DrugSection.kind == SectionKind.INTERACTIONS.value,
        DrugSection.origin == "label"))
    return {drug_id: body for drug_id, body in rows}


def check_items(medicines: list[SavedMedicine], candidate: Drug | str | None = None) -> list[interactions.Item]:
    """The interaction checker's view of ``medicines`` (and of a candidate "what if I add X")."""
    drugs = {m.drug_id: m.drug for m in medicines if m.drug is not None}
    if isinstance(candidate, Drug):
        drugs[candidate.id] = candidate
    labels = _label_interactions(set(drugs))
    items = [_item(f"m{m.id}", m.name, m.drug, labels) for m in medicines]
    if candidate is not None:
        name = candidate.name if isinstance(candidate, Drug) else candidate
        items.append(_item("candidate", name, candidate if isinstance(candidate, Drug) else None, labels))
    return items


def _item(key: str, label: str, drug: Drug | None, labels: dict[int, str]) -> interactions.Item:
    if drug is None:
        return interactions.Item(key, label, interactions.ingredient_keys(label))
    keys = interactions.ingredient_keys(drug.name, drug.ingredients or ())
    keys |= interactions.ingredient_keys(drug.name)
    return interactions.Item(key, label, keys, drug.drug_class or "", labels.get(drug.id, ""))


def export_for(owner) -> dict:
    """The owner's lists, profiles and alerts for their data export (the only place they leave)."""
    def medicine(m: SavedMedicine) -> dict:
        return {"name": m.name, "catalogue_drug": m.drug.name if m.drug else None, "dose": m.dose,
                "how_often": m.frequency, "since": m.started_on.isoformat() if m.started_on else None,
                "for": m.reason, "notes": m.notes,
                "stopped_on": m.stopped_on.isoformat() if m.stopped_on else None}

    def listing(profile) -> list[dict]:
        found = medicine_list(owner, profile)
        return [medicine(m) for m in found.current + found.stopped]

    return {
        "own_list": listing(None),
        "family_profiles": [{"name": p.name, "relationship": p.relationship_label, "medicines": listing(p)}
                            for p in profiles_of(owner)],
        "recall_alerts": [{"recall": a.recall.recall_number, "medicine": a.medicine.name, "matched_by": a.matched_by,
                           "dismissed_at": a.dismissed_at.isoformat() if a.dismissed_at else None}
                          for a in db.session.scalars(select(RecallAlert).options(
                              joinedload(RecallAlert.recall), joinedload(RecallAlert.medicine))
                              .where(RecallAlert.owner_id == owner.id).order_by(RecallAlert.id))],
    }
