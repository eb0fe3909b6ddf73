"""Demo My Medicine and Pill Identifier data, through the ordinary verbs and importers.

The demo member keeps a list in which two medicines interact (warfarin and
ibuprofen) and one has an open recall, plus a family profile for their dad.
The recalls and pills come from Askwell's illustrative demo files in
``forum/data/medicine/`` (the openFDA enforcement and SPL formats, marked as
demo data on every page that shows them), imported by the real importers.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from forum.actions import notify
from forum.actions.medicine import MedicineDetails, add_medicine, add_profile, stop_medicine
from forum.drugs.importing import openfda_records, run_import
from forum.extensions import db
from forum.medicine import recalls
from forum.models import User
from forum.pills import spl

DATA = Path(__file__).resolve().parent.parent / "data" / "medicine"


def seed_medicine(member: User) -> None:
    today = date.today()
    add_medicine(member, None, MedicineDetails("Warfarin", "5 mg", "once a day in the evening",
                                               today - timedelta(days=400), "atrial fibrillation",
                                               "INR checks every 4 weeks at the anticoagulation clinic"))
    add_medicine(member, None, MedicineDetails("Advil", "200 mg", "when my knee flares up", None, "knee pain",
                                               "Ask the pharmacist about this with the warfarin"))
    add_medicine(member, None, MedicineDetails("Lisinopril", "10 mg", "every morning",
                                               today - timedelta(days=900), "blood pressure"))
    old = add_medicine(member, None, MedicineDetails("Amoxicillin", "500 mg", "three times a day for a week",
                                                     today - timedelta(days=70), "chest infection"))
    stop_medicine(member, old, today - timedelta(days=63))
    dad = add_profile(member, "Dad", "my father")
    add_medicine(member, dad, MedicineDetails("Simvastatin", "40 mg", "at night", today - timedelta(days=2000),
                                              "cholesterol"))
    add_medicine(member, dad, MedicineDetails("Metformin", "500 mg", "twice a day with meals",
                                              today - timedelta(days=1500), "type 2 diabetes"))
    run_import(spl.SOURCE, spl.records(DATA / "demo-spl", origin="demo"), spl.parse, spl.apply)
    run_import(recalls.SOURCE, openfda_records(DATA / "demo-recalls.json"), recalls.parse, recalls.apply)
    notify.recall_alerts(recalls.raise_alerts())
    db.session.commit()
