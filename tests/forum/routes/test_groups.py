"""Joining and leaving groups; private groups stay private on every page."""
from sqlalchemy import select

from forum.models import Group, Membership, Role

CANARY_TITLE = "Canary question only members may read"
CANARY_BODY = "canary-body-7f3a secret details"


def _group(db, slug):
    return db.session.scalar(select(Group).where(Group.slug == slug))


def test_groups_page_lists_groups_with_counts(client, make_group, make_user, add_member, make_thread):
    make_user("ann")
    slug = make_group("Type 2 Diabetes", description="Living well with type 2 diabetes.")
    add_member("ann", slug)
    make_thread("ann", slug)
    page = client.get("/groups").get_data(as_text=True)
    assert "Type 2 Diabetes" in page and "Living well with type 2 diabetes." in page
    assert "<dt>Members</dt><dd>1</dd>" in page.replace("\n", "").replace("  ", "")


def test_join_and_leave_update_membership_and_count(client, db, make_user, make_group, login):
    make_user("ann")
    slug = make_group("Asthma & COPD")
    login("ann")
    assert client.post(f"/groups/{slug}/join").status_code == 302
    assert _group(db, slug).member_count == 1
    assert "You are a member." in client.get(f"/groups/{slug}").get_data(as_text=True)
    client.post(f"/groups/{slug}/join")  # twice: refused politely, count unchanged
    db.session.expire_all()
    assert _group(db, slug).member_count == 1
    client.post(f"/groups/{slug}/leave")
    db.session.expire_all()
    assert _group(db, slug).member_count == 0
    assert db.session.scalar(select(Membership)) is None


def test_join_needs_login(client, make_group):
    slug = make_group("Chronic Pain")
    response = client.post(f"/groups/{slug}/join")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def _private_setup(make_user, make_group, add_member, make_thread):
    make_user("owner")
    make_user("stranger")
    slug = make_group("Living with HIV", private=True, description="A private, confidential group.")
    add_member("owner", slug, moderator=True)
    thread_id = make_thread("owner", slug, title=CANARY_TITLE, body=CANARY_BODY)
    return slug, thread_id


def _assert_hidden(client, slug, thread_id):
    group_page = client.get(f"/groups/{slug}").get_data(as_text=True)
    assert "Living with HIV" in group_page and "A private, confidential group." in group_page
    assert CANARY_TITLE not in group_page
    thread = client.get(f"/t/{thread_id}")
    # Private content answers outsiders exactly like an unknown id.
    assert thread.status_code == 404 and CANARY_BODY not in thread.get_data(as_text=True)
    assert client.get(f"/t/{thread_id}?page=1").status_code == 404
    assert client.get(f"/groups/{slug}/members").status_code == 404
    for path in ("/", "/groups", "/u/owner", f"/p/{thread_id}", f"/p/{thread_id}/revisions"):
        body = client.get(path).get_data(as_text=True)
        assert CANARY_TITLE not in body and CANARY_BODY not in body, path


def test_private_group_content_is_hidden_from_anonymous_visitors(client, make_user, make_group, add_member,
                                                                  make_thread):
    slug, thread_id = _private_setup(make_user, make_group, add_member, make_thread)
    _assert_hidden(client, slug, thread_id)


def test_private_group_request_approve_flow(client, app, db, make_user, make_group, add_member, make_thread,
                                            login):
    slug, thread_id = _private_setup(make_user, make_group, add_member, make_thread)
    login("stranger")
    _assert_hidden(client, slug, thread_id)
    assert "Request to join" in client.get(f"/groups/{slug}").get_data(as_text=True)
    assert client.post(f"/groups/{slug}/join").status_code == 302  # refused: private
    client.post(f"/groups/{slug}/request", data={"note": "I was diagnosed last month."})
    page = client.get(f"/groups/{slug}").get_data(as_text=True)
    assert "waiting for a group moderator" in page
    _assert_hidden(client, slug, thread_id)  # a pending requester sees nothing more
    assert client.get(f"/groups/{slug}/requests").status_code == 403

    owner = app.test_client()
    login("owner", c=owner)
    requests_page = owner.get(f"/groups/{slug}/requests").get_data(as_text=True)
    assert "stranger" in requests_page and "I was diagnosed last month." in requests_page
    stranger_id = db.session.scalar(select(Membership.user_id).where(Membership.status == "pending"))
    assert owner.post(f"/groups/{slug}/requests/{stranger_id}/approve").status_code == 302

    assert CANARY_TITLE in client.get(f"/groups/{slug}").get_data(as_text=True)
    assert CANARY_BODY in client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "stranger" in client.get(f"/groups/{slug}/members").get_data(as_text=True)
    assert CANARY_TITLE in client.get("/").get_data(as_text=True)
    db.session.expire_all()
    assert _group(db, slug).member_count == 2

    # Leaving takes the access away at once.
    client.post(f"/groups/{slug}/leave")
    _assert_hidden(client, slug, thread_id)


def test_private_group_request_decline(client, app, db, make_user, make_group, add_member, make_thread, login):
    slug, thread_id = _private_setup(make_user, make_group, add_member, make_thread)
    login("stranger")
    client.post(f"/groups/{slug}/request", data={"note": ""})
    owner = app.test_client()
    login("owner", c=owner)
    stranger_id = db.session.scalar(select(Membership.user_id).where(Membership.status == "pending"))
    owner.post(f"/groups/{slug}/requests/{stranger_id}/decline")
    assert db.session.scalar(select(Membership).where(Membership.user_id == stranger_id)) is None
    _assert_hidden(client, slug, thread_id)
    assert "Request to join" in client.get(f"/groups/{slug}").get_data(as_text=True)


def test_only_group_moderators_decide_requests(client, db, make_user, make_group, add_member, make_thread, login):
    slug, _ = _private_setup(make_user, make_group, add_member, make_thread)
    make_user("member")
    add_member("member", slug)
    login("stranger")
    client.post(f"/groups/{slug}/request")
    stranger_id = db.session.scalar(select(Membership.user_id).where(Membership.status == "pending"))
    client.post("/logout")
    login("member")
    assert client.post(f"/groups/{slug}/requests/{stranger_id}/approve").status_code == 403
    assert db.session.scalar(select(Membership.status).where(Membership.user_id == stranger_id)) == "pending"


def test_site_admin_can_approve_requests(client, app, db, make_user, make_group, add_member, make_thread, login):
    slug, _ = _private_setup(make_user, make_group, add_member, make_thread)
    make_user("boss", role=Role.ADMIN)
    login("stranger")
    client.post(f"/groups/{slug}/request")
    boss = app.test_client()
    login("boss", c=boss)
    stranger_id = db.session.scalar(select(Membership.user_id).where(Membership.status == "pending"))
    assert boss.post(f"/groups/{slug}/requests/{stranger_id}/approve").status_code == 302
    assert db.session.scalar(select(Membership.status).where(Membership.user_id == stranger_id)) == "active"


def test_profile_hides_private_group_activity_from_non_members(client, make_user, make_group, add_member,
                                                               make_thread, login):
    slug, _ = _private_setup(make_user, make_group, add_member, make_thread)
    public = make_group("Heart Health")
    make_thread("owner", public, title="Public question about blood pressure")
    login("stranger")
    page = client.get("/u/owner").get_data(as_text=True)
    assert "Public question about blood pressure" in page
    assert CANARY_TITLE not in page and "Living with HIV" not in page
