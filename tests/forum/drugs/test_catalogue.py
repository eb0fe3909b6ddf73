"""The shipped catalogue: enough products of every kind, every fact with a public source, every
brand that search's synonym list knows, and a loader that can run any number of times."""
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forum.drugs.catalogue import CatalogueError, read_catalogue, read_conditions, source_of
from forum.drugs.names import name_key
from forum.extensions import db as _db
from forum.models import Drug, DrugKind

SYNONYMS = Path(__file__).resolve().parents[3] / "search" / "data" / "medical_synonyms.txt"
# Synonym lines that are not products (therapy names, a disease) or name a brand spelt
# differently in the source list (Betmiga, on the mirabegron row, is the UK spelling).
NOT_PRODUCTS = {"antiretroviral therapy", "sickle cell disease", "betmira"}


@pytest.fixture(scope="module")
def entries():
    return read_catalogue()


def test_at_least_150_products_of_every_kind(entries):
    assert len(entries) >= 150
    kinds = {e.kind for e in entries}
    assert kinds == set(DrugKind)
    assert sum(e.kind == DrugKind.SUPPLEMENT for e in entries) >= 20
    assert sum(e.kind == DrugKind.VITAMIN for e in entries) >= 15


def test_every_entry_has_every_section_a_class_and_a_public_source(entries):
    for e in entries:
        assert e.drug_class and len(e.texts) == 5 and all(len(t) >= 4 for t in e.texts.values()), e.name
        name, url = source_of(e)
        assert url.startswith(("https://dailymed.nlm.nih.gov/", "https://ods.od.nih.gov/", "https://www.nccih.nih.gov/"))
        assert name


def test_international_names_are_there(entries):
    names = {name_key(n): e.name for e in entries for n in [e.name, *e.brands, *e.other_names]}
    for brand, generic in [("paracetamol", "Acetaminophen"), ("calpol", "Acetaminophen"), ("panadol", "Acetaminophen"),
                           ("salbutamol", "Albuterol"), ("nurofen", "Ibuprofen"), ("lustral", "Sertraline"),
                           ("eltroxin", "Levothyroxine"), ("glucophage", "Metformin")]:
        assert names[brand] == generic


def test_the_demo_communitys_drugs_are_in_the_catalogue(entries):
    demo = " ".join(Path(p).read_text() for p in Path(__file__).resolve().parents[3].glob("forum/demo/*.py")).lower()
    slugs = {e.slug for e in entries}
    for word in ("metformin", "ibuprofen", "sertraline"):
        assert word in demo and word in slugs
    assert {"levothyroxine", "albuterol", "fluticasone"} <= slugs


def _product_lines():
    lines = SYNONYMS.read_text().splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("# -- Lay and clinical"))
    return [line for line in lines[:end] if line.strip() and not line.startswith("#")]


def test_every_brand_and_generic_in_searchs_synonym_list_is_in_the_catalogue(app, catalogue):
    with app.app_context():
        keys = set(_db.session.scalars(select(Drug.sort_key))) | set(
            _db.session.scalars(select(_db.text("key FROM drug_names"))))
    lines = [line for line in _product_lines() if name_key(line.split(",")[0]) not in NOT_PRODUCTS]
    missing = [term for line in lines for term in (name_key(t) for t in line.split(","))
               if term not in keys and term not in NOT_PRODUCTS]
    assert missing == []


def test_no_copied_monograph_text(entries):
    """Our own short sentences: no long runs, no licensed sources named as the source."""
    for e in entries:
        for text in e.texts.values():
            assert len(text) < 400, (e.name, text[:60])
            assert not re.search(r"medlineplus|drugs\.com|drugbank|bnf|nhs\.uk", text, re.I)


def test_bad_rows_are_refused_with_file_and_line(tmp_path):
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / "x.psv").write_text("# header\nAspirin|rx|Class|||pain|fda|a|b|c|d\n")
    with pytest.raises(CatalogueError, match="x.psv line 2: 11 fields"):
        read_catalogue(folder, {"pain"})
    (folder / "x.psv").write_text("Aspirin|pill|Class|||pain|fda|a|b|c|d|e\n")
    with pytest.raises(CatalogueError, match="kind 'pill'"):
        read_catalogue(folder, {"pain"})
    (folder / "x.psv").write_text("Aspirin|rx|Class|||gout|fda|a|b|c|d|e\n")
    with pytest.raises(CatalogueError, match="unknown condition"):
        read_catalogue(folder, {"pain"})


def test_conditions_have_their_other_names():
    conditions = {c["slug"]: c for c in read_conditions()}
    assert {"type 2 diabetes", "t2d"} <= set(conditions["type-2-diabetes"]["keys"])
    assert conditions["type-2-diabetes"]["group_slugs"] == ["type-2-diabetes"]


def test_loading_twice_changes_nothing(app, runner, counts, drug):
    first = runner.invoke(args=["drugs", "load-catalogue"])
    assert first.exit_code == 0, first.output
    after_first = counts()
    second = runner.invoke(args=["drugs", "load-catalogue"])
    assert "0 added or updated" in second.output and counts() == after_first
    assert after_first["drugs"] == len(read_catalogue()) and after_first["drug_source_records"] == after_first["drugs"]
    metformin = drug("metformin")
    assert metformin["kind"] == "prescription" and "Glucophage" in metformin["brands"]
    assert metformin["sections"][("uses", "catalogue")][1] == "2026-11"


def test_a_changed_row_is_updated_in_place(app, catalogue, drug):
    from forum.drugs import catalogue as module
    from forum.models import DrugSourceRecord

    with app.app_context():
        record = _db.session.scalar(select(DrugSourceRecord).where(DrugSourceRecord.key == "metformin"))
        record.digest = "stale"
        _db.session.commit()
        before = _db.session.scalar(select(func.count(Drug.id)))
        counts = module.load_catalogue()
        assert counts["changed"] == 1 and _db.session.scalar(select(func.count(Drug.id))) == before
    assert drug("metformin")["name"] == "Metformin"


def test_load_catalogue_help(runner):
    result = runner.invoke(args=["drugs", "load-catalogue", "--help"])
    assert result.exit_code == 0 and "Idempotent" in result.output
