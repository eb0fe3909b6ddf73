"""Groups managed in the browser: admins create, edit and archive; a group's moderators change
its description and rules; members cannot; every change is in the moderation log."""
import pytest
from sqlalchemy import func, select

from forum.models import Group, GroupSpecialty, ModerationAction, Role


@pytest.fixture
def admin(make_user, login):
    make_user("ada", role=Role.ADMIN)
    return login("ada")


NEW = {"name": "HIV Peer Support", "slug": "hiv-peers", "description": "For people living with HIV.",
       "category": "Infections", "is_private": "y", "specialties": ["infectious-disease", "pharmacy"],
       "rules": "1. What is said here stays here.\n2. **No** dosing advice."}


def _audit(db, action):
    return db.session.scalars(select(ModerationAction).where(ModerationAction.action == action)).all()


def test_an_admin_creates_a_private_group_with_specialties_and_rules(admin, db):
    assert admin.get("/groups/new").status_code == 200
    response = admin.post("/groups/new", data=NEW)
    assert response.status_code == 302 and response.headers["Location"].endswith("/groups/hiv-peers")
    group = db.session.scalar(select(Group).where(Group.slug == "hiv-peers"))
    assert group.is_private and group.category == "Infections"
    assert sorted(db.session.scalars(select(GroupSpecialty.specialty))) == ["infectious-disease", "pharmacy"]
    page = admin.get("/groups/hiv-peers").get_data(as_text=True)
    assert "Group rules" in page and "<strong>No</strong> dosing advice" in page and "Private group" in page
    [entry] = _audit(db, "create_group")
    assert entry.group_id == group.id and "Private" in entry.reason


def test_a_taken_address_is_refused_with_everything_kept(admin, make_group, db):
    make_group("HIV Peers")
    response = admin.post("/groups/new", data=NEW)
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "already uses the address" in text and "For people living with HIV." in text
    assert db.session.scalar(select(func.count()).select_from(Group)) == 1
    assert admin.post("/groups/new", data={**NEW, "slug": "Not A Slug!"}).status_code == 400
    assert admin.post("/groups/new", data={**NEW, "slug": "new"}).status_code == 400


def test_rules_go_through_the_sanitizer(admin, db):
    admin.post("/groups/new", data={**NEW, "rules": "<script>alert(1)</script> [x](javascript:alert(1))"})
    page = admin.get("/groups/hiv-peers").get_data(as_text=True)
    assert "<script>alert" not in page and 'href="javascript' not in page


def test_an_admin_edits_everything_and_the_log_says_what_changed(admin, make_group, db):
    slug = make_group("Heart Health")
    form = admin.get(f"/groups/{slug}/settings").get_data(as_text=True)
    assert 'value="Heart Health"' in form
    response = admin.post(f"/groups/{slug}/settings", data={
        "name": "Heart and Circulation", "slug": "heart", "description": "Hearts.", "category": "Cardiology",
        "specialties": ["cardiology"], "rules": "Be kind."})
    assert response.status_code == 302
    group = db.session.scalar(select(Group).where(Group.slug == "heart"))
    assert group.name == "Heart and Circulation" and not group.is_private
    [entry] = _audit(db, "edit_group")
    assert "name" in entry.reason and "slug" in entry.reason and "specialties" in entry.reason


def test_a_group_moderator_changes_only_the_description_and_rules(client, make_user, login, make_group,
                                                                 add_member, db):
    slug = make_group("Heart Health")
    make_user("gmo")
    add_member("gmo", slug, moderator=True)
    login("gmo")
    page = client.get(f"/groups/{slug}").get_data(as_text=True)
    assert "Group settings" in page
    form = client.get(f"/groups/{slug}/settings").get_data(as_text=True)
    assert 'name="name"' not in form and 'name="rules"' in form
    client.post(f"/groups/{slug}/settings", data={"description": "New words.", "rules": "No selling.",
                                                  "name": "Hijacked", "is_private": "y"})
    group = db.session.scalar(select(Group).where(Group.slug == slug))
    assert group.description == "New words." and group.rules_source == "No selling."
    assert group.name == "Heart Health" and not group.is_private
    assert _audit(db, "edit_group")[0].moderator.username == "gmo"
    assert client.post(f"/groups/{slug}/archive").status_code == 403
    assert client.get("/groups/new").status_code == 403


def test_members_and_visitors_cannot_manage_groups(client, make_user, login, make_group, add_member):
    slug = make_group("Heart Health")
    assert client.get("/groups/new").status_code == 302
    make_user("mem")
    add_member("mem", slug)
    login("mem")
    assert client.get("/groups/new").status_code == 403
    assert client.get(f"/groups/{slug}/settings").status_code == 403
    assert client.post(f"/groups/{slug}/settings", data={"description": "x", "rules": ""}).status_code == 403
    assert "Group settings" not in client.get(f"/groups/{slug}").get_data(as_text=True)


def test_an_archived_group_leaves_the_list_and_takes_no_posts(admin, make_user, make_group, make_thread,
                                                            client, login, db):
    slug = make_group("Heart Health")
    make_user("mem")
    thread_id = make_thread("mem", slug)
    assert admin.post(f"/groups/{slug}/archive", data={"reason": "Merged into Cardiology"}).status_code == 302
    listed = admin.get("/groups").get_data(as_text=True).split('class="group-cards"')[1]
    assert f'href="/groups/{slug}"' not in listed.split("archived-heading")[0]
    assert f'href="/groups/{slug}"' in listed.split("archived-heading")[-1]  # admins still find it
    visitor = client.application.test_client()
    assert f'href="/groups/{slug}"' not in visitor.get("/groups").get_data(as_text=True).split("<main")[1]
    other = login("mem", c=client.application.test_client())
    page = other.get(f"/groups/{slug}").get_data(as_text=True)
    assert "This group is archived" in page and "Ask a question" not in page
    assert other.get(f"/t/{thread_id}").status_code == 200
    assert other.post(f"/groups/{slug}/new", data={"kind": "question", "title": "A new question here",
                                                   "body": "Hello"}).status_code == 403
    assert other.post(f"/t/{thread_id}/reply", data={"body": "Still here?"}).status_code == 403
    assert _audit(db, "archive_group")[0].reason == "Merged into Cardiology"
    admin.post(f"/groups/{slug}/unarchive")
    assert f'href="/groups/{slug}"' in visitor.get("/groups").get_data(as_text=True).split("<main")[1]
    assert _audit(db, "unarchive_group")
