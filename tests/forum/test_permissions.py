"""``forum.permissions`` as a table: every named check, every kind of person, one row each.

The people: an anonymous visitor, a member of both groups, an outsider (no
membership), a pending requester of the private group, the private group's
moderator, the moderator of the public group only, a site moderator, an admin,
a silenced member of both groups, and the author of the content. The things:
a public and a private group, a thread in each, a hidden reply and a deleted
one in the private thread.
"""
from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from forum import permissions as can
from forum.actions.groups import request_to_join
from forum.actions.posts import delete_post, post_reply
from forum.extensions import db
from forum.models import Group, Post, Role, Thread, User, utcnow

PEOPLE = ("anonymous", "member", "outsider", "pending", "private_mod", "public_mod", "site_mod", "admin",
          "silenced", "author")


@pytest.fixture
def world(app, make_user, make_group, add_member, make_thread):
    for name in PEOPLE[1:]:
        make_user(name, role={"site_mod": Role.MODERATOR, "admin": Role.ADMIN}.get(name, Role.MEMBER))
    public, private = make_group("Open Hearts"), make_group("Quiet Room", private=True)
    for name in ("member", "silenced", "author"):
        add_member(name, public)
        add_member(name, private)
    add_member("private_mod", private, moderator=True)
    add_member("public_mod", public, moderator=True)
    public_thread = make_thread("author", public, title="A public question about sleep")
    private_thread = make_thread("author", private, title="A private question about sleep")
    with app.app_context():
        users = {u.username: u for u in db.session.scalars(select(User))}
        request_to_join(users["pending"], db.session.scalar(select(Group).where(Group.slug == private)))
        thread = db.session.get(Thread, private_thread)
        hidden = post_reply(users["member"], thread, "A reply a moderator hid", screen=False)
        hidden.hidden_at, hidden.hidden_reason = utcnow(), "Off topic"
        deleted = post_reply(users["member"], thread, "A reply its author deleted", screen=False)
        delete_post(users["member"], deleted)
        users["silenced"].silenced_until = utcnow() + timedelta(days=2)
        db.session.commit()
        ids = {"public_thread": public_thread, "private_thread": private_thread, "hidden": hidden.id,
               "deleted": deleted.id}
    with app.test_request_context():
        yield World(ids)


class World:
    def __init__(self, ids):
        self.ids = ids

    def person(self, name):
        if name == "anonymous":
            return AnonymousUserMixin()
        return db.session.scalar(select(User).where(User.username == name))

    def thing(self, name):
        if name in ("public_thread", "private_thread"):
            return db.session.get(Thread, self.ids[name])
        if name == "private_thread_opening":
            return db.session.scalar(select(Post).where(Post.thread_id == self.ids["private_thread"],
                                                        Post.number == 1))
        if name in ("public_group", "private_group"):
            return db.session.get(Thread, self.ids[name.replace("group", "thread")]).group
        return db.session.get(Post, self.ids[name])


def allowed(*names):
    return {name: name in names for name in PEOPLE}


EVERYONE = allowed(*PEOPLE)
INSIDERS = allowed("member", "private_mod", "site_mod", "admin", "silenced", "author")
CASES = [
    ("can_view_group_content", "public_group", EVERYONE),
    ("can_view_group_content", "private_group", INSIDERS),
    ("can_view_thread", "private_thread", INSIDERS),
    ("can_start_thread", "public_group", allowed("member", "outsider", "pending", "private_mod", "public_mod",
                                                 "site_mod", "admin", "author")),
    ("can_start_thread", "private_group", allowed("member", "private_mod", "author")),
    ("can_reply", "private_thread", allowed("member", "private_mod", "author")),
    ("can_moderate_group", "private_group", allowed("private_mod", "site_mod", "admin")),
    ("can_moderate_group", "public_group", allowed("public_mod", "site_mod", "admin")),
    ("can_join", "public_group", allowed("outsider", "pending", "private_mod", "site_mod", "admin")),
    ("can_request_to_join", "private_group", allowed("outsider", "public_mod", "site_mod", "admin")),
    ("can_see_hidden_post", "hidden", allowed("member", "private_mod", "site_mod", "admin")),
    ("can_view_revisions", "hidden", allowed("member", "private_mod", "site_mod", "admin")),
    ("can_view_revisions", "deleted", allowed("private_mod", "site_mod", "admin")),
    ("can_edit_post", "hidden", allowed("member", "private_mod", "site_mod", "admin")),
    ("can_delete_post", "deleted", allowed()),
    ("can_flag_post", "hidden", allowed("private_mod", "site_mod", "admin")),
    ("can_flag_post", "private_thread_opening", allowed("member", "private_mod", "site_mod", "admin",
                                                        "silenced")),
    ("can_use_mod_area", None, allowed("private_mod", "public_mod", "site_mod", "admin")),
    ("can_edit_watched_words", None, allowed("admin")),
    ("can_change_roles", None, allowed("admin")),
    ("can_comment_on_article", None, allowed("member", "outsider", "pending", "private_mod", "public_mod",
                                            "site_mod", "admin", "author")),
    ("can_write_article", None, allowed()),
    ("can_apply_as_expert", None, allowed("member", "outsider", "pending", "private_mod", "public_mod",
                                          "site_mod", "admin", "author")),
]


