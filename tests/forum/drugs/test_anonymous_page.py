"""Anonymous visitors share one rendered drug page, and it is never stale in what matters:
a new or removed review and a new or hidden mention reach the very next visitor."""
from __future__ import annotations

from sqlalchemy import select

from forum.models import Post, Role
from forum.models.reviews import DrugReview
from tests.forum.drugs.test_reviews import form, text_of

PAGE = "/drugs/metformin"


def _main(page: str) -> str:
    """The page's main content (the layout around it holds a form token that changes each second)."""
    return page.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def review_as(client, login, who, **overrides):
    login(who)
    assert client.post(f"{PAGE}/reviews/new", data=form(**overrides)).status_code == 302
    client.post("/logout")


def test_the_next_anonymous_visitor_gets_the_same_page_without_rendering_it_again(client, catalogue,
                                                                                  count_queries, monkeypatch):
    from forum.drugs import page_cache

    minute = page_cache._minute()
    monkeypatch.setattr(page_cache, "_minute", lambda: minute)  # no minute boundary between the requests
    client.get(PAGE)  # the first request may build the search index, which changes its version
    first = _main(client.get(PAGE).get_data(as_text=True))
    with count_queries() as statements:
        second = _main(client.get(PAGE).get_data(as_text=True))
    assert second == first and "Community reviews" in second and "Where it is discussed" in second
    assert len(statements) <= 2, statements  # the drug's row (and nothing per review, section or mention)


def test_a_new_review_and_a_removed_one_reach_the_next_anonymous_visitor(client, login, db, catalogue, make_user):
    make_user("ann")
    make_user("modm", role=Role.MODERATOR)
    assert "No one has reviewed Metformin yet" in text_of(client.get(PAGE))  # cached
    review_as(client, login, "ann", body="My sugars came down within a month of starting it.")
    assert "My sugars came down within a month" in text_of(client.get(PAGE))
    review = db.session.scalar(select(DrugReview))
    login("modm")
    assert client.post(f"/drugs/reviews/{review.id}/remove", data={"reason": "Advert"}).status_code == 302
    client.post("/logout")
    assert "My sugars came down within a month" not in text_of(client.get(PAGE))


def test_a_new_mention_and_a_hidden_one_reach_the_next_anonymous_visitor(client, login, db, catalogue, make_user,
                                                                         make_group, make_thread):
    make_user("pat")
    make_user("modm", role=Role.MODERATOR)
    slug = make_group("Type 2 Diabetes")
    assert "No conversations mention it yet" in text_of(client.get(PAGE))  # cached
    thread_id = make_thread("pat", slug, title="Metformin and a queasy stomach", body="Does metformin settle?")
    assert "Metformin and a queasy stomach" in text_of(client.get(PAGE))
    opening = db.session.scalar(select(Post.id).where(Post.thread_id == thread_id, Post.number == 1))
    login("modm")
    assert client.post(f"/mod/post/{opening}", data={"do": "hide", "reason": "Personal details"}).status_code == 302
    client.post("/logout")
    assert "Metformin and a queasy stomach" not in text_of(client.get(PAGE))


def test_members_never_get_the_anonymous_copy(client, login, catalogue, make_user):
    make_user("ann")
    anonymous = text_of(client.get(PAGE))
    assert "Log in to share your experience" in anonymous and "Add to My Medicine" not in anonymous
    login("ann")
    member = text_of(client.get(PAGE))
    assert "Add to My Medicine" in member and "Share your experience with Metformin" in member
    assert "Log in to share your experience" not in member
    client.post("/logout")
    again = text_of(client.get(PAGE))
    assert "Log in to share your experience" in again and "Add to My Medicine" not in again


def test_each_sort_and_condition_is_its_own_page(client, login, catalogue, make_user):
    make_user("ann")
    make_user("bob")
    review_as(client, login, "ann", condition="Type 2 diabetes", body="Steady sugars, a settled stomach later.")
    review_as(client, login, "bob", condition="Polycystic ovary syndrome", body="My cycles became regular again.")
    everything = text_of(client.get(PAGE))
    one_condition = text_of(client.get(PAGE, query_string={"condition": "polycystic ovary syndrome"}))
    assert "Steady sugars" in everything and "My cycles became regular" in everything
    assert "My cycles became regular" in one_condition and "Steady sugars" not in one_condition


def test_a_helpful_vote_reaches_the_next_anonymous_visitor(client, login, db, catalogue, make_user):
    make_user("ann")
    make_user("bob")
    review_as(client, login, "ann", body="My sugars came down within a month of starting it.")
    assert "0 members found this helpful" in text_of(client.get(PAGE))  # cached
    review = db.session.scalar(select(DrugReview))
    login("bob")
    assert client.post(f"/drugs/reviews/{review.id}/helpful", data={"back": "drug"}).status_code == 302
    client.post("/logout")
    assert "1 member found this helpful" in text_of(client.get(PAGE))
