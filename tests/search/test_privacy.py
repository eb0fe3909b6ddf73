"""Private words stay private in everything search says, on every backend.

"Did you mean" may only offer words from text the viewer can see (near-spellings
of a private word, alone or with ``OR`` and a public word, suggest nothing that
reveals it), and every count (the total, the pager) covers only what the viewer
can page through.
"""
import re

import pytest

from tests.search.test_contract import more, titles, total

PRIVATE_WORDS = ("quokkacanary", "numbatsecret", "wallabyword", "bilbyedited")


@pytest.fixture
def community(app, make_user, make_group, add_member, make_thread, post):
    """A private group whose title, body, reply and edited reply each carry a word of their own,
    and a public group with ordinary words (and "zebrafinchy", near the private "zebrafinch")."""
    from forum.actions.posts import edit_post
    from forum.extensions import db
    from forum.models import Post, User

    for name in ("carol", "ann", "nina"):
        make_user(name)
    private, public = make_group("Hidden Circle", private=True), make_group("Open Hearts")
    add_member("carol", private)
    secret = make_thread("carol", private, title="quokkacanary worries", body="numbatsecret details zebrafinch")
    post("carol", secret, "wallabyword in a reply")
    edited = post("carol", secret, "a reply to be edited")
    with app.app_context():
        carol = db.session.scalar(db.select(User).where(User.username == "carol"))
        edit_post(carol, db.session.get(Post, edited), "bilbyedited after the edit")
    make_thread("ann", public, title="Blood pressure question", body="My pressure is high, zebrafinchy.")
    return {"private": private, "public": public}


def _client(app, login, viewer):
    browser = app.test_client()
    if viewer:
        login(viewer, c=browser)
    return browser


def _page(browser, q: str) -> str:
    response = browser.get("/search", query_string={"q": q})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _suggestion(page: str) -> str | None:
    """The correction offered ("Did you mean ...?") or shown at once ("Showing results for ...")."""
    found = re.search(r'<p class="did-you-mean">Did you mean <a href="[^"]*">(.*?)</a>', page) \
        or re.search(r'<p class="showing-instead">Showing results for <strong>(.*?)</strong>', page)
    return found.group(1) if found else None


def _near(word: str) -> str:
    return word[:-1] + ("x" if word[-1] != "x" else "z")


@pytest.mark.parametrize("viewer", [None, "nina"])
def test_near_spellings_of_private_words_suggest_nothing_private(app, login, community, viewer):
    browser = _client(app, login, viewer)
    for word in PRIVATE_WORDS:
        for q in (_near(word), f"{_near(word)} OR pressure", f"pressure OR {_near(word)}"):
            page = _page(browser, q)
            assert word not in page.lower(), f"{viewer or 'anonymous'} was told {word!r} for {q!r}"


def test_members_are_offered_the_private_words(app, login, community):
    carol = _client(app, login, "carol")
    for word in PRIVATE_WORDS:
        assert _suggestion(_page(carol, _near(word))) == word


def test_a_form_of_a_public_word_that_only_private_text_holds_is_never_offered(
        app, login, make_user, make_group, add_member, make_thread):
    """"methotrexates" is only in the private group; "methotrexate" is public. Both share a stem,
    so the check must be for the word exactly as spelled, not for its stem."""
    make_user("dora")
    make_user("eve")
    hidden = make_group("Rheum Room", private=True)
    add_member("dora", hidden)
    make_thread("dora", hidden, title="Weekly injections at home", body="my methotrexates arrived")
    make_thread("eve", make_group("Joint Talk"), title="Tablets once a week", body="methotrexate on Fridays")
    assert _suggestion(_page(_client(app, login, None), "methotrexatess")) == "methotrexate"
    assert _suggestion(_page(_client(app, login, "dora"), "methotrexatess")) == "methotrexates"


def test_the_suggestion_is_the_nearest_word_the_viewer_can_see(app, login, community):
    assert _suggestion(_page(_client(app, login, "carol"), "zebrafinh")) == "zebrafinch"
    assert _suggestion(_page(_client(app, login, None), "zebrafinh")) == "zebrafinchy"
    assert _suggestion(_page(_client(app, login, "nina"), "zebrafinh")) == "zebrafinchy"


def test_a_private_word_typed_exactly_is_treated_as_unknown(app, login, community):
    """An outsider typing the private word gets what they would get if it did not exist:
    here the nearest public word, so a missing suggestion does not confirm the private one."""
    assert _suggestion(_page(_client(app, login, None), "zebrafinch")) == "zebrafinchy"
    assert _suggestion(_page(_client(app, login, "carol"), "zebrafinch")) is None


