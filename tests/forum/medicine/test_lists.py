"""My Medicine pages: keep a list, family profiles, stop and restart, the interaction check."""
from sqlalchemy import func, select

from forum.models import CareProfile, SavedMedicine


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get("/medicine")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_member_adds_medicines_and_sees_an_interaction_with_its_source(ann, add, db):
    assert add("Coumadin", dose="5 mg", frequency="once a day", reason="atrial fibrillation").status_code == 302
    add("Advil", dose="200 mg")
    page = ann.get("/medicine").get_data(as_text=True)
    assert "Coumadin" in page and "5 mg" in page and "(Warfarin)" in page  # the brand was linked to the catalogue
    assert "Serious: usually avoided or closely watched" in page
    assert "FDA prescribing information for Coumadin (warfarin)" in page
    assert "does not mean a combination is safe" in page
    medicines = db.session.scalars(select(SavedMedicine)).all()
    assert {m.name for m in medicines} == {"Coumadin", "Advil"} and all(m.drug_id for m in medicines)


def test_what_if_i_add_checks_only_the_new_pair_and_writes_nothing(ann, add, db):
    add("Simvastatin")
    add("Metformin")
    before = db.session.scalar(select(func.count()).select_from(SavedMedicine))
    page = ann.get("/medicine?add=clarithromycin").get_data(as_text=True)
    assert "Do not take together" in page and "Simvastatin" in page
    assert "What if I add" in page
    assert db.session.scalar(select(func.count()).select_from(SavedMedicine)) == before
    calm = ann.get("/medicine?add=vitamin+d").get_data(as_text=True)
    assert "No interaction found" in calm and "does not mean a combination is safe" in calm


def test_free_text_medicines_are_kept_and_a_bad_form_keeps_what_was_typed(ann, add, db):
    assert add("Grandma's herbal tea blend", notes="from the market").status_code == 302
    saved = db.session.scalar(select(SavedMedicine))
    assert saved.drug_id is None and "not in the catalogue" in ann.get("/medicine").get_data(as_text=True)
    response = add("", dose="10 mg twice", notes="keep this note")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Say which medicine." in page
    assert "10 mg twice" in page and "keep this note" in page
    huge = add("x" * 5000)
    assert huge.status_code == 400 and "Up to 200 characters" in huge.get_data(as_text=True)
    future = add("Metformin", started_on="2999-01-01")
    assert future.status_code == 400 and "in the future" in future.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(SavedMedicine)) == 1


def test_stopping_keeps_history_and_restarting_brings_it_back(ann, add, db):
    add("Metformin")
    medicine = db.session.scalar(select(SavedMedicine))
    assert ann.post(f"/medicine/{medicine.id}/stop").status_code == 302
    page = ann.get("/medicine").get_data(as_text=True)
    assert "History" in page and "stopped" in page
    assert db.session.scalar(select(SavedMedicine)).stopped_on is not None
    ann.post(f"/medicine/{medicine.id}/restart")
    assert db.session.scalar(select(SavedMedicine)).stopped_on is None
    ann.post(f"/medicine/{medicine.id}/remove")
    assert db.session.scalar(select(func.count()).select_from(SavedMedicine)) == 0


def test_editing_a_medicine(ann, add, db):
    add("Metformin", dose="500 mg")
    medicine = db.session.scalar(select(SavedMedicine))
    form = ann.get(f"/medicine/{medicine.id}/edit").get_data(as_text=True)
    assert 'value="500 mg"' in form
    response = ann.post(f"/medicine/{medicine.id}/edit", data={"name": "Metformin", "dose": "1000 mg",
                                                               "frequency": "twice a day"})
    assert response.status_code == 302 and db.session.scalar(select(SavedMedicine)).dose == "1000 mg"


def test_a_family_profile_has_its_own_list_and_checks(ann, add, db):
    response = ann.post("/medicine/family", data={"profile-name": "Mum", "profile-relationship_label": "my mother"})
    profile = db.session.scalar(select(CareProfile))
    assert response.headers["Location"] == f"/medicine/family/{profile.id}"
    add("Lithium", profile=profile.id)
    add("Ibuprofen", profile=profile.id)
    add("Metformin")
    ann.get("/medicine")  # shows (and so uses up) the "Added Metformin" message
    page = ann.get(f"/medicine/family/{profile.id}").get_data(as_text=True)
    assert "Mum’s medicines" in page and ">Lithium</a>" in page and ">Metformin</a>" not in page
    assert "lithium toxicity" in page
    own = ann.get("/medicine").get_data(as_text=True)
    assert ">Lithium</a>" not in own and ">Mum (my mother)</a>" in own  # the profile is listed, its medicines are not mixed in
    ann.post(f"/medicine/family/{profile.id}/remove")
    assert db.session.scalar(select(func.count()).select_from(SavedMedicine)) == 1
    assert db.session.scalar(select(func.count()).select_from(CareProfile)) == 0


def test_the_print_page_lists_every_list(ann, add, db):
    add("Metformin", dose="500 mg")
    ann.post("/medicine/family", data={"profile-name": "Sam"})
    page = ann.get("/medicine/print").get_data(as_text=True)
    assert "My medicines" in page and "Sam’s medicines" in page and "500 mg" in page


def test_the_list_page_costs_the_same_statements_for_one_or_many(ann, add, count_queries):
    add("Warfarin")
    with count_queries() as one:
        ann.get("/medicine")
    for name in ("Ibuprofen", "Simvastatin", "Clarithromycin", "Sertraline", "Lithium", "Metformin"):
        add(name)
    with count_queries() as many:
        ann.get("/medicine")
    assert len(many) <= len(one) + 1, many
