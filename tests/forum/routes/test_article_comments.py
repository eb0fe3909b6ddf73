"""Comments on Second Opinion articles: the safety step, deleting, and moderators removing them."""
import pytest
from sqlalchemy import select

from forum.models import Article, ArticleComment, Role
from forum.models.moderation import ModerationAction
from tests.conftest import PASSWORD
from tests.forum.routes.test_second_opinion import ARTICLE


@pytest.fixture
def article_id(client, db, make_expert, make_user, as_user):
    make_expert("doc")
    make_user("member")
    make_user("other")
    make_user("maria", role=Role.MODERATOR)
    as_user("doc")
    assert client.post("/second-opinion/new", data=ARTICLE).status_code == 302
    return db.session.scalar(select(Article.id))


def _comment(client, article_id, body, **extra):
    return client.post(f"/second-opinion/{article_id}/comments", data={"body": body, **extra})


def test_crisis_language_in_a_comment_shows_resources_and_keeps_the_text(client, db, article_id, as_user):
    as_user("member")
    text = "Honestly I want to end my life, nothing helps with this fatigue."
    response = _comment(client, article_id, text)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "help is available right now" in page
    assert "nothing helps with this fatigue" in page  # what they typed is still in the form
    assert db.session.scalar(select(ArticleComment)) is None
    assert _comment(client, article_id, text, safety="publish").status_code == 302
    assert db.session.scalar(select(ArticleComment.body_source)) == text


def test_personal_data_in_a_comment_can_be_removed_before_posting(client, db, article_id, as_user):
    as_user("member")
    text = "Call me on 07700 900123 if you want to talk about ferritin."
    page = _comment(client, article_id, text).get_data(as_text=True)
    assert "may contain personal details" in page and "07700 900123" in page
    page = _comment(client, article_id, text, safety="redact").get_data(as_text=True)
    assert "[phone removed]" in page and "07700 900123" not in page
    assert db.session.scalar(select(ArticleComment)) is None


def test_authors_delete_their_own_comment(client, db, article_id, as_user):
    as_user("member")
    _comment(client, article_id, "My ferritin was 8 and tablets helped.")
    comment = db.session.scalar(select(ArticleComment))
    as_user("other")
    assert client.post(f"/second-opinion/comments/{comment.id}/delete").status_code == 403
    as_user("member")
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert f"/second-opinion/comments/{comment.id}/delete" in page
    assert client.post(f"/second-opinion/comments/{comment.id}/delete").status_code == 302
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "tablets helped" not in page and "deleted by its author" in page and "Comments (0)" in page
    assert db.session.get(Article, article_id).comment_count == 0
    assert client.post(f"/second-opinion/comments/{comment.id}/delete").status_code == 404


def test_moderators_remove_a_comment_with_a_reason_in_the_log(client, db, article_id, as_user):
    as_user("member")
    _comment(client, article_id, "Buy cheap iron pills at spam.example, best prices!!!")
    comment = db.session.scalar(select(ArticleComment))
    as_user("maria")
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert f'href="/second-opinion/comments/{comment.id}/delete"' in page
    form = client.get(f"/second-opinion/comments/{comment.id}/delete")
    assert form.status_code == 200 and "spam.example" in form.get_data(as_text=True)
    refused = client.post(f"/second-opinion/comments/{comment.id}/delete", data={"reason": "no"})
    assert refused.status_code == 400 and "at least 5 characters" in refused.get_data(as_text=True)
    assert db.session.get(ArticleComment, comment.id).deleted_at is None
    assert client.post(f"/second-opinion/comments/{comment.id}/delete",
                       data={"reason": "Advertising, not a comment"}).status_code == 302
    entry = db.session.scalar(select(ModerationAction))
    assert (entry.action, entry.target_type, entry.target_id) == ("remove_comment", "comment", comment.id)
    assert entry.reason == "Advertising, not a comment"
    assert "Advertising, not a comment" in client.get("/mod/log").get_data(as_text=True)
    client.post("/logout")
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "spam.example" not in page and "A moderator removed this comment." in page


def test_members_cannot_remove_others_comments_or_see_the_control(client, db, article_id, as_user):
    as_user("member")
    _comment(client, article_id, "Thanks, this was clear.")
    comment = db.session.scalar(select(ArticleComment))
    as_user("other")
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert f"/second-opinion/comments/{comment.id}/delete" not in page
    assert client.get(f"/second-opinion/comments/{comment.id}/delete").status_code == 403
    client.post("/logout")
    response = client.post(f"/second-opinion/comments/{comment.id}/delete")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert db.session.get(ArticleComment, comment.id).deleted_at is None


def test_my_comments_are_in_my_data_and_leave_with_my_account(client, db, article_id, as_user):
    as_user("member")
    _comment(client, article_id, "Member's comment about iron tablets.")
    data = client.get("/settings/account/data.json").get_json()
    assert [c["text"] for c in data["comments"]] == ["Member's comment about iron tablets."]
    response = client.post("/settings/account/delete", data={"password": PASSWORD, "remove_posts": "y"})
    assert response.status_code == 302
    assert db.session.scalar(select(ArticleComment.body_source)) == ""
    assert db.session.get(Article, article_id).comment_count == 0
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "iron tablets" not in page and "deleted by its author" in page


def test_comments_pass_the_automatic_rules_like_posts(client, db, article_id, as_user, app):
    """Comments once skipped the watched words and the link limit that posts must pass."""
    from forum.actions.moderation import add_watched_word
    from forum.extensions import db as app_db
    from forum.models import ReviewItem, User

    with app.app_context():
        maria = app_db.session.scalar(select(User).where(User.username == "maria"))
        add_watched_word(maria, "casinobonus", "block")
        add_watched_word(maria, "miracle cure", "hold")
    as_user("member")
    blocked = _comment(client, article_id, "Get your CasinoBonus here, iron is overrated")
    assert blocked.status_code == 400 and "not allowed" in blocked.get_data(as_text=True)
    assert "Get your CasinoBonus here" in blocked.get_data(as_text=True), "the text stays in the form"
    links = " ".join(f"https://example{i}.org/iron" for i in range(12))
    too_many = _comment(client, article_id, f"Read these: {links}")
    assert too_many.status_code == 400 and "up to 8 links" in too_many.get_data(as_text=True)
    assert db.session.scalar(select(ArticleComment)) is None
    held = _comment(client, article_id, "This miracle cure fixed my ferritin in a week")
    assert held.status_code == 302
    comment = db.session.scalar(select(ArticleComment))
    assert comment.hidden_at is not None and comment.hidden_reason.startswith("Held for review")
    assert db.session.scalar(select(ReviewItem.reason).where(ReviewItem.comment_id == comment.id)) == "held"
    as_user("other")
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "miracle cure fixed" not in page and "hidden while a moderator reviews it" in page
    as_user("maria")
    queue = client.get("/mod/queue").get_data(as_text=True)
    assert "miracle cure fixed" in queue and "Comment on" in queue
    item_id = db.session.scalar(select(ReviewItem.id).where(ReviewItem.comment_id == comment.id))
    assert client.post(f"/mod/queue/{item_id}", data={"decision": "keep"}).status_code == 302
    as_user("other")
    assert "miracle cure fixed" in client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
