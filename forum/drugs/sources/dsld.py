"""The NIH Dietary Supplement Label Database (DSLD) export: supplement labels.

One record is one product label, identified by its DSLD ``id``, with the
product's ``fullName``, its ``brandName``, a ``productType`` (a LanguaL code
and description such as "Vitamin" or "Botanical"), the ``physicalState``
("Tablet or Pill") and the ``ingredientRows`` (each with a ``name``, an
``ingredientGroup``, a ``category`` and ``alternateNames``). The export comes
as JSON (an array, single objects or a zip of per-label files). Public domain.

A single-ingredient product joins the supplement it contains (a "Vitamin D3
1000 IU" label adds "Vitamin D3" and "Cholecalciferol" to vitamin D); a
product of several ingredients is a product of its own, with its brand.
"""
from __future__ import annotations

from forum.drugs.importing import Parsed, RecordError, Skip, digest_of, object_field, text_field
from forum.drugs.names import display_name
from forum.drugs.store import DrugStore
from forum.models import DrugKind, NameKind, SectionKind

SOURCE = "dsld"
SOURCE_NAME = "NIH Dietary Supplement Label Database"
VITAMIN_WORDS = ("vitamin", "mineral")
MAX_INGREDIENTS = 40


def label_url(label_id: str) -> str:
    return f"https://dsld.od.nih.gov/label/{label_id}"


def _ingredients(record: dict) -> list[dict]:
    rows = record.get("ingredientRows") or []
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise RecordError('"ingredientRows" must be a list of objects')
    out = []
    for row in rows[:MAX_INGREDIENTS]:
        name = display_name(text_field(row, "name"))
        if not name:
            continue
        others = row.get("alternateNames") or []
        if not isinstance(others, list) or not all(isinstance(o, str) for o in others):
            raise RecordError(f'"alternateNames" of ingredient {name!r} must be a list of strings')
        out.append({"name": name, "group": display_name(text_field(row, "ingredientGroup")),
                    "category": text_field(row, "category").lower(),
                    "others": [display_name(o) for o in others if o.strip()][:10]})
    return out


def parse(record: dict) -> Parsed:
    product_type = object_field(record, "productType")
    state = object_field(record, "physicalState")
    label_id = text_field(record, "id", required=True)
    if not label_id.isdigit() or len(label_id) > 12:
        raise RecordError(f'"id" {label_id[:20]!r} is not a DSLD label id')
    full_name = display_name(text_field(record, "fullName", required=True))
    ingredients = _ingredients(record)
    if not ingredients:
        raise Skip()
    data = {"id": label_id, "name": full_name, "brand": " ".join(text_field(record, "brandName").split()),
            "type": text_field(product_type, "langualCodeDescription"),
            "form": text_field(state, "langualCodeDescription"),
            "date": text_field(record, "entryDate")[:10], "ingredients": ingredients}
    return Parsed(label_id, digest_of(data), data)


def _kind(words: str) -> str:
    return (DrugKind.VITAMIN if any(w in words.lower() for w in VITAMIN_WORDS) else DrugKind.SUPPLEMENT).value


def apply(store: DrugStore, parsed: Parsed) -> int:
    data = parsed.data
    ingredients = data["ingredients"]
    if len(ingredients) == 1:
        only = ingredients[0]
        main = only["group"] or only["name"]
        drug = store.find([main, only["name"]]) or store.create(main, _kind(only["category"] + data["type"]),
                                                                SOURCE)
        store.add_names(drug, [(n, NameKind.ALTERNATE) for n in [only["name"], *only["others"]]])
    else:
        drug = store.find([data["name"]]) or store.create(data["name"], _kind(data["type"]), SOURCE)
        if data["brand"]:
            store.add_brands(drug, [data["brand"]])
        store.add_to_list(drug, "ingredients", [i["name"] for i in ingredients])
        if data["form"]:
            store.put_section(drug, SectionKind.HOW_TAKEN.value, SOURCE, f"Form on the label: {data['form']}.",
                              SOURCE_NAME, label_url(data["id"]), data["date"], data["id"])
    if not drug.monograph_url:
        drug.monograph_url = label_url(data["id"])
    store.touch(drug)
    return drug.id
