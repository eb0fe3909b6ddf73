"""Nothing of My Medicine reaches any other account, search, a cache for another viewer or a feed."""
import json

import pytest
from sqlalchemy import select

from forum.models import CareProfile, RecallAlert, Role, SavedMedicine

CANARY = "zorblatine"
# Words that appear only in ann's list; a search for CANARY echoes CANARY itself, never these.
SECRETS = ("qwivelcream", "plonkishnote", "vremblyreason", "yarrowfenkid")


@pytest.fixture
def kept(app, ann, add, db, make_user, make_group, make_thread, client):
    """ann keeps a list and a family profile holding canary words; returns their ids."""
    ann.post("/medicine/family", data={"profile-name": "Kid yarrowfenkid"})
    profile = db.session.scalar(select(CareProfile))
    add(f"{CANARY} qwivelcream", notes="secret note plonkishnote")
    add("Metformin", profile=profile.id, reason="vremblyreason")
    medicines = db.session.scalars(select(SavedMedicine).order_by(SavedMedicine.id)).all()
    make_group("Diabetes")
    make_thread("ann", "diabetes", title="Metformin and tiredness, anyone?", body="I feel tired.")
    client.post("/logout")
    return profile.id, [m.id for m in medicines]


def test_other_accounts_get_404_for_every_record_and_see_no_trace(app, kept, make_user, login, client):
    profile_id, medicine_ids = kept
    for name, role in (("bob", Role.MEMBER), ("mod_mo", Role.MODERATOR), ("root", Role.ADMIN)):
        make_user(name, role=role)
        c = app.test_client()
        login(name, c=c)
        assert c.get(f"/medicine/family/{profile_id}").status_code == 404
        for mid in medicine_ids:
            assert c.get(f"/medicine/{mid}/edit").status_code == 404
            assert c.post(f"/medicine/{mid}/stop").status_code == 404
            assert c.post(f"/medicine/{mid}/remove").status_code == 404
        assert c.post(f"/medicine/family/{profile_id}/remove").status_code == 404
        for path in ("/medicine", "/medicine/print", "/u/ann", "/search?q=" + CANARY, "/drugs/metformin",
                     "/groups/diabetes", "/", "/drugs/search?q=" + CANARY):
            body = c.get(path).get_data(as_text=True)
            assert not any(secret in body for secret in SECRETS), (name, path)


def test_nothing_is_searchable_or_in_feeds_and_pages_are_not_stored(app, kept, login, client):
    anonymous = app.test_client()
    for path in ("/search?q=" + CANARY, "/search?q=secret+note", "/drugs/search?q=" + CANARY,
                 "/pills?imprint=" + CANARY):
        assert not any(secret in anonymous.get(path).get_data(as_text=True) for secret in SECRETS), path
    for rule in app.url_map.iter_rules():
        if "feed" in rule.endpoint and not rule.arguments and "GET" in rule.methods:
            assert not any(s in anonymous.get(rule.rule).get_data(as_text=True) for s in SECRETS), rule.rule
    login("ann")
    response = client.get("/medicine")
    assert "qwivelcream" in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_owner_exports_it_and_deleting_the_account_removes_it(kept, login, client, db):
    login("ann")
    exported = client.get("/settings/account/data.json").get_data(as_text=True)
    mine = json.dumps(json.loads(exported)["my_medicine"])
    assert all(secret in mine for secret in SECRETS)
    response = client.post("/settings/account/delete", data={"password": "a-long-test-password"})
    assert response.status_code == 302
    assert db.session.scalars(select(SavedMedicine)).all() == []
    assert db.session.scalars(select(CareProfile)).all() == []
    assert db.session.scalars(select(RecallAlert)).all() == []
