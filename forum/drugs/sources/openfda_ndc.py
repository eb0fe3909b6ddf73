"""openFDA ``drug/ndc`` records: the National Drug Code Directory.

One record is one marketed product, identified by its ``product_ndc``
("0093-1048"). It gives generic and brand names, active ingredients, the
pharmacologic classes, route and dosage form, and whether the product is
prescription or over the counter: names and classes for the catalogue, and
the forms a medicine comes in for "How it is usually taken". Public domain.
"""
from __future__ import annotations

import re

from forum.drugs.importing import Parsed, RecordError, Skip, digest_of, object_field, text_field, text_list
from forum.drugs.names import display_name
from forum.drugs.store import DrugStore
from forum.models import DrugKind, SectionKind

SOURCE = "ndc"
SOURCE_NAME = "FDA National Drug Code Directory"
NDC = re.compile(r"^\d{4,5}-\d{3,4}$")
MAX_FORMS = 12


def _ingredients(record: dict) -> list[str]:
    value = record.get("active_ingredients") or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise RecordError('"active_ingredients" must be a list of objects')
    return [display_name(text_field(v, "name")) for v in value if text_field(v, "name")]


def _classes(record: dict) -> str:
    for value in text_list(record, "pharm_class"):
        if value.endswith("[EPC]"):
            return value.replace("[EPC]", "").strip()[:200]
    return ""


def parse(record: dict) -> Parsed:
    openfda = object_field(record, "openfda")
    product_ndc = text_field(record, "product_ndc", required=True)
    if not NDC.match(product_ndc):
        raise RecordError(f'"product_ndc" {product_ndc[:20]!r} is not a product NDC like 0093-1048')
    generic = display_name(text_field(record, "generic_name"))
    if not generic:
        raise Skip()
    routes = [r.capitalize() for r in text_list(record, "route")]
    form = text_field(record, "dosage_form").capitalize()
    data = {
        "ndc": product_ndc, "generic": generic,
        "brand": display_name(text_field(record, "brand_name")),
        "ingredients": _ingredients(record), "class": _classes(record), "rxcuis": text_list(openfda, "rxcui", "openfda."),
        "form": " ".join(filter(None, [", ".join(routes), form.lower() if routes else form])),
        "otc": "OTC" in text_field(record, "product_type").upper()
               or "OTC" in text_field(record, "marketing_category").upper(),
    }
    return Parsed(product_ndc, digest_of(data), data)


def _add_form(store: DrugStore, drug, form: str) -> None:
    """Keep a short list of the forms the medicine comes in ("Oral tablet, film coated")."""
    if not form:
        return
    section = store.sections(drug, SOURCE).get(SectionKind.HOW_TAKEN.value)
    forms = section.body.split("\n")[1:] if section is not None else []
    if form in forms or len(forms) >= MAX_FORMS:
        return
    body = "Marketed in the US as:\n" + "\n".join(forms + [form])
    store.put_section(drug, SectionKind.HOW_TAKEN.value, SOURCE, body, SOURCE_NAME,
                          "https://www.accessdata.fda.gov/scripts/cder/ndc/")


def apply(store: DrugStore, parsed: Parsed) -> int:
    data = parsed.data
    drug = store.find([data["generic"]])
    if drug is None:
        drug = store.create(data["generic"], (DrugKind.OTC if data["otc"] else DrugKind.PRESCRIPTION).value,
                            SOURCE)
    if data["brand"]:
        store.add_brands(drug, [data["brand"]])
    store.add_to_list(drug, "ingredients", data["ingredients"])
    store.add_to_list(drug, "rxcuis", data["rxcuis"])
    if data["class"] and not drug.drug_class:
        drug.drug_class = data["class"]
    _add_form(store, drug, data["form"])
    store.touch(drug)
    return drug.id
