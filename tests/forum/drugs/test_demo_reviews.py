"""The demo's community reviews: on at least 20 catalogue drugs, every one written, none a recommendation."""
from sqlalchemy import func, select

from forum.demo.review_content import REVIEWS
from forum.extensions import db as _db
from forum.models import User, utcnow
from forum.models.reviews import DrugReview


def test_demo_reviews_cover_twenty_drugs(app, make_user, catalogue, client):
    from forum.demo.reviews import seed_reviews

    names = sorted({r[1] for r in REVIEWS} | {"sam_k", "bob_mcd"})
    for name in names:
        make_user(name)
    with app.app_context():
        users = {u.username: u for u in _db.session.scalars(select(User))}
        assert seed_reviews(users, utcnow()) == len(REVIEWS)
        assert _db.session.scalar(select(func.count(func.distinct(DrugReview.drug_id)))) >= 20
        assert _db.session.scalar(select(func.count()).where(DrugReview.helpful_count > 0)) > 5
    page = client.get("/drugs/metformin").get_data(as_text=True)
    assert "What 3 members reported" in page and "slow-release version" in page
    assert all("recommend" not in r[6].lower() for r in REVIEWS)
