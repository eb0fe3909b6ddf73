"""Anonymous posting in sensitive groups: the group setting, the checkbox, and every surface
that could name the author (thread page, group list, search, profile, quotes, the moderation
log) naming no one; the author sees "You (posted anonymously)"; a moderator's reveal is
audited; the account's standing still applies."""
import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from forum.actions import ActionError
from forum.actions.posts import start_thread
from forum.models import Group, ModerationAction, Post, Role, Thread, User, utcnow

WHO = "quillonius"  # the anonymous author: a name that appears nowhere else on a page
TITLE = "Disclosing my status to a new partner"
BODY = "I was diagnosed last year and I am unsure how to tell someone new. Any experience?"
REPLY = "I went through the same thing with mebendazolex and it got easier."


@pytest.fixture
def sensitive(app, db, make_user, make_group, add_member):
    """A group allowing anonymous posts ("living-with-hiv"): quillonius and bob members, gina its
    moderator, modm a site moderator, ada an admin; a second group "open-chat" without the setting."""
    make_user(WHO)
    make_user("bob")
    make_user("gina")
    make_user("modm", role=Role.MODERATOR)
    make_user("ada", role=Role.ADMIN)
    slug, plain = make_group("Living with HIV"), make_group("Open Chat")
    for name in (WHO, "bob"):
        add_member(name, slug)
        add_member(name, plain)
    add_member("gina", slug, moderator=True)
    db.session.scalar(select(Group).where(Group.slug == slug)).allows_anonymous = True
    db.session.commit()
    return {"slug": slug, "plain": plain}


def _thread(db, title=TITLE) -> Thread:
    db.session.expire_all()
    return db.session.scalar(select(Thread).where(Thread.title == title))


@pytest.fixture
def anonymous_thread(sensitive, as_user, db):
    """quillonius starts an anonymous thread through the form, and bob replies to it by name."""
    author = as_user(WHO)
    response = author.post(f"/groups/{sensitive['slug']}/new", data={
        "kind": "discussion", "title": TITLE, "body": BODY, "anonymous": "y"})
    assert response.status_code == 302
    thread = _thread(db)
    as_user("bob").post(f"/t/{thread.id}/reply", data={"body": "Thank you for asking this here."})
    return thread.id


def _page(client, path) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_the_setting_is_off_by_default_no_checkbox_and_a_forged_flag_is_ignored(sensitive, as_user, db):
    member = as_user(WHO)
    assert "Post as an anonymous member" not in _page(member, f"/groups/{sensitive['plain']}/new")
    member.post(f"/groups/{sensitive['plain']}/new", data={
        "kind": "discussion", "title": "Forged anonymous thread", "body": BODY, "anonymous": "1"})
    thread = _thread(db, "Forged anonymous thread")
    assert not thread.is_anonymous and not db.session.get(Post, thread.id).is_anonymous
    page = _page(member, f"/t/{thread.id}")
    assert "Post as an anonymous member" not in page
    member.post(f"/t/{thread.id}/reply", data={"body": "A forged anonymous reply.", "anonymous": "1"})
    reply = db.session.scalar(select(Post).where(Post.body_source == "A forged anonymous reply."))
    assert not reply.is_anonymous
    as_user("bob")
    assert WHO in _page(member, f"/t/{thread.id}")


