"""A drug page with 2,000 reviews runs the same statements as one with a few: bounded SQL, keyset pages."""
import re
from html import unescape

from sqlalchemy import func, insert, select

from forum.extensions import db as _db
from forum.models import Drug, User, utcnow
from forum.models.reviews import DrugReview, ReviewSideEffect

EFFECTS = ["Nausea", "Diarrhoea", "Headache", "Tiredness", "Dizziness", "Metallic taste"]


def _add_reviews(app, start: int, count: int, authors: list[int]) -> None:
    with app.app_context():
        drug_id = _db.session.scalar(select(Drug.id).where(Drug.slug == "metformin"))
        now = utcnow()
        start_id = _db.session.scalar(select(func.coalesce(func.max(DrugReview.id), 0)))
        rows, effects = [], []
        for n in range(start, start + count):
            condition = f"Condition {n // len(authors)}"
            rows.append({"drug_id": drug_id, "author_id": authors[n % len(authors)], "condition": condition,
                         "condition_key": condition.lower(), "effectiveness": 1 + n % 5, "ease_of_use": 1 + n % 4,
                         "satisfaction": 1 + n % 3, "duration": "1_6m", "side_effects": [EFFECTS[n % 6]],
                         "body_source": f"Review number {n}", "body_html": f"<p>Review number {n}</p>",
                         "created_at": now, "helpful_count": n % 7, "revision_count": 0, "flag_count": 0})
        _db.session.execute(insert(DrugReview), rows)
        for review_id, body in _db.session.execute(select(DrugReview.id, DrugReview.body_source)
                                                   .where(DrugReview.id > start_id)):
            n = int(body.rsplit(" ", 1)[1])
            effects.append({"review_id": review_id, "drug_id": drug_id, "key": EFFECTS[n % 6].lower(),
                            "label": EFFECTS[n % 6]})
        _db.session.execute(insert(ReviewSideEffect), effects)
        _db.session.commit()


def _statements(client, count_queries, url="/drugs/metformin"):
    client.get(url)  # warm caches that are not per page (watched words, search index)
    with count_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200
    return len(statements), response.get_data(as_text=True)


def test_a_drug_page_with_2000_reviews_is_bounded(app, client, login, make_user, catalogue, count_queries):
    authors = [make_user(f"member{n:02d}") for n in range(40)]
    login("member00")
    _add_reviews(app, 0, 10, authors)
    few, _ = _statements(client, count_queries)
    _add_reviews(app, 10, 990, authors)
    middle, _ = _statements(client, count_queries)
    _add_reviews(app, 1000, 1000, authors)
    many, html = _statements(client, count_queries)
    # One more statement once there are more conditions than the summary shows (the total), then flat.
    assert many == middle <= few + 1
    assert html.count('class="card drug-review') == 20
    assert "What 2000 members reported" in html or "What 2,000 members reported" in html
    older = unescape(re.search(r'href="([^"]+)" rel="next"', html).group(1))
    deep, deep_html = _statements(client, count_queries, older)
    assert deep <= few + 1 and deep_html.count('class="card drug-review') == 20
    with app.app_context():
        assert _db.session.scalar(select(User.id).where(User.username == "member00")) == authors[0]
