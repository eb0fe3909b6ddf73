"""openFDA ``drug/label`` records: the FDA's structured product labels (SPL).

One record is one label, identified for good by its ``set_id`` (new versions
of a label keep the set id and get a new ``effective_time``). The ``openfda``
block names the product (generic and brand names, established pharmacologic
class, RxCUIs, NDCs); the other fields are the label's sections as lists of
text. The text is US government work in the public domain, so it is stored
and shown with the label's date and a link to it on DailyMed.

Many manufacturers label the same medicine: a record joins the drug its
generic name already means, and its sections replace that drug's label
sections only when its label is at least as recent as the one shown.
"""
from __future__ import annotations

import re

from forum.drugs.importing import Parsed, RecordError, Skip, digest_of, object_field, text_field, text_list
from forum.drugs.names import display_name
from forum.drugs.store import DrugStore
from forum.models import Drug, DrugKind, SectionKind

SOURCE = "label"
SOURCE_NAME = "FDA drug label"
SET_ID = re.compile(r"^[0-9A-Za-z-]{8,64}$")
# Label fields for each page section, in order of preference (OTC labels use the later ones).
FIELDS = {
    SectionKind.USES: ("indications_and_usage", "purpose"),
    SectionKind.COMMON_SIDE_EFFECTS: ("adverse_reactions",),
    SectionKind.WARNINGS: ("boxed_warning", "warnings_and_cautions", "warnings", "do_not_use", "stop_use"),
    SectionKind.HOW_TAKEN: ("dosage_and_administration", "directions"),
    SectionKind.INTERACTIONS: ("drug_interactions",),
}


def label_url(set_id: str) -> str:
    return f"https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid={set_id}"


def _date(record: dict) -> str:
    raw = text_field(record, "effective_time")
    if not raw:
        return ""
    if not re.fullmatch(r"\d{8}", raw) or not ("01" <= raw[4:6] <= "12"):
        raise RecordError(f'"effective_time" must be a date written YYYYMMDD, not {raw[:20]!r}')
    return f"{raw[:4]}-{raw[4:6]}"


def _class(openfda: dict) -> str:
    for value in text_list(openfda, "pharm_class_epc", "openfda."):
        return value.replace("[EPC]", "").strip()[:200]
    return ""


def parse(record: dict) -> Parsed:
    """Check one label record; ``Skip`` when it does not say which medicine it is."""
    openfda = object_field(record, "openfda")
    set_id = text_field(record, "set_id", required=True)
    if not SET_ID.match(set_id):
        raise RecordError(f'"set_id" {set_id[:40]!r} is not an SPL set id')
    generics = text_list(openfda, "generic_name", "openfda.")
    sections = {}
    for kind, names in FIELDS.items():
        parts = [text for name in names for text in text_list(record, name)]
        if parts:
            sections[kind.value] = "\n\n".join(parts)
    data = {
        "set_id": set_id, "date": _date(record),
        "generic": display_name(generics[0]) if generics else "",
        "brands": [display_name(b) for b in text_list(openfda, "brand_name", "openfda.")],
        "class": _class(openfda), "rxcuis": text_list(openfda, "rxcui", "openfda."),
        "ingredients": [display_name(s) for s in text_list(openfda, "substance_name", "openfda.")],
        "otc": any("OTC" in t.upper() for t in text_list(openfda, "product_type", "openfda.")),
        "sections": sections,
    }
    if not data["generic"]:
        raise Skip()
    return Parsed(set_id, digest_of(data), data)


def _newer_label_shown(store: DrugStore, drug: Drug, data: dict) -> bool:
    shown = next(iter(store.sections(drug, SOURCE).values()), None)
    return (shown is not None and shown.source_key != data["set_id"]
            and (shown.source_date or "") > (data["date"] or ""))


def apply(store: DrugStore, parsed: Parsed) -> int:
    data = parsed.data
    drug = store.find([data["generic"]])
    if drug is None:
        kind = DrugKind.OTC if data["otc"] else DrugKind.PRESCRIPTION
        drug = store.create(data["generic"], kind.value, SOURCE)
    store.add_brands(drug, data["brands"])
    store.add_to_list(drug, "rxcuis", data["rxcuis"])
    store.add_to_list(drug, "ingredients", data["ingredients"])
    if data["class"] and not drug.drug_class:
        drug.drug_class = data["class"]
    if not drug.monograph_url:
        drug.monograph_url = label_url(data["set_id"])
    if not _newer_label_shown(store, drug, data):
        for kind, text in data["sections"].items():
            store.put_section(drug, kind, SOURCE, text, SOURCE_NAME, label_url(data["set_id"]), data["date"],
                              data["set_id"])
        store.drop_sections(drug, SOURCE, set(data["sections"]))
    store.touch(drug)
    return drug.id
