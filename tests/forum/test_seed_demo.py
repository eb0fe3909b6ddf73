"""``flask --app forum seed-demo``: the real command on a real SQLite file database.

Seeding takes a few seconds (argon2 hashes ~40 passwords), so one seeded app is
shared by the read-only tests in this module.
"""
from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest
from sqlalchemy import func, select

from forum import create_app
from forum.actions.accounts import authenticate, register_user
from forum.demo import content
from forum.extensions import db
from forum.models import (
    Group,
    GroupRole,
    Membership,
    MembershipStatus,
    Post,
    PostRevision,
    Role,
    Thread,
    ThreadKind,
    User,
    utcnow,
)

# One worker seeds once for the whole module (make test runs xdist with --dist loadgroup).
pytestmark = pytest.mark.xdist_group("seed-demo")
PLACEHOLDER = re.compile(r"lorem|ipsum|placeholder|\btodo\b|\btbd\b|xxx", re.IGNORECASE)


def _make_app(path):
    app = create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path / 't.db'}",
        "SECRET_KEY": "test",
        "WTF_CSRF_ENABLED": False,
        "SEARCH_INDEX_DIR": str(path / "index"),
        "ARGON2_TIME_COST": 1,  # real argon2id at its cheapest: the demo hashes ~40 passwords
        "ARGON2_MEMORY_COST": 64,
    })
    with app.app_context():
        db.create_all()
    return app


def _dispose(app):
    backend = app.extensions.get("askwell_search")
    if backend is not None:
        backend.close()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def fresh_app(tmp_path):
    app = _make_app(tmp_path)
    yield app
    _dispose(app)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """An app whose database has been seeded once, and the command's output."""
    app = _make_app(tmp_path_factory.mktemp("seed"))
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    yield app, result
    _dispose(app)


@pytest.fixture
def seeded_db(seeded):
    app, _ = seeded
    with app.app_context():
        yield db
        db.session.remove()


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _counts() -> dict:
    return {model.__name__: _count(model) for model in (User, Group, Membership, Thread, Post, PostRevision)}


def test_the_command_succeeds_and_prints_the_logins(seeded):
    _, result = seeded
    assert result.exit_code == 0, result.output
    assert "Demo community created" in result.output
    for username in (content.ADMIN_USERNAME, content.MODERATOR_USERNAME, content.MEMBER_USERNAME,
                     *content.EXPERT_USERNAMES):
        assert username in result.output
    assert content.DEMO_PASSWORD in result.output
    assert len(content.DEMO_PASSWORD) >= 10


def test_help_explains_the_command(fresh_app):
    result = fresh_app.test_cli_runner().invoke(args=["seed-demo", "--help"])
    assert result.exit_code == 0
    assert "demo community" in result.output and "password" in result.output


def test_required_minimums(seeded_db):
    groups = db.session.scalars(select(Group)).all()
    assert len(groups) >= 8
    assert all(g.description and g.category for g in groups)
    assert [g.slug for g in groups if g.is_private] == [content.PRIVATE_GROUP_SLUG]

    assert _count(User) >= 30
    assert _count(User, User.role == Role.ADMIN) == 1
    assert _count(User, User.role == Role.MODERATOR) == 1
    experts = db.session.scalars(select(User).where(User.role == Role.EXPERT)).all()
    assert len(experts) == 3 and all(re.search(r"\d+ years in practice", e.bio) for e in experts)
    assert _count(User, User.display_name != "") >= 20

    private = db.session.scalar(select(Group).where(Group.is_private.is_(True)))
    mods = db.session.scalars(select(Membership).where(Membership.role == GroupRole.MODERATOR)).all()
    assert len(mods) >= 5 and private.id in {m.group_id for m in mods}
    assert _count(Membership, Membership.group_id == private.id,
                  Membership.status == MembershipStatus.PENDING) >= 2

    threads = db.session.scalars(select(Thread)).all()
    assert len(threads) >= 60
    assert {t.kind for t in threads} == {ThreadKind.QUESTION, ThreadKind.DISCUSSION}
    assert {t.group_id for t in threads} == {g.id for g in groups}
    assert all(10 <= len(t.title) <= 200 for t in threads)
    for thread in threads:
        assert 2 <= _count(Post, Post.thread_id == thread.id, Post.number > 1) <= 8, thread.title
    assert _count(PostRevision) >= 1
    assert _count(Post, Post.deleted_at.is_not(None)) >= 1

    experts_ids = [e.id for e in experts]
    assert _count(Post, Post.author_id.in_(experts_ids), Post.number > 1) >= 10


def test_private_group_has_conversations_by_members(seeded_db):
    private = db.session.scalar(select(Group).where(Group.slug == content.PRIVATE_GROUP_SLUG))
    threads = db.session.scalars(select(Thread).where(Thread.group_id == private.id)).all()
    assert len(threads) >= 3
    posts = db.session.scalars(select(Post).where(Post.thread_id.in_([t.id for t in threads]))).all()
    for post in posts:
        membership = db.session.get(Membership, (private.id, post.author_id))
        assert membership is not None and membership.is_active