def _api(app, username: str):
    """GET on the API with a read token of ``username`` (anonymous callers have none)."""
    from forum.actions.tokens import create_token
    from forum.extensions import db
    from forum.models import User

    with app.app_context():
        token = create_token(db.session.scalar(db.select(User).where(User.username == username)), "t", "read")[1]
    browser = app.test_client()
    return lambda path, **args: browser.get(path, query_string=args, headers={"Authorization": f"Bearer {token}"})


def test_the_api_suggestion_follows_the_same_rule(app, community):
    get = _api(app, "nina")
    for word in PRIVATE_WORDS:
        response = get("/api/v1/search", q=f"{_near(word)} OR pressure")
        assert response.status_code == 200 and word not in response.get_data(as_text=True)


@pytest.fixture
def lozenges(app, make_user, make_group, add_member, make_thread, post, community):
    """21 public threads about lozenges; the word also in the private group (a thread and a reply)
    and in a reply under a public thread whose opening post a moderator hid."""
    from forum.actions.moderation import hide
    from forum.extensions import db
    from forum.models import Post, Role, User

    make_user("sitemod", role=Role.MODERATOR)
    for n in range(21):
        make_thread("ann", community["public"], title=f"Lozenge question {n}", body="Zinc or honey?")
    secret = make_thread("carol", community["private"], title="Lozenge worries", body="Private lozenge talk.")
    post("carol", secret, "Another private lozenge reply.")
    held = make_thread("ann", community["public"], title="Cheap lozenges here", body="Buy now.")
    post("nina", held, "Are these lozenges safe?")
    with app.app_context():
        moderator = db.session.scalar(db.select(User).where(User.username == "sitemod"))
        opening = db.session.scalar(db.select(Post).where(Post.thread_id == held, Post.number == 1))
        hide(moderator, opening, "spam")


def _every_page(browser, q: str, further: list[int] | None = None) -> tuple[int, int, list[str]]:
    """(the total shown, the number of pages offered, every title listed on them); ``further``
    collects each row's "N more matches in this thread"."""
    first = _page(browser, q)
    pages = max([1] + [int(n) for n in re.findall(r"[?&]page=(\d+)", first)])
    listed, extra = titles(first), more(first)
    for number in range(2, pages + 1):
        response = browser.get("/search", query_string={"q": q, "page": number})
        assert response.status_code == 200
        listed += titles(response.get_data(as_text=True))
        extra += more(response.get_data(as_text=True))
    if further is not None:
        further += extra
    return total(first), pages, listed


@pytest.mark.parametrize("viewer, expected, replies", [(None, 21, 0), ("nina", 21, 0), ("carol", 22, 1)])
def test_the_total_is_what_the_viewer_can_page_through(app, login, lozenges, viewer, expected, replies):
    """One row per thread; the private thread (its reply as "1 more match") only for its member."""
    further: list[int] = []
    shown, pages, listed = _every_page(_client(app, login, viewer), "lozenge", further)
    assert shown == len(listed) == expected
    assert pages == -(-expected // 20)
    assert not any("Cheap lozenges" in t for t in listed)
    assert sum(further) == replies
    assert ("Lozenge worries" in listed) == (viewer == "carol")


@pytest.mark.parametrize("viewer", [None, "nina"])
def test_a_word_only_in_private_text_counts_nothing(app, login, community, viewer):
    browser = _client(app, login, viewer)
    for word in PRIVATE_WORDS:
        page = _page(browser, word)
        assert total(page) == 0 and titles(page) == [], word
        assert total(_page(browser, f"{word} OR zebrafinchy")) == 1


def test_the_api_total_is_what_the_viewer_can_page_through(app, lozenges):
    get = _api(app, "nina")
    body, second = get("/api/v1/search", q="lozenge").get_json(), get("/api/v1/search", q="lozenge", page=2).get_json()
    assert body["total"] == len(body["hits"]) + len(second["hits"]) == 21 and body["pages"] == 2


def test_replies_come_back_with_their_thread(app, login, lozenges):
    """Showing the hidden opening post again brings back the thread and its reply, in the count too."""
    from forum.actions.moderation import unhide
    from forum.extensions import db
    from forum.models import Post, Thread, User

    with app.app_context():
        moderator = db.session.scalar(db.select(User).where(User.username == "sitemod"))
        held = db.session.scalar(db.select(Thread.id).where(Thread.title == "Cheap lozenges here"))
        unhide(moderator, db.session.scalar(db.select(Post).where(Post.thread_id == held, Post.number == 1)))
    further: list[int] = []
    shown, _, listed = _every_page(_client(app, login, None), "lozenge", further)
    assert shown == len(listed) == 22 and sum(further) == 1  # the thread, its reply as "1 more match"
