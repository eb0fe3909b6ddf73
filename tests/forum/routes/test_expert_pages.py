"""The new pages stay cheap, never write on GET, and label every field."""
import re

import pytest
from sqlalchemy import select

from forum.models import Article, Role
from tests.forum.routes.test_second_opinion import ARTICLE
from tests.forum.test_queries import WRITE


@pytest.fixture
def site(client, make_user, make_group, make_thread, reply_as, make_expert, as_user, add_member):
    make_user("asker")
    make_user("applicant")
    make_user("root", role=Role.ADMIN)
    make_expert("doc")
    slug = make_group("Leukemia & Lymphoma")
    for i in range(5):
        thread_id = make_thread("asker", slug, title=f"Question {i} about my full blood count")
        reply_as("doc", thread_id)
    as_user("applicant")
    client.post("/experts/apply", data={
        "profession": "Nurse", "specialty": "nursing", "licence_number": "NMC 01A2345B",
        "issuing_body": "Nursing and Midwifery Council", "country": "UK", "evidence": "On the NMC register."})
    as_user("doc")
    client.post("/second-opinion/new", data=ARTICLE)
    client.post("/logout")


PAGES = ["/experts", "/experts/apply", "/experts/review", "/experts/queue", "/second-opinion",
         "/second-opinion?tag=iron", "/second-opinion/{article}", "/second-opinion/new",
         "/second-opinion/{article}/edit", "/", "/u/doc", "/t/1", "/t/1?sort=oldest"]


@pytest.mark.parametrize("who", [None, "applicant", "doc", "root"])
def test_get_pages_are_bounded_and_never_write(client, db, count_queries, site, as_user, who):
    if who:
        as_user(who)
    article_id = db.session.scalar(select(Article.id))
    for path in PAGES:
        path = path.format(article=article_id)
        with count_queries() as statements:
            response = client.get(path)
        assert response.status_code in (200, 302, 403), path
        assert [s for s in statements if WRITE.match(s)] == [], path
        # The SQL the page runs, as bench/pages.py counts it: SQLite's explicit BEGIN is not a query
        # (PostgreSQL begins implicitly and the counter never sees it).
        queries = [s for s in statements if not s.startswith("BEGIN")]
        # 8, plus the header bell's one indexed unread count on every logged-in page (issue 15).
        assert len(queries) <= 9, f"{path}: " + "\n".join(queries)
        assert len([s for s in queries if "FROM notifications" in s]) <= 1, path


@pytest.mark.parametrize("who, path", [("asker", "/experts/apply"), ("root", "/experts/review"),
                                       ("doc", "/second-opinion/new"), ("doc", "/second-opinion/{article}"),
                                       ("asker", "/groups/leukemia-lymphoma/new")])
def test_every_field_has_a_label(client, db, site, as_user, who, path):
    as_user(who)
    page = client.get(path.format(article=db.session.scalar(select(Article.id)))).get_data(as_text=True)
    fields = re.findall(r'<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"', page)
    assert fields
    for field_id in fields:
        if field_id != "csrf_token":
            assert f'for="{field_id}"' in page, f"{path}: {field_id}"
    assert "<script>" not in page.split("</head>")[1] and " onclick=" not in page
