"""The drug page's review summary is cached, and never stale: every change to a drug's reviews,
by anyone, in any process, gives the next reader the new figures."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from forum import create_app
from forum.extensions import db as _db
from forum.models import Role
from forum.models.reviews import DrugReview
from tests.forum.drugs.test_reviews import form, text_of

PAGE = "/drugs/metformin"


@pytest.fixture
def people(make_user, catalogue):
    for name in ("ann", "bob", "cat"):
        make_user(name)
    make_user("modm", role=Role.MODERATOR)


def reported(client) -> str:
    """The summary's heading as a reader sees it ("What 2 members reported")."""
    found = re.search(r"What \d+ members? reported", text_of(client.get(PAGE)))
    return found.group(0) if found else "no summary"


def review_as(client, login, who, **overrides):
    client.post("/logout")
    login(who)
    assert client.post(f"{PAGE}/reviews/new", data=form(**overrides)).status_code == 302
    client.post("/logout")


def test_a_new_review_an_edit_and_a_removal_show_in_the_summary_at_once(client, login, db, people):
    review_as(client, login, "ann")
    assert reported(client) == "What 1 member reported"  # now cached
    review_as(client, login, "bob", condition="Polycystic ovary syndrome")
    assert reported(client) == "What 2 members reported"
    bob = db.session.scalar(select(DrugReview).join(DrugReview.author).where(DrugReview.author.has(username="bob")))
    login("bob")
    edited = client.post(f"/drugs/reviews/{bob.id}/edit", data=form(condition="Polycystic ovary syndrome",
                                                                     side_effects=["Nausea"], other_side_effects=""))
    assert edited.status_code == 302
    client.post("/logout")
    assert "Nausea" in text_of(client.get(PAGE)), "an edit's side effects reach the summary"
    login("modm")
    assert client.post(f"/drugs/reviews/{bob.id}/remove", data={"reason": "Advert"}).status_code == 302
    client.post("/logout")
    assert reported(client) == "What 1 member reported"


def test_the_summary_is_not_computed_again_for_the_next_reader(client, login, db, people, count_queries):
    review_as(client, login, "ann")
    client.get(PAGE)  # computes and caches the summary
    with count_queries() as cached:
        client.get(PAGE)
    summary_statements = [s for s in cached if "GROUP BY" in s.upper()]
    assert summary_statements == [], "the two GROUP BY statements of the summary come from the cache"


def test_another_process_with_its_own_cache_sees_a_change_made_elsewhere(app, app_config, client, login, db,
                                                                        people):
    other = create_app(app_config)  # a second gunicorn worker: its own SimpleCache, the same database
    reader = other.test_client()
    try:
        review_as(client, login, "ann")
        assert reported(reader) == "What 1 member reported"  # cached in the other process
        review_as(client, login, "bob", condition="Polycystic ovary syndrome")  # written through this one
        assert reported(reader) == "What 2 members reported"
    finally:  # what the app fixture does for its own app: the index's open files, the connections
        backend = other.extensions.get("askwell_search")
        if backend is not None:
            backend.close()
        with other.app_context():
            _db.session.remove()
            _db.engine.dispose()


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="card drug-review.*?</article>', html, flags=re.S)


def test_review_cards_from_the_fragment_cache_are_the_cards_rendered_afresh(app, client, login, db, people):
    review_as(client, login, "ann")
    review_as(client, login, "bob", condition="Polycystic ovary syndrome")
    client.get(PAGE)  # fills the fragment cache
    cached = _cards(client.get(PAGE).get_data(as_text=True))
    app.config["FRAGMENT_CACHE"] = False
    fresh = _cards(client.get(PAGE).get_data(as_text=True))
    app.config["FRAGMENT_CACHE"] = True
    assert len(cached) == 2 and cached == fresh


def test_an_edited_review_or_a_renamed_author_is_never_shown_from_an_old_fragment(client, login, db, people):
    review_as(client, login, "ann")
    assert "my sugars came down steadily" in text_of(client.get(PAGE))  # cached now
    review_id = db.session.scalar(select(DrugReview.id))
    login("ann")
    client.post(f"/drugs/reviews/{review_id}/edit", data=form(body="Switched to the slow-release tablets: "
                                                                   "far kinder on my stomach."))
    client.post("/settings/profile", data={"display_name": "Ann the Walker", "bio": ""})
    client.post("/logout")
    text = text_of(client.get(PAGE))
    assert "far kinder on my stomach" in text and "my sugars came down steadily" not in text
    assert "Ann the Walker" in text