def test_no_placeholder_text(seeded_db):
    texts = list(db.session.scalars(select(Post.body_source)))
    texts += db.session.scalars(select(Thread.title))
    texts += db.session.scalars(select(Group.description))
    texts += db.session.scalars(select(User.bio))
    texts += db.session.scalars(select(Membership.request_note))
    texts += db.session.scalars(select(PostRevision.body_source))
    assert len(texts) > 300
    assert not [t for t in texts if PLACEHOLDER.search(t)]


def test_timestamps_are_spread_ordered_and_counters_match(seeded_db):
    now = utcnow()
    threads = db.session.scalars(select(Thread).order_by(Thread.created_at)).all()
    assert now - timedelta(days=61) < threads[0].created_at
    assert threads[-1].created_at - threads[0].created_at > timedelta(days=45)
    for thread in threads:
        posts = db.session.scalars(
            select(Post).where(Post.thread_id == thread.id).order_by(Post.number)).all()
        times = [p.created_at for p in posts]
        assert all(t.tzinfo == UTC for t in times)
        assert times[0] == thread.created_at and times == sorted(times) and len(set(times)) == len(times)
        assert times[-1] == thread.last_activity_at <= now
        assert thread.post_count == len(posts)
        assert thread.reply_count == len([p for p in posts[1:] if not p.is_deleted])
        for post in posts:
            assert post.author.created_at < post.created_at
            assert db.session.get(Membership, (thread.group_id, post.author_id)).created_at < post.created_at
            if post.edited_at:
                assert post.created_at < post.edited_at <= now
    for revision in db.session.scalars(select(PostRevision)):
        assert revision.written_at < revision.replaced_at <= now
    for group in db.session.scalars(select(Group)):
        group_threads = select(Thread.id).where(Thread.group_id == group.id)
        assert group.thread_count == _count(Thread, Thread.group_id == group.id)
        assert group.post_count == _count(Post, Post.thread_id.in_(group_threads))
        assert group.member_count == _count(Membership, Membership.group_id == group.id,
                                            Membership.status == MembershipStatus.ACTIVE)
        assert group.last_activity_at == db.session.scalar(
            select(func.max(Thread.last_activity_at)).where(Thread.group_id == group.id))
    for user in db.session.scalars(select(User)):
        assert user.post_count == _count(Post, Post.author_id == user.id)


def test_demo_logins_work(seeded_db):
    for _, username in content.DEMO_LOGINS:
        assert authenticate(username, content.DEMO_PASSWORD) is not None, username
    assert authenticate(content.ADMIN_USERNAME, "wrong-password-here") is None


def test_running_again_changes_nothing(seeded):
    app, _ = seeded
    with app.app_context():
        before = _counts()
        latest = db.session.scalar(select(func.max(Post.created_at)))
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "already there" in result.output and content.DEMO_PASSWORD in result.output
    with app.app_context():
        assert _counts() == before
        assert db.session.scalar(select(func.max(Post.created_at))) == latest
        db.session.remove()


def test_refuses_a_database_where_demo_names_are_taken(fresh_app):
    with fresh_app.app_context():
        register_user(content.ADMIN_USERNAME, "someone@example.com", "a-real-admin-password", role=Role.ADMIN)
    result = fresh_app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "fresh" in result.output and content.ADMIN_USERNAME in result.output
    with fresh_app.app_context():
        assert _count(User) == 1 and _count(Group) == 0
        db.session.remove()


def test_experts_are_verified_by_the_admin_before_they_answer(seeded_db):
    from forum.models import ExpertVerification

    admin = db.session.scalar(select(User).where(User.username == content.ADMIN_USERNAME))
    for name in content.EXPERT_USERNAMES:
        expert = db.session.scalar(select(User).where(User.username == name))
        verification = expert.current_verification
        assert verification is not None and verification.verified_by_id == admin.id, name
        first_answer = db.session.scalar(select(func.min(Post.created_at)).where(Post.author_id == expert.id))
        assert expert.created_at < verification.verified_at < first_answer
    assert _count(ExpertVerification) == 3


def test_answers_have_votes_an_accepted_answer_and_expert_counts(seeded_db):
    from forum.actions.qa import refresh_answer_counters
    from forum.models import HelpfulVote

    assert _count(HelpfulVote) >= 100
    own = db.session.scalar(select(func.count()).select_from(HelpfulVote)
                            .join(Post, Post.id == HelpfulVote.post_id)
                            .where(Post.author_id == HelpfulVote.user_id))
    assert own == 0
    for post in db.session.scalars(select(Post).where(Post.helpful_count > 0)):
        assert post.helpful_count == _count(HelpfulVote, HelpfulVote.post_id == post.id)
        assert post.thread.is_question and post.number > 1 and post.is_public
    accepted = db.session.scalars(select(Thread).where(Thread.accepted_post_id.is_not(None))).all()
    assert len(accepted) >= 3
    expert_ids = select(User.id).where(User.username.in_(content.EXPERT_USERNAMES))
    assert any(db.session.get(Post, t.accepted_post_id).author_id in db.session.scalars(expert_ids).all()
               for t in accepted)
    before = {t.id: t.expert_answer_count for t in db.session.scalars(select(Thread))}
    refresh_answer_counters(before)
    assert {t.id: t.expert_answer_count for t in db.session.scalars(select(Thread))} == before
    db.session.rollback()
    assert sum(1 for n in before.values() if n >= 2) >= 1


