"""The events that reach people by what they are: someone quoted in a reply, the experts in a
question's specialties (every expert when none covers it), the moderators when no specialist
does, and the digest's new expert answers in one's groups. Each is tried against people who
may not see the thread: they get nothing."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from forum.actions import blocks, following, groups
from forum.extensions import db as _db
from forum.models import Group, Notification, Role, Thread, User
from moderation.sanitize import quote_markdown
from tests.forum.notifications import smtp


def ask_expert(app, username: str, slug: str, title: str, anonymous: bool = False) -> int:
    from forum.actions.posts import start_thread

    with app.app_context():
        user = _db.session.scalar(select(User).where(User.username == username))
        group = _db.session.scalar(select(Group).where(Group.slug == slug))
        return start_thread(user, group, "question", title, "My ferritin came back at 9. What next?",
                            ask_expert=True, anonymous=anonymous).id


def texts(app, username: str) -> list[str]:
    """What ``username``'s notifications page says, one line per batch."""
    from forum.notifications.queries import batches, visible_notifications

    with app.test_request_context():
        user = _db.session.scalar(select(User).where(User.username == username))
        return [b.text for b in batches(visible_notifications(user))]


@pytest.fixture
def covered(app, make_user, make_group, make_expert):
    """"Blood Matters" is mapped to haematology (drheme); drcardio covers cardiology only."""
    from forum.actions.experts import set_group_specialties

    for name in ("ann", "bob", "cat", "eve"):
        make_user(name)
    blood, secret = make_group("Blood Matters"), make_group("Closed Ward", private=True)
    with app.app_context():
        for slug in (blood, secret):
            set_group_specialties(_db.session.scalar(select(Group).where(Group.slug == slug)), ["haematology"])
    make_expert("drheme", specialty="haematology")
    make_expert("drcardio", specialty="cardiology", profession="Cardiologist")
    with app.app_context():  # "your expert application was approved" is not what these tests are about
        _db.session.execute(delete(Notification))
        _db.session.commit()
    return {"blood": blood, "secret": secret}


# -- quotes ---------------------------------------------------------------------------

def quoting(author: str, source: str, answer: str) -> str:
    return quote_markdown(source, author) + answer


def test_a_quote_tells_the_quoted_author_once_and_the_watchers_as_a_reply(
        app, public, act, notices, reply_as):
    bob_post = reply_as("bob", public["thread"], "Iron tablets made me queasy until I took them at night.")
    act(following.set_watch, "eve", (Thread, public["thread"]), level="watch")
    reply_as("cat", public["thread"], quoting("bob", "Iron tablets made me queasy until I took them at night.",
                                              "Same here, bob. Vitamin C helped it absorb."))
    assert notices("bob") == ["quote"], "quoted, not also told of a reply"
    assert notices("eve") == ["reply"]
    assert notices("ann")[-1] == "reply"
    assert texts(app, "bob") == ["cat quoted you in “Which dose is right for me?”"]
    assert bob_post


def test_a_quote_and_a_mention_of_the_same_person_is_one_mention(public, notices, reply_as):
    reply_as("bob", public["thread"], "Mine was low too.")
    reply_as("cat", public["thread"], quoting("bob", "Mine was low too.", "@bob how low was it?"))
    assert notices("bob") == ["mention"]


def test_a_made_up_quote_of_someone_outside_the_thread_tells_nobody(public, notices, reply_as):
    reply_as("cat", public["thread"], quoting("eve", "I never wrote this.", "Is this right?"))
    assert notices("eve") == []


def test_a_quote_of_someone_who_muted_the_thread_or_blocked_the_quoter_tells_nothing(
        public, act, notices, reply_as):
    reply_as("bob", public["thread"], "I split the dose.")
    reply_as("eve", public["thread"], "I take it all at once.")
    act(following.set_watch, "bob", (Thread, public["thread"]), level="mute")
    act(blocks.block_member, "eve", (User, "cat"))
    reply_as("cat", public["thread"], quoting("bob", "I split the dose.", "")
             + quoting("eve", "I take it all at once.", "Which is better?"))
    assert "quote" not in notices("bob") and "quote" not in notices("eve")


