"""The search commands, the import hand-over, the preview step and the search box."""
import json
import re

import pytest
from sqlalchemy import select

from forum.models import Role
from forum.models.search import SearchOutbox
from tests.search.test_contract import titles


def test_rebuild_swaps_in_a_fresh_index_with_a_progress_bar(app, runner, search, make_user, make_group,
                                                             make_thread):
    make_user("ann")
    make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "Rebuilding search index" in result.output and "Rebuilt the search index from 2 records" in result.output
    assert titles(search("zinc")) == ["Zinc lozenges for colds"]
    assert "atomic" in runner.invoke(args=["search", "rebuild", "--help"]).output


def test_sync_builds_a_missing_index(app, backend_name, runner, search, make_user, make_group, make_thread):
    if backend_name == "postgres":
        pytest.skip("the PostgreSQL index is a table and always exists")
    app.config["SEARCH_SYNC_ON_COMMIT"] = False
    make_user("ann")
    make_thread("ann", make_group("Colds"), title="Zinc lozenges for colds", body="Do they help?")
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0 and "no search index yet" in result.output, result.output
    assert titles(search("zinc")) == ["Zinc lozenges for colds"]


def test_an_import_queues_a_rebuild_that_sync_runs(app, db, runner, search, tmp_path):
    records = [
        {"type": "user", "id": "u1", "username": "imported", "email": "i@example.org",
         "created_at": "2024-03-01T00:00:00Z"},
        {"type": "group", "id": "g1", "name": "Dry Mouth", "description": "Saliva matters."},
        {"type": "thread", "id": "t1", "group": "g1", "author": "u1", "title": "My dentist said xerostomia",
         "body": "Never heard of it.", "created_at": "2024-03-02T00:00:00Z"},
    ]
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0  # an empty index to start from
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = runner.invoke(args=["import", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert "search index rebuild is queued" in result.output
    assert db.session.scalars(select(SearchOutbox.kind)).all() == ["rebuild"]
    assert titles(search("xerostomia")) == []
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0 and "rebuild is queued" in result.output, result.output
    assert titles(search("xerostomia")) == ["My dentist said xerostomia", "Dry Mouth"]  # exact, then synonym
    assert titles(search("dry mouth")) == ["Dry Mouth", "My dentist said xerostomia"]
    assert db.session.scalars(select(SearchOutbox.kind)).all() == []


def test_sync_after_an_import_into_a_fresh_instance_indexes_everything(app, backend_name, runner, search,
                                                                       tmp_path):
    """No index yet and only a queued rebuild (bulk inserts): sync must still build it all."""
    records = [
        {"type": "user", "id": "u1", "username": "imported", "email": "i@example.org",
         "created_at": "2024-03-01T00:00:00Z"},
        {"type": "group", "id": "g1", "name": "Dry Mouth", "description": "Saliva matters."},
        {"type": "thread", "id": "t1", "group": "g1", "author": "u1", "title": "My dentist said xerostomia",
         "body": "Never heard of it.", "created_at": "2024-03-02T00:00:00Z"},
    ]
    path = tmp_path / "fresh.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert runner.invoke(args=["import", str(path), "--workers", "0"]).exit_code == 0
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "My dentist said xerostomia" in titles(search("xerostomia"))


def test_admins_add_synonyms_from_the_command_line(app, runner, search, make_user, make_group, make_thread):
    make_user("ann")
    make_thread("ann", make_group("Gut"), title="Living with a gurgly tummy", body="Loud all day.")
    assert titles(search("borborygmi")) == []
    result = runner.invoke(args=["search", "synonyms", "add", "borborygmi, gurgly tummy, stomach rumbling"])
    assert result.exit_code == 0 and "Added: borborygmi = gurgly tummy = stomach rumbling" in result.output
    assert titles(search("borborygmi")) == ["Living with a gurgly tummy"]
    assert "gurgly tummy" in runner.invoke(args=["search", "synonyms", "show", "borborygmi"]).output
    for bad in ["lonely", ",,,", "a, " + "b" * 80, "x\ny, z"]:
        result = runner.invoke(args=["search", "synonyms", "add", bad])
        assert result.exit_code != 0 and "Error" in result.output, bad


def test_the_builtin_list_has_hundreds_of_sets():
    from search.synonyms import BUILTIN, SynonymTable

    table = SynonymTable(BUILTIN.read_text().splitlines())
    assert table.sets >= 250
    assert ("hypertension",) in table.lookup(("high", "blood", "pressure"))
    assert ("myocardial", "infarction") in table.lookup(("heart", "attack"))


def test_preview_without_javascript_lists_similar_questions_and_keeps_the_text(client, db, login, make_user,
                                                                                make_group, make_thread):
    make_user("ann")
    slug = make_group("Migraine")
    make_thread("ann", slug, title="Migraine aura before my period", body="Is this hormonal?")
    login("ann")
    page = client.get(f"/groups/{slug}/new").get_data(as_text=True)
    assert 'name="preview"' in page and "js/similar.js" in page
    response = client.post(f"/groups/{slug}/new", data={"kind": "question", "title": "Aura with migraine <i>",
                                                         "body": "My text stays", "preview": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Similar questions already asked" in page and "Migraine aura before my period" in page
    assert 'value="Aura with migraine &lt;i&gt;"' in page and "My text stays" in page
    assert db.session.scalar(select(SearchOutbox.id)) is None  # nothing was posted


def test_every_page_has_a_labelled_search_box(client):
    for path in ("/", "/groups", "/login", "/search", "/search?q=sleep"):
        page = client.get(path).get_data(as_text=True)
        assert '<form method="get" action="/search" class="site-search" role="search"' in page, path
        assert '<label for="site-search-q"' in page


def test_search_pages_only_read_and_stay_bounded(client, login, count_queries, make_user, make_group,
                                                 make_thread, post):
    make_user("ann", role=Role.EXPERT)
    slug = make_group("Colds")
    for i in range(30):
        thread_id = make_thread("ann", slug, title=f"Zinc question number {i}", body="Zinc?")
        post("ann", thread_id, "Zinc reply.")
    login("ann")
    for path in ("/search?q=zinc", "/search?q=zinc&page=2&sort=newest", "/search?q=zinc&expert=1",
                 "/search/similar?title=zinc+question", "/search?q=zinx"):
        with count_queries() as statements:
            assert client.get(path).status_code == 200
        assert not [s for s in statements if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.I)], path
        # A misspelling on PostgreSQL also asks which words no visible row holds, the visible
        # rows' word statistics, and whether the correction finds something before showing it.
        budget = 14 if path.endswith("zinx") else 12
        assert len(statements) <= budget, (path, statements)


def test_postgres_backend_on_sqlite_is_a_clear_startup_error(app_config, tmp_path):
    from forum import create_app

    with pytest.raises(RuntimeError, match="SEARCH_BACKEND=postgres needs a PostgreSQL database"):
        create_app({**app_config, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
                    "SEARCH_BACKEND": "postgres"})
    with pytest.raises(RuntimeError, match="SEARCH_BACKEND must be one of whoosh, postgres"):
        create_app({**app_config, "SEARCH_BACKEND": "elastic"})


def test_brand_and_generic_pairs_come_from_the_drug_dictionary(app, tmp_path):
    """The curated list no longer types the pairs the catalogue covers; the app writes them."""
    from forum.drugs.catalogue import load_catalogue
    from forum.drugs.synonyms import synonym_file_path
    from search.synonyms import BUILTIN, SynonymTable, load

    assert ("paracetamol",) not in SynonymTable(BUILTIN.read_text().splitlines()).lookup(("tylenol",))
    with app.app_context():
        load_catalogue()
        path = synonym_file_path()
    assert path.startswith(str(tmp_path))
    table = load(None, path)
    assert ("paracetamol",) in table.lookup(("tylenol",))
    assert ("metformin",) in table.lookup(("glucophage",))
