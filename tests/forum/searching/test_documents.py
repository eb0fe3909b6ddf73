"""Building documents: articles, snippets, synonyms parsing."""
from datetime import UTC, datetime

from forum.models import Article
from forum.searching.documents import _article_doc
from search.query import parse
from search.snippets import make_snippet
from search.synonyms import SynonymTable
from search.text import html_to_text


def test_articles_index_title_summary_and_body():
    when = datetime(2026, 1, 2, tzinfo=UTC)
    article = Article(id=7, title="Understanding HbA1c", summary="What the number means.",
                      body_html="<p>Your <b>HbA1c</b> reflects three months.</p>", created_at=when)
    doc = _article_doc(article)
    assert (doc.key, doc.kind, doc.expert, doc.public, doc.group_id) == ("a:7", "article", True, True, None)
    assert doc.title == "Understanding HbA1c" and doc.created_at == when
    assert doc.body == "What the number means. Your HbA1c reflects three months."


def test_snippet_escapes_everything_but_the_marks_and_trims_to_the_match():
    text = html_to_text("<p>" + "filler words here. " * 30 + "Use &lt;b&gt;metformin&lt;/b&gt; &amp; rest.</p>")
    snippet = str(make_snippet(text, lambda w: w == "metformin"))
    assert snippet.startswith("…") and "<mark>metformin</mark>" in snippet
    assert "&lt;b&gt;" in snippet and "&amp;" in snippet and "<b>" not in snippet
    assert len(snippet) < 400


def test_query_merges_multiword_synonym_terms_and_keeps_phrases_exact():
    table = SynonymTable(["heart attack, myocardial infarction", "tylenol, acetaminophen"])
    query = parse('my heart attack "tylenol dose" -aspirin', table)
    units = [u for group in query.groups for u in group]
    assert units[0].words == ("my",)
    assert units[1].words == ("heart", "attack") and units[1].synonyms == (("myocardial", "infarction"),)
    assert units[2].phrase and units[2].synonyms == ()
    assert [u.words for u in query.excluded] == [("aspirin",)]
