"""The fast version of bench/load_writers.py: 20 writers, 2 gunicorn workers, 5 seconds,
with gunicorn SIGKILLed halfway. Every acknowledged post must be stored, and one
`search sync` afterwards must make every stored post findable.

Runs on PostgreSQL instead of SQLite when the suite does (TEST_DATABASE_URL).
"""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "load_writers.py"


@pytest.mark.load
def test_no_acknowledged_post_is_lost_even_when_the_server_is_killed():
    spec = importlib.util.spec_from_file_location("load_writers", BENCH)
    load_writers = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("load_writers", load_writers)
    spec.loader.exec_module(load_writers)
    db = "postgres" if os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql") else "sqlite"
    result = load_writers.run(db, workers=2, writers=20, seconds=6, kill=True)
    assert result["acknowledged"] > 20, result
    assert result["acknowledged_before_kill"] > 0, result
    assert result["lost"] == 0, result
    assert result["server_errors_5xx"] == 0, result
    assert result["database_is_locked"] == 0, result
    assert result["thread_counters_consistent"], result
    assert result["search_caught_up"], result  # after the kill, one `search sync` finds every stored post
