"""``search.whoosh_codec``: blocks written as arrays read back as Whoosh's own blocks do."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import index
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec

from search.whoosh_codec import CODEC, ArrayLeafMatcher, _decode, _encode, _values
from search.whoosh_schema import ANALYZER, PHRASES, SCHEMA, TITLE_END, SaturatedTF

weight_lists = st.one_of(  # each way a block can store its weights
    st.just([1.0] * 128), st.sampled_from([0.5, 2.0, 7.0]).map(lambda w: [w] * 128),
    st.lists(st.integers(0, 255).map(float), min_size=128, max_size=128),  # word counts
    st.lists(st.floats(0.5, 1000.0, width=32), min_size=128, max_size=128),  # anything else
)


@given(st.lists(st.integers(1, 200_000), min_size=1, max_size=128), st.integers(0, 4_000_000_000),
       weight_lists, st.booleans())
def test_a_block_reads_back_as_it_was_written(gaps, first, all_weights, with_values):
    ids = np.cumsum([0] + gaps[1:]) + first
    ids = ids[ids < 2 ** 32]
    block_weights = np.asarray(all_weights[:len(ids)], dtype=np.float32)
    values = tuple(bytes([i % 256]) * (i % 3) for i in range(len(ids))) if with_values else None
    got_ids, got_weights, got_values = _decode(_encode(ids, block_weights, values), len(ids))
    assert got_ids.tolist() == ids.tolist()
    assert got_weights.tolist() == block_weights.astype(np.float64).tolist()
    assert _values(got_values) == values


POSTS = [
    ("Blood pressure at night", "My blood pressure is high at night and my heart races."),
    ("Can't sleep", "Sleep has been awful since starting prednisone; I wake at 3am."),
    ("Sleeping pills", "My GP offered sleeping pills but I worry about dependence."),
    ("Pressure headaches", "Pressure behind my eyes, not blood related, the optician says."),
] * 60  # several blocks per common word


def _build(path, codec):
    ix = index.create_in(str(path), SCHEMA)
    w = ix.writer(codec=codec)
    for n, (title, body) in enumerate(POSTS):
        text = f"{title}{TITLE_END}{body} note{n}"
        w.add_document(key=f"p:{n}", kind="post", public="1", stems=text, words=text, created=n, prefix=1, ref=n)
    w.commit()
    return ix


@pytest.mark.parametrize("q", [
    wq.Term("stems", "sleep"), wq.Term("stems", "pressur"), wq.And([wq.Term("stems", "blood"), wq.Term("stems", "pressur")]),
    wq.Phrase(PHRASES, ["blood", "pressure"]), wq.Phrase(PHRASES, ["pressure", "headaches"]),
    wq.Or([wq.Term(PHRASES, "sleeping"), wq.Term("stems", "night", boost=0.5)]), wq.Term(PHRASES, "note7"),
])
def test_whoosh_finds_and_scores_the_same_in_both_codecs(tmp_path, q):
    (tmp_path / "arrays").mkdir()
    (tmp_path / "whoosh").mkdir()
    mine, theirs = _build(tmp_path / "arrays", CODEC), _build(tmp_path / "whoosh", W3Codec())
    with mine.searcher(weighting=SaturatedTF()) as a, theirs.searcher(weighting=SaturatedTF()) as b:
        postings = a.reader().postings("stems", "sleep")
        assert isinstance(getattr(postings, "child", postings), ArrayLeafMatcher)
        found = [(hit.docnum, round(hit.score, 9)) for hit in a.search(q, limit=None)]
        assert found and found == [(hit.docnum, round(hit.score, 9)) for hit in b.search(q, limit=None)]


def test_the_analyzer_keeps_phrases_inside_the_title_or_the_body():
    tokens = [(t.text, t.pos, t.boost) for t in ANALYZER(f"Blood{TITLE_END}pressure readings", positions=True)]
    assert tokens[0] == ("blood", 0, 2.0) and tokens[1][0] == "pressure" and tokens[1][1] > 1 and tokens[1][2] == 1.0
