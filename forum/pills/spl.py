"""Reading FDA structured product labels (SPL, HL7 v3 XML) for what pills look like.

Each SPL document describes one or more products (``manufacturedProduct``
with an NDC product code); solid oral products carry characteristics:
``SPLCOLOR`` (one or two coded colours), ``SPLSHAPE``, ``SPLSIZE`` (mm),
``SPLSCORE`` (1 = no score line ... 4 = quartered) and ``SPLIMPRINT`` (text,
sides separated by ";"). ``records`` yields one record per product from a
folder of .xml files or a zip of them (DailyMed's "SPL resources" downloads);
``parse`` and ``apply`` plug into the shared importer driver. XML is read with
defusedxml: no external entities, no entity expansion bombs.
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from defusedxml import ElementTree
from sqlalchemy import select

from forum.drugs.importing import Parsed, RecordError, Skip, StreamError, digest_of
from forum.drugs.names import display_name
from forum.extensions import db
from forum.models import Pill
from forum.pills.imprint import imprint_key

SOURCE = "spl-pill"
NS = "{urn:hl7-org:v3}"
NDC_SYSTEM = "2.16.840.1.113883.6.69"
FILE_MAX = 50 * 1024 * 1024
ACTIVE = ("ACTIB", "ACTIM", "ACTIR")
COLORS = {"WHITE", "YELLOW", "ORANGE", "PINK", "RED", "BLUE", "GREEN", "BROWN", "PURPLE", "GRAY", "BLACK",
          "TURQUOISE"}
SHAPES = {"ROUND", "OVAL", "CAPSULE", "TRIANGLE", "SQUARE", "RECTANGLE", "DIAMOND", "PENTAGON", "HEXAGON",
          "OCTAGON", "TEAR", "FREEFORM", "BULLET", "DOUBLE CIRCLE", "SEMI-CIRCLE", "TRAPEZOID", "CLOVER"}


def records(path: Path, origin: str = "spl") -> Iterator[tuple[int, dict | RecordError]]:
    """(number, record) for every product with pill characteristics in the SPL files at ``path``."""
    number = 0
    for name, data in _documents(Path(path)):
        try:
            products = list(_products(data, name))
        except RecordError as error:
            number += 1
            yield number, RecordError(f"{name}: {error}")
            continue
        for product in products:
            number += 1
            product["origin"] = origin
            yield number, product


def _documents(path: Path) -> Iterator[tuple[str, bytes]]:
    if path.is_dir():
        for file in sorted(path.glob("*.xml")):
            if file.stat().st_size > FILE_MAX:
                raise StreamError(f"{file.name} is larger than {FILE_MAX // 1024 // 1024} MB")
            yield file.name, file.read_bytes()
        return
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.lower().endswith(".xml") and info.file_size <= FILE_MAX:
                    yield info.filename, archive.read(info)
        return
    if path.suffix.lower() == ".xml":
        yield path.name, path.read_bytes()
        return
    raise StreamError(f"{path.name} is not a folder of SPL .xml files, a zip of them or one .xml file")


def _attr(element, path: str, name: str) -> str:
    """An attribute of the element at ``path`` ("" if either is missing; elements without
    children are falsy, so never ``find(...) or ...``)."""
    found = element.find(path)
    return found.get(name, "") if found is not None else ""


def _text(element, path: str) -> str:
    found = element.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def _products(data: bytes, name: str) -> Iterator[dict]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise RecordError(f"not well-formed XML ({error})") from None
    except Exception as error:  # defusedxml refuses entities, DTDs with external references
        raise RecordError(f"refused: {type(error).__name__}") from None
    if root.tag != f"{NS}document":
        raise RecordError("not an SPL document (no HL7 v3 <document> root)")
    set_id = _attr(root, f"{NS}setId", "root")
    if not set_id:
        raise RecordError("the document has no setId")
    effective = _attr(root, f"{NS}effectiveTime", "value")[:8]
    firm = _text(root, f"{NS}author/{NS}assignedEntity/{NS}representedOrganization/{NS}name")
    for outer in root.iter(f"{NS}manufacturedProduct"):
        product = outer.find(f"{NS}manufacturedProduct")
        if product is None:
            continue
        code = product.find(f"{NS}code")
        if code is None or code.get("codeSystem") != NDC_SYSTEM:
            continue
        traits = _characteristics(outer)
        if not traits.get("imprint") and not traits.get("shape"):
            continue  # not a tablet or capsule
        yield {
            "set_id": set_id, "ndc": code.get("code", "")[:20], "firm": firm[:200],
            "date": f"{effective[:4]}-{effective[4:6]}-{effective[6:8]}" if len(effective) == 8 else "",
            "product": display_name(_text(product, f"{NS}name"))[:200],
            "generic": display_name(_text(product, f"{NS}asEntityWithGeneric/{NS}genericMedicine/{NS}name"))[:200],
            "form": _attr(product, f"{NS}formCode", "displayName").lower()[:100],
            "strength": _strength(product), **traits,
        }


def _characteristics(outer) -> dict:
    traits: dict = {"colors": []}
    for characteristic in outer.iter(f"{NS}characteristic"):
        code = _attr(characteristic, f"{NS}code", "code")
        value = characteristic.find(f"{NS}value")
        if value is None:
            continue
        if code == "SPLCOLOR":
            color = value.get("displayName", "").upper()
            if color in COLORS and color not in traits["colors"]:
                traits["colors"].append(color)
        elif code == "SPLSHAPE":
            shape = value.get("displayName", "").upper()
            traits["shape"] = shape if shape in SHAPES else "FREEFORM"
        elif code == "SPLSIZE":
            traits["size"] = _int(value.get("value"), 1, 60)
        elif code == "SPLSCORE":
            traits["score"] = _int(value.get("value"), 1, 4)
        elif code == "SPLIMPRINT":
            traits["imprint"] = " ".join((value.text or "").split())[:100]
    return traits


def _int(raw, low: int, high: int) -> int | None:
    try:
        number = round(float(raw))
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def _strength(product) -> str:
    parts = []
    for ingredient in product.findall(f"{NS}ingredient"):
        if ingredient.get("classCode") not in ACTIVE:
            continue
        numerator = ingredient.find(f"{NS}quantity/{NS}numerator")
        name = display_name(_text(ingredient, f"{NS}ingredientSubstance/{NS}name"))
        if numerator is not None and name:
            parts.append(f"{name} {numerator.get('value', '')} {numerator.get('unit', '')}".strip())
    return "; ".join(parts)[:200]


def parse(record: dict) -> Parsed:
    if not record.get("product"):
        raise RecordError(f"product {record.get('ndc') or '?'} has no name")
    if not record.get("ndc"):
        raise Skip()
    key = f"{record['set_id'][:60]}:{record['ndc']}"
    return Parsed(key, digest_of(record), record)


def apply(store, parsed: Parsed) -> int | None:
    data = parsed.data
    pill = db.session.scalar(select(Pill).where(Pill.source_key == parsed.key))
    if pill is None:
        pill = Pill(source_key=parsed.key)
        db.session.add(pill)
    drug = store.find([n for n in (data["generic"], data["product"]) if n])
    pill.drug_id = drug.id if drug else None
    pill.product, pill.strength, pill.manufacturer = data["product"], data["strength"], data["firm"]
    pill.ndc, pill.imprint, pill.imprint_key = data["ndc"], data.get("imprint", ""), imprint_key(
        data.get("imprint", ""))
    pill.colors, pill.shape = data["colors"], data.get("shape", "")
    pill.size_mm, pill.score = data.get("size"), data.get("score")
    pill.dosage_form, pill.origin, pill.label_date = data["form"], data["origin"], data["date"]
    return pill.drug_id
