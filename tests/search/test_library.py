"""The search library on its own: the query language, snippets and the null backend (no app)."""
from datetime import UTC, datetime

import pytest

from search import make_backend
from search.interface import Changes, Document, Filters, QuerySyntaxError, Scope
from search.query import parse
from search.snippets import make_snippet
from search.synonyms import SynonymTable


def _table(*lines):
    return SynonymTable(lines)


def test_words_phrases_exclusions_and_or():
    q = parse('insomnia "night sweats" -caffeine melatonin OR valerian', _table())
    assert [[u.words for u in g] for g in q.groups] == [[("insomnia",)], [("night", "sweats")],
                                                       [("melatonin",), ("valerian",)]]
    assert q.groups[1][0].phrase and [u.words for u in q.excluded] == [("caffeine",)]


def test_synonym_terms_expand_and_runs_merge():
    q = parse("heart attack pain", _table("heart attack, myocardial infarction"))
    assert q.groups[0][0].words == ("heart", "attack")
    assert ("myocardial", "infarction") in q.groups[0][0].synonyms
    assert "myocardial" in q.highlight_words()


@pytest.mark.parametrize("text, message", [
    ('"side effects', "quotation mark"),
    ("-caffeine", "at least one word"),
    ("the", "Type a word"),
    ("OR sleep", "OR needs a word"),
    ("x " * 200, "up to 300 characters"),
])
def test_queries_we_cannot_run_say_how_to_fix_them(text, message):
    with pytest.raises(QuerySyntaxError, match=message):
        parse(text, _table())


def test_snippets_escape_everything_but_the_marks():
    snippet = make_snippet("<script>alert(1)</script> melatonin & sleep", lambda w: w == "melatonin")
    assert str(snippet) == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>melatonin</mark> &amp; sleep"


def test_the_null_backend_accepts_writes_and_finds_nothing():
    from datetime import UTC, datetime

    backend = make_backend("null")
    changes = Changes()
    changes.put(Document("t:1", "thread", 1, 1, "question", False, True, datetime.now(UTC), "Sleep", "melatonin"))
    with backend.writing() as write:
        write(changes)
    page = backend.search(parse("melatonin", _table()), Filters(), Scope(), 1)
    assert (page.keys, page.total) == ([], 0) and backend.similar("melatonin", Scope()) == []
    with pytest.raises(ValueError, match="unknown search backend"):
        make_backend("elastic")


def test_segment_names_stay_unique_when_python_random_is_seeded(tmp_path):
    """Hypothesis (and any library) may reseed ``random``; a reused segment name would let a
    cancelled writer truncate a live segment."""
    import random

    from whoosh.codec.base import Segment

    import search.whoosh_store  # noqa: F401 - installs the OS-random names

    names = set()
    for _ in range(5):
        random.seed(42)
        names.add(Segment._random_id())
    assert len(names) == 5


def test_whoosh_counts_every_visible_match_in_the_same_pass_across_segments_and_pages(tmp_path):
    """Nine commits (several segments), strong and weak matches, replaced and removed documents, a
    hidden group: the total is every match the scope may see, and the pages together hold each of
    them exactly once."""
    from datetime import UTC, datetime, timedelta

    backend = make_backend("whoosh", index_dir=str(tmp_path / "ix"))
    start = datetime(2026, 1, 1, tzinfo=UTC)
    expected = set()
    for i in range(18):  # two documents a commit, as replies are indexed: several segments
        if i % 2 == 0:
            changes = Changes()
        group = 2 if i % 4 == 0 else 1  # group 2 is hidden from the scope below
        # Strong matches and weak ones (only another form of the word, which scores lower): once the
        # page is full, Whoosh would stop visiting matches that cannot make it, and so not count them.
        body = (f"melatonin melatonin melatonin note {i}" if i % 2 else f"melatonins note {i}") if i % 3 \
            else f"valerian note {i}"
        changes.put(Document(f"p:{i}", "post", i, group, "question", False, True,
                             start + timedelta(hours=i), f"Post {i}", body))
        if i % 3 and group == 1:
            expected.add(f"p:{i}")
        if i % 2:
            with backend.writing() as write:
                write(changes)
    changes = Changes()
    changes.put(Document("p:1", "post", 1, 1, "question", False, True, start, "Post 1", "valerian now"))
    changes.removals.add("p:2")
    with backend.writing() as write:
        write(changes)
    expected -= {"p:1", "p:2"}
    with backend._searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 1  # what is counted lies in several segments
    scope, query = Scope(frozenset({2})), parse("melatonin", _table())
    for sort in ("relevance", "newest"):
        pages = [backend.search(query, Filters(sort=sort), scope, n, per_page=2) for n in range(1, 10)]
        assert {p.total for p in pages} == {len(expected)}
        keys = [k for p in pages for k in p.keys]
        assert len(keys) == len(set(keys)) and set(keys) == expected
    assert backend.count(query, scope) == len(expected)
    assert backend.matches_any(query, scope) and not backend.matches_any(parse("zopiclone", _table()), scope)
    assert backend.unknown_words(["melatonin", "zopiclone"], scope) == ["zopiclone"]
    backend.close()


def test_an_index_built_with_other_fields_is_rebuilt_not_read_as_empty(tmp_path):
    """An index from before the fields changed (``title`` and ``body``) answers nothing to today's
    queries: it counts as needing a build, so ``search sync`` rebuilds it and the page says search
    is being repaired meanwhile, instead of "no results"."""
    from whoosh import fields

    from search.whoosh_store import IndexStore

    old = fields.Schema(key=fields.ID(unique=True, stored=True), title=fields.TEXT, body=fields.TEXT)
    with IndexStore(str(tmp_path / "ix"), old).writer(5) as w:
        w.add_document(key="p:1", title="Melatonin", body="It helps me sleep")
    backend = make_backend("whoosh", index_dir=str(tmp_path / "ix"))
    assert backend.needs_build()
    changes = Changes()
    changes.put(Document("p:1", "post", 1, 1, "question", False, True, datetime(2026, 1, 1, tzinfo=UTC),
                         "Melatonin", "It helps me sleep"))
    backend.rebuild(iter(changes.documents.values()), 1, lambda n: None)
    assert not backend.needs_build()
    assert backend.search(parse("sleeping", _table()), Filters(), Scope(), 1).keys == ["p:1"]
    backend.close()
