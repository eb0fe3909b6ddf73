"""Questions and answers: helpful votes, accepting an answer, and the answer order."""
import re

import pytest
from sqlalchemy import select

from forum.models import HelpfulVote, Post, Role, Thread


def _question(make_user, make_group, make_thread, reply_as, *answerers):
    make_user("asker")
    for name in answerers:
        make_user(name)
    slug = make_group("Leukemia & Lymphoma")
    thread_id = make_thread("asker", slug, title="What should I ask at my first appointment?")
    posts = [reply_as(name, thread_id, f"Answer from {name}.") for name in answerers]
    return slug, thread_id, posts


def _order(client, thread_id, query=""):
    page = client.get(f"/t/{thread_id}{query}").get_data(as_text=True)
    return re.findall(r"Answer from (\w+)\.", page), page


def test_helpful_toggles_one_vote_per_person(client, db, as_user, make_user, make_group,
                                             make_thread, reply_as):
    _, thread_id, (post_id,) = _question(make_user, make_group, make_thread, reply_as, "bea")
    make_user("cal")
    as_user("cal")
    assert client.post(f"/p/{post_id}/helpful").status_code == 302
    assert db.session.get(Post, post_id).helpful_count == 1
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "1 person found this helpful" in page and 'Helpful ✓' in page
    client.post(f"/p/{post_id}/helpful")  # the second click takes the mark back
    db.session.expire_all()
    assert db.session.get(Post, post_id).helpful_count == 0
    assert db.session.scalars(select(HelpfulVote)).all() == []
    client.post(f"/p/{post_id}/helpful")
    as_user("asker")
    client.post(f"/p/{post_id}/helpful")
    db.session.expire_all()
    assert db.session.get(Post, post_id).helpful_count == 2
    assert len(db.session.scalars(select(HelpfulVote)).all()) == 2


def test_no_votes_on_own_posts_the_question_deleted_or_hidden_posts(
        app, client, db, as_user, make_user, make_group, make_thread, reply_as):
    from forum.actions import ActionError
    from forum.actions.qa import toggle_helpful
    from forum.extensions import db as app_db
    from forum.models import User, utcnow

    _, thread_id, (mine, hidden) = _question(make_user, make_group, make_thread, reply_as, "bea", "cal")
    as_user("bea")
    assert client.post(f"/p/{mine}/helpful").status_code == 403
    assert f'action="/p/{mine}/helpful"' not in client.get(f"/t/{thread_id}").get_data(as_text=True)
    opening = db.session.scalar(select(Post).where(Post.number == 1))
    assert client.post(f"/p/{opening.id}/helpful").status_code == 403
    post = db.session.get(Post, hidden)
    post.hidden_at = utcnow()
    db.session.commit()
    assert client.post(f"/p/{hidden}/helpful").status_code == 403
    with app.app_context():
        bea = app_db.session.scalar(select(User).where(User.username == "bea"))
        try:
            toggle_helpful(bea, app_db.session.get(Post, mine))
        except ActionError as error:
            assert "your own answer" in str(error)
        else:
            raise AssertionError("a self-vote was accepted")
    assert db.session.scalar(select(HelpfulVote)) is None


def test_discussion_replies_are_not_answers(client, as_user, make_user, make_group, make_thread, reply_as):
    make_user("ann")
    make_user("bea")
    slug = make_group("Heart Health")
    thread_id = make_thread("ann", slug, title="Low-salt cooking ideas to share", kind="discussion")
    post_id = reply_as("bea", thread_id)
    as_user("ann")
    assert client.post(f"/p/{post_id}/helpful").status_code == 403
    assert client.post(f"/p/{post_id}/accept").status_code == 403
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "Accepted answer" not in page and "1 found this helpful" not in page


def test_only_the_asker_or_a_moderator_accepts(client, db, as_user, make_user, make_group,
                                               make_thread, reply_as, add_member):
    slug, thread_id, (first, second) = _question(make_user, make_group, make_thread, reply_as, "bea", "cal")
    make_user("dan")
    make_user("group_mod")
    add_member("group_mod", slug, moderator=True)
    make_user("site_mod", role=Role.MODERATOR)
    as_user("dan")
    assert client.post(f"/p/{first}/accept").status_code == 403
    as_user("bea")
    assert client.post(f"/p/{first}/accept").status_code == 403
    as_user("asker")
    assert client.post(f"/p/{second}/accept").status_code == 302
    assert db.session.get(Thread, thread_id).accepted_post_id == second
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "Accepted answer" in page and "Un-accept this answer" in page
    as_user("group_mod")
    client.post(f"/p/{first}/accept")
    db.session.expire_all()
    assert db.session.get(Thread, thread_id).accepted_post_id == first
    as_user("site_mod")
    client.post(f"/p/{first}/accept")  # accepting the accepted answer again un-accepts it
    db.session.expire_all()
    assert db.session.get(Thread, thread_id).accepted_post_id is None


