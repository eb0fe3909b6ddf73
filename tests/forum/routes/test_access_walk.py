"""Walk every GET route in the URL map as people who must not see a private group's
content, and prove its canary never appears: not in pages, profiles, search,
feeds, notifications, API answers or data exports, and not in redirects.

Each route is tried with the private group's ids (direct links to private
threads, posts and members) and with public ones, plus query strings that
search for the canary or quote a private post. Every kind of private text
(title, body, reply, revision, edit, hidden comment, moderation reason) has a
word of its own that no response may hold; near-spellings of each are searched
for, so no "did you mean" spells one out; and the counts a viewer is shown are
compared with what they can page through. Outsiders include an expert in the
group's specialty and the moderator of another group (the /mod pages too).
"""
import re

import pytest

from forum.pagination import encode_cursor
from tests.forum.routes.route_walk import (
    CANARY,
    MARKER,
    PRIVATE_WORDS,
    SHARED_WORD,
    ban,
    build_walk_community,
    urls_for,
    walkable_rules,
)

VIEWERS = ["anonymous", "nina", "pete", "rita", "bart", "eve", "otto"]
SECRETS = (MARKER, *PRIVATE_WORDS.values())


@pytest.fixture
def community(app, make_user, make_group, add_member, make_thread):
    return build_walk_community(app, make_user, make_group, add_member, make_thread)


def _browser(app, login, viewer):
    browser = app.test_client()
    if viewer != "anonymous":
        login(viewer, c=browser)
    if viewer == "bart":
        ban(app, "bart")
    return browser


# A well-formed keyset cursor (forum.pagination) for a group page; other lists refuse it.
OLDER_THAN_EVERYTHING = encode_cursor([True, "2999-01-01T00:00:00+00:00", 2 ** 31 - 1])


def _query_strings(community) -> list[str]:
    return ["", f"?q={CANARY}&quote={community.private['post_id']}&page=1",
            f"?q=private+{CANARY}&format=json", f"?after={OLDER_THAN_EVERYTHING}"]


def _leaked(response) -> list[str]:
    """The private words in ``response`` (its body or a redirect's Location)."""
    text = (response.get_data(as_text=True) + response.headers.get("Location", "")).lower()
    return [word for word in SECRETS if word in text]


def _leaks(response) -> bool:
    return bool(_leaked(response))


def test_the_canary_is_really_there_for_members(app, login, community):
    member = _browser(app, login, "carol")
    page = member.get(f"/t/{community.private['thread_id']}")
    assert page.status_code == 200 and _leaks(page)


def test_every_private_word_is_really_there_for_those_who_may_see_it(app, login, community):
    """Each canary can be seen by someone (so the walk would notice it anywhere else)."""
    private = community.private
    seen = set()
    for viewer, paths in {
        "carol": [f"/t/{private['thread_id']}", f"/p/{private['post_id']}/revisions", "/u/carol"],
        "root": [f"/second-opinion/{private['article_id']}", "/mod/user/carol", "/mod/log"],
    }.items():
        browser = _browser(app, login, viewer)
        for path in paths:
            response = browser.get(path)
            assert response.status_code == 200, path
            seen.update(_leaked(response))
    assert seen == set(SECRETS)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_no_get_route_shows_the_private_canary(app, login, community, viewer):
    browser = _browser(app, login, viewer)
    rules = walkable_rules(app, {"GET"})
    assert len(rules) >= 10
    for rule in rules:
        for values in (community.private, community.public):
            for url in urls_for(rule, values):
                for query in _query_strings(community):
                    response = browser.get(url + query)
                    response.close()
                    assert response.status_code < 500, f"{url + query} failed for {viewer}"
                    assert not _leaks(response), f"{viewer} saw {_leaked(response)} at {url + query}"


def _api_token(app, username: str) -> str:
    """A read+write personal access token of ``username`` (made as on /settings/tokens)."""
    from sqlalchemy import select

    from forum.actions.tokens import create_token
    from forum.extensions import db
    from forum.models import User

    with app.app_context():
        return create_token(db.session.scalar(select(User).where(User.username == username)), "walk", "write")[1]


