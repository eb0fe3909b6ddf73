"""Migrations build the full schema from an empty database, matching the models."""
import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from forum import create_app
from forum.extensions import db


@pytest.fixture
def empty_app(tmp_path):
    if os.environ.get("TEST_DATABASE_URL"):
        url = os.environ["TEST_DATABASE_URL"]
    else:
        url = f"sqlite:///{tmp_path / 'migrated.db'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    yield app
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        db.engine.dispose()


def test_upgrade_from_empty_matches_the_models(empty_app):
    with empty_app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"users", "groups", "memberships", "threads", "posts", "post_revisions"} <= tables
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == []


def test_downgrade_to_empty_and_up_again(empty_app):
    with empty_app.app_context():
        upgrade()
        downgrade(revision="base")
        assert "posts" not in inspect(db.engine).get_table_names()
        upgrade()
        assert "posts" in inspect(db.engine).get_table_names()


def test_new_email_kinds_stay_off_for_someone_who_had_unsubscribed_from_everything(empty_app):
    from forum import jobs
    from forum.actions.accounts import register_user
    from forum.models import EmailPreference
    from forum.notifications.emails import preferences

    old_kinds = ("reply", "expert_answer", "accepted", "helpful", "mention", "join_approved", "join_declined",
                 "expert_decided", "moderated", "new_thread", "message", "recall")
    with empty_app.app_context():
        upgrade(revision="0019")  # the users table is as the models have it since 0019
        with jobs.paused():
            quiet = register_user("gone_quiet", "quiet@example.com", "a-long-password-1").id
            picky = register_user("picky", "picky@example.com", "a-long-password-1").id
        db.session.add_all(EmailPreference(user_id=quiet, kind=kind, frequency="never") for kind in old_kinds)
        db.session.add(EmailPreference(user_id=picky, kind="reply", frequency="never"))
        db.session.commit()
        db.session.remove()
        upgrade()
        assert set(preferences(quiet).values()) == {"never"}, "unsubscribed from all email: the new kinds too"
        chosen = preferences(picky)
        assert chosen["reply"] == "never" and chosen["quote"] == "immediately"
        assert chosen["group_expert_answers"] == "weekly"
