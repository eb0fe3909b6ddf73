"""``flask --app forum drugs import-label``: openFDA drug/label bulk JSON, streamed and idempotent."""
import json
import zipfile

from forum.drugs.importing import openfda_records, openfda_total
from forum.drugs.sources import openfda_label


def _label_file(fixtures, mutate):
    path = fixtures / "openfda-drug-label.json"
    data = json.loads(path.read_text())
    mutate(data["results"])
    path.write_text(json.dumps(data))
    return path


def test_counts_and_what_lands_on_the_drug(runner, catalogue, counts, drug, fixtures):
    before = counts()
    result = runner.invoke(args=["drugs", "import-label", str(fixtures / "openfda-drug-label.json")])
    assert result.exit_code == 0, result.output
    assert "4 records read: 3 imported or updated, 0 unchanged, 1 skipped, 0 with problems" in result.output
    after = counts()
    assert after["drugs"] == before["drugs"] + 1  # finerenone is new; metformin and loratadine join the catalogue
    assert after["drug_source_records"] == before["drug_source_records"] + 3
    metformin = drug("metformin")
    body, date, url = metformin["sections"][("warnings", "label")]
    assert body.startswith("WARNING: LACTIC ACIDOSIS") and "5.2 Vitamin B12" in body
    assert date == "2025-06" and url.endswith("setid=6f3a8c2e-1b4d-4e5f-9a7b-0c1d2e3f4a5b")
    assert {"861007", "861010"} <= set(metformin["rxcuis"]) and "Metformin Hydrochloride" not in metformin["brands"]
    new = drug("finerenone")
    assert new["name"] == "Finerenone" and new["brands"] == ["Kerendia"] and new["origin"] == "label"
    assert new["class"] == "Non-steroidal Mineralocorticoid Receptor Antagonist" and new["kind"] == "prescription"
    assert drug("loratadine")["sections"][("how_taken", "label")][0].startswith("Directions adults")


def test_running_twice_writes_the_same_rows(runner, catalogue, counts, fixtures):
    path = str(fixtures / "openfda-drug-label.json")
    runner.invoke(args=["drugs", "import-label", path])
    first = counts()
    again = runner.invoke(args=["drugs", "import-label", path])
    assert "0 imported or updated, 3 unchanged" in again.output and counts() == first


def test_a_malformed_record_is_reported_with_its_number_and_writes_nothing(runner, app, counts, drug, fixtures):
    def break_second(results):
        results[1]["openfda"]["generic_name"] = [42]
        results[2]["effective_time"] = "2023-01-18"
    path = _label_file(fixtures, break_second)
    result = runner.invoke(args=["drugs", "import-label", str(path)])
    assert 'record 2: "openfda.generic_name" must be a list of strings' in result.output
    assert 'record 3: "effective_time" must be a date written YYYYMMDD' in result.output
    assert "1 imported or updated" in result.output and "2 with problems" in result.output
    assert drug("finerenone") is None and drug("loratadine") is None and drug("metformin-hydrochloride") is not None
    assert counts()["drug_source_records"] == 1


def test_a_newer_label_of_the_same_medicine_replaces_an_older_one_and_not_the_reverse(run, catalogue, drug, fixtures):
    def two_versions(results):
        older = json.loads(json.dumps(results[0]))
        older.update(set_id="11111111-2222-4333-8444-555555555555", effective_time="20190101",
                     indications_and_usage=["An older label's text."])
        results[:] = [results[0], older]
    path = _label_file(fixtures, two_versions)
    run(openfda_label, openfda_records(path))
    body, date, _ = drug("metformin")["sections"][("uses", "label")]
    assert date == "2025-06" and body.startswith("1 INDICATIONS")


def test_a_zipped_bulk_file_is_read_too(run, catalogue, drug, fixtures, tmp_path):
    archive = tmp_path / "drug-label-0001-of-0013.json.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(fixtures / "openfda-drug-label.json", "drug-label-0001-of-0013.json")
    assert openfda_total(archive) == 4
    report = run(openfda_label, openfda_records(archive))
    assert report.written == 3 and drug("finerenone") is not None


def test_a_file_without_the_meta_block_is_refused(runner, fixtures):
    path = fixtures / "plain.json"
    path.write_text('{"results": []}')
    result = runner.invoke(args=["drugs", "import-label", str(path)])
    assert result.exit_code == 1 and 'no "meta" block' in result.output


def test_help(runner):
    result = runner.invoke(args=["drugs", "import-label", "--help"])
    assert result.exit_code == 0 and "open.fda.gov" in result.output and "safe to repeat" in result.output
