"""Drugs are search documents: the catalogue's and an importer's, found in /search by any name."""
import re
from html import unescape

import pytest

from tests.forum.drugs.conftest import FIXTURES


@pytest.fixture
def catalogue(app):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        return load_catalogue()


def _results(client, q: str) -> str:
    html = client.get("/search", query_string={"q": q}).get_data(as_text=True)
    return unescape(re.sub(r"\s+", " ", html))


def test_an_imported_drug_then_appears_in_search(app, client, runner, catalogue):
    assert 'href="/drugs/finerenone"' not in _results(client, "finerenone")
    result = runner.invoke(args=["drugs", "import-label", str(FIXTURES / "openfda-drug-label.json")])
    assert result.exit_code == 0, result.output
    page = _results(client, "finerenone")
    assert 'href="/drugs/finerenone"' in page and "Drug or supplement" in page
    assert 'href="/drugs/finerenone"' in _results(client, "Kerendia")  # its brand name


def test_catalogue_drugs_are_found_by_brand_and_class(client, catalogue):
    assert 'href="/drugs/metformin"' in _results(client, "metformin")
    assert 'href="/drugs/acetaminophen"' in _results(client, "Mapap")


def test_a_drug_renamed_is_reindexed(app, client, catalogue):
    from forum.extensions import db
    from forum.models import Drug

    with app.app_context():
        drug = db.session.scalar(db.select(Drug).where(Drug.slug == "metformin"))
        drug.drug_class = "Quokkaguanide"
        db.session.commit()
    assert 'href="/drugs/metformin"' in _results(client, "quokkaguanide")


def test_an_imported_brand_finds_posts_that_say_the_generic(app, client, runner, catalogue, make_user, make_group,
                                                             make_thread):
    make_user("ann")
    make_thread("ann", make_group("Kidneys"), title="Finerenone and my potassium levels",
                body="My potassium went up a little after starting it.")
    assert "Finerenone and my potassium" not in _results(client, "kerendia")
    runner.invoke(args=["drugs", "import-label", str(FIXTURES / "openfda-drug-label.json")])
    assert "Finerenone and my potassium" in _results(client, "kerendia")
