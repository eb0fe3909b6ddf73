"""Who is told what: every event notifies the right person, and nobody who may not see it.

Each event is tried with an outsider (not in the private group), a banned account
and someone who lost access after following; they all get nothing.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from forum.actions import following, groups, moderation, qa
from forum.extensions import db as _db
from forum.models import Group, Post, Role, Thread, User, utcnow


def ban(db, username, **values):
    session = db.session
    session.execute(update(User).where(User.username == username).values(**(values or {"banned_at": utcnow()})))
    session.commit()


def test_a_reply_notifies_the_thread_author_and_watchers_not_the_replier(public, act, notices, reply_as):
    reply_as("bob", public["thread"])
    assert notices("ann") == ["reply"]
    assert notices("bob") == []
    reply_as("cat", public["thread"])  # bob watches now: he replied
    assert notices("ann") == ["reply", "reply"] and notices("bob") == ["reply"]


def test_a_muted_thread_tells_nothing(public, act, notices, reply_as):
    act(following.set_watch, "ann", (Thread, public["thread"]), level="mute")
    reply_as("bob", public["thread"], "Hello @ann, try this.")
    assert notices("ann") == []


def test_a_private_reply_reaches_members_only(private, act, notices, reply_as, add_member, db):
    act(following.set_watch, "cat", (Thread, private["thread"]), level="watch")
    reply_as("bob", private["thread"], "Ask @eve and @cat about it.")
    assert notices("ann") == ["reply"]
    assert notices("cat") == ["mention"]
    assert notices("eve") == []  # mentioned, but she may not see the group


def test_someone_who_lost_access_is_not_told(private, act, notices, reply_as):
    act(following.set_watch, "cat", (Thread, private["thread"]), level="watch")
    act(groups.leave_group, "cat", (Group, private["slug"]))
    reply_as("bob", private["thread"])
    assert notices("cat") == []


def test_a_banned_account_is_not_told(public, notices, reply_as, db):
    ban(db, "ann")
    reply_as("bob", public["thread"], "@ann here you go")
    assert notices("ann") == []


def test_a_held_reply_notifies_nobody_until_a_moderator_publishes_it(public, act, notices, reply_as,
                                                                    make_user, db):
    make_user("root", role=Role.ADMIN)
    act(moderation.add_watched_word, "root", word="miracle cure", action="hold")
    post_id = reply_as("bob", public["thread"], "Try this miracle cure, @cat.")
    assert db.session.get(Post, post_id).hidden_at is not None
    assert notices("ann") == [] and notices("cat") == []
    act(moderation.keep, "root", (Post, post_id))
    assert notices("ann") == ["reply"] and notices("cat") == ["mention"]


def test_an_expert_answer_tells_the_asker_as_such(public, notices, reply_as, make_expert):
    make_expert("drx")
    reply_as("drx", public["thread"], "As a haematologist: take it with food.")
    assert notices("ann") == ["expert_answer"]


def test_an_expert_answer_in_a_private_group_never_reaches_an_outsider_asker(private, notices, reply_as,
                                                                           make_expert, act, add_member):
    make_expert("drx")
    add_member("drx", private["slug"])
    act(groups.leave_group, "ann", (Group, private["slug"]))  # the asker lost access
    reply_as("drx", private["thread"])
    assert notices("ann") == []


def test_accepted_and_helpful_tell_the_answer_author(public, act, notices, reply_as, db):
    post_id = reply_as("bob", public["thread"])
    act(qa.accept_answer, "ann", (Post, post_id))
    act(qa.toggle_helpful, "ann", (Post, post_id))
    act(qa.toggle_helpful, "cat", (Post, post_id))
    act(qa.toggle_helpful, "cat", (Post, post_id))  # taken back and given again: told once
    act(qa.toggle_helpful, "cat", (Post, post_id))
    assert notices("bob") == ["accepted", "helpful", "helpful"]


def test_accepted_is_not_told_to_an_author_who_lost_access(private, act, notices, reply_as):
    post_id = reply_as("bob", private["thread"])
    act(groups.leave_group, "bob", (Group, private["slug"]))
    act(qa.accept_answer, "ann", (Post, post_id))
    act(qa.toggle_helpful, "cat", (Post, post_id))
    assert notices("bob") == []


def test_join_requests_approved_and_declined(make_user, make_group, add_member, act, notices):
    for name in ("gina", "hal", "ivy"):
        make_user(name)
    slug = make_group("Quiet", private=True)
    add_member("gina", slug, moderator=True)
    act(groups.request_to_join, "hal", (Group, slug))
    act(groups.request_to_join, "ivy", (Group, slug))
    act(groups.approve_request, "gina", (Group, slug), (User, "hal"))
    act(groups.decline_request, "gina", (Group, slug), (User, "ivy"))
    assert notices("hal") == ["join_approved"]
    assert notices("ivy") == ["join_declined"]


def test_expert_applications_decided(make_user, app, notices, db):
    from forum.actions.experts import apply_as_expert, reject_application

    make_user("jojo")
    make_user("root", role=Role.ADMIN)
    with app.app_context():
        jojo = _db.session.scalar(select(User).where(User.username == "jojo"))
        root = _db.session.scalar(select(User).where(User.username == "root"))
        application = apply_as_expert(jojo, profession="Nurse", specialty="haematology", licence_number="N 12345",
                                      issuing_body="NMC", country="United Kingdom",
                                      evidence="https://www.nmc.org.uk/registration/12345")
        reject_application(root, application, "We could not check the licence.")
    assert notices("jojo") == ["expert_decided"]


def test_a_moderator_action_tells_the_author_with_the_reason(public, make_user, act, notices, reply_as, db):
    make_user("modm", role=Role.MODERATOR)
    post_id = reply_as("bob", public["thread"])
    act(moderation.hide, "modm", (Post, post_id), reason="Personal details shown")
    from forum.models import Notification
    row = db.session.scalar(select(Notification).where(Notification.kind == "moderated"))
    assert "Personal details shown" in row.detail
    assert notices("bob") == ["moderated"]


def test_a_moderator_action_in_a_group_one_left_tells_nothing(private, make_user, act, notices, reply_as):
    make_user("modm", role=Role.MODERATOR)
    post_id = reply_as("bob", private["thread"])
    act(groups.leave_group, "bob", (Group, private["slug"]))
    act(moderation.hide, "modm", (Post, post_id), reason="Personal details shown")
    assert notices("bob") == []


def test_a_new_thread_in_a_followed_group(public, act, notices, make_thread):
    act(following.follow_group, "cat", (Group, public["slug"]), follow=True)
    make_thread("bob", public["slug"], title="Another question about doses")
    assert notices("cat") == ["new_thread"]
    assert notices("bob") == []


def test_an_outsider_cannot_follow_a_private_group_nor_hear_of_its_threads(private, act, notices, make_thread, db):
    from forum.actions import ActionError

    with pytest.raises(ActionError):
        act(following.follow_group, "eve", (Group, private["slug"]), follow=True)
    act(following.follow_group, "cat", (Group, private["slug"]), follow=True)
    act(groups.leave_group, "cat", (Group, private["slug"]))
    make_thread("bob", private["slug"], title="Members only: a question")
    assert notices("eve") == [] and notices("cat") == []


def test_a_retried_fanout_notifies_nobody_twice(public, reply_as, notices, app):
    from forum.actions import fanout

    post_id = reply_as("bob", public["thread"])
    with app.app_context():
        fanout.reply_posted(post_id)
        fanout.reply_posted(post_id)
    assert notices("ann") == ["reply"]


def test_a_suspended_account_is_not_told(public, reply_as, notices, db):
    ban(db, "ann", suspended_until=utcnow() + timedelta(days=3))
    reply_as("bob", public["thread"])
    assert notices("ann") == []
