"""An import on PostgreSQL leaves the planner its table statistics (runs when the suite does)."""
import pytest
from sqlalchemy import text

from forum.extensions import db
from tests.forum.test_import import GOOD, run_import, write


def test_postgres_has_planner_statistics_after_an_import(app, tmp_path):
    """Without them PostgreSQL misjudged the imported tables and the home page sorted every thread."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL only (TEST_DATABASE_URL); SQLite plans need no statistics here")
    assert run_import(app, write(tmp_path, GOOD), "--workers", "0").exit_code == 0
    with app.app_context():
        analyzed = db.session.scalar(text(
            "SELECT count(*) FROM pg_stat_user_tables WHERE relname = 'threads' AND last_analyze IS NOT NULL"))
        assert analyzed == 1
