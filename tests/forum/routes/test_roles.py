"""Roles: the first admin from the CLI, and the admin page that changes roles."""
from sqlalchemy import select

from forum.models import Role, User


def test_create_admin_command(runner, db):
    result = runner.invoke(args=["users", "create-admin", "--username", "root_admin", "--email",
                                 "admin@example.com", "--password", "a-very-long-password"])
    assert result.exit_code == 0, result.output
    assert "Created admin root_admin" in result.output
    user = db.session.scalar(select(User).where(User.username == "root_admin"))
    assert user.role == Role.ADMIN


def test_create_admin_refuses_bad_input(runner):
    result = runner.invoke(args=["users", "create-admin", "--username", "x", "--email", "a@example.com",
                                 "--password", "a-very-long-password"])
    assert result.exit_code != 0
    assert "Usernames are 3" in result.output
    result = runner.invoke(args=["users", "create-admin", "--username", "okname", "--email", "a@example.com",
                                 "--password", "short"])
    assert result.exit_code != 0 and "at least 10 characters" in result.output


def test_create_admin_help(runner):
    result = runner.invoke(args=["users", "create-admin", "--help"])
    assert result.exit_code == 0 and "first admin" in result.output


def test_admin_changes_a_role_and_the_badge_shows(client, make_user, login, db):
    make_user("boss", role=Role.ADMIN)
    target = make_user("maria")
    login("boss")
    assert client.get("/admin/users").status_code == 200
    response = client.post(f"/admin/users/{target}/role", data={"role": "moderator"})
    assert response.status_code == 302
    assert db.session.get(User, target).role == Role.MODERATOR
    assert "badge-moderator" in client.get("/u/maria").get_data(as_text=True)


def test_the_expert_role_comes_only_from_verification(client, make_user, login, db):
    make_user("boss", role=Role.ADMIN)
    target = make_user("dr_lee")
    login("boss")
    page = client.post(f"/admin/users/{target}/role", data={"role": "expert"},
                       follow_redirects=True).get_data(as_text=True)
    assert "not a verified expert" in page and "/experts/review" in page
    assert db.session.get(User, target).role == Role.MEMBER
    assert "badge-expert" not in client.get("/u/dr_lee").get_data(as_text=True)


def test_set_role_command_refuses_an_unverified_expert(runner, make_user, db):
    target = make_user("dr_who")
    result = runner.invoke(args=["users", "set-role", "dr_who", "expert"])
    assert result.exit_code != 0 and "not a verified expert" in result.output
    assert db.session.get(User, target).role == Role.MEMBER


def test_non_admins_cannot_change_roles(client, make_user, login, db):
    make_user("mod", role=Role.MODERATOR)
    target = make_user("member")
    login("mod")
    assert client.get("/admin/users").status_code == 403
    assert client.post(f"/admin/users/{target}/role", data={"role": "admin"}).status_code == 403
    assert db.session.get(User, target).role == Role.MEMBER


def test_anonymous_visitors_are_sent_to_login_from_admin(client):
    response = client.get("/admin/users")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_the_last_admin_cannot_be_demoted(client, make_user, login, db):
    boss = make_user("boss", role=Role.ADMIN)
    login("boss")
    client.post(f"/admin/users/{boss}/role", data={"role": "member"}, follow_redirects=True)
    assert db.session.get(User, boss).role == Role.ADMIN


def test_unknown_role_is_refused(client, make_user, login, db):
    make_user("boss", role=Role.ADMIN)
    target = make_user("member")
    login("boss")
    client.post(f"/admin/users/{target}/role", data={"role": "superuser"})
    assert db.session.get(User, target).role == Role.MEMBER
