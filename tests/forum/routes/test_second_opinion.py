"""Second Opinion articles, comments, and expert activity on the home and profile pages."""
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from forum.models import Article, ArticleComment, Role

BODY = ("Iron deficiency is the most common cause of anaemia worldwide. " * 5
        + "\n\n## What helps\n\n- Take tablets with **vitamin C**\n"
        + "- Avoid tea with meals <script>alert(1)</script>")
ARTICLE = {"title": "Iron deficiency anaemia: what your blood test means",
           "summary": "How to read a full blood count and ferritin result, and when to ask about iron.",
           "body": BODY,
           "sources": "NHS: Iron deficiency anaemia https://www.nhs.uk/conditions/iron-deficiency-anaemia/\n"
                      "NICE CKS: Iron deficiency https://cks.nice.org.uk/topics/anaemia-iron-deficiency/",
           "tags": "Anaemia, iron, blood-tests", "reviewed_on": "2026-01-15"}


def test_only_verified_experts_write_articles(client, db, make_user, make_expert, as_user):
    make_user("member")
    make_user("role_only", role=Role.EXPERT)
    for name in ("member", "role_only"):
        as_user(name)
        assert client.get("/second-opinion/new").status_code == 403
        assert client.post("/second-opinion/new", data=ARTICLE).status_code == 403
    assert db.session.scalar(select(Article)) is None
    make_expert("doc")
    as_user("doc")
    response = client.post("/second-opinion/new", data=ARTICLE)
    assert response.status_code == 302
    article = db.session.scalar(select(Article))
    assert article.tags == "anaemia iron blood-tests" and article.reviewed_on == date(2026, 1, 15)


def test_article_page_shows_sources_note_and_reviewed_date(client, make_expert, as_user):
    make_expert("doc")
    as_user("doc")
    location = client.post("/second-opinion/new", data=ARTICLE).headers["Location"]
    client.post("/logout")
    page = client.get(location).get_data(as_text=True)
    assert "Iron deficiency anaemia: what your blood test means" in page
    nhs = "https://www.nhs.uk/conditions/iron-deficiency-anaemia/"
    assert f'<a href="{nhs}" rel="nofollow ugc noopener">' in page
    assert "not a substitute for professional care" in page
    assert 'datetime="2026-01-15"' in page and "15 January 2026" in page
    assert "<strong>vitamin C</strong>" in page and "<script>alert" not in page
    assert "Consultant haematologist, Haematology" in page
    listing = client.get("/second-opinion?tag=iron").get_data(as_text=True)
    assert "what your blood test means" in listing
    assert "what your blood test means" not in client.get("/second-opinion?tag=iro").get_data(as_text=True)
    assert client.get("/second-opinion?tag=<b>").status_code == 404


@pytest.mark.parametrize("changes, message", [
    ({"reviewed_on": (date.today() + timedelta(days=3)).isoformat()}, "can&#39;t be in the future"),
    ({"reviewed_on": "15/01/2026"}, "Not a valid date value"),
    ({"reviewed_on": ""}, "Give the date you last reviewed the article."),
    ({"sources": "  \n "}, "List at least one source"),
    ({"tags": "anaemia, <script>"}, "letters, numbers and dashes"),
    ({"tags": ",".join(f"t{i}" for i in range(9))}, "at most 8 topic tags"),
    ({"body": "Too short."}, "at least 200 characters"),
    ({"summary": "s" * 501}, "Summaries are 20–500 characters."),
])
def test_bad_articles_are_refused_and_keep_what_was_typed(client, db, make_expert, as_user, changes, message):
    make_expert("doc")
    as_user("doc")
    response = client.post("/second-opinion/new", data={**ARTICLE, **changes})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert "Iron deficiency anaemia: what your blood test means" in page
    assert db.session.scalar(select(Article)) is None


