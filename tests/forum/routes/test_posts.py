"""Threads and posts: ask, reply, quote, edit with history, delete, limits."""
from sqlalchemy import select

from forum.models import Group, Post, PostRevision, Thread


def _setup(make_user, make_group, login):
    make_user("ann")
    slug = make_group("Breast Cancer")
    login("ann")
    return slug


def test_start_a_question_and_read_it(client, db, make_user, make_group, login):
    slug = _setup(make_user, make_group, login)
    response = client.post(f"/groups/{slug}/new", data={
        "kind": "question", "title": "Is tiredness normal after radiotherapy?",
        "body": "I finished **week 3** and feel exhausted."})
    assert response.status_code == 302
    thread = db.session.scalar(select(Thread))
    assert thread.kind == "question"
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "Is tiredness normal after radiotherapy?" in page
    assert "<strong>week 3</strong>" in page
    group = db.session.scalar(select(Group))
    assert group.thread_count == 1 and group.post_count == 1 and group.last_activity_at is not None


def test_title_and_body_limits_keep_what_the_user_typed(client, db, make_user, make_group, login):
    slug = _setup(make_user, make_group, login)
    typed = "My long story that I do not want to lose " * 10
    response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": "Too short", "body": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Titles are 10–200 characters." in page
    assert "My long story that I do not want to lose" in page
    response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": "x" * 201, "body": "b"})
    assert response.status_code == 400 and "Titles are 10–200 characters." in response.get_data(as_text=True)
    response = client.post(f"/groups/{slug}/new", data={"kind": "question",
                                                         "title": "A perfectly good title", "body": ""})
    assert response.status_code == 400 and "Write something before posting." in response.get_data(as_text=True)
    huge = "a" * 20_001
    response = client.post(f"/groups/{slug}/new", data={"kind": "question",
                                                         "title": "A perfectly good title", "body": huge})
    assert response.status_code == 400
    assert "up to 20,000 characters" in response.get_data(as_text=True)
    response = client.post(f"/groups/{slug}/new", data={"kind": "poll", "title": "A perfectly good title",
                                                         "body": "b"})
    assert response.status_code == 400
    assert db.session.scalar(select(Thread)) is None


def test_whitespace_only_title_is_refused(client, make_user, make_group, login):
    slug = _setup(make_user, make_group, login)
    response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": " " * 20, "body": "hello"})
    assert response.status_code == 400 and "hello" in response.get_data(as_text=True)
    assert 'href="/t/' not in client.get(f"/groups/{slug}").get_data(as_text=True), "no thread was created"


def test_reply_quote_and_permalink(client, db, make_user, make_group, make_thread, login):
    slug = _setup(make_user, make_group, login)
    thread_id = make_thread("ann", slug, body="Has anyone tried **cold caps**?")
    response = client.post(f"/t/{thread_id}/reply", data={"body": "Yes, they helped me keep some hair."})
    assert response.status_code == 302 and response.headers["Location"].endswith("#post-2")
    quote_page = client.get(f"/t/{thread_id}/reply?quote=1").get_data(as_text=True)
    assert "&gt; **ann** wrote:" in quote_page and "&gt; Has anyone tried **cold caps**?" in quote_page
    client.post(f"/t/{thread_id}/reply", data={"body": "> **ann** wrote:\n> Has anyone tried cold caps?\n\nI did."})
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "<blockquote>" in page and 'id="post-3"' in page
    post = db.session.scalar(select(Post).where(Post.number == 3))
    assert client.get(f"/p/{post.id}").headers["Location"] == f"/t/{thread_id}#post-3"
    assert db.session.get(Thread, thread_id).reply_count == 2


def test_empty_reply_keeps_the_form(client, make_user, make_group, make_thread, login):
    slug = _setup(make_user, make_group, login)
    thread_id = make_thread("ann", slug)
    response = client.post(f"/t/{thread_id}/reply", data={"body": "   "})
    assert response.status_code == 400
    assert "Write something before posting." in response.get_data(as_text=True)


