"""FDA recalls (openFDA ``drug/enforcement``) and the alerts they raise on saved medicines.

``parse`` checks one enforcement report; ``apply`` stores it as a ``Recall``
with its targets: the catalogue drugs it names by product code (an NDC on the
report that the NDC directory import filed under a drug) or by name (its
generic and brand names, through the same name keys search uses), plus the
bare name keys for medicines members typed as free text. Both run inside the
shared importer driver (``forum.drugs.importing.run_import``): streamed,
batched, idempotent and resumable through the import ledger.

``raise_alerts`` then files a ``RecallAlert`` for every saved medicine an
open recall (ongoing or pending) may concern, once per medicine and recall;
``alerts_for_new_medicine`` does the same when a member adds a medicine later.
"""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import or_, select

from forum.drugs.importing import Parsed, RecordError, Skip, digest_of, object_field, text_field, text_list
from forum.drugs.names import base_key, name_key
from forum.extensions import db
from forum.models import DrugName, DrugSourceRecord, Recall, RecallAlert, RecallTarget, SavedMedicine
from forum.models.medicine import OPEN_STATUSES

SOURCE = "enforcement"
RECALL_NUMBER = re.compile(r"^[A-Z]-\d{3,5}-\d{4}$")
# "NDC 0093-1048-01", "NDC# 0093-1048", "NDC: 12345-678-90": bounded digit runs, linear.
NDC_IN_TEXT = re.compile(r"\b(\d{4,5})-(\d{3,4})(?:-\d{1,2})?\b")
TEXT_MAX = 5_000
MAX_NDCS = 200


def _report_date(value: str) -> date | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{8}", value):
        raise RecordError(f'"report_date" {value[:20]!r} is not a date like 20250114')
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise RecordError(f'"report_date" {value!r} is not a real date') from None


def product_ndcs(description: str, listed: list[str]) -> list[str]:
    """Product NDCs (labeler-product) from the openfda block and from the product text."""
    found = dict.fromkeys(n for n in listed if re.fullmatch(r"\d{4,5}-\d{3,4}", n))
    for match in NDC_IN_TEXT.finditer(description[:TEXT_MAX]):
        found.setdefault(f"{match.group(1)}-{match.group(2)}")
        if len(found) >= MAX_NDCS:
            break
    return list(found)


def parse(record: dict) -> Parsed:
    openfda = object_field(record, "openfda")
    number = text_field(record, "recall_number", required=True)
    if not RECALL_NUMBER.match(number):
        raise RecordError(f'"recall_number" {number[:20]!r} is not a recall number like D-0123-2025')
    if not number.startswith("D-") and text_field(record, "product_type").lower() not in ("", "drugs"):
        raise Skip()
    description = text_field(record, "product_description")[:TEXT_MAX]
    data = {
        "number": number,
        "classification": text_field(record, "classification")[:20],
        "status": text_field(record, "status")[:40],
        "description": description,
        "reason": text_field(record, "reason_for_recall")[:TEXT_MAX],
        "firm": text_field(record, "recalling_firm")[:200],
        "code_info": text_field(record, "code_info")[:TEXT_MAX],
        "date": text_field(record, "report_date"),
        "ndcs": product_ndcs(description, text_list(openfda, "product_ndc", "openfda.")),
        "brands": text_list(openfda, "brand_name", "openfda.")[:20],
        "generics": text_list(openfda, "generic_name", "openfda.")[:20],
    }
    _report_date(data["date"])
    return Parsed(number, digest_of(data), data)


def apply(store, parsed: Parsed) -> int | None:
    """Write one report and its targets; returns the first drug it names (for the ledger)."""
    data = parsed.data
    recall = db.session.scalar(select(Recall).where(Recall.recall_number == data["number"]))
    if recall is None:
        recall = Recall(recall_number=data["number"])
        db.session.add(recall)
    recall.classification, recall.status = data["classification"], data["status"]
    recall.product_description, recall.reason = data["description"], data["reason"]
    recall.recalling_firm, recall.code_info = data["firm"], data["code_info"]
    recall.report_date = _report_date(data["date"])
    recall.product_ndcs, recall.brand_names, recall.generic_names = data["ndcs"], data["brands"], data["generics"]
    db.session.flush()
    db.session.execute(RecallTarget.__table__.delete().where(RecallTarget.recall_id == recall.id))
    targets = _targets(data)
    for drug_id, key, how in targets:
        db.session.add(RecallTarget(recall_id=recall.id, drug_id=drug_id, name_key=key, matched_by=how))
    return next((drug_id for drug_id, _, _ in targets if drug_id), None)


