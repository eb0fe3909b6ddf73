"""FDA recalls: the openFDA enforcement importer on a fixture, matching, alerts, the recall page."""
import json
import shutil

from sqlalchemy import func, select

from forum.models import Recall, RecallAlert, RecallTarget, SavedMedicine
from tests.forum.medicine.conftest import FIXTURES

ENFORCEMENT = FIXTURES / "medicine" / "drug-enforcement.json"
NDC = FIXTURES / "drugs" / "openfda-drug-ndc.json"


def test_import_reports_bad_records_and_is_idempotent(runner, catalogue, db):
    result = runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    assert result.exit_code == 0, result.output
    assert "4 records read: 3 imported or updated" in result.output
    assert "record 4: \"recall_number\" 'not-a-recall-number' is not a recall number" in result.output
    assert db.session.scalar(select(func.count()).select_from(Recall)) == 3
    again = runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    assert "3 unchanged" in again.output
    assert db.session.scalar(select(func.count()).select_from(Recall)) == 3


def test_an_ongoing_recall_alerts_the_member_whose_medicine_it_names(runner, catalogue, ann, add, db, make_user,
                                                                      login, app):
    runner.invoke(args=["drugs", "import-ndc", str(NDC)])  # files NDC 0087-6060 under metformin
    add("Glucophage", dose="500 mg")
    add("Lisinopril")
    add("Ibuprofen")  # only a terminated recall names it: no alert
    make_user("bob")
    bob = app.test_client()
    login("bob", c=bob)
    add("Metformin", c=bob)
    bob.post(f"/medicine/{db.session.scalar(select(SavedMedicine.id).where(SavedMedicine.name == 'Metformin'))}/stop")
    result = runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    assert "2 new alerts" in result.output, result.output
    alerts = {(a.medicine.name, a.recall.recall_number, a.matched_by) for a in db.session.scalars(select(RecallAlert))}
    assert alerts == {("Glucophage", "D-0412-2026", "product code"), ("Lisinopril", "D-0450-2026", "name")}
    page = ann.get("/medicine").get_data(as_text=True)
    assert "Safety alerts" in page and "D-0412-2026" in page and "Glucophage" in page
    assert "D-1001-2021" not in page
    assert "Safety alerts" not in bob.get("/medicine").get_data(as_text=True), "a stopped medicine is not alerted"
    assert "2 new alerts" not in runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)]).output


def test_adding_a_medicine_later_finds_an_open_recall(runner, catalogue, ann, add, db):
    runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    add("Zestril")  # a brand of lisinopril: the recall names the brand and the generic
    alert = db.session.scalar(select(RecallAlert))
    assert alert is not None and alert.recall.recall_number == "D-0450-2026"


def test_the_recall_page_is_public_and_says_it_concerns_your_medicine(runner, catalogue, ann, add, client, app):
    runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    add("Lisinopril")
    mine = ann.get("/recalls/D-0450-2026").get_data(as_text=True)
    assert "may concern Lisinopril on your list" in mine and "Lot L7781" in mine and "Class I" in mine
    anonymous = app.test_client().get("/recalls/D-0450-2026").get_data(as_text=True)
    assert "Presence of foreign tablets" in anonymous and "on your list" not in anonymous
    assert app.test_client().get("/recalls/D-9999-2099").status_code == 404
    assert app.test_client().get("/recalls/%00").status_code == 404


def test_dismissing_an_alert_is_the_owners_alone(runner, catalogue, ann, add, db, make_user, login, app):
    runner.invoke(args=["drugs", "import-recalls", str(ENFORCEMENT)])
    add("Lisinopril")
    alert_id = db.session.scalar(select(RecallAlert.id))
    make_user("bob")
    bob = login("bob", c=app.test_client())
    assert bob.post(f"/medicine/alerts/{alert_id}/dismiss").status_code == 404
    assert db.session.get(RecallAlert, alert_id).dismissed_at is None
    ann.post(f"/medicine/alerts/{alert_id}/dismiss")
    db.session.expire_all()
    assert db.session.get(RecallAlert, alert_id).dismissed_at is not None
    assert "Safety alerts" not in ann.get("/medicine").get_data(as_text=True)


def test_ndcs_are_read_from_the_product_text_and_targets_cover_free_text(runner, catalogue, db, tmp_path):
    data = json.loads(ENFORCEMENT.read_text())
    data["results"] = [data["results"][0]]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data))
    runner.invoke(args=["drugs", "import-recalls", str(path)])
    recall = db.session.scalar(select(Recall))
    assert recall.product_ndcs == ["0087-6060"]
    assert db.session.scalars(select(RecallTarget)).all() == [], "no NDC directory import yet: nothing to match"


def test_a_broken_file_is_a_clear_error(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"results": [')
    result = runner.invoke(args=["drugs", "import-recalls", str(bad)])
    assert result.exit_code != 0 and "not an openFDA bulk file" in result.output
    shutil.rmtree(tmp_path)
