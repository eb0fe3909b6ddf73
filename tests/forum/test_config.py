"""Configuration from the environment."""
import pytest

from forum.config import build_config, load_secret_key


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load_secret_key(str(tmp_path))
    assert len(first) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert load_secret_key(str(tmp_path)) == first


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    assert load_secret_key(str(tmp_path)) == "from-env"
    assert not (tmp_path / "secret_key").exists()


def test_database_url_defaults_to_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert build_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/askwell.db"


def test_postgres_urls_get_the_psycopg_driver(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db/askwell")
    assert build_config(str(tmp_path))["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/askwell"


def test_sqlite_connections_use_wal_and_a_busy_timeout(app):
    from forum.extensions import db

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite-only settings")
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_timestamps_come_back_timezone_aware(app, make_user, db):
    from sqlalchemy import select

    from forum.models import User

    make_user("ann")
    user = db.session.scalar(select(User))
    assert user.created_at.tzinfo is not None and user.created_at.utcoffset().total_seconds() == 0