def test_experts_edit_only_their_own_articles_and_revoked_experts_not_at_all(
        app, client, db, make_user, make_expert, as_user):
    from forum.actions.experts import revoke_verification
    from forum.extensions import db as app_db
    from forum.models import User

    make_expert("doc")
    make_expert("nurse", specialty="nursing", profession="Nurse")
    as_user("doc")
    client.post("/second-opinion/new", data=ARTICLE)
    article_id = db.session.scalar(select(Article.id))
    assert client.get(f"/second-opinion/{article_id}/edit").status_code == 200
    as_user("nurse")
    assert client.get(f"/second-opinion/{article_id}/edit").status_code == 403
    with app.app_context():
        doc = app_db.session.scalar(select(User).where(User.username == "doc"))
        boss = app_db.session.scalar(select(User).where(User.username == "verifier"))
        revoke_verification(boss, doc, "Registration lapsed.")
    as_user("doc")
    assert client.get(f"/second-opinion/{article_id}/edit").status_code == 403
    assert client.post("/second-opinion/new", data=ARTICLE).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Article)) == 1, "no second article"


def test_members_comment_and_the_count_follows(client, db, make_user, make_expert, as_user):
    make_expert("doc")
    make_user("member")
    as_user("doc")
    client.post("/second-opinion/new", data=ARTICLE)
    article_id = db.session.scalar(select(Article.id))
    client.post("/logout")
    assert client.post(f"/second-opinion/{article_id}/comments", data={"body": "Hi"}).status_code == 302
    assert db.session.scalar(select(ArticleComment)) is None
    as_user("member")
    response = client.post(f"/second-opinion/{article_id}/comments", data={"body": ""})
    assert response.status_code == 400
    assert "Write something before posting." in response.get_data(as_text=True)
    response = client.post(f"/second-opinion/{article_id}/comments", data={"body": "x" * 5001})
    assert response.status_code == 400 and "x" * 100 in response.get_data(as_text=True)
    client.post(f"/second-opinion/{article_id}/comments", data={"body": "Thank you, **very** clear."})
    page = client.get(f"/second-opinion/{article_id}").get_data(as_text=True)
    assert "Thank you, <strong>very</strong> clear." in page and "Comments (1)" in page
    assert db.session.get(Article, article_id).comment_count == 1


def test_home_and_profile_show_expert_activity(client, make_user, make_group, make_thread, reply_as,
                                               make_expert, as_user, count_queries):
    make_user("asker")
    make_user("reader")
    make_expert("doc")
    slug = make_group("Leukemia & Lymphoma")
    thread_id = make_thread("asker", slug, title="Why is my ferritin low when my haemoglobin is fine?")
    post_id = reply_as("doc", thread_id, "Ferritin falls before haemoglobin does.")
    reply_as("asker", thread_id, "Thank you, that makes sense.")
    as_user("doc")
    client.post("/second-opinion/new", data=ARTICLE)
    as_user("reader")
    client.post(f"/p/{post_id}/helpful")
    as_user("asker")
    client.post(f"/p/{post_id}/accept")
    with count_queries() as statements:
        home = client.get("/").get_data(as_text=True)
    # SQL as bench/pages.py counts it: SQLite's explicit BEGIN is not a query. The ninth is the
    # logged-in header's one statement (unread notifications and messages, blocks: forum.viewer_state).
    assert len([s for s in statements if not s.startswith("BEGIN")]) <= 9
    assert "Recent expert answers" in home and "Why is my ferritin low when my haemoglobin is fine?" in home
    assert "Iron deficiency anaemia: what your blood test means" in home
    profile = client.get("/u/doc").get_data(as_text=True)
    for stat in ("<strong>1</strong> answer given", "<strong>1</strong> accepted",
                 "<strong>1</strong> helpful vote received"):
        assert stat in profile
    assert "Verified expert" in profile
    assert "<strong>0</strong> answers given" in client.get("/u/asker").get_data(as_text=True)


def test_private_answers_stay_out_of_home_and_profile_counts(client, make_user, make_group, make_thread,
                                                              reply_as, make_expert, add_member):
    make_user("member")
    make_expert("doc")
    slug = make_group("Living with HIV", private=True)
    add_member("member", slug)
    add_member("doc", slug)
    thread_id = make_thread("member", slug, title="Secret question about my treatment")
    reply_as("doc", thread_id, "Secret answer.")
    assert "Secret question" not in client.get("/").get_data(as_text=True)
    assert "<strong>0</strong> answers given" in client.get("/u/doc").get_data(as_text=True)
