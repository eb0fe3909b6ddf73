"""The shared import driver: committed batches, resuming after a crash, a broken file, a refused write."""
import json

import pytest
from sqlalchemy import func, select

from forum.drugs.importing import openfda_records, run_import
from forum.drugs.sources import openfda_label
from forum.extensions import db as _db
from forum.models import DrugSourceRecord


def _many_labels(fixtures, n=9):
    path = fixtures / "openfda-drug-label.json"
    data = json.loads(path.read_text())
    template = data["results"][1]
    data["results"] = []
    for i in range(n):
        record = json.loads(json.dumps(template))
        record["set_id"] = f"00000000-0000-4000-8000-{i:012d}"
        record["openfda"]["generic_name"] = [f"TESTAMAB {i}"]
        record["openfda"]["brand_name"] = [f"Testabrand {i}"]
        data["results"].append(record)
    data["meta"]["results"]["total"] = n
    path.write_text(json.dumps(data))
    return path


class Crash(Exception):
    pass


def _crashing_after(records, n):
    for number, record in records:
        if number > n:
            raise Crash()
        yield number, record


def _ledger(app) -> int:
    with app.app_context():
        return _db.session.scalar(select(func.count(DrugSourceRecord.id)))


def test_a_crash_keeps_the_committed_batches_and_a_rerun_continues(app, run, fixtures):
    path = _many_labels(fixtures)
    with pytest.raises(Crash):
        run(openfda_label, _crashing_after(openfda_records(path), 5), batch_size=2)
    assert _ledger(app) == 4  # two batches of two were committed; the fifth record's batch was not
    report = run(openfda_label, openfda_records(path), batch_size=2)
    assert report.unchanged == 4 and report.written == 5 and _ledger(app) == 9


def test_each_batch_is_its_own_transaction(app, run, fixtures):
    path = _many_labels(fixtures, 6)
    seen = []

    def watch(n):
        with app.app_context():
            seen.append(_db.session.scalar(select(func.count(DrugSourceRecord.id))))
    run(openfda_label, openfda_records(path), batch_size=2, progress=watch)
    assert seen == [2, 4, 6]  # another connection sees each batch as soon as it is done


def test_a_file_that_breaks_midway_keeps_what_came_before(app, runner, fixtures):
    path = _many_labels(fixtures, 3)
    text = path.read_text()
    path.write_text(text[: text.rindex('"set_id"')])  # cut inside the last record
    result = runner.invoke(args=["drugs", "import-label", str(path)])
    assert result.exit_code == 1 and "the JSON breaks after record 2" in result.output
    assert _ledger(app) == 2


def test_a_write_the_database_refuses_costs_only_that_record(app, run, fixtures, monkeypatch):
    path = _many_labels(fixtures, 3)
    real_apply = openfda_label.apply

    def flaky(store, parsed):
        if parsed.data["generic"] == "Testamab 1":
            raise RuntimeError("disk on fire")
        return real_apply(store, parsed)
    with app.app_context():
        report = run_import("label", openfda_records(path), openfda_label.parse, flaky)
    assert report.written == 2 and report.problems == [
        "record 2: could not be written (RuntimeError: disk on fire)"]
    with app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(_db.text("drugs WHERE name = 'Testamab 1'"))) == 0
    # The records that were written are searchable at once (indexed when the import committed,
    # not left for `search sync`, and without waiting out the database's lock timeout).
    page = app.test_client().get("/search?q=Testamab").get_data(as_text=True)
    assert "Testamab 0" in page and "Testamab 2" in page and "Testamab 1" not in page
