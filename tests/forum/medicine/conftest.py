"""Fixtures for My Medicine and the Pill Identifier: the catalogue and the fixture files."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def catalogue(app):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        return load_catalogue()


@pytest.fixture
def ann(make_user, login, catalogue):
    """A logged-in member, ann, with the catalogue loaded."""
    make_user("ann")
    return login("ann")


@pytest.fixture
def add(client):
    """Add a medicine through the page: ``add("Warfarin", dose="5 mg", profile=3)``."""
    def do_add(name: str, profile: int | None = None, c=None, **fields):
        data = {"name": name, "dose": "", "frequency": "", "started_on": "", "reason": "", "notes": "", **fields}
        return (c or client).post("/medicine/add" + (f"?profile={profile}" if profile else ""), data=data)
    return do_add
