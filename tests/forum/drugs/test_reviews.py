"""Community drug reviews: written through the publishing pipeline, one per member per drug and
condition, edited with history, voted helpful, flagged and moderated like posts."""
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from forum.models import FlagReason, ModerationAction, ReviewItem, Role, User
from forum.models.reviews import DrugReview, DrugReviewRevision, ReviewSideEffect

URL = "/drugs/metformin/reviews/new"


def text_of(response) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def form(**overrides):
    data = {"condition": "Type 2 diabetes", "effectiveness": "4", "ease_of_use": "5", "satisfaction": "4",
            "duration": "1_2y", "side_effects": ["Diarrhoea"], "other_side_effects": "metallic taste",
            "body": "It took a few weeks for my stomach to settle, but my sugars came down steadily."}
    data.update(overrides)
    return data


def reviews(db, **filters):
    return db.session.scalar(select(func.count()).select_from(DrugReview).filter_by(**filters))


@pytest.fixture
def people(make_user, catalogue):
    for name in ("ann", "bob", "cat"):
        make_user(name)
    make_user("modm", role=Role.MODERATOR)


def write(client, login, who="ann", **overrides):
    client.post("/logout")
    login(who)
    return client.post(URL, data=form(**overrides))


def test_a_member_writes_a_review_and_it_shows_on_the_drug_page(client, login, db, people):
    page = client.get(URL)
    assert page.status_code == 302  # log in first
    login("ann")
    page = client.get(URL)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "not advice" in text_of(page)
    assert 'list="condition-choices"' in html and '<option value="Type 2 diabetes">' in html
    done = client.post(URL, data=form())
    assert done.status_code == 302 and "/drugs/reviews/" in done.headers["Location"]
    review = db.session.scalar(select(DrugReview))
    assert (review.condition, review.condition_key, review.effectiveness) == ("Type 2 diabetes", "type 2 diabetes", 4)
    assert review.side_effects == ["Diarrhoea", "Metallic taste"]
    assert {e.key for e in db.session.scalars(select(ReviewSideEffect))} == {"diarrhoea", "metallic taste"}
    client.post("/logout")
    drug_page = client.get("/drugs/metformin")
    text = text_of(drug_page)
    assert "my sugars came down steadily" in text and "experiences, not advice" in text
    assert "What 1 member reported" in text and "Metallic taste" in text
    assert "recommend" not in text.lower().replace("not a recommendation", "").replace("recommendations", "")


def test_condition_aliases_are_the_catalogue_condition(client, login, db, people):
    assert write(client, login, condition="t2d").status_code == 302
    assert db.session.scalar(select(DrugReview.condition)) == "Type 2 diabetes"


@pytest.mark.parametrize("field,value,message", [
    ("effectiveness", "9", "Not a valid choice"),
    ("effectiveness", "", "from 1 (not at all) to 5"),
    ("duration", "forever", "Not a valid choice"),
    ("body", "Too short.", "at least 20 characters"),
    ("condition", "", "which condition"),
])
def test_bad_input_is_refused_with_the_text_kept(client, login, db, people, field, value, message):
    response = write(client, login, **{field: value})
    assert response.status_code == 400 and message in text_of(response)
    assert "metallic taste" in response.get_data(as_text=True)
    assert reviews(db) == 0


def test_personal_details_show_the_safety_panel_and_nothing_is_created(client, login, db, people):
    body = "Text me on 07700 900123 about the night shifts"
    panel = write(client, login, body=body)
    assert panel.status_code == 200 and "may contain personal details" in text_of(panel)
    assert reviews(db) == 0
    redacted = client.post(URL, data=form(body=body, safety="redact"))
    assert "[phone removed]" in redacted.get_data(as_text=True) and reviews(db) == 0
    published = client.post(URL, data=form(body=body.replace("07700 900123", "[phone removed]"),
                                           safety="publish"))
    assert published.status_code == 302 and reviews(db) == 1


def test_personal_details_in_the_condition_are_caught_too(client, login, db, people):
    panel = write(client, login, condition="diabetes, call 07700 900123")
    assert panel.status_code == 200 and "may contain personal details" in text_of(panel) and reviews(db) == 0


def test_crisis_language_goes_to_the_top_of_the_queue(client, login, db, people):
    body = "Honestly I just want to die, nothing has helped and this did not either."
    panel = write(client, login, body=body)
    assert "help is available" in text_of(panel) and reviews(db) == 0
    assert client.post(URL, data=form(body=body, safety="publish")).status_code == 302
    item = db.session.scalar(select(ReviewItem))
    assert item.review_id is not None and item.is_urgent and item.reason == "crisis"