def test_a_deleted_answer_stops_being_accepted(client, db, as_user, make_user, make_group,
                                               make_thread, reply_as):
    _, thread_id, (post_id,) = _question(make_user, make_group, make_thread, reply_as, "bea")
    as_user("asker")
    client.post(f"/p/{post_id}/accept")
    as_user("bea")
    client.post(f"/p/{post_id}/delete")
    db.session.expire_all()
    assert db.session.get(Thread, thread_id).accepted_post_id is None
    as_user("asker")
    assert client.post(f"/p/{post_id}/accept").status_code == 403


def test_answer_order_expert_accepted_helpful_then_oldest(
        client, as_user, make_user, make_group, make_thread, reply_as, make_expert):
    _, thread_id, posts = _question(make_user, make_group, make_thread, reply_as, "old", "voted", "picked")
    make_expert("doc")
    reply_as("doc", thread_id, "Answer from doc.")
    make_user("voter")
    as_user("voter")
    client.post(f"/p/{posts[1]}/helpful")
    as_user("asker")
    client.post(f"/p/{posts[2]}/accept")
    order, page = _order(client, thread_id)
    assert order == ["doc", "picked", "voted", "old"]
    assert page.index("What should I ask at my first appointment?") < page.index('id="post-1"') \
        < page.index("Answer from doc.")
    oldest, page = _order(client, thread_id, "?sort=oldest")
    assert oldest == ["old", "voted", "picked", "doc"]
    assert f'href="/t/{thread_id}?sort=oldest" aria-current="true"' in page
    assert client.get(f"/t/{thread_id}?sort=sideways").status_code == 404


def test_order_spans_pages_and_permalinks_find_the_page(
        app, client, as_user, make_user, make_group, make_thread, reply_as):
    app.config["POSTS_PER_PAGE"] = 3
    _, thread_id, posts = _question(make_user, make_group, make_thread, reply_as,
                                    "an1", "an2", "an3", "an4", "an5")
    make_user("voter")
    as_user("voter")
    client.post(f"/p/{posts[4]}/helpful")  # the newest answer is now the most helpful
    first, page1 = _order(client, thread_id)
    assert first == ["an5", "an1"] and 'id="post-1"' in page1
    second, page2 = _order(client, thread_id, "?page=2")
    assert second == ["an2", "an3", "an4"] and 'id="post-1"' not in page2
    assert client.get(f"/p/{posts[4]}").headers["Location"] == f"/t/{thread_id}#post-6"
    assert client.get(f"/p/{posts[3]}").headers["Location"] == f"/t/{thread_id}?page=2#post-5"
    _, oldest2 = _order(client, thread_id, "?sort=oldest&page=2")
    assert f'href="/t/{thread_id}?page=1&amp;sort=oldest"' in oldest2 \
        or f'href="/t/{thread_id}?sort=oldest&amp;page=1"' in oldest2


def test_question_page_with_experts_votes_and_accepted_answer_stays_cheap(
        client, as_user, count_queries, make_user, make_group, make_thread, reply_as, make_expert):
    _, thread_id, posts = _question(make_user, make_group, make_thread, reply_as,
                                    *[f"mem{i}" for i in range(12)])
    make_expert("doc")
    make_expert("nurse", specialty="nursing", profession="Clinical nurse specialist")
    reply_as("doc", thread_id)
    reply_as("nurse", thread_id)
    make_user("reader")
    as_user("reader")
    for post_id in posts[:6]:
        client.post(f"/p/{post_id}/helpful")
    as_user("asker")
    client.post(f"/p/{posts[3]}/accept")
    as_user("reader")
    with count_queries() as statements:
        page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert len(statements) <= 8, "\n".join(statements)
    assert "2 experts answered" in page and page.count("Expert answer") == 2
    assert page.count('Helpful ✓') == 6 and "Accepted answer" in page


@pytest.mark.parametrize("path", ["/p/{post}/helpful", "/p/{post}/accept", "/experts/apply",
                                  "/experts/applications/1/approve", "/experts/doc/revoke",
                                  "/second-opinion/new", "/second-opinion/1/comments"])
def test_new_state_changes_need_csrf(csrf_app, client, db, make_user, make_group, make_thread,
                                     reply_as, path):
    from tests.forum.routes.test_csrf import _login

    _, thread_id, (post_id,) = _question(make_user, make_group, make_thread, reply_as, "bea")
    make_user("boss", role=Role.ADMIN)
    _login(client, "boss" if "/experts/" in path else "asker")
    assert client.post(path.format(post=post_id), data={"reason": "x", "body": "y"}).status_code == 400
    assert db.session.get(Post, post_id).helpful_count == 0
    assert db.session.get(Thread, thread_id).accepted_post_id is None