def test_the_canary_is_really_there_for_members_on_the_api(app, community):
    token = _api_token(app, "carol")
    response = app.test_client().get(f"/api/v1/threads/{community.private['thread_id']}",
                                     headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and _leaks(response)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_no_api_route_shows_the_private_canary_to_an_outsiders_token(app, community, viewer):
    """The API's GET routes, called with a token of each kind of outsider (anonymous: none;
    bart's token was made before his ban), never show the canary either."""
    headers = {} if viewer == "anonymous" else {"Authorization": f"Bearer {_api_token(app, viewer)}"}
    if viewer == "bart":
        ban(app, "bart")
    client = app.test_client()
    rules = [r for r in walkable_rules(app, {"GET"}) if r.rule.startswith("/api/")]
    assert len(rules) >= 15
    for rule in rules:
        for values in (community.private, community.public):
            for url in urls_for(rule, values):
                for query in _query_strings(community) + [f"?title={CANARY}"]:
                    response = client.get(url + query, headers=headers)
                    assert response.status_code < 500, f"{url + query} failed for {viewer}"
                    assert not _leaks(response), f"{viewer} saw the private canary at {url + query}"


def _near(word: str) -> str:
    """A near-spelling (the last letter changed) that does not contain ``word``."""
    return word[:-1] + ("x" if word[-1] != "x" else "z")


def _suggestion_requests(word: str) -> list[tuple[str, dict]]:
    near = _near(word)
    searches = [near, f"{near} OR {SHARED_WORD}", f"{SHARED_WORD} OR {near}", f"{near} {SHARED_WORD}"]
    return ([("/search", {"q": q}) for q in searches] + [("/api/v1/search", {"q": q}) for q in searches]
            + [("/search/similar", {"title": f"{near} {SHARED_WORD}"}),
               ("/api/v1/similar-questions", {"title": f"{near} {SHARED_WORD}"})])


def _assert_no_suggestion_reveals(app, browser, viewer):
    """Search (and its "did you mean") on the site and the API, for a near-spelling of every
    private word, alone, with OR and a shared word, and in the similar-questions lookups."""
    headers = {} if viewer in ("anonymous", "carol") else {"Authorization": f"Bearer {_api_token(app, viewer)}"}
    for word in SECRETS:
        for path, args in _suggestion_requests(word):
            response = browser.get(path, query_string=args, headers=headers if "/api/" in path else {})
            assert response.status_code < 500, f"{path} {args} failed for {viewer}"
            assert not _leaks(response), f"{viewer} was shown {_leaked(response)} for {path} {args}"


def _listed(browser, q: str) -> tuple[int, int]:
    """(the total /search shows for ``q``, how many hits its pages list)."""
    page = browser.get("/search", query_string={"q": q}).get_data(as_text=True)
    shown = int(re.search(r'id="results-heading">([\d,]+) result', page).group(1))
    pages = max([1] + [int(n) for n in re.findall(r"(?:\?|&amp;)page=(\d+)", page)])
    listed = page.count('<li class="search-result">')
    for number in range(2, pages + 1):
        listed += browser.get("/search", query_string={"q": q, "page": number}).get_data(as_text=True) \
            .count('<li class="search-result">')
    return shown, listed


def _assert_counts_are_what_can_be_paged_through(app, browser, viewer):
    """Search totals (page and API) and a profile's "N posts" against the hits and posts listed."""
    for q in (SHARED_WORD, CANARY, f"{CANARY} OR {SHARED_WORD}", *PRIVATE_WORDS.values()):
        shown, listed = _listed(browser, q)
        assert shown == listed, f"{viewer}: {q!r} says {shown} results and lists {listed}"
    if viewer not in ("anonymous", "bart"):  # bart is banned: his token answers 401
        api = browser.get("/api/v1/search", query_string={"q": SHARED_WORD},
                          headers={"Authorization": f"Bearer {_api_token(app, viewer)}"}).get_json()
        assert api["total"] == len(api["hits"])
    profile = browser.get("/u/carol").get_data(as_text=True)
    count = int(re.search(r"(\d+) posts?\b", profile).group(1))
    recent = profile.split('id="recent-posts"')[1].split("</section>")[0].count('<a href="/p/')
    assert count == recent, f"{viewer}: carol's profile says {count} posts and lists {recent}"


@pytest.mark.parametrize("viewer", [*VIEWERS, "carol"])
def test_suggestions_and_counts_reveal_no_private_text(app, login, community, viewer):
    """For every outsider (and carol, the member, for the counts), in one community build."""
    browser = _browser(app, login, viewer)
    if viewer != "carol":
        _assert_no_suggestion_reveals(app, browser, viewer)
    _assert_counts_are_what_can_be_paged_through(app, browser, viewer)


def test_a_removed_members_export_keeps_their_words_but_not_the_private_title(app, login, community):
    rita = _browser(app, login, "rita")
    body = rita.get("/settings/account/data.json").get_data(as_text=True)
    assert "Rita's own words" in body and MARKER not in body


def test_a_route_with_an_unknown_parameter_fails_the_walk_loudly(app, community):
    @app.route("/widgets/<int:widget_id>")
    def widget(widget_id):
        return "widget"

    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "widget")
    with pytest.raises(pytest.fail.Exception, match="'widget_id' that the route walkers do not know"):
        urls_for(rule, community.private)