def test_a_quote_in_a_private_group_never_reaches_someone_who_left(private, act, notices, reply_as):
    reply_as("cat", private["thread"], "I asked my GP for a blood test.")
    act(groups.leave_group, "cat", (Group, private["slug"]))
    reply_as("bob", private["thread"], quoting("cat", "I asked my GP for a blood test.", "Good idea."))
    assert notices("cat") == []


def test_a_typed_reply_with_windows_line_endings_still_counts_as_a_quote(public, notices, reply_as):
    reply_as("bob", public["thread"], "Take it with orange juice.")
    typed = quoting("bob", "Take it with orange juice.", "Thanks!").replace("\n", "\r\n")
    reply_as("cat", public["thread"], typed)
    assert notices("bob") == ["quote"]


# -- questions for experts ----------------------------------------------------------

def test_asking_an_expert_tells_the_specialists_and_not_the_other_experts(app, covered, notices):
    ask_expert(app, "ann", covered["blood"], "Is a ferritin of 9 low?")
    assert notices("drheme") == ["expert_question"]
    assert notices("drcardio") == [], "a cardiologist is not asked about ferritin"
    assert notices("ann") == [] and notices("bob") == []
    assert texts(app, "drheme") == ["ann asked an expert in Blood Matters: “Is a ferritin of 9 low?”"]


def test_a_plain_question_does_not_ping_the_experts(app, covered, make_thread, notices):
    make_thread("ann", covered["blood"], title="Does anyone else feel cold all the time?")
    assert notices("drheme") == []


def test_an_anonymous_question_does_not_name_its_asker_to_the_experts(app, covered, notices):
    with app.app_context():
        _db.session.execute(update(Group).where(Group.slug == covered["blood"]).values(allows_anonymous=True))
        _db.session.commit()
    ask_expert(app, "ann", covered["blood"], "Embarrassing symptom question", anonymous=True)
    [line] = texts(app, "drheme")
    assert line.startswith("An anonymous member asked an expert") and "ann" not in line


def test_with_no_specialist_every_expert_is_asked_marked_and_moderators_get_a_bell(
        app, covered, make_user, make_group, add_member, notices):
    make_user("modm", role=Role.MODERATOR)
    make_user("gmod")
    lonely = make_group("Rare Rashes")
    add_member("gmod", lonely, moderator=True)
    ask_expert(app, "ann", lonely, "Is this rash serious?")
    assert notices("drheme") == ["expert_question"] and notices("drcardio") == ["expert_question"]
    assert "(no specialist covers this group, so it came to every expert)" in texts(app, "drcardio")[0]
    for moderator in ("modm", "gmod", "verifier"):
        assert notices(moderator) == ["no_specialist"], moderator
    assert texts(app, "gmod") == ["No expert covers Rare Rashes: a question went to every expert"]
    assert notices("bob") == []


def test_a_private_question_reaches_only_experts_and_moderators_who_may_see_it(
        app, covered, add_member, make_user, make_group, notices):
    add_member("ann", covered["secret"])
    ask_expert(app, "ann", covered["secret"], "A private worry about my bloods")
    assert notices("drheme") == [], "the specialist is not in the closed group"
    add_member("drheme", covered["secret"])
    ask_expert(app, "ann", covered["secret"], "A second private worry")
    assert notices("drheme") == ["expert_question"]

    make_user("modm", role=Role.MODERATOR)
    make_user("othermod")
    other, hidden = make_group("Elsewhere"), make_group("Hidden Ward", private=True)
    add_member("othermod", other, moderator=True)
    add_member("ann", hidden)
    ask_expert(app, "ann", hidden, "Nobody covers this private question")
    assert notices("modm") == ["no_specialist"]
    assert notices("othermod") == [], "a moderator of another group may not see it"
    assert notices("drcardio") == [], "no expert outside the private group is told"


def test_questions_for_experts_batch_per_group_on_the_page(app, covered, notices):
    for title in ("Is a ferritin of 9 low?", "Do iron infusions hurt?", "B12 injections every 3 months?"):
        ask_expert(app, "ann", covered["blood"], title)
    assert texts(app, "drheme") == ["3 new questions for experts in Blood Matters"]