def test_a_blocked_word_refuses_and_a_held_one_hides_from_everyone_else(app, client, login, db, people):
    from forum.actions.moderation import add_watched_word

    with app.app_context():
        admin = User.query.filter_by(username="modm").one()
        add_watched_word(admin, "buycheap", "block")
        add_watched_word(admin, "miraclecure", "hold")
    refused = write(client, login, body="Great stuff, buycheap pills online are just as good.")
    assert refused.status_code == 400 and reviews(db) == 0
    assert "buycheap pills online" in refused.get_data(as_text=True)
    held = client.post(URL, data=form(body="This was a miraclecure for me, honestly it changed everything."),
                       follow_redirects=True)
    assert "waiting for a moderator" in text_of(held)
    review = db.session.scalar(select(DrugReview))
    assert review.is_hidden and db.session.scalar(select(ReviewItem.reason)) == "held"
    assert "miraclecure" in client.get("/drugs/metformin").get_data(as_text=True)  # its author sees it
    client.post("/logout")
    assert "miraclecure" not in client.get("/drugs/metformin").get_data(as_text=True)
    assert client.get(f"/drugs/reviews/{review.id}").status_code == 404
    client.post("/logout")
    login("bob")
    assert "miraclecure" not in client.get("/drugs/metformin").get_data(as_text=True)
    assert "What 1 member" not in text_of(client.get("/drugs/metformin"))  # not counted either
    assert client.get(f"/drugs/reviews/{review.id}").status_code == 404


def test_a_silenced_member_is_told_why_and_nothing_is_created(app, client, login, db, people):
    from datetime import timedelta

    from forum.models import utcnow
    login("ann")
    with app.app_context():
        from forum.extensions import db as _db
        user = _db.session.scalar(select(User).where(User.username == "ann"))
        user.silenced_until = utcnow() + timedelta(days=2)
        _db.session.commit()
    assert client.post(URL, data=form()).status_code == 403
    assert reviews(db) == 0


def test_one_review_per_member_per_drug_and_condition(client, login, db, people):
    assert write(client, login).status_code == 302
    again = client.post(URL, data=form(condition="T2D", body="Another go at saying how it went for me."))
    assert again.status_code == 400 and "already reviewed this for Type 2 diabetes" in text_of(again)
    assert "Another go at saying" in again.get_data(as_text=True) and reviews(db) == 1
    other = client.post(URL, data=form(condition="Polycystic ovary syndrome"))
    assert other.status_code == 302 and reviews(db) == 2
    assert write(client, login, who="bob").status_code == 302 and reviews(db) == 3


def test_editing_keeps_the_history(client, login, db, people):
    write(client, login)
    review_id = db.session.scalar(select(DrugReview.id))
    page = client.get(f"/drugs/reviews/{review_id}/edit")
    assert page.status_code == 200 and "my sugars came down steadily" in page.get_data(as_text=True)
    same = client.post(f"/drugs/reviews/{review_id}/edit", data=form())
    assert same.status_code == 400 and "Nothing changed" in text_of(same)
    changed = client.post(f"/drugs/reviews/{review_id}/edit",
                          data=form(effectiveness="2", side_effects=[], other_side_effects="",
                                    body="After a year it stopped agreeing with me and I switched."))
    assert changed.status_code == 302
    review = db.session.get(DrugReview, review_id)
    db.session.refresh(review)
    assert review.effectiveness == 2 and review.revision_count == 1 and review.side_effects == []
    assert db.session.scalar(select(func.count()).select_from(ReviewSideEffect)) == 0
    revision = db.session.scalar(select(DrugReviewRevision))
    assert revision.details["effectiveness"] == 4 and "sugars came down" in revision.body_source
    client.post("/logout")
    history = text_of(client.get(f"/drugs/reviews/{review_id}/history"))
    assert "sugars came down" in history and "Effectiveness 4 of 5" in history
    client.post("/logout")
    login("bob")
    assert client.get(f"/drugs/reviews/{review_id}/edit").status_code == 403


def test_helpful_votes_toggle_and_never_on_ones_own(client, login, db, people):
    write(client, login)
    review_id = db.session.scalar(select(DrugReview.id))
    assert client.post(f"/drugs/reviews/{review_id}/helpful").status_code == 403
    client.post("/logout")
    login("bob")
    client.post(f"/drugs/reviews/{review_id}/helpful")
    assert db.session.scalar(select(DrugReview.helpful_count)) == 1
    assert "1 member found this helpful" in text_of(client.get(f"/drugs/reviews/{review_id}"))
    client.post(f"/drugs/reviews/{review_id}/helpful")
    assert db.session.scalar(select(DrugReview.helpful_count)) == 0


