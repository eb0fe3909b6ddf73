"""Three crisis outcomes, three responses, without JavaScript: a writer at risk sees crisis lines, an
emergency in progress sees "call now" first, someone worried about another person sees how to help.
Every outcome goes to the top of the review queue as urgent, and the resources stay on the published
post or comment for its author only."""

import re

import pytest
from sqlalchemy import func, select

from forum.models import Article, ArticleComment, Post, Thread
from forum.models.moderation import ReviewItem
from tests.forum.routes.test_second_opinion import ARTICLE

TEXTS = {
    "self": "I can't cope with the diagnosis any more. I want to kill myself.",
    "emergency": "I took 30 paracetamol an hour ago and now I feel sick and scared.",
    "other": "My daughter says she wants to die and I do not know what to do.",
}
HEADINGS = {
    "self": "You matter, and help is available right now",
    "emergency": "Call your emergency number or poison control now",
    "other": "How to help someone who may be at risk",
}
# The first tap-to-call links each panel shows, in order.
FIRST_CALLS = {
    "self": ["tel:988", "tel:116123", "tel:131114"],
    "emergency": ["tel:911", "tel:+18002221222", "tel:999", "tel:112", "tel:111", "tel:000"],
    "other": ["tel:911", "tel:999", "tel:112", "tel:000"],
}


def _panel(page: str) -> str:
    start = page.index('<section class="safety-panel')
    return page[start:page.index("</section>", start)]


