"""The rendered-fragment cache (forum.fragments) with the real cache: never across a
permission boundary, never stale after a change, per-reader parts never shared."""
import socket

import pytest
from sqlalchemy import select

from forum.extensions import db as app_db
from forum.models import Group, Post, Role, Thread, User

SECRET = "Axolotl-private-words"


def _user(name):
    return app_db.session.scalar(select(User).where(User.username == name))


def _browser(app, login=None, name=None):
    browser = app.test_client()
    if name:
        login(name, c=browser)
    return browser


def _cached_posts(app, thread_id) -> int:
    """How many of the thread's public posts have a fragment in the cache now."""
    from forum.extensions import cache
    from forum.fragments import post_key

    with app.test_request_context("/"):
        thread = app_db.session.get(Thread, thread_id)
        posts = app_db.session.scalars(select(Post).where(Post.thread_id == thread_id)).all()
        return sum(cache.has(post_key(p, thread)) for p in posts if p.is_public)


@pytest.fixture
def private_thread(app, make_user, make_group, add_member, make_thread, reply_as):
    for name in ("carol", "dan", "nina"):
        make_user(name)
    slug = make_group("Quiet Room", private=True)
    add_member("carol", slug)
    add_member("dan", slug)
    thread_id = make_thread("carol", slug, title="Private question", body=f"{SECRET} in the opening post")
    reply_as("dan", thread_id, f"{SECRET} in a reply")
    return slug, thread_id


def test_a_cached_private_thread_stays_private(app, login, private_thread):
    slug, thread_id = private_thread
    carol = _browser(app, login, "carol")
    page = carol.get(f"/t/{thread_id}")
    assert page.status_code == 200 and SECRET in page.get_data(as_text=True)
    assert _cached_posts(app, thread_id) == 2, "the member's view filled the cache"

    for outsider in (_browser(app, login, "nina"), _browser(app)):
        response = outsider.get(f"/t/{thread_id}")
        assert response.status_code == 404 and SECRET not in response.get_data(as_text=True)

    from forum.actions.groups import leave_group

    dan = _browser(app, login, "dan")
    assert SECRET in dan.get(f"/t/{thread_id}").get_data(as_text=True)
    with app.app_context():
        leave_group(_user("dan"), app_db.session.scalar(select(Group).where(Group.slug == slug)))
    gone = dan.get(f"/t/{thread_id}")
    assert gone.status_code == 404 and SECRET not in gone.get_data(as_text=True)


@pytest.fixture
def question(app, make_user, make_group, add_member, make_thread, reply_as):
    for name in ("asker", "bea", "cal"):
        make_user(name)
    make_user("mod", role=Role.MODERATOR)
    slug = make_group("Open Hearts")
    for name in ("asker", "bea", "cal"):
        add_member(name, slug)
    thread_id = make_thread("asker", slug, title="How do I sleep after surgery?", body="Nights are hard.")
    answer_id = reply_as("bea", thread_id, "Original answer text from bea.")
    return thread_id, answer_id


