"""Whoosh with several processes: a read that meets another process's merge is read again.

Each gunicorn worker has its own searcher on the shared index folder. A commit from another
worker may merge small segments and delete their files while this worker's searcher, opened
a moment before, has not yet opened some of them (Whoosh opens stored fields lazily). Two
backends on one folder stand for the two workers.
"""
import os
import threading
import time
from datetime import UTC, datetime

import pytest
from whoosh import query as wq

from search import make_backend, whoosh_store
from search.interface import Changes, Document, Filters, Scope
from search.query import parse
from search.synonyms import SynonymTable


def _write(backend, n: int, body: str) -> None:
    changes = Changes()
    changes.put(Document(f"p:{n}", "post", n, 1, "question", False, True, datetime.now(UTC), "", body))
    with backend.writing() as write:
        write(changes)


def _segment_files(folder) -> set[str]:
    return {name for _root, _dirs, names in os.walk(folder) for name in names if name.endswith(".col")}


@pytest.fixture
def two_workers(tmp_path):
    """Two backends on one index folder, as two gunicorn workers have."""
    folder = str(tmp_path / "index")
    workers = make_backend("whoosh", index_dir=folder), make_backend("whoosh", index_dir=folder)
    yield workers
    for backend in workers:
        backend.close()


def _ten_segments_then_a_merge_during_the_read(worker_a, worker_b, folder):
    """Run a read on worker A during which worker B's commits merge A's segments away."""
    for n in range(1, 11):  # ten one-post segments, as ten replies each indexed on their own
        _write(worker_b, n, f"tingling hands, note {n}")
    before, calls = _segment_files(folder), []

    def keys_of_every_post(searcher):
        calls.append(searcher)
        if len(calls) == 1:
            for n in range(11, 14):
                _write(worker_b, n, f"tingling feet, note {n}")
        return sorted(int(hit["key"][2:]) for hit in searcher.search(wq.Every(), limit=None))

    return worker_a._read(keys_of_every_post), calls, before


def test_files_merged_away_stay_for_searches_already_under_way(tmp_path, two_workers, monkeypatch):
    keys, calls, before = _ten_segments_then_a_merge_during_the_read(*two_workers, tmp_path)
    assert keys == list(range(1, 11)) and len(calls) == 1  # the search finished on what it had opened
    live = _segment_files(tmp_path)
    assert before <= live  # the ten merged-away segments' files are all still there ...
    monkeypatch.setattr(whoosh_store, "UNREFERENCED_GRACE_SECONDS", 0.0)
    _write(two_workers[1], 14, "tingling again")  # ... until a commit after the grace deletes them
    assert not before & _segment_files(tmp_path) and len(_segment_files(tmp_path)) < len(live)


def test_a_search_that_meets_deleted_files_is_done_again_on_the_new_commit(tmp_path, two_workers, monkeypatch):
    monkeypatch.setattr(whoosh_store, "UNREFERENCED_GRACE_SECONDS", 0.0)  # Whoosh's own behaviour
    keys, calls, before = _ten_segments_then_a_merge_during_the_read(*two_workers, tmp_path)
    assert before - _segment_files(tmp_path), "the commits merged no segment away"
    assert keys == list(range(1, 14)) and len(calls) == 2 and calls[1] is not calls[0]


def test_searches_stay_whole_while_another_worker_keeps_committing(two_workers):
    reader, writer = two_workers
    _write(writer, 0, "tingling start")
    table, written, failures = SynonymTable([]), [0], []
    deadline = time.monotonic() + 3

    def keep_writing():
        for n in range(1, 400):
            if time.monotonic() > deadline:
                break
            _write(writer, n, f"tingling word{n}")
            written[0] = n

    thread = threading.Thread(target=keep_writing)
    thread.start()
    searches = 0
    while thread.is_alive():
        if not written[0]:
            time.sleep(0.001)
            continue
        n = max(1, written[0] - searches % 50)  # a recent post, in one of the segments being merged
        try:
            page = reader.search(parse(f"word{n}", table), Filters(), Scope(), 1)
        except Exception as error:  # noqa: BLE001  (the failure this test is about)
            failures.append(repr(error))
        else:
            if page.keys != [f"p:{n}"]:
                failures.append(f"word{n}: {page.keys}")
        searches += 1
    thread.join()
    assert searches > 50 and failures == []