def _calls(html: str) -> list[str]:
    return re.findall(r'<a href="(tel:[^"]+)" class="call-link">', html)


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("outcome", ["self", "emergency", "other"])
def test_each_outcome_shows_its_own_panel_with_tap_to_call_links_and_keeps_the_text(
        client, community, login, db, outcome):
    login("bob")
    data = {"kind": "discussion", "title": "A hard night", "body": TEXTS[outcome]}
    response = client.post(f"/groups/{community['slug']}/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    panel = _panel(page)
    assert f'<h2 id="safety-heading">{HEADINGS[outcome]}</h2>' in panel
    assert [h for o, h in HEADINGS.items() if o != outcome and h in page] == []  # only this outcome's
    calls = _calls(panel)
    assert calls[:len(FIRST_CALLS[outcome])] == FIRST_CALLS[outcome]
    assert {"tel:988", "tel:116123"} <= set(calls)  # crisis lines in every outcome
    assert "Publish anyway" in panel
    assert TEXTS[outcome].replace("'", "&#39;") in page.split("<textarea")[1]  # nothing typed is lost
    assert 'value="A hard night"' in page
    assert _count(db, Thread) == 1  # only the fixture's thread: nothing was published


def test_an_emergency_says_call_now_before_anything_else(client, community, login):
    login("bob")
    page = client.post(f"/t/{community['thread']}/reply", data={"body": TEXTS["emergency"]}).get_data(as_text=True)
    panel = _panel(page)
    heading, first_call = panel.index(HEADINGS["emergency"]), panel.index('href="tel:911"')
    assert heading < first_call < panel.index("Publish anyway")
    assert panel.index("Poison Control") < panel.index("Suicide &amp; Crisis Lifeline")
    assert "Call 1-800-222-1222" in panel and "Call 111" in panel
    assert 'class="safety-panel safety-emergency"' in page


def test_someone_else_at_risk_is_told_how_to_help_and_whom_to_call(client, community, login):
    login("bob")
    page = client.post(f"/t/{community['thread']}/reply", data={"body": TEXTS["other"]}).get_data(as_text=True)
    panel = _panel(page)
    assert panel.index("What you can do") < panel.index("If they are in danger now, call")
    assert "Ask them directly whether they are thinking about suicide" in panel
    assert "Stay with them if you safely can" in panel
    assert "You matter" not in panel


@pytest.mark.parametrize("outcome", ["self", "emergency", "other"])
def test_every_outcome_goes_to_the_top_of_the_queue_as_urgent(app, client, community, login, as_user, get,
                                                             outcome):
    thread = community["thread"]
    flagger = app.test_client()
    login("cat", c=flagger)
    opening = get(Post, thread_id=thread, number=1)
    assert flagger.post(f"/p/{opening.id}/flag", data={"reason": "spam"}).status_code == 302  # queued first
    as_user("bob")
    response = client.post(f"/t/{thread}/reply", data={"body": TEXTS[outcome], "safety": "publish"})
    assert response.status_code == 302
    post = get(Post, body_source=TEXTS[outcome])
    assert post.hidden_at is None and post.safety_outcome == outcome
    item = get(ReviewItem, post_id=post.id)
    assert item.is_urgent and item.reason == "crisis"
    as_user("modm")
    page = client.get("/mod/queue").get_data(as_text=True)
    rows = re.findall(r'<li class="card queue-item[^"]*" id="item-(\d+)"', page)
    assert rows[0] == str(item.id) and len(rows) == 2  # above the older flag
    first = page.split('id="item-')[1]
    assert "Urgent" in first and {"self": "risk to the writer", "emergency": "Emergency in progress",
                                  "other": "Someone else at risk"}[outcome] in first


@pytest.mark.parametrize("outcome", ["self", "emergency", "other"])
def test_the_resources_stay_on_the_published_post_for_its_author_only(client, community, login, as_user, outcome):
    as_user("bob")
    thread = community["thread"]
    client.post(f"/t/{thread}/reply", data={"body": TEXTS[outcome], "safety": "publish"})
    page = client.get(f"/t/{thread}").get_data(as_text=True)
    assert "Only you can see this." in page and HEADINGS[outcome] in page
    assert _calls(page)[:len(FIRST_CALLS[outcome])] == FIRST_CALLS[outcome]
    for reader in ("cat", "modm", "ann"):
        as_user(reader)
        page = client.get(f"/t/{thread}").get_data(as_text=True)
        assert "Only you can see this." not in page and HEADINGS[outcome] not in page and _calls(page) == []
        assert TEXTS[outcome][-30:] in page  # the post itself is published
    client.post("/logout")
    page = client.get(f"/t/{thread}").get_data(as_text=True)
    assert "Only you can see this." not in page and _calls(page) == []


def test_an_edit_without_crisis_language_takes_the_resources_away(client, community, as_user, get):
    as_user("bob")
    thread = community["thread"]
    client.post(f"/t/{thread}/reply", data={"body": TEXTS["self"], "safety": "publish"})
    post = get(Post, body_source=TEXTS["self"])
    edited = "Thank you all, I talked to my GP today and I have a plan with her."
    assert client.post(f"/p/{post.id}/edit", data={"body": edited}).status_code == 302
    assert get(Post, id=post.id).safety_outcome is None
    assert "Only you can see this." not in client.get(f"/t/{thread}").get_data(as_text=True)


@pytest.fixture
def article_id(client, db, make_expert, community, as_user):
    make_expert("doc")
    as_user("doc")
    assert client.post("/second-opinion/new", data=ARTICLE).status_code == 302
    return db.session.scalar(select(Article.id))


@pytest.mark.parametrize("outcome", ["self", "emergency", "other"])
def test_a_crisis_comment_on_an_article_gets_the_same_panel_queue_and_private_resources(
        client, db, article_id, as_user, get, outcome):
    as_user("bob")
    url = f"/second-opinion/{article_id}/comments"
    page = client.post(url, data={"body": TEXTS[outcome]}).get_data(as_text=True)
    assert HEADINGS[outcome] in _panel(page) and _calls(_panel(page))[0] == FIRST_CALLS[outcome][0]
    assert db.session.scalar(select(ArticleComment)) is None
    assert client.post(url, data={"body": TEXTS[outcome], "safety": "publish"}).status_code == 302
    comment = db.session.scalar(select(ArticleComment))
    item = get(ReviewItem, comment_id=comment.id)
    assert item.is_urgent and item.reason == "crisis" and comment.safety_outcome == outcome
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "Only you can see this." in page and HEADINGS[outcome] in page
    as_user("modm")
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert re.findall(r'<li class="card queue-item[^"]*" id="item-(\d+)"', queue)[0] == str(item.id)
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "Only you can see this." not in page and _calls(page) == []
