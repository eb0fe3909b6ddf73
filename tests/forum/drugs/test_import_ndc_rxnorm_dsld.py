"""The NDC directory, RxNorm and DSLD importers on fixtures in each source's real format."""
import json

from forum.drugs.importing import ImportReport, json_records, openfda_records
from forum.drugs.sources import dsld, rxnorm

# -- openFDA NDC ----------------------------------------------------------------------

def test_ndc_counts_names_classes_and_forms(runner, catalogue, counts, drug, fixtures):
    before = counts()
    result = runner.invoke(args=["drugs", "import-ndc", str(fixtures / "openfda-drug-ndc.json")])
    assert result.exit_code == 0, result.output
    assert "3 records read: 3 imported or updated" in result.output
    assert counts()["drugs"] == before["drugs"] + 1
    new = drug("zuranolone")
    assert new["brands"] == ["Zurzuvae"] and new["origin"] == "ndc" and new["kind"] == "prescription"
    assert new["class"].startswith("Neuroactive Steroid")
    assert new["sections"][("how_taken", "ndc")][0] == "Marketed in the US as:\nOral capsule"
    ibuprofen = drug("ibuprofen")
    assert "Pain Relief IB" in ibuprofen["brands"] and "310965" in ibuprofen["rxcuis"]
    assert "Glucophage" in drug("metformin")["brands"]


def test_ndc_twice_is_the_same_and_a_bad_ndc_is_reported(runner, catalogue, counts, fixtures):
    path = fixtures / "openfda-drug-ndc.json"
    runner.invoke(args=["drugs", "import-ndc", str(path)])
    first = counts()
    assert "3 unchanged" in runner.invoke(args=["drugs", "import-ndc", str(path)]).output
    assert counts() == first
    data = json.loads(path.read_text())
    data["results"][0]["product_ndc"] = "not-an-ndc"
    data["results"][2]["active_ingredients"] = "IBUPROFEN"
    path.write_text(json.dumps(data))
    output = runner.invoke(args=["drugs", "import-ndc", str(path)]).output
    assert "record 1: \"product_ndc\" 'not-an-ndc' is not a product NDC" in output
    assert 'record 3: "active_ingredients" must be a list of objects' in output
    assert counts() == first


# -- RxNorm ---------------------------------------------------------------------------

def test_rxnorm_brands_forms_and_new_ingredients(runner, catalogue, counts, drug, fixtures):
    before = counts()
    result = runner.invoke(args=["drugs", "import-rxnorm", str(fixtures / "rxnorm")])
    assert result.exit_code == 0, result.output
    assert "2 records read: 2 imported or updated" in result.output
    assert counts()["drugs"] == before["drugs"] + 1
    metformin = drug("metformin")
    assert "6809" in metformin["rxcuis"] and "metformin hydrochloride" in metformin["names"]
    finerenone = drug("finerenone")
    assert finerenone["brands"] == ["Kerendia"] and finerenone["rxcuis"] == ["2562811"]
    assert drug("oldbrand") is None  # obsolete (SUPPRESS=O) names are left out
    again = runner.invoke(args=["drugs", "import-rxnorm", str(fixtures / "rxnorm")])
    assert "2 unchanged" in again.output


def test_rxnorm_reports_a_malformed_line_by_file_and_number(app, fixtures):
    conso = fixtures / "rxnorm" / "rrf" / "RXNCONSO.RRF"
    conso.write_text(conso.read_text() + "12345|ENG|broken line\n")
    report = ImportReport("rxnorm")
    total, records = rxnorm.records(fixtures / "rxnorm", report)
    assert total == 2 and report.problems == ["RXNCONSO.RRF line 9: expected 18 fields separated by |, found 3"]


def test_rxnorm_needs_its_files(runner, tmp_path):
    result = runner.invoke(args=["drugs", "import-rxnorm", str(tmp_path)])
    assert result.exit_code == 1 and "RXNCONSO.RRF is not in" in result.output


# -- DSLD -----------------------------------------------------------------------------

def test_dsld_single_ingredients_join_and_blends_are_products(runner, catalogue, counts, drug, fixtures):
    before = counts()
    result = runner.invoke(args=["drugs", "import-dsld", str(fixtures / "dsld-labels.json")])
    assert result.exit_code == 0, result.output
    assert "3 records read: 3 imported or updated" in result.output
    assert counts()["drugs"] == before["drugs"] + 2
    assert {"vitamin d3", "cholecalciferol"} <= drug("vitamin-d")["names"]
    blend = drug("womens-daily-multivitamin")
    assert blend["kind"] == "vitamin" and blend["brands"] == ["Example Naturals"]
    assert blend["ingredients"] == ["Vitamin A", "Vitamin C", "Iron", "Folate"]
    body, date, url = blend["sections"][("how_taken", "dsld")]
    assert body == "Form on the label: Tablet or Pill." and date == "2021-11-02" and url.endswith("/label/230011")
    rhodiola = drug("rhodiola")
    assert rhodiola["kind"] == "supplement" and "golden root" in rhodiola["names"]
    assert "3 unchanged" in runner.invoke(args=["drugs", "import-dsld", str(fixtures / "dsld-labels.json")]).output


def test_dsld_json_lines_with_a_bad_line(run, app, fixtures):
    labels = json.loads((fixtures / "dsld-labels.json").read_text())
    path = fixtures / "dsld.jsonl"
    path.write_text(json.dumps(labels[0]) + "\n{not json\n" + json.dumps({**labels[1], "id": "x1"}) + "\n")
    report = run(dsld, json_records(path))
    assert report.written == 1 and report.problems == [
        "record 2: invalid JSON (Expecting property name enclosed in double quotes)",
        "record 3: \"id\" 'x1' is not a DSLD label id"]


def test_dsld_single_object_file(run, app, fixtures):
    labels = json.loads((fixtures / "dsld-labels.json").read_text())
    path = fixtures / "one.json"
    path.write_text(json.dumps(labels[2]))
    assert run(dsld, json_records(path)).written == 1


def test_records_stream_one_at_a_time(fixtures):
    records = openfda_records(fixtures / "openfda-drug-ndc.json")
    number, first = next(records)
    assert number == 1 and first["product_ndc"] == "0087-6060"
    records.close()
