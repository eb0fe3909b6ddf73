"""Fixtures for the Drugs & Supplements tests: the shipped catalogue, fixture files, importers."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forum.extensions import db as _db

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "drugs"


@pytest.fixture
def fixtures(tmp_path) -> Path:
    """A writable copy of tests/fixtures/drugs."""
    target = tmp_path / "drug-fixtures"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def catalogue(app):
    """The shipped catalogue, loaded."""
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        return load_catalogue()


@pytest.fixture
def counts(app):
    """Row counts of the drug tables: ``counts()`` -> {table: rows}."""
    from forum.models import Condition, Drug, DrugCondition, DrugName, DrugSection, DrugSourceRecord

    def count() -> dict:
        with app.app_context():
            return {m.__tablename__: _db.session.scalar(select(func.count()).select_from(m))
                    for m in (Drug, DrugName, DrugSection, Condition, DrugCondition, DrugSourceRecord)}
    return count


@pytest.fixture
def run(app):
    """Run one importer in the app: ``run(module, records, **kwargs)`` -> ImportReport."""
    from forum.drugs.importing import run_import

    def do_run(module, records, **kwargs):
        with app.app_context():
            return run_import(module.SOURCE, records, module.parse, module.apply, **kwargs)
    return do_run


@pytest.fixture
def drug(app):
    """Look a drug up by slug: a dict of what a test checks, or None."""
    from forum.models import Drug, DrugName

    def get(slug: str):
        with app.app_context():
            row = _db.session.scalar(select(Drug).where(Drug.slug == slug))
            if row is None:
                return None
            names = set(_db.session.scalars(select(DrugName.key).where(DrugName.drug_id == row.id)))
            sections = {(s.kind, s.origin): s for s in row.sections}
            return {"id": row.id, "name": row.name, "kind": row.kind, "class": row.drug_class,
                    "brands": list(row.brand_names), "rxcuis": list(row.rxcuis), "names": names,
                    "ingredients": list(row.ingredients), "origin": row.origin,
                    "sections": {k: (s.body, s.source_date, s.source_url) for k, s in sections.items()}}
    return get