def test_the_email_choices_offer_expert_and_moderator_kinds_only_to_them(covered, as_user, client, make_user):
    as_user("bob")
    page = client.get("/settings/email").get_data(as_text=True)
    assert "asks an expert in your specialties" not in page and "finds no expert" not in page
    assert "New expert answers in your groups" in page
    as_user("drheme")
    assert "asks an expert in your specialties" in client.get("/settings/email").get_data(as_text=True)
    make_user("modm", role=Role.MODERATOR)
    as_user("modm")
    assert "finds no expert for its group" in client.get("/settings/email").get_data(as_text=True)


# -- the digest's new expert answers ---------------------------------------------------

@pytest.fixture
def inbox(app):
    controller, inbox = smtp.start(app)
    yield inbox
    controller.stop()


def test_the_weekly_digest_lists_new_expert_answers_in_ones_groups(
        app, covered, add_member, make_thread, reply_as, inbox, runner, notices):
    for name in ("bob", "cat", "ann"):
        add_member(name, covered["blood"])
    add_member("cat", covered["secret"])
    add_member("drheme", covered["secret"])
    question = make_thread("ann", covered["blood"], title="Iron and tea: how long apart?")
    secret = make_thread("cat", covered["secret"], title="Closed-ward question about transfusions")
    reply_as("drheme", question, "Leave an hour between tea and iron: tannins block absorption.")
    reply_as("drheme", secret, "Transfusion reactions are rare; tell the nurse at once.")
    with app.app_context():  # cat leaves the closed ward before the digest goes out
        from forum.actions.groups import leave_group

        leave_group(_db.session.scalar(select(User).where(User.username == "cat")),
                    _db.session.scalar(select(Group).where(Group.slug == covered["secret"])))

    output = runner.invoke(args=["jobs", "digests", "--weekly"]).output
    assert "Queued" in output
    [bob] = inbox.to("bob@example.com")
    text = bob.get_body(("plain",)).get_content()
    assert "New expert answers in your groups" in text
    assert "drheme, a verified expert, answered “Iron and tea: how long apart?” in Blood Matters" in text
    assert bob["Subject"].endswith("digest: 1 new expert answer")
    assert "List-Unsubscribe" in bob
    # Her own question's answer came at once, while she was still a member; on SQLite its
    # notification has the id of one deleted above (the fixture's), whose email went already.
    told, cat = inbox.to("cat@example.com")
    assert told["Subject"] == "drheme, a verified expert, answered your question “Closed-ward question about transfusions”"
    assert "Closed-ward question" not in cat.get_body(("plain",)).get_content(), "she left: nothing of it"
    assert "Iron and tea" in cat.get_body(("plain",)).get_content()
    assert inbox.to("eve@example.com") == [], "not a member of the group"
    assert all("New expert answers in your groups" not in m.get_body(("plain",)).get_content()
               for m in inbox.to("ann@example.com")), "the asker was told of it as a notification"
    runner.invoke(args=["jobs", "digests", "--weekly"])
    assert len(inbox.to("bob@example.com")) == 1, "one digest a week"


def test_expert_answers_leave_the_digest_when_one_says_never_and_never_come_at_once(
        app, covered, add_member, make_thread, reply_as, inbox, runner, as_user, client, db):
    add_member("bob", covered["blood"])
    as_user("bob")
    response = client.post("/settings/email", data={"group_expert_answers": "immediately"})
    assert response.status_code == 400 and "daily or weekly digest, or never" in response.get_data(as_text=True)
    assert client.post("/settings/email", data={"group_expert_answers": "never"}).status_code == 302
    question = make_thread("ann", covered["blood"], title="Iron and tea: how long apart?")
    reply_as("drheme", question, "Leave an hour between them.")
    runner.invoke(args=["jobs", "digests", "--weekly"])
    runner.invoke(args=["jobs", "digests", "--daily"])
    assert inbox.to("bob@example.com") == []
    assert db.session.scalar(select(Notification).where(Notification.kind == "group_expert_answers")) is None
