"""The search results cache: shared only by visitors who may see the same things, and
never older than the index."""
import pytest
from sqlalchemy import select

from forum.extensions import cache
from forum.extensions import db as _db
from forum.models import Group, User
from tests.search.test_contract import titles, total

PRIVATE = "Private: zinc and my medication"


@pytest.fixture
def backend_name():
    """Whoosh, the backend that caches (PostgreSQL's index is the database: no cache)."""
    return "whoosh"


@pytest.fixture
def groups(app, make_user, make_group, add_member, make_thread):
    for name in ("author", "member", "outsider"):
        make_user(name)
    public, private = make_group("Colds"), make_group("Private Meds", private=True)
    add_member("author", private)
    add_member("member", private)
    make_thread("author", public, title="Public: zinc lozenges for colds", body="Do zinc lozenges help?")
    make_thread("author", private, title=PRIVATE, body="Zinc with my tablets?")
    with app.app_context():
        cache.clear()
    return public, private


def _search(client, login, who, q="zinc"):
    client.post("/logout")
    if who:
        login(who)
    return client.get("/search", query_string={"q": q}).get_data(as_text=True)


def _cached_entries(app) -> int:
    with app.app_context():
        return sum(1 for key in cache.cache._cache if "search:" in key)


def test_a_members_cached_results_never_reach_outsiders(app, client, login, groups):
    assert _cached_entries(app) == 0
    member_page = _search(client, login, "member")
    assert PRIVATE in titles(member_page) and total(member_page) == 2
    assert _cached_entries(app) == 1
    for who in ("outsider", None):
        page = _search(client, login, who)
        assert PRIVATE not in titles(page) and "my medication" not in page, who
        assert total(page) == 1, who
    # The outsider and the anonymous visitor see the same things: one entry for both.
    assert _cached_entries(app) == 2
    assert PRIVATE in titles(_search(client, login, "author"))


def test_leaving_a_group_takes_its_results_away_at_once(app, client, login, groups):
    _, private = groups
    assert PRIVATE in titles(_search(client, login, "member"))
    with app.app_context():
        from forum.actions.groups import leave_group

        member = _db.session.scalar(select(User).where(User.username == "member"))
        leave_group(member, _db.session.scalar(select(Group).where(Group.slug == private)))
    page = _search(client, login, "member")
    assert PRIVATE not in titles(page) and total(page) == 1


def test_new_posts_show_up_although_the_search_was_cached(app, client, login, groups, make_thread):
    public, _ = groups
    assert total(_search(client, login, None)) == 1
    make_thread("author", public, title="Zinc nasal spray and smell", body="Is it safe?")
    page = _search(client, login, None)
    assert total(page) == 2 and "Zinc nasal spray and smell" in titles(page)


def test_the_cache_can_be_switched_off(app, client, login, groups):
    app.config["SEARCH_RESULTS_CACHE"] = False
    assert total(_search(client, login, None)) == 1
    assert _cached_entries(app) == 0