def _page(browser, thread_id) -> str:
    response = browser.get(f"/t/{thread_id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_edits_hides_and_deletes_show_at_once(app, login, question):
    from forum.actions.moderation import hide, unhide
    from forum.actions.posts import delete_post, edit_post

    thread_id, answer_id = question
    reader = _browser(app)
    assert "Original answer text" in _page(reader, thread_id)
    with app.app_context():
        edit_post(_user("bea"), app_db.session.get(Post, answer_id), "Edited answer text from bea.")
    page = _page(reader, thread_id)
    assert "Edited answer text" in page and "Original answer text" not in page

    with app.app_context():
        hide(_user("mod"), app_db.session.get(Post, answer_id), "Needs a source")
    page = _page(reader, thread_id)
    assert "Edited answer text" not in page and "hidden by the moderators" in page
    moderator = _browser(app, login, "mod")
    assert "Edited answer text" in _page(moderator, thread_id), "moderators still read hidden posts"
    author_page = _page(_browser(app, login, "bea"), thread_id)
    assert "Your post is hidden from other members" in author_page
    assert "This post is hidden from other members" in _page(moderator, thread_id)

    with app.app_context():
        unhide(_user("mod"), app_db.session.get(Post, answer_id))
    assert "Edited answer text" in _page(reader, thread_id)
    with app.app_context():
        delete_post(_user("bea"), app_db.session.get(Post, answer_id))
    page = _page(reader, thread_id)
    assert "Edited answer text" not in page and "This post was deleted" in page


def test_votes_and_accepted_answers_show_at_once(app, login, question):
    from forum.actions.qa import accept_answer, toggle_helpful

    thread_id, answer_id = question
    reader = _browser(app)
    assert "0 people found this helpful" in _page(reader, thread_id)
    with app.app_context():
        toggle_helpful(_user("cal"), app_db.session.get(Post, answer_id))
    assert "1 person found this helpful" in _page(reader, thread_id)
    with app.app_context():
        accept_answer(_user("asker"), app_db.session.get(Post, answer_id))
    assert "Accepted answer" in _page(reader, thread_id)
    with app.app_context():
        accept_answer(_user("asker"), app_db.session.get(Post, answer_id))  # the second call un-accepts
    assert "Accepted answer" not in _page(reader, thread_id)


def test_names_roles_and_credentials_show_at_once(app, login, question):
    from forum.actions.accounts import change_role, update_profile
    from forum.actions.experts import apply_as_expert, approve_application, revoke_verification

    thread_id, _ = question
    reader = _browser(app)
    assert ">bea</a>" in _page(reader, thread_id)
    with app.app_context():
        update_profile(_user("bea"), "Bea the Night Owl", "")
    assert ">Bea the Night Owl</a>" in _page(reader, thread_id)

    with app.app_context():
        from forum.actions.accounts import register_user

        register_user("root", "root@example.com", "a-long-test-password", role=Role.ADMIN)
        change_role(_user("root"), _user("bea"), Role.MODERATOR)
    assert 'badge badge-moderator">Moderator</span>' in _page(reader, thread_id)

    with app.app_context():
        application = apply_as_expert(
            _user("bea"), profession="Sleep physician", specialty="neurology", licence_number="GMC 7654321",
            issuing_body="General Medical Council", country="United Kingdom",
            evidence="https://www.gmc-uk.org/")
        approve_application(_user("root"), application)
    assert "Verified Sleep physician" in _page(reader, thread_id)
    with app.app_context():
        revoke_verification(_user("root"), _user("bea"), "Registration lapsed")
    assert "Verified Sleep physician" not in _page(reader, thread_id)


def test_each_reader_gets_their_own_controls_on_the_same_cached_thread(app, login, question):
    thread_id, answer_id = question
    bea, cal, mod, anonymous = (_browser(app, login, "bea"), _browser(app, login, "cal"),
                                _browser(app, login, "mod"), _browser(app))
    edit_link = f'href="/p/{answer_id}/edit"'
    hide_link = f'href="/mod/post/{answer_id}"'
    vote_form = f'action="/p/{answer_id}/helpful"'
    bea_page = _page(bea, thread_id)
    assert _cached_posts(app, thread_id) == 2
    cal_page, mod_page, anon_page = _page(cal, thread_id), _page(mod, thread_id), _page(anonymous, thread_id)
    assert edit_link in bea_page and edit_link not in cal_page and edit_link not in anon_page
    assert vote_form in cal_page and vote_form not in bea_page and vote_form not in anon_page
    assert hide_link in mod_page and hide_link not in cal_page and hide_link not in bea_page
    assert "Flag" in cal_page and 'class="flag-link"' not in anon_page
    for page in (bea_page, cal_page, mod_page, anon_page):
        assert "Original answer text from bea." in page


def test_the_cache_adds_no_sql_statements(app, login, question, count_queries):
    thread_id, _ = question
    reader = _browser(app, login, "cal")
    counts = {}
    for enabled in (False, True, True):
        app.config["FRAGMENT_CACHE"] = enabled
        with count_queries() as statements:
            _page(reader, thread_id)
        counts.setdefault(enabled, []).append(len(statements))
    assert counts[True][0] <= counts[False][0] and counts[True][1] <= counts[False][0], counts


def _redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_app(app, tmp_path):
    if not _redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379 (production's RedisCache is not exercised here)")
    from forum.extensions import cache

    app.config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL="redis://127.0.0.1:6379/0",
                      CACHE_KEY_PREFIX=f"askwell-test-{tmp_path.name}:")
    cache.init_app(app)
    yield app
    with app.app_context():
        cache.clear()


def test_with_redis_the_same_rules_hold(redis_app, login, private_thread):
    from forum.actions.posts import edit_post

    app = redis_app
    _, thread_id = private_thread
    assert SECRET in _page(_browser(app, login, "carol"), thread_id)
    assert _cached_posts(app, thread_id) == 2
    outsider = _browser(app, login, "nina").get(f"/t/{thread_id}")
    assert outsider.status_code == 404 and SECRET not in outsider.get_data(as_text=True)
    with app.app_context():
        post = app_db.session.scalar(select(Post).where(Post.thread_id == thread_id, Post.number == 2))
        edit_post(_user("dan"), post, "Dan changed his mind.")
    page = _page(_browser(app, login, "carol"), thread_id)
    assert "Dan changed his mind." in page and f"{SECRET} in a reply" not in page


def test_a_cache_that_is_down_costs_speed_not_the_page(app, login, private_thread):
    from forum.extensions import cache

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    app.config.update(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=f"redis://127.0.0.1:{closed_port}/0")
    cache.init_app(app)
    _, thread_id = private_thread
    assert SECRET in _page(_browser(app, login, "carol"), thread_id)


def _anonymous_blocks(app) -> int:
    from forum.extensions import cache

    with app.app_context():
        return sum(1 for key in cache.cache._cache if "frag:anon-posts:" in key)


def test_anonymous_readers_share_one_copy_that_follows_the_clock(app, login, question):
    from datetime import timedelta

    thread_id, answer_id = question
    assert "just now" in _page(_browser(app), thread_id)
    assert _anonymous_blocks(app) == 1
    _page(_browser(app), thread_id)
    assert _anonymous_blocks(app) == 1, "a second visitor reads the same copy"
    with app.app_context():  # two hours pass for the answer
        answer = app_db.session.get(Post, answer_id)
        answer.created_at = answer.created_at - timedelta(hours=2)
        app_db.session.commit()
    assert "2 hours ago" in _page(_browser(app), thread_id)


def test_logged_in_readers_never_get_the_anonymous_copy(app, login, question):
    thread_id, _ = question
    assert "Quote" not in _page(_browser(app), thread_id)
    member = _page(_browser(app, login, "cal"), thread_id)
    assert "Quote<span" in member and "Flag<span" in member


def test_a_group_made_private_closes_the_anonymous_copy(app, login, question):
    thread_id, _ = question
    assert "Original answer text" in _page(_browser(app), thread_id)
    with app.app_context():
        group = app_db.session.get(Thread, thread_id).group
        group.is_private = True
        app_db.session.commit()
    response = _browser(app).get(f"/t/{thread_id}")
    assert response.status_code == 404 and "Original answer text" not in response.get_data(as_text=True)