def test_every_named_check_for_every_kind_of_person(world):
    """One world, every row of the table; a failure lists each row that differs, and for whom."""
    wrong = []
    for check, thing, expected in CASES:
        subject = () if thing is None else (world.thing(thing),)
        got = {name: bool(getattr(can, check)(world.person(name), *subject)) for name in PEOPLE}
        if got != expected:
            differ = sorted(name for name in PEOPLE if got[name] != expected[name])
            wrong.append(f"{check}({thing or ''}): wrong for {', '.join(differ)}")
    assert not wrong, "\n".join(wrong)


def test_who_may_sanction_whom(world):
    member, site_mod = world.person("member"), world.person("site_mod")
    private_group = world.thing("private_group")
    assert can.can_sanction_user(site_mod, member, "ban")
    assert not can.can_sanction_user(site_mod, world.person("admin"), "warn"), "nobody sanctions an admin"
    assert not can.can_sanction_user(site_mod, site_mod, "warn"), "nor themselves"
    private_mod = world.person("private_mod")
    assert can.can_sanction_user(private_mod, member, "warn", private_group.id)
    assert not can.can_sanction_user(private_mod, member, "warn"), "a group moderator names their group"
    assert not can.can_sanction_user(private_mod, member, "silence", private_group.id)
    assert not can.can_sanction_user(private_mod, world.person("outsider"), "warn", private_group.id)
    public_group = world.thing("public_group")
    assert not can.can_sanction_user(private_mod, member, "warn", public_group.id), "not another group's"


def test_search_leaves_out_exactly_the_private_groups_a_person_cannot_see(world):
    private_id = world.thing("private_group").id
    for name in PEOPLE:
        hidden = can.search_hidden_group_ids(world.person(name))
        assert (private_id in hidden) is (not INSIDERS[name]), name


# -- private messages, blocks and reports (issue 16) ------------------------------

def _message_world(world):
    """``author`` writes to ``member`` (one message); returns (conversation, message)."""
    from forum.actions.messages import start_conversation
    from forum.models import Message

    conversation = start_conversation(world.person("author"), world.person("member"), "Hello there", screen=False)
    return conversation, db.session.scalar(select(Message).where(Message.conversation_id == conversation.id))


def _policy(world, policy):
    author = world.person("author")
    author.message_policy = policy
    db.session.commit()
    can.forget_memberships(author)
    return author


SIGNED_IN = [name for name in PEOPLE if name != "anonymous"]


