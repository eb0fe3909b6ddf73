"""Small things people hit (issue 16): who started a thread, locked threads saying so, flagging
twice, voting keeping the chosen order, the danger button."""
import pytest
from sqlalchemy import func, select

from forum.extensions import db as _db
from forum.models import Flag, Post, Role, Thread, User


@pytest.fixture
def community(make_user, make_group, make_thread, add_member):
    for name in ("ann", "bob", "moe"):
        make_user(name, role=Role.MODERATOR if name == "moe" else Role.MEMBER)
    slug = make_group("Heart Health")
    for name in ("ann", "bob"):
        add_member(name, slug)
    question = make_thread("ann", slug, title="Does metformin cause tiredness?", kind="question")
    discussion = make_thread("ann", slug, title="Our walking group this week", kind="discussion")
    return {"slug": slug, "question": question, "discussion": discussion}


def test_discussions_say_started_by_and_questions_asked_by(client, community):
    assert "Asked by" in client.get(f"/t/{community['question']}").get_data(as_text=True)
    page = client.get(f"/t/{community['discussion']}").get_data(as_text=True)
    assert "Started by" in page and "Asked by" not in page


def _lock(app, thread_id):
    from forum.actions.moderation import lock_thread

    with app.app_context():
        moe = _db.session.scalar(select(User).where(User.username == "moe"))
        lock_thread(moe, _db.session.get(Thread, thread_id), True, "Going in circles")


def test_a_locked_thread_says_it_is_locked_and_keeps_the_reply(app, client, login, community, db):
    _lock(app, community["discussion"])
    login("bob")
    page = client.get(f"/t/{community['discussion']}").get_data(as_text=True)
    assert "This thread is locked" in page
    response = client.post(f"/t/{community['discussion']}/reply", data={"body": "My careful reply to all"})
    assert response.status_code == 403
    text = response.get_data(as_text=True)
    assert "This thread is locked" in text and "My careful reply to all" in text
    assert db.session.scalar(select(func.count()).select_from(Post)
                             .where(Post.thread_id == community["discussion"])) == 1
    assert "This thread is locked" in client.get(f"/t/{community['discussion']}/reply").get_data(as_text=True)


def test_a_moderator_is_told_the_thread_is_locked_but_may_reply(app, client, login, community):
    _lock(app, community["discussion"])
    login("moe")
    page = client.get(f"/t/{community['discussion']}").get_data(as_text=True)
    assert "as a moderator you can still reply" in page


def _reply_id(app, make_thread_id, author="bob", body="Yes, for the first weeks."):
    from forum.actions.posts import post_reply

    with app.app_context():
        user = _db.session.scalar(select(User).where(User.username == author))
        return post_reply(user, _db.session.get(Thread, make_thread_id), body, screen=False).id


def test_flagging_twice_says_you_have_already_flagged_this(app, client, login, community, db):
    reply = _reply_id(app, community["question"])
    login("ann")
    assert client.post(f"/p/{reply}/flag", data={"reason": "spam"}).status_code == 302
    page = client.get(f"/p/{reply}/flag").get_data(as_text=True)
    assert "You have already flagged this post" in page and 'name="reason"' not in page
    again = client.post(f"/p/{reply}/flag", data={"reason": "harassment"})
    assert again.status_code == 400 and "already flagged" in again.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Flag)) == 1


def test_voting_keeps_the_chosen_sort(app, client, login, community):
    reply = _reply_id(app, community["question"])
    login("ann")
    page = client.get(f"/t/{community['question']}?sort=oldest").get_data(as_text=True)
    assert 'name="sort" value="oldest"' in page
    response = client.post(f"/p/{reply}/helpful", data={"sort": "oldest"})
    assert response.status_code == 302 and "sort=oldest" in response.headers["Location"]
    assert "sort=" not in client.post(f"/p/{reply}/helpful").headers["Location"]  # the default order


def test_the_delete_account_button_is_a_danger_button(client, login, make_user):
    make_user("dan")
    login("dan")
    page = client.get("/settings/account").get_data(as_text=True)
    assert 'class="button danger">Delete my account' in page
    css = client.get("/static/css/askwell.css").get_data(as_text=True)
    assert ".button.danger" in css