def _targets(data: dict) -> list[tuple[int | None, str, str]]:
    targets: dict[tuple[int | None, str], str] = {}
    if data["ndcs"]:
        for drug_id in db.session.scalars(select(DrugSourceRecord.drug_id).where(
                DrugSourceRecord.source == "ndc", DrugSourceRecord.key.in_(data["ndcs"]),
                DrugSourceRecord.drug_id.is_not(None))):
            targets[(drug_id, "")] = "product code"
    keys = {k for name in data["generics"] + data["brands"] for k in (name_key(name), base_key(name_key(name))) if k}
    if keys:
        for drug_id in db.session.scalars(select(DrugName.drug_id).where(DrugName.key.in_(keys)).distinct()):
            targets.setdefault((drug_id, ""), "name")
    for key in sorted(keys):
        targets.setdefault((None, key), "name")
    return [(drug_id, key, how) for (drug_id, key), how in targets.items()]


def _open_targets():
    return (select(RecallTarget.recall_id, RecallTarget.drug_id, RecallTarget.name_key, RecallTarget.matched_by)
            .join(Recall, Recall.id == RecallTarget.recall_id)
            .where(db.func.lower(Recall.status).in_(OPEN_STATUSES)))


def raise_alerts(recall_ids: list[int] | None = None) -> list[RecallAlert]:
    """File alerts for saved medicines (current ones) that open recalls may concern; returns the new ones."""
    stmt = _open_targets()
    if recall_ids is not None:
        stmt = stmt.where(RecallTarget.recall_id.in_(recall_ids))
    by_drug: dict[int, list[tuple[int, str]]] = {}
    by_key: dict[str, list[tuple[int, str]]] = {}
    for recall_id, drug_id, key, how in db.session.execute(stmt):
        if drug_id is not None:
            by_drug.setdefault(drug_id, []).append((recall_id, how))
        elif key:
            by_key.setdefault(key, []).append((recall_id, how))
    if not by_drug and not by_key:
        return []
    conditions = []
    if by_drug:
        conditions.append(SavedMedicine.drug_id.in_(list(by_drug)))
    if by_key:
        conditions.append(SavedMedicine.drug_id.is_(None) & SavedMedicine.name_key.in_(list(by_key)))
    medicines = db.session.scalars(select(SavedMedicine).where(SavedMedicine.stopped_on.is_(None), or_(*conditions)))
    return _file(medicines, by_drug, by_key)


def alerts_for_new_medicine(medicine: SavedMedicine) -> list[RecallAlert]:
    stmt = _open_targets()
    if medicine.drug_id is not None:
        stmt = stmt.where(RecallTarget.drug_id == medicine.drug_id)
    else:
        stmt = stmt.where(RecallTarget.drug_id.is_(None), RecallTarget.name_key == medicine.name_key)
    rows = db.session.execute(stmt).all()
    found = {medicine.drug_id: [(r, how) for r, _, _, how in rows]} if medicine.drug_id else {}
    keys = {} if medicine.drug_id else {medicine.name_key: [(r, how) for r, _, _, how in rows]}
    return _file([medicine], found, keys)


def _file(medicines, by_drug, by_key) -> list[RecallAlert]:
    medicines = list(medicines)
    if not medicines:
        return []
    existing = set(db.session.execute(select(RecallAlert.medicine_id, RecallAlert.recall_id).where(
        RecallAlert.medicine_id.in_([m.id for m in medicines]))).all())
    new = []
    for medicine in medicines:
        hits = by_drug.get(medicine.drug_id, []) if medicine.drug_id else by_key.get(medicine.name_key, [])
        for recall_id, how in hits:
            if (medicine.id, recall_id) in existing:
                continue
            existing.add((medicine.id, recall_id))
            alert = RecallAlert(owner_id=medicine.owner_id, medicine_id=medicine.id, recall_id=recall_id,
                                matched_by=how)
            db.session.add(alert)
            new.append(alert)
    db.session.flush()
    return new
