""""Ask an expert" always reaches someone: in a group no verified expert covers, the question
goes to every verified expert's queue (marked), the moderators who may see it are emailed once,
and the asker reads who will be notified. Moderators and admins see the whole queue."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.models import Group, Role
from tests.smtp_server import text_of

MARK = '<span class="tag tag-mark">No specialist for this group</span>'


@pytest.fixture
def reach(app, make_user, make_group, add_member, make_expert):
    from forum.actions.experts import set_group_specialties
    from forum.extensions import db

    for name in ("asker", "outsider", "gina", "pia"):
        make_user(name)
    make_user("modm", role=Role.MODERATOR)
    make_user("root", role=Role.ADMIN)
    heart, rare = make_group("Heart Health"), make_group("Rare Conditions")
    secret = make_group("Quiet Room", private=True)
    add_member("gina", rare, moderator=True)
    add_member("pia", heart, moderator=True)
    add_member("asker", secret)
    with app.app_context():
        set_group_specialties(db.session.scalar(select(Group).where(Group.slug == heart)), ["cardiology"])
        set_group_specialties(db.session.scalar(select(Group).where(Group.slug == rare)), ["neurology"])
    make_expert("cardio", specialty="cardiology", profession="Cardiologist")
    make_expert("haem")
    return {"heart": heart, "rare": rare, "secret": secret}


def ask(client, slug, title):
    response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": title,
                                                        "body": "What should I do?", "ask_expert": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _queue(client, as_user, who) -> str:
    as_user(who)
    page = client.get("/experts/queue")
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_the_asker_sees_who_will_be_notified(client, as_user, reach):
    as_user("asker")
    heart_form = client.get(f"/groups/{reach['heart']}/new").get_data(as_text=True)
    assert "1 verified expert in Cardiology will be notified." in heart_form
    rare_form = client.get(f"/groups/{reach['rare']}/new").get_data(as_text=True)
    assert ("No verified expert covers this group&#39;s specialties yet, so this question goes to all 2 verified "
            "experts, and the moderators are told.") in rare_form
    thread_id = ask(client, reach["rare"], "Is this rare rash serious?")
    assert "Waiting for an expert: No verified expert covers" in client.get(f"/t/{thread_id}").get_data(as_text=True)


def test_an_uncovered_question_reaches_every_expert_marked_and_the_moderators_once(client, as_user, reach, smtp):
    as_user("asker")
    rare = ask(client, reach["rare"], "Is this rare rash serious?")
    ask(client, reach["heart"], "Is my heart rate too fast?")
    for expert in ("cardio", "haem"):
        page = _queue(client, as_user, expert)
        assert "Is this rare rash serious?" in page and MARK in page
    assert "Is my heart rate too fast?" in _queue(client, as_user, "cardio")
    assert "Is my heart rate too fast?" not in _queue(client, as_user, "haem")

    told = sorted(r for rcpts, _ in smtp.messages for r in rcpts)
    assert told == ["gina@example.com", "modm@example.com", "root@example.com", "verifier@example.com"], \
        "site moderators, admins and the group's moderators; not pia (another group), not members"
    message = smtp.to("gina@example.com")[0]
    assert message["Subject"] == "No expert covers Rare Conditions: a question went to every expert"
    assert f"http://askwell.test/t/{rare}" in text_of(message)


def test_a_private_uncovered_question_tells_only_moderators_who_may_see_it(client, as_user, reach, smtp):
    as_user("asker")
    ask(client, reach["secret"], "A private worry about my tests")
    assert "A private worry" not in _queue(client, as_user, "cardio"), "experts outside the group see nothing"
    assert "A private worry" in _queue(client, as_user, "modm")
    assert sorted(r for rcpts, _ in smtp.messages for r in rcpts) == [
        "modm@example.com", "root@example.com", "verifier@example.com"]
    assert all("A private worry" not in text_of(m) for _, m in smtp.messages), "the email links, never quotes"


def test_mapping_the_group_sends_its_questions_to_specialists_only(app, client, as_user, reach, make_expert):
    from forum.actions.experts import set_group_specialties
    from forum.extensions import db

    as_user("asker")
    ask(client, reach["rare"], "Is this rare rash serious?")
    with app.app_context():
        set_group_specialties(db.session.scalar(select(Group).where(Group.slug == reach["rare"])), ["haematology"])
    assert "Is this rare rash serious?" not in _queue(client, as_user, "cardio")
    page = _queue(client, as_user, "haem")
    assert "Is this rare rash serious?" in page and MARK not in page


def test_moderators_and_admins_see_the_whole_queue_members_do_not(client, as_user, reach):
    as_user("asker")
    ask(client, reach["heart"], "Is my heart rate too fast?")
    ask(client, reach["rare"], "Is this rare rash serious?")
    for who in ("modm", "root"):
        page = _queue(client, as_user, who)
        assert "Is my heart rate too fast?" in page and "Is this rare rash serious?" in page
        assert "you see the whole queue as a moderator" in page
    as_user("outsider")
    assert client.get("/experts/queue").status_code == 403


def test_with_no_verified_expert_at_all_the_moderators_are_still_told(client, as_user, make_user, make_group, smtp):
    make_user("asker")
    make_user("modm", role=Role.MODERATOR)
    slug = make_group("Lonely Group")
    as_user("asker")
    form = client.get(f"/groups/{slug}/new").get_data(as_text=True)
    assert "There is no verified expert yet, so the moderators are told about this question." in form
    ask(client, slug, "Does anyone know about this?")
    assert [r for rcpts, _ in smtp.messages for r in rcpts] == ["modm@example.com"]


def test_a_covered_question_emails_nobody(client, as_user, reach, smtp):
    as_user("asker")
    ask(client, reach["heart"], "Is my heart rate too fast?")
    assert smtp.messages == []
