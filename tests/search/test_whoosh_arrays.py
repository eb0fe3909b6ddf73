"""``search.whoosh_arrays`` against Whoosh's own matchers, on one index of several segments.

Every query the backend writes (words in several forms, phrases, OR, exclusions, synonyms,
filters, hidden groups) must find the same documents, with the same scores, in the same
order, whether Whoosh walks its matcher tree or the postings are read as arrays.
"""
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from whoosh import collectors

from search import make_backend, whoosh_arrays
from search.interface import Changes, Document, Filters, Scope
from search.query import parse
from search.synonyms import SynonymTable
from search.whoosh_backend import _Compiler, _keys_and_rows, _permitted

POSTS = [
    "Can't sleep since starting prednisone, lying awake until 3am most nights.",
    "My sleep tracker says I only get four hours. Melatonin helped a bit at first.",
    "Has anyone tried magnesium for sleeping problems? My GP suggested it.",
    "Night sweats and insomnia on the new HRT patch, is this normal?",
    "Melatonin melatonin melatonin, it's all anyone suggests. It gives me vivid dreams.",
    "I slept better once I stopped coffee after noon. Worth a try for insomnia.",
    "Heart palpitations at night when I lie down, cardiologist says it's benign.",
    "Blood pressure readings are all over the place, 150/95 this morning.",
    "High blood pressure runs in my family, started amlodipine last month.",
    "Pressure in my head and ears when flying, could it be sinus related?",
    "Metformin upset my stomach for the first weeks, then it settled down.",
    "Is it normal for blood sugar to spike in the morning? Dawn phenomenon?",
    "Diabetic neuropathy in my feet is worse at night and I can't sleep.",
    "Type 2 diabetes diagnosis yesterday, feeling overwhelmed honestly.",
    "Does anyone else get migraines with aura? The zigzag lines scare me.",
    "Migraine again today, third this week. Sumatriptan barely touches it.",
    "My daughter has eczema flares every winter, what creams worked for you?",
    "Anxiety keeps me awake, my mind races as soon as my head hits the pillow.",
    "Sleep hygiene tips: no screens, same bedtime, cool dark room.",
    "Valerian tea tastes awful but I do sleep a little deeper with it.",
]


def _index(tmp_path):
    backend = make_backend("whoosh", index_dir=str(tmp_path / "ix"))
    start = datetime(2026, 3, 1, tzinfo=UTC)
    for commit in range(5):  # several segments, as replies are indexed a few at a time
        changes = Changes()
        for i, body in enumerate(POSTS):
            n = commit * len(POSTS) + i
            title = "Sleep and medicines" if n % 7 == 0 else f"Question {n} about my health"
            changes.put(Document(f"p:{n}", "post", n, 1 + n % 3, "question" if n % 2 else "discussion",
                                 n % 5 == 0, True, start + timedelta(hours=n), title, body,
                                 thread_id=1 + n % 4 if n % 2 else None))
        if commit == 4:
            # Deletions in older segments, some the first posting of a word ("sleep" in p:0, p:20).
            changes.removals.update({"p:0", "p:3", "p:20", "p:24", "p:45"})
        with backend.writing() as write:
            write(changes)
    return backend


QUERIES = [
    ("sleep", Filters()), ("sleeping", Filters()), ("blood pressure", Filters()),
    ('"blood pressure"', Filters()), ("melatonin OR valerian", Filters()), ("sleep -melatonin", Filters()),
    ("insomnia", Filters(kind="question")), ("night", Filters(expert=True)), ("sleep", Filters(group_id=2)),
    ("migraine aura", Filters()), ("pressure -blood", Filters()), ("nothingmatches", Filters()),
    ("prednisone", Filters()),  # deleted from the first segment, live in the others
]


@pytest.mark.parametrize("hidden", [frozenset(), frozenset({3})])
def test_arrays_find_score_and_order_what_whoosh_does(tmp_path, hidden):
    backend = _index(tmp_path)
    synonyms = SynonymTable(["insomnia, sleeplessness", "migraine, sick headache"])
    with backend._searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1
        assert any(leaf.reader().deleted_docs_set for leaf, _ in searcher.leaf_searchers())
        for text, filters in QUERIES:
            compiled = _Compiler().query(parse(text, synonyms), filters)
            q = _permitted(compiled, Scope(hidden), searcher.reader())
            collector = collectors.TopCollector(limit=10_000, usequality=False, replace=0)
            searcher.search_with_collector(q, collector)
            whoosh = [(hit.docnum, hit.score) for hit in collector.results()]
            found = whoosh_arrays.evaluate(searcher, q)
            mine = dict(zip(found.ids.tolist(), found.scores.tolist()))
            assert set(mine) == {d for d, _ in whoosh}, text
            for docnum, score in whoosh:
                assert mine[docnum] == pytest.approx(score, rel=1e-6), text
            assert whoosh_arrays.ranked(found, len(found)).tolist() == [d for d, _ in whoosh], text
    backend.close()


def test_a_query_that_matches_something_is_not_empty_for_the_arrays(tmp_path):
    """The comparison above would pass if both found nothing: the index really answers."""
    backend = _index(tmp_path)
    with backend._searcher() as searcher:
        q = _Compiler().query(parse("sleep", SynonymTable([])), Filters())
        found = whoosh_arrays.evaluate(searcher, q)
        assert len(found) > 20 and len(whoosh_arrays.ranked(found, 5)) == 5
    page = backend.search(parse("melatonin", SynonymTable([])), Filters(), Scope(), 1)
    # Posts 1 and 4 of each of five commits, less p:24 (removed); the thrice-said one first.
    assert page.total == 9 and len(page.keys) == 9 and "p:24" not in page.keys and page.keys[0] == "p:4"
    backend.close()


def test_keys_and_thread_rows_come_from_the_columns_of_every_segment(tmp_path):
    backend = _index(tmp_path)
    with backend._searcher() as searcher:
        live = [d for d in range(searcher.doc_count_all()) if not searcher.reader().is_deleted(d)]
        docnums = np.array(live[::-1])  # any order: newest segments first
        keys, rows = _keys_and_rows(searcher, docnums)
        assert keys == [searcher.stored_fields(d)["key"] for d in live[::-1]] and len(set(keys)) == 95  # 100 less 5 removed
        numbers = [int(k[2:]) for k in keys]
        assert rows == [f"t:{1 + n % 4}" if n % 2 else f"p:{n}" for n in numbers]
    backend.close()
