"""Walk every GET route in the URL map as people who must not see a private group's
content, and prove its canary never appears: not in pages, profiles, search,
feeds, notifications, API answers or data exports, and not in redirects.

Each route is tried with the private group's ids (direct links to private
threads, posts and members) and with public ones, plus query strings that
search for the canary or quote a private post.
"""
import pytest

from forum.pagination import encode_cursor
from tests.forum.route_walk import CANARY, MARKER, ban, build_walk_community, urls_for, walkable_rules

VIEWERS = ["anonymous", "nina", "pete", "rita", "bart"]


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


def _leaks(response) -> bool:
    body = response.get_data(as_text=True).lower()
    return MARKER in body or MARKER in response.headers.get("Location", "").lower()


def test_the_canary_is_really_there_for_members(app, login, community):
    member = _browser(app, login, "carol")
    page = member.get(f"/t/{community.private['thread_id']}")
    assert page.status_code == 200 and _leaks(page)


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
                    assert not _leaks(response), f"{viewer} saw the private canary at {url + query}"


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
