"""RxNorm "Current Prescribable Content" (NLM, public domain): brand <-> generic names.

The release is a folder of pipe-delimited RRF files. ``RXNCONSO.RRF`` has one
name per line in 18 columns (RXCUI|LAT|TS|LUI|STT|SUI|ISPREF|RXAUI|SAUI|SCUI|
SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF, each line ending in ``|``); the term
types used here are ingredients (IN), precise ingredients such as a salt
(PIN), multiple ingredients (MIN) and brand names (BN). ``RXNREL.RRF`` links
concepts (RXCUI1|RXAUI1|STYPE1|REL|RXCUI2|RXAUI2|STYPE2|RELA|RUI|SRUI|SAB|SL|
DIR|RG|SUPPRESS|CVF): ``tradename_of`` / ``has_tradename`` join a brand to its
ingredient, ``form_of`` / ``has_form`` a precise ingredient to its ingredient.
Each relation appears in both directions, so direction is read from the term
types rather than trusted.

Both files are read line by line; what is kept in memory is the names of the
IN, PIN, MIN and BN concepts (the vocabulary, not the file), then one import
record per ingredient, keyed by its RXCUI.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from forum.drugs.importing import ImportReport, Parsed, RecordError, digest_of
from forum.drugs.names import display_name
from forum.drugs.store import DrugStore
from forum.models import DrugKind, NameKind

SOURCE = "rxnorm"
CONSO_COLUMNS = 18
REL_COLUMNS = 16
KEPT_TYPES = {"IN", "PIN", "MIN", "BN"}
BRAND_RELATIONS = {"tradename_of", "has_tradename"}
FORM_RELATIONS = {"form_of", "has_form"}


def rrf_path(directory: Path, name: str) -> Path:
    """``name`` in the release folder, or in its ``rrf/`` subfolder (as the zip unpacks)."""
    for candidate in (Path(directory) / name, Path(directory) / "rrf" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{name} is not in {directory} or {Path(directory) / 'rrf'}")


def _lines(path: Path, columns: int, report: ImportReport) -> Iterator[tuple[int, list[str]]]:
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for number, line in enumerate(fh, 1):
            fields = line.rstrip("\r\n").split("|")
            if fields and fields[-1] == "":
                fields.pop()
            if len(fields) != columns or "\x00" in line:
                report.problem(number, f"expected {columns} fields separated by |, found {len(fields)}",
                               what=f"{path.name} line")
                continue
            yield number, fields


def read_names(path: Path, report: ImportReport) -> dict[str, tuple[str, str]]:
    """RXCUI -> (term type, name) for the RxNorm IN, PIN, MIN and BN concepts in use."""
    names: dict[str, tuple[str, str]] = {}
    for _number, f in _lines(path, CONSO_COLUMNS, report):
        rxcui, sab, tty, name, suppress = f[0], f[11], f[12], f[14], f[16]
        if sab == "RXNORM" and tty in KEPT_TYPES and suppress in ("", "N") and rxcui.isdigit() and name:
            names.setdefault(rxcui, (tty, name[:200]))
    return names


def read_links(path: Path, names: dict, report: ImportReport) -> tuple[dict, dict]:
    """ingredient RXCUI -> brand names, and -> precise-ingredient names."""
    brands: dict[str, set[str]] = {}
    forms: dict[str, set[str]] = {}
    for _number, f in _lines(path, REL_COLUMNS, report):
        a, b, rela = f[0], f[4], f[7]
        if rela not in BRAND_RELATIONS | FORM_RELATIONS or a not in names or b not in names:
            continue
        types = {names[a][0]: a, names[b][0]: b}
        base = types.get("IN") or types.get("MIN")
        if rela in BRAND_RELATIONS and base and "BN" in types:
            brands.setdefault(base, set()).add(names[types["BN"]][1])
        elif rela in FORM_RELATIONS and types.get("IN") and "PIN" in types:
            forms.setdefault(types["IN"], set()).add(names[types["PIN"]][1])
    return brands, forms


def records(directory: Path, report: ImportReport) -> tuple[int, Iterator[tuple[int, dict]]]:
    """(how many, numbered records): one per ingredient, with its brands and precise forms."""
    names = read_names(rrf_path(directory, "RXNCONSO.RRF"), report)
    brands, forms = read_links(rrf_path(directory, "RXNREL.RRF"), names, report)
    ingredients = sorted((cui for cui, (tty, _) in names.items() if tty in ("IN", "MIN")), key=int)

    def generate():
        for number, cui in enumerate(ingredients, 1):
            yield number, {"rxcui": cui, "name": names[cui][1], "brands": sorted(brands.get(cui, ())),
                           "forms": sorted(forms.get(cui, ()))}
    return len(ingredients), generate()


def parse(record: dict) -> Parsed:
    if not record["name"].strip():
        raise RecordError(f"RXCUI {record['rxcui']} has no name")
    return Parsed(record["rxcui"], digest_of(record), record)


def apply(store: DrugStore, parsed: Parsed) -> int:
    data = parsed.data
    drug = store.find([data["name"]]) or store.create(display_name(data["name"]), DrugKind.PRESCRIPTION.value, SOURCE)
    store.add_brands(drug, data["brands"])
    store.add_names(drug, [(form, NameKind.ALTERNATE) for form in data["forms"]])
    store.add_to_list(drug, "rxcuis", [data["rxcui"]])
    store.touch(drug)
    return drug.id
