"""My Medicine verbs: keep a medicine list, stop and restart a medicine, family profiles, alerts.

Every verb takes the owner and refuses a record that is not theirs (the views
answer 404 before that; this is the second lock). Text is cleaned of control
characters like every other member text, but it is never published: it is
shown to its owner only, escaped, and never indexed, cached for others, or
put in a notification.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select

from forum.actions import ActionError, limits, notify
from forum.drugs.names import base_key, name_key
from forum.extensions import db
from forum.medicine import recalls
from forum.models import CareProfile, Drug, RecallAlert, SavedMedicine, User, utcnow
from forum.publishing import clean_text

PROFILES_MAX = limits.MEDICINE_PROFILES_MAX
MEDICINES_MAX = limits.MEDICINE_LIST_MAX
NAME_MAX = limits.MEDICINE_NAME_MAX


@dataclass
class MedicineDetails:
    name: str
    dose: str = ""
    frequency: str = ""
    started_on: date | None = None
    reason: str = ""
    notes: str = ""


def _owned(owner: User, record) -> None:
    if record is None or record.owner_id != owner.id:
        raise ActionError("That is not on your list.")


def find_catalogue_drug(text: str) -> Drug | None:
    """The catalogue drug a typed name means ("Glucophage" -> metformin), or None."""
    from forum.models import DrugName

    key = name_key(text)
    if not key:
        return None
    drug_id = db.session.scalar(select(DrugName.drug_id).where(DrugName.key.in_({key, base_key(key)}))
                                .order_by(DrugName.id).limit(1))
    return db.session.get(Drug, drug_id) if drug_id else None


def add_medicine(owner: User, profile: CareProfile | None, details: MedicineDetails,
                 drug: Drug | None = None) -> SavedMedicine:
    if profile is not None:
        _owned(owner, profile)
    name = clean_text(details.name).strip()[:NAME_MAX]
    if not name:
        raise ActionError("Say which medicine: its name as it is on the box, or pick it from the list.")
    count = db.session.scalar(select(func.count()).select_from(SavedMedicine).where(
        SavedMedicine.owner_id == owner.id,
        SavedMedicine.profile_id.is_(None) if profile is None else SavedMedicine.profile_id == profile.id))
    if count >= MEDICINES_MAX:
        raise ActionError(f"A list can hold {MEDICINES_MAX} medicines. Remove stopped ones you no longer need.")
    drug = drug or find_catalogue_drug(name)
    medicine = SavedMedicine(owner_id=owner.id, profile_id=profile.id if profile else None,
                             drug_id=drug.id if drug else None, name=name)
    _fill(medicine, details, keep_name=True)
    db.session.add(medicine)
    db.session.flush()
    notify.recall_alerts(recalls.alerts_for_new_medicine(medicine))
    db.session.commit()
    return medicine


def _fill(medicine: SavedMedicine, details: MedicineDetails, keep_name: bool = False) -> None:
    if not keep_name:
        name = clean_text(details.name).strip()[:NAME_MAX]
        if not name:
            raise ActionError("A medicine needs a name.")
        medicine.name = name
    medicine.name_key = name_key(medicine.name)
    medicine.dose = clean_text(details.dose).strip()
    medicine.frequency = clean_text(details.frequency).strip()
    medicine.started_on = details.started_on
    medicine.reason = clean_text(details.reason).strip()
    medicine.notes = clean_text(details.notes).strip()
    medicine.updated_at = utcnow()


def update_medicine(owner: User, medicine: SavedMedicine, details: MedicineDetails) -> SavedMedicine:
    _owned(owner, medicine)
    _fill(medicine, details)
    db.session.commit()
    return medicine


def stop_medicine(owner: User, medicine: SavedMedicine, on: date | None = None) -> None:
    """Move a medicine to the list's history (kept, with the day it was stopped)."""
    _owned(owner, medicine)
    if medicine.stopped_on is None:
        medicine.stopped_on = on or date.today()
        medicine.updated_at = utcnow()
    db.session.commit()


def restart_medicine(owner: User, medicine: SavedMedicine) -> None:
    _owned(owner, medicine)
    medicine.stopped_on = None
    medicine.updated_at = utcnow()
    db.session.flush()
    notify.recall_alerts(recalls.alerts_for_new_medicine(medicine))
    db.session.commit()


def remove_medicine(owner: User, medicine: SavedMedicine) -> None:
    """Delete it outright (history included): for something added by mistake."""
    _owned(owner, medicine)
    db.session.delete(medicine)
    db.session.commit()


def add_profile(owner: User, name: str, relationship_label: str = "") -> CareProfile:
    name = clean_text(name).strip()
    if not name:
        raise ActionError("Give the profile a name, e.g. “Mum” or “Sam”.")
    count = db.session.scalar(select(func.count()).select_from(CareProfile).where(CareProfile.owner_id == owner.id))
    if count >= PROFILES_MAX:
        raise ActionError(f"You can keep up to {PROFILES_MAX} family profiles.")
    profile = CareProfile(owner_id=owner.id, name=name, relationship_label=clean_text(relationship_label).strip())
    db.session.add(profile)
    db.session.commit()
    return profile


def rename_profile(owner: User, profile: CareProfile, name: str, relationship_label: str = "") -> None:
    _owned(owner, profile)
    name = clean_text(name).strip()
    if not name:
        raise ActionError("A profile needs a name.")
    profile.name, profile.relationship_label = name, clean_text(relationship_label).strip()
    db.session.commit()


def remove_profile(owner: User, profile: CareProfile) -> None:
    """Delete a family profile and everything on its list."""
    _owned(owner, profile)
    db.session.execute(delete(SavedMedicine).where(SavedMedicine.profile_id == profile.id))
    db.session.delete(profile)
    db.session.commit()


def dismiss_alert(owner: User, alert: RecallAlert) -> None:
    _owned(owner, alert)
    if alert.dismissed_at is None:
        alert.dismissed_at = utcnow()
    db.session.commit()