def test_an_admin_turns_the_setting_on_in_the_group_settings_and_it_is_audited(sensitive, as_user, db):
    admin = as_user("ada")
    form = _page(admin, f"/groups/{sensitive['plain']}/settings")
    assert "Members may post anonymously" in form
    response = admin.post(f"/groups/{sensitive['plain']}/settings", data={
        "name": "Open Chat", "slug": sensitive["plain"], "description": "A support group.",
        "allows_anonymous": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(Group).where(Group.slug == sensitive["plain"])).allows_anonymous
    entry = db.session.scalar(select(ModerationAction).where(ModerationAction.action == "edit_group"))
    assert "anonymous posting" in entry.reason
    assert "Post as an anonymous member" in _page(as_user("bob"), f"/groups/{sensitive['plain']}/new")
    # A group moderator's form has no such setting, and cannot switch it by posting it.
    gina = as_user("gina")
    assert "Members may post anonymously" not in _page(gina, f"/groups/{sensitive['slug']}/settings")
    gina.post(f"/groups/{sensitive['slug']}/settings", data={"description": "Peer support.",
                                                             "allows_anonymous": ""})
    db.session.expire_all()
    assert db.session.scalar(select(Group).where(Group.slug == sensitive["slug"])).allows_anonymous


def test_the_checkbox_is_offered_and_the_thread_is_stored_with_its_real_author(sensitive, anonymous_thread,
                                                                             as_user, db):
    assert "Post as an anonymous member" in _page(as_user("bob"), f"/groups/{sensitive['slug']}/new")
    assert "Post as an anonymous member" in _page(as_user("bob"), f"/t/{anonymous_thread}")
    thread = _thread(db)
    opening = db.session.scalar(select(Post).where(Post.thread_id == thread.id, Post.number == 1))
    author = db.session.scalar(select(User).where(User.username == WHO))
    assert thread.is_anonymous and opening.is_anonymous
    assert thread.author_id == author.id == opening.author_id
    assert author.post_count == 1  # it counts against the account like any post


@pytest.mark.parametrize("reader", ["bob", "gina", "modm", None])
def test_no_other_reader_learns_who_on_the_thread_group_and_home_pages(sensitive, anonymous_thread, as_user,
                                                                      client, reader):
    viewer = as_user(reader) if reader else client
    if reader is None:
        client.post("/logout")
    for path in (f"/t/{anonymous_thread}", f"/groups/{sensitive['slug']}", "/", f"/p/{anonymous_thread}/revisions"):
        response = viewer.get(path)
        if response.status_code != 200:
            continue
        page = response.get_data(as_text=True)
        assert WHO not in page, path
    thread_page = _page(viewer, f"/t/{anonymous_thread}")
    assert "Started by" in thread_page and "An anonymous member" in thread_page
    assert "bob" in thread_page  # the named reply still names its author
    assert "An anonymous member" in _page(viewer, f"/groups/{sensitive['slug']}")


def test_the_author_sees_you_posted_anonymously(anonymous_thread, as_user):
    page = _page(as_user(WHO), f"/t/{anonymous_thread}")
    assert "You (posted anonymously)" in page
    header = page.split('class="thread-header"')[1].split("</header>")[0]
    posts = page.split('<div class="posts">')[1].split("reply-box")[0]
    assert "You (posted anonymously)" in header and WHO not in header and WHO not in posts


def test_the_fragment_cache_never_carries_the_name_to_other_readers(app, anonymous_thread, as_user, client):
    app.config["FRAGMENT_CACHE"] = True
    _page(as_user(WHO), f"/t/{anonymous_thread}")  # the author's visit renders (and caches) first
    page = _page(as_user("bob"), f"/t/{anonymous_thread}")
    assert WHO not in page and "You (posted anonymously)" not in page
    client.post("/logout")
    for _ in range(2):  # cold, then from the visitors' shared cache
        page = _page(client, f"/t/{anonymous_thread}")
        assert WHO not in page and "You (posted anonymously)" not in page and "An anonymous member" in page


def test_the_fragment_key_changes_with_the_flag_and_not_with_the_author(app, anonymous_thread, db):
    from forum.fragments import post_key

    post = db.session.scalar(select(Post).where(Post.thread_id == anonymous_thread, Post.number == 1))
    with app.test_request_context():
        anonymous_key = post_key(post, post.thread)
        post.author.username = "renamedperson"
        assert post_key(post, post.thread) == anonymous_key  # nothing of the author is in it
        post.is_anonymous = False
        assert post_key(post, post.thread) != anonymous_key
    db.session.rollback()


def test_an_anonymous_reply_and_a_quote_of_it_name_no_one(sensitive, anonymous_thread, as_user, db):
    author = as_user(WHO)
    author.post(f"/t/{anonymous_thread}/reply", data={"body": REPLY, "anonymous": "y"})
    reply = db.session.scalar(select(Post).where(Post.body_source == REPLY))
    assert reply.is_anonymous
    bob = as_user("bob")
    page = _page(bob, f"/t/{anonymous_thread}")
    assert REPLY.split(" with ")[0] in page and WHO not in page
    quote = _page(bob, f"/t/{anonymous_thread}/reply?quote={reply.id}")
    assert "An anonymous member" in quote and WHO not in quote


def test_search_results_and_suggestions_name_no_one(anonymous_thread, as_user):
    bob = as_user("bob")
    page = _page(bob, "/search?q=partner")
    assert TITLE in page and "An anonymous member" in page and WHO not in page
    # The author's name is not in the search document: searching for it finds nothing.
    assert TITLE not in _page(bob, f"/search?q={WHO}")
    similar = bob.get("/search/similar?title=Disclosing+status+partner")
    assert WHO not in similar.get_data(as_text=True)


def test_the_public_profile_leaves_anonymous_posts_out(app, sensitive, anonymous_thread, as_user, client):
    as_user(WHO).post(f"/groups/{sensitive['plain']}/new", data={
        "kind": "discussion", "title": "A named thread of mine", "body": BODY})
    for viewer in (as_user("bob"), as_user(WHO)):
        page = _page(viewer, f"/u/{WHO}")
        assert TITLE not in page and "A named thread of mine" in page and "1 post" in page
    client.post("/logout")
    page = _page(client, f"/u/{WHO}")
    assert TITLE not in page and "1 post" in page


def test_silenced_and_banned_accounts_cannot_post_anonymously(app, sensitive, anonymous_thread, as_user, db):
    author = db.session.scalar(select(User).where(User.username == WHO))
    author.silenced_until = utcnow() + timedelta(days=1)
    db.session.commit()
    response = as_user(WHO).post(f"/t/{anonymous_thread}/reply", data={"body": "Still here, quietly.",
                                                                      "anonymous": "y"})
    assert response.status_code in (200, 400, 403)
    assert db.session.scalar(select(Post).where(Post.body_source == "Still here, quietly.")) is None
    author.silenced_until, author.banned_at = None, utcnow()
    db.session.commit()
    group = db.session.scalar(select(Group).where(Group.slug == sensitive["slug"]))
    with app.test_request_context(), pytest.raises(ActionError, match="banned"):
        start_thread(author, group, "discussion", "Anonymous while banned", BODY, anonymous=True)


def test_a_group_moderator_reveals_the_author_and_the_reveal_is_audited(anonymous_thread, as_user, db):
    post = db.session.scalar(select(Post).where(Post.thread_id == anonymous_thread, Post.number == 1))
    gina = as_user("gina")
    tools = _page(gina, f"/mod/post/{post.id}")
    assert "Reveal author" in tools and WHO not in tools
    assert db.session.scalar(select(ModerationAction).where(ModerationAction.action == "reveal_author")) is None
    response = gina.post(f"/mod/post/{post.id}/reveal", data={"reveal-reason": "Checking a report"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/mod/post/{post.id}")
    [entry] = db.session.scalars(select(ModerationAction).where(ModerationAction.action == "reveal_author")).all()
    assert entry.moderator.username == "gina" and entry.target_id == post.id and entry.reason == "Checking a report"
    tools = _page(gina, f"/mod/post/{post.id}")
    assert WHO in tools and "Reveal author" not in tools
    log = _page(gina, "/mod/log")
    assert "Revealed the author of an anonymous post" in log and WHO not in log
    # Another moderator has not revealed it: they still see no one until they press the button.
    assert WHO not in _page(as_user("modm"), f"/mod/post/{post.id}")
    assert WHO not in _page(as_user("modm"), "/mod/log")


def test_members_cannot_reveal_and_reveal_needs_a_post_request(anonymous_thread, as_user, db):
    post = db.session.scalar(select(Post).where(Post.thread_id == anonymous_thread, Post.number == 1))
    assert as_user("bob").post(f"/mod/post/{post.id}/reveal", data={}).status_code == 403
    assert as_user(WHO).post(f"/mod/post/{post.id}/reveal", data={}).status_code == 403
    assert as_user("gina").get(f"/mod/post/{post.id}/reveal").status_code == 405
    assert db.session.scalar(select(ModerationAction).where(ModerationAction.action == "reveal_author")) is None


def test_moderating_an_anonymous_post_does_not_name_its_author_in_the_log(anonymous_thread, as_user, db):
    post = db.session.scalar(select(Post).where(Post.thread_id == anonymous_thread, Post.number == 1))
    as_user("bob").post(f"/p/{post.id}/flag", data={"reason": "personal_info", "details": "Too much detail"})
    gina = as_user("gina")
    queue = _page(gina, "/mod/queue")
    assert "Too much detail" in queue and "An anonymous member" in queue and WHO not in queue
    assert WHO not in _page(gina, "/mod")  # "most flagged members" leaves anonymous posts out
    gina.post(f"/mod/post/{post.id}", data={"do": "hide", "reason": "Identifying details"})
    db.session.expire_all()
    assert db.session.get(Post, post.id).is_hidden
    for path in ("/mod/log", "/mod", "/mod/queue"):
        assert WHO not in _page(gina, path), path
    # The author still sees their own hidden post and why.
    assert "Identifying details" in _page(as_user(WHO), f"/t/{anonymous_thread}")


def test_the_flag_page_names_no_one(anonymous_thread, as_user, db):
    post = db.session.scalar(select(Post).where(Post.thread_id == anonymous_thread, Post.number == 1))
    page = _page(as_user("bob"), f"/p/{post.id}/flag")
    assert "An anonymous member" in page and WHO not in page


def test_the_data_export_keeps_my_anonymous_posts_marked(anonymous_thread, as_user):
    data = json.loads(as_user(WHO).get("/settings/account/data.json").get_data(as_text=True))
    [post] = data["posts"]
    assert post["text"] == BODY and post["anonymous"] is True


@pytest.mark.parametrize("reader", ["bob", None])
def test_walk_every_get_route_and_the_name_never_appears(app, sensitive, anonymous_thread, as_user, client, db,
                                                        reader):
    """The access walk's routes, with the anonymous thread's ids and another member's name:
    no page, JSON answer or redirect holds the anonymous author's username (the group's
    member list aside: belonging to a group is not authorship)."""
    from tests.forum.routes.route_walk import _params, urls_for, walkable_rules

    author = as_user(WHO)
    author.post(f"/t/{anonymous_thread}/reply", data={"body": REPLY, "anonymous": "y"})
    reply = db.session.scalar(select(Post).where(Post.body_source == REPLY))
    bob = db.session.scalar(select(User).where(User.username == "bob"))
    group = db.session.scalar(select(Group).where(Group.slug == sensitive["slug"]))
    values = _params(sensitive["slug"], group.id, anonymous_thread, reply.id, "bob", bob.id)
    viewer = as_user(reader) if reader else client
    if reader is None:
        client.post("/logout")
    checked = 0
    for rule in walkable_rules(app, {"GET"}):
        if rule.endpoint in ("groups.members",) or not set(rule.arguments) <= set(values):
            continue
        for url in urls_for(rule, values):
            for query in ("", "?q=partner", f"?quote={reply.id}"):
                response = viewer.get(url + query)
                text = response.get_data(as_text=True) + response.headers.get("Location", "")
                assert WHO not in text, f"{url}{query} names the anonymous author"
                checked += 1
    assert checked > 100


def test_blocking_the_author_does_not_collapse_their_anonymous_post(app, anonymous_thread, as_user, db):
    from forum.actions.blocks import block_member

    bob = db.session.scalar(select(User).where(User.username == "bob"))
    author = db.session.scalar(select(User).where(User.username == WHO))
    with app.test_request_context():
        block_member(bob, author)
    page = _page(as_user("bob"), f"/t/{anonymous_thread}")
    assert "You blocked this member" not in page and "An anonymous member" in page and WHO not in page


def test_an_experts_anonymous_answer_carries_no_credential_or_expert_count(sensitive, make_expert, add_member,
                                                                         as_user, db):
    make_expert("drhidden")
    add_member("drhidden", sensitive["slug"])
    asker = as_user("bob")
    asker.post(f"/groups/{sensitive['slug']}/new", data={
        "kind": "question", "title": "Which clinic tests are routine?", "body": BODY})
    thread = _thread(db, "Which clinic tests are routine?")
    as_user("drhidden").post(f"/t/{thread.id}/reply", data={"body": "Answering anonymously here.",
                                                           "anonymous": "y"})
    assert _thread(db, "Which clinic tests are routine?").expert_answer_count == 0
    page = _page(as_user("bob"), f"/t/{thread.id}")
    assert "Answering anonymously here." in page and "drhidden" not in page
    posts = page.split('<div class="posts">')[1].split("reply-box")[0]
    assert "Verified Consultant" not in posts and "from a verified expert" not in posts