def test_the_review_queue_and_each_experts_queue_have_something_in_them(seeded_db):
    from forum.experts.queries import expert_queue, pending_applications

    assert [a.user.username for a in pending_applications()] == ["chris_p"]
    for name in content.EXPERT_USERNAMES:
        expert = db.session.scalar(select(User).where(User.username == name))
        specialty = expert.current_verification.specialty
        threads = db.session.scalars(expert_queue(expert, specialty).limit(25)).all()
        assert threads and all(t.asks_expert and t.expert_answer_count == 0 for t in threads), name


def test_second_opinion_articles_read_like_real_content(seeded_db):
    from forum.models import Article, ArticleComment

    articles = db.session.scalars(select(Article)).all()
    assert len(articles) >= 3
    assert {a.author.username for a in articles} == set(content.EXPERT_USERNAMES)
    for article in articles:
        assert len(article.body_source) > 1000 and not PLACEHOLDER.search(article.body_source)
        assert article.sources_source.count("https://") >= 2 and article.sources_html.count("<li>") >= 2
        assert article.reviewed_on <= article.created_at.date() and article.tag_list
        assert article.comment_count == _count(ArticleComment, ArticleComment.article_id == article.id)
    assert _count(ArticleComment) >= 3


def test_the_demo_has_the_drug_catalogue_and_its_drugs_are_discussed(seeded):
    from forum.drugs.catalogue import read_catalogue
    from forum.models import Drug

    app, result = seeded
    assert "Drugs & Supplements: " in result.output
    with app.app_context():
        assert _count(Drug) == len(read_catalogue())
        db.session.remove()
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert "0 added or updated" in again.output
    assert app.test_cli_runner().invoke(args=["search", "sync"]).exit_code == 0  # as `make run` does
    page = app.test_client().get("/drugs/metformin").get_data(as_text=True)
    assert "Type 2 Diabetes" in page and "Metformin and your stomach" in page


def test_the_demo_member_keeps_a_medicine_list_with_an_interaction_a_profile_and_an_alert(seeded):
    app, _ = seeded
    client = app.test_client()
    client.post("/login", data={"identifier": content.MEMBER_USERNAME, "password": content.DEMO_PASSWORD})
    page = client.get("/medicine").get_data(as_text=True)
    assert "Warfarin" in page and "Serious: usually avoided or closely watched" in page
    assert "Safety alerts" in page and "D-0001-2026" in page and ">Dad (my father)</a>" in page
    recall = client.get("/recalls/D-0001-2026").get_data(as_text=True)
    assert "not a real FDA recall" in recall and "may concern Lisinopril on your list" in recall
    pills = client.get("/pills?imprint=aw+l1").get_data(as_text=True)
    assert "Lisinopril" in pills and "not a real product" in pills


def test_the_demo_has_private_conversations_and_sam_has_one_unread(seeded_db):
    from forum.models import Conversation, ConversationParticipant, Message

    assert _count(Conversation) == 2 and _count(Message) >= 6
    sam = db.session.scalar(select(User).where(User.username == content.MEMBER_USERNAME))
    unread = db.session.scalar(select(func.sum(ConversationParticipant.unread_count))
                               .where(ConversationParticipant.user_id == sam.id))
    assert unread == 1
    assert all(m.created_at < utcnow() - timedelta(hours=1) for m in db.session.scalars(select(Message)))
def test_the_demo_member_comes_back_to_unread_notifications_and_followed_threads(seeded, seeded_db):
    from forum.models import GroupFollow, MailDelivery, Notification, ThreadWatch

    app, _ = seeded
    member = seeded_db.session.scalar(select(User).where(User.username == content.MEMBER_USERNAME))
    unread = _count(Notification, Notification.user_id == member.id, Notification.read_at.is_(None))
    assert unread >= 1
    assert _count(ThreadWatch, ThreadWatch.user_id == member.id) >= 1
    assert _count(GroupFollow, GroupFollow.user_id == member.id) == 1
    assert _count(MailDelivery) == 0  # the demo's history emails nobody
    client = app.test_client()
    client.post("/login", data={"identifier": content.MEMBER_USERNAME, "password": content.DEMO_PASSWORD})
    page = client.get("/notifications").get_data(as_text=True)
    assert "replied in" in page or "new replies in" in page
    assert f"data-bell-count>{unread}<" in client.get("/").get_data(as_text=True)