def test_edit_keeps_revision_history(client, db, make_user, make_group, make_thread, login):
    slug = _setup(make_user, make_group, login)
    thread_id = make_thread("ann", slug, title="Original title here", body="First version")
    post = db.session.scalar(select(Post))
    response = client.post(f"/p/{post.id}/edit", data={"title": "Better title here", "body": "Second version"})
    assert response.status_code == 302
    client.post(f"/p/{post.id}/edit", data={"title": "Better title here", "body": "Third version"})
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "Third version" in page and "Better title here" in page and "edited" in page
    history = client.get(f"/p/{post.id}/revisions").get_data(as_text=True)
    assert "First version" in history and "Second version" in history and "Original title here" in history
    assert db.session.scalar(select(PostRevision.id).where(PostRevision.post_id == post.id)) is not None
    response = client.post(f"/p/{post.id}/edit", data={"title": "Better title here", "body": "Third version"})
    assert response.status_code == 400 and "Nothing changed" in response.get_data(as_text=True)


def test_others_cannot_edit_or_delete(client, app, db, make_user, make_group, make_thread, login):
    slug = _setup(make_user, make_group, login)
    make_thread("ann", slug)
    post = db.session.scalar(select(Post))
    make_user("bob")
    bob = app.test_client()
    login("bob", c=bob)
    assert bob.get(f"/p/{post.id}/edit").status_code == 403
    assert bob.post(f"/p/{post.id}/edit", data={"title": "Hijacked the title", "body": "x"}).status_code == 403
    assert bob.post(f"/p/{post.id}/delete").status_code == 403
    db.session.expire_all()
    assert db.session.get(Post, post.id).body_source == "What should I expect?"


def test_delete_leaves_a_placeholder(client, db, make_user, make_group, make_thread, login):
    slug = _setup(make_user, make_group, login)
    thread_id = make_thread("ann", slug)
    client.post(f"/t/{thread_id}/reply", data={"body": "I regret writing this reply"})
    client.post(f"/t/{thread_id}/reply", data={"body": "A later reply stays readable"})
    reply = db.session.scalar(select(Post).where(Post.number == 2))
    assert client.post(f"/p/{reply.id}/delete").status_code == 302
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "I regret writing this reply" not in page
    assert "This post was deleted by its author." in page
    assert "A later reply stays readable" in page
    assert client.get(f"/p/{reply.id}/revisions").status_code == 404
    db.session.expire_all()
    assert db.session.get(Thread, thread_id).reply_count == 1


def test_anonymous_readers_see_a_login_prompt_not_a_form(client, make_user, make_group, make_thread):
    make_user("ann")
    slug = make_group("Heart Health")
    thread_id = make_thread("ann", slug)
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert "to reply" in page and 'name="body"' not in page
    assert client.post(f"/t/{thread_id}/reply", data={"body": "hi"}).status_code == 302


def test_thread_pages_hold_twenty_posts_oldest_first(client, app, db, make_user, make_group, make_thread):
    from forum.actions.posts import post_reply
    from forum.models import User

    make_user("ann")
    slug = make_group("Chronic Pain")
    thread_id = make_thread("ann", slug)
    with app.app_context():
        user = db.session.scalar(select(User))
        thread = db.session.get(Thread, thread_id)
        for i in range(2, 26):
            post_reply(user, thread, f"Reply body number {i}")
    first = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert first.count('<article class="post') == 20
    assert first.index("Reply body number 2<") < first.index("Reply body number 3<")
    second = client.get(f"/t/{thread_id}?page=2").get_data(as_text=True)
    assert second.count('<article class="post') == 5 and "Reply body number 25" in second
    last = db.session.scalar(select(Post).where(Post.number == 25))
    assert client.get(f"/p/{last.id}").headers["Location"] == f"/t/{thread_id}?page=2#post-25"


def test_role_badges_show_on_posts(client, make_user, make_group, make_thread):
    from forum.models import Role

    make_user("dr_okafor", role=Role.EXPERT)
    slug = make_group("Leukemia & Lymphoma")
    thread_id = make_thread("dr_okafor", slug)
    assert "badge-expert" in client.get(f"/t/{thread_id}").get_data(as_text=True)
