"""The Pill Identifier: the SPL importer on fixtures in the real format, imprint search, no guessing."""
from sqlalchemy import func, select

from forum.models import Pill
from forum.pills.imprint import imprint_key
from tests.forum.medicine.conftest import FIXTURES

SPL = FIXTURES / "medicine" / "spl"


def test_imprint_keys_ignore_case_spaces_and_separators():
    assert imprint_key("M;367") == imprint_key("m 367") == imprint_key("M-367") == "M367"
    assert imprint_key("") == imprint_key(";; --") == ""
    assert imprint_key("Ｍ３６７") == "M367"  # full-width digits people paste
    assert len(imprint_key("9" * 100_000)) == 100


def test_the_importer_reads_products_and_their_characteristics(runner, catalogue, db):
    result = runner.invoke(args=["drugs", "import-spl", str(SPL)])
    assert result.exit_code == 0, result.output
    assert "3 records read: 3 imported or updated" in result.output
    pill = db.session.scalar(select(Pill).where(Pill.ndc == "0087-6070"))
    assert (pill.product, pill.imprint, pill.imprint_key, pill.colors, pill.shape, pill.size_mm, pill.score) == (
        "Glucophage", "EX;6070", "EX6070", ["WHITE"], "OVAL", 19, 2)
    assert pill.strength == "Metformin hydrochloride 850 mg" and pill.manufacturer == "Example Brand Holdings"
    assert pill.drug.slug == "metformin" and pill.label_date == "2025-06-14" and pill.origin == "spl"
    capsule = db.session.scalar(select(Pill).where(Pill.ndc == "0999-0101"))
    assert capsule.colors == ["PINK", "BLUE"] and capsule.shape == "CAPSULE"
    assert "3 unchanged" in runner.invoke(args=["drugs", "import-spl", str(SPL)]).output


def test_hostile_and_broken_xml_is_reported_not_expanded(runner, db, tmp_path):
    (tmp_path / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<document xmlns="urn:hl7-org:v3">&b;</document>')
    (tmp_path / "broken.xml").write_text("<document><unclosed>")
    (tmp_path / "other.xml").write_text("<html/>")
    result = runner.invoke(args=["drugs", "import-spl", str(tmp_path)])
    assert "bomb.xml: refused" in result.output
    assert "broken.xml: not well-formed XML" in result.output
    assert "other.xml: not an SPL document" in result.output
    assert db.session.scalar(select(func.count()).select_from(Pill)) == 0


def test_a_partial_imprint_finds_the_pill_with_a_drawing_and_the_warning(runner, catalogue, client):
    runner.invoke(args=["drugs", "import-spl", str(SPL)])
    page = client.get("/pills?imprint=ex 60").get_data(as_text=True)
    assert page.count('class="card pill-result"') == 2
    assert "Confirm with a pharmacist before taking any pill you cannot identify" in page
    assert '<svg class="pill-drawing"' in page and 'href="/drugs/metformin"' in page
    narrowed = client.get("/pills?imprint=ex60&shape=OVAL&score=2").get_data(as_text=True)
    assert narrowed.count('class="card pill-result"') == 1 and "850 mg" in narrowed
    by_colour = client.get("/pills?color=PINK").get_data(as_text=True)
    assert "Amoxicillin" in by_colour and "Glucophage" not in by_colour


def test_no_match_says_what_to_do_and_never_guesses(runner, catalogue, client):
    runner.invoke(args=["drugs", "import-spl", str(SPL)])
    page = client.get("/pills?imprint=QQ999").get_data(as_text=True)
    assert "No pill matches" in page and "Askwell does not guess" in page and 'href="tel:+18002221222"' in page
    assert 'class="card pill-result"' not in page


def test_hostile_query_arguments_are_ignored_not_errors(client):
    for query in ("imprint=%00", "size=²", "size=99999999999999999999", "score=-1", "color=<script>",
                  "shape=" + "A" * 10_000, "imprint=" + "%25_" * 500):
        response = client.get("/pills?" + query)
        assert response.status_code == 200, query
        assert "<script>" not in response.get_data(as_text=True)


def test_demo_pills_say_they_are_illustrative(runner, catalogue, client):
    from forum.pills import spl

    runner.invoke(args=["drugs", "import-spl", "--demo", str(spl.__file__).replace("pills/spl.py", "data/medicine/demo-spl")])
    page = client.get("/pills?imprint=aw").get_data(as_text=True)
    assert page.count('class="card pill-result"') == 8 and "not a real product" in page