def test_flags_reach_the_queue_and_a_moderator_hides_with_a_log_entry(client, login, db, people):
    write(client, login)
    review_id = db.session.scalar(select(DrugReview.id))
    assert client.post(f"/drugs/reviews/{review_id}/flag", data={"reason": "spam"}).status_code == 403
    client.post("/logout")
    login("bob")
    assert client.post(f"/drugs/reviews/{review_id}/flag",
                       data={"reason": FlagReason.MISINFORMATION.value}).status_code == 302
    again = client.post(f"/drugs/reviews/{review_id}/flag", data={"reason": "spam"})
    assert again.status_code == 400 and "already flagged" in text_of(again)
    client.post("/logout")
    login("modm")
    queue = text_of(client.get("/mod/queue"))
    assert "Review of Metformin for Type 2 diabetes" in queue and "Medical misinformation" in queue
    item_id = db.session.scalar(select(ReviewItem.id).where(ReviewItem.review_id == review_id))
    done = client.post(f"/mod/queue/{item_id}", data={"decision": "hide", "reason": "Dosing claims"},
                       follow_redirects=True)
    assert "the review was hidden" in text_of(done)
    assert db.session.get(DrugReview, review_id).is_hidden
    entry = db.session.scalar(select(ModerationAction).where(ModerationAction.target_type == "review"))
    assert entry.action == "hide_review" and entry.reason == "Dosing claims"
    assert "Hid a drug review" in text_of(client.get("/mod/log"))
    client.post("/logout")
    login("cat")
    assert "sugars came down" not in client.get("/drugs/metformin").get_data(as_text=True)


def test_removing_a_review(client, login, db, people):
    write(client, login)
    review_id = db.session.scalar(select(DrugReview.id))
    client.post("/logout")
    login("modm")
    no_reason = client.post(f"/drugs/reviews/{review_id}/remove", data={"reason": ""})
    assert no_reason.status_code == 400 and not db.session.get(DrugReview, review_id).is_deleted
    client.post(f"/drugs/reviews/{review_id}/remove", data={"reason": "Copied from an advert"})
    assert db.session.get(DrugReview, review_id).is_deleted
    assert client.get(f"/drugs/reviews/{review_id}").status_code == 404
    assert db.session.scalar(select(ModerationAction.action)) == "remove_review"


def test_sort_and_filter_by_condition(client, login, db, people):
    write(client, login)
    write(client, login, who="bob", condition="Polycystic ovary syndrome",
          body="Helped my cycles a lot, although the tummy trouble took a while to pass.")
    client.post("/logout")
    only = text_of(client.get("/drugs/metformin?condition=polycystic+ovary+syndrome"))
    assert "Helped my cycles" in only and "sugars came down" not in only
    newest = client.get("/drugs/metformin?sort=newest").get_data(as_text=True)
    assert newest.index("Helped my cycles") < newest.index("sugars came down")
    oldest = client.get("/drugs/metformin?sort=oldest").get_data(as_text=True)
    assert oldest.index("sugars came down") < oldest.index("Helped my cycles")
    assert client.get("/drugs/metformin?after=garbage").status_code == 404


def test_an_experts_review_is_marked(client, login, db, make_expert, catalogue):
    make_expert("doc")
    login("doc")
    client.post(URL, data=form())
    client.post("/logout")
    html = client.get("/drugs/metformin").get_data(as_text=True)
    assert "drug-review-expert" in html and "Verified Consultant haematologist" in html


def test_my_reviews_are_in_my_data_and_leave_with_my_posts(client, login, db, people):
    from tests.conftest import PASSWORD

    write(client, login)
    client.post("/logout")
    login("bob")
    review_id = db.session.scalar(select(DrugReview.id))
    client.post(f"/drugs/reviews/{review_id}/helpful")
    client.post("/logout")
    login("ann")
    from forum.actions.data_rights import export_user_data

    with client.application.app_context():
        from forum.extensions import db as _db
        ann = _db.session.scalar(select(User).where(User.username == "ann"))
        data = export_user_data(ann)
    assert data["drug_reviews"][0]["condition"] == "Type 2 diabetes"
    assert "sugars came down" in data["drug_reviews"][0]["text"]
    response = client.post("/settings/account/delete", data={"password": PASSWORD, "remove_posts": "y"})
    assert response.status_code == 302
    assert reviews(db) == 0
    assert db.session.scalar(select(func.count()).select_from(ReviewSideEffect)) == 0