def test_message_checks_for_every_kind_of_person(world):
    conversation, message = _message_world(world)
    author_and_member = allowed("member", "author")
    cases = [
        ("may_read_conversation", lambda p: can.may_read_conversation(p, conversation), author_and_member),
        ("may_reply_in_conversation", lambda p: can.may_reply_in_conversation(p, conversation), author_and_member),
        ("may_report_message", lambda p: can.may_report_message(p, message), allowed("member")),
        ("may_open_reported_conversation (not reported)",
         lambda p: can.may_open_reported_conversation(p, conversation), allowed()),
        ("may_message(author), anyone", lambda p: can.may_message(p, _policy(world, "anyone")),
         allowed(*[n for n in SIGNED_IN if n != "author"])),
        ("may_message(author), my groups", lambda p: can.may_message(p, _policy(world, "groups")),
         allowed("member", "private_mod", "public_mod", "site_mod", "admin", "silenced")),
        ("may_message(author), nobody", lambda p: can.may_message(p, _policy(world, "nobody")),
         allowed("site_mod", "admin")),
        ("may_block(author)", lambda p: can.may_block(p, world.person("author")),
         allowed(*[n for n in SIGNED_IN if n != "author"])),
        ("may_block(site_mod)", lambda p: can.may_block(p, world.person("site_mod")), allowed()),
        ("may_report_member(author)", lambda p: can.may_report_member(p, world.person("author")),
         allowed(*[n for n in SIGNED_IN if n != "author"])),
    ]
    wrong = []
    for label, check, expected in cases:
        got = {name: bool(check(world.person(name))) for name in PEOPLE}
        if got != expected:
            wrong.append(f"{label}: wrong for {', '.join(sorted(n for n in PEOPLE if got[n] != expected[n]))}")
    assert not wrong, "\n".join(wrong)


def test_a_report_lets_site_moderators_open_a_conversation_and_only_an_audited_opening_lets_them_read(world):
    from forum.actions.blocks import report_message
    from forum.actions.messages import open_reported_conversation

    conversation, message = _message_world(world)
    report_message(world.person("member"), message, "harassment")
    db.session.refresh(conversation)
    opens = {name for name in PEOPLE if can.may_open_reported_conversation(world.person(name), conversation)}
    assert opens == {"site_mod", "admin"}
    assert not can.may_read_conversation(world.person("site_mod"), conversation), "not before the audited opening"
    open_reported_conversation(world.person("site_mod"), conversation)
    assert can.may_read_conversation(world.person("site_mod"), conversation)
    assert not can.may_read_conversation(world.person("admin"), conversation), "each moderator's own opening"
    assert not can.may_reply_in_conversation(world.person("site_mod"), conversation)


def test_a_block_works_both_ways_but_never_stops_the_moderators(world):
    from forum.actions.blocks import block_member

    conversation, _ = _message_world(world)
    member, author = world.person("member"), world.person("author")
    block_member(member, author)
    assert can.is_blocked(member, author) and can.is_blocked(author, member)
    assert can.has_blocked(member, author) and not can.has_blocked(author, member)
    assert not can.may_message(author, member) and not can.may_message(member, author)
    assert not can.may_reply_in_conversation(author, conversation)
    assert not can.may_reply_in_conversation(member, conversation)
    assert can.blocked_ids(member) == {author.id} and can.blocked_ids(author) == frozenset()
    assert can.may_message(world.person("site_mod"), member)
    assert not can.is_blocked(world.person("outsider"), author)


def test_memberships_come_with_the_login_session_and_a_change_in_the_request_is_read_back(
        app, make_user, make_group, add_member, login, client, count_queries):
    """The login's statement loads the reader's memberships (no statement of their own on a page);
    a membership changed later in the same request is read again, never the rows loaded before."""
    from forum.actions.sessions import load_session_user, start_session
    from forum.models import Membership

    make_user("reader")
    open_slug, quiet_slug = make_group("Open Hearts"), make_group("Night Owls")
    add_member("reader", open_slug)
    login("reader")
    with count_queries() as statements:
        assert "Open Hearts" in client.get(f"/groups/{open_slug}").get_data(as_text=True)
    assert not [s for s in statements if s.lstrip().startswith("SELECT memberships")]
    with app.test_request_context("/"):
        reader = db.session.scalar(select(User).where(User.username == "reader"))
        session_row = start_session(reader, "pytest")
        db.session.commit()
        reader = load_session_user(f"{reader.id}:{session_row.id}")
        quiet = db.session.scalar(select(Group).where(Group.slug == quiet_slug))
        assert "memberships" in reader.__dict__  # loaded by the session's statement
        db.session.add(Membership(user_id=reader.id, group_id=quiet.id))  # a change not yet committed
        db.session.flush()
        can.forget_memberships(reader)
        assert can.is_member(reader, quiet)
        db.session.rollback()
