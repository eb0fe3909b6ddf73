"""A damaged search index heals: searching says "search is unavailable" (never a 500 or a silent
"0 results"), ``search sync`` notices an index that does not match the database and rebuilds it,
and ``search rebuild`` works from any damaged state (folder deleted, TOC or segment file gone)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.search.test_contract import titles


@pytest.fixture
def whoosh_only(backend_name):
    if backend_name == "postgres":
        pytest.skip("the PostgreSQL index is a table: it has no folder to damage")


@pytest.fixture
def site(app, whoosh_only, make_user, make_group, make_thread):
    make_user("ann")
    slug = make_group("Colds")
    for n in range(4):
        make_thread("ann", slug, title=f"Zinc lozenges question number {n}", body="Do they help with colds?")
    return slug


def _generation(app) -> Path:
    root = Path(app.config["SEARCH_INDEX_DIR"])
    return root / (root / "CURRENT").read_text().strip()


def _damage(app, how: str) -> None:
    root, gen = Path(app.config["SEARCH_INDEX_DIR"]), _generation(app)
    if how == "folder deleted":
        shutil.rmtree(root)
    elif how == "TOC missing":
        for toc in gen.glob("*.toc"):
            toc.unlink()
    elif how == "segment missing":
        for postings in gen.glob("*.pst"):
            postings.unlink()
    elif how == "generation missing":
        shutil.rmtree(gen)


DAMAGE = ["folder deleted", "TOC missing", "segment missing", "generation missing"]


def _close_searchers(app):
    backend = app.extensions.get("askwell_search")
    if backend is not None:
        backend.close()


@pytest.mark.parametrize("how", DAMAGE)
def test_search_says_it_is_unavailable_on_a_damaged_index(app, client, site, how):
    assert "Zinc lozenges question" in client.get("/search?q=zinc").get_data(as_text=True)
    _close_searchers(app)
    _damage(app, how)
    response = client.get("/search?q=zinc")
    assert response.status_code == 200
    assert "Search is unavailable right now" in response.get_data(as_text=True)
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json["degraded"] == ["search"]


@pytest.mark.parametrize("how", DAMAGE)
def test_sync_rebuilds_a_damaged_index(app, runner, search, site, how):
    _close_searchers(app)
    _damage(app, how)
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert len(titles(search("zinc"))) == 4


@pytest.mark.parametrize("how", DAMAGE)
def test_rebuild_works_from_any_damaged_state(app, runner, search, site, how):
    _close_searchers(app)
    _damage(app, how)
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert len(titles(search("zinc"))) == 4


def test_a_fresh_index_holding_only_the_newest_post_is_noticed_and_rebuilt(app, client, login, runner, search,
                                                                         site, make_thread):
    _close_searchers(app)
    _damage(app, "folder deleted")
    make_thread("ann", site, title="Zinc after the index vanished", body="Written after the folder went.")
    assert titles(search("zinc")) == ["Zinc after the index vanished"]  # what the outage left
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0 and "does not match the database" in result.output, result.output
    assert len(titles(search("zinc"))) == 5
    again = runner.invoke(args=["search", "sync"])
    assert "does not match" not in again.output and "up to date" in again.output
