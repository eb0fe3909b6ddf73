"""The /drugs search: names, brands, misspellings and conditions, in bounded work."""
import time

import pytest

from forum.drugs.search import FuzzyIndex, clean_query, content_phrase, search_drugs


@pytest.fixture
def find(app, catalogue):
    def do_find(text):
        with app.app_context():
            outcome = search_drugs(text)
            return {"drugs": [m.drug.slug for m in outcome.matches], "via": [m.via for m in outcome.matches],
                    "close": outcome.close_only, "conditions": [c.slug for c in outcome.conditions]}
    return do_find


def test_generic_and_brand_names(find):
    assert find("metformin")["drugs"][0] == "metformin"
    found = find("Glucophage")
    assert found["drugs"] == ["metformin"] and found["via"] == ["glucophage"]
    assert find("paracetamol")["drugs"] == ["acetaminophen"]
    assert find("Calpol")["drugs"] == ["acetaminophen"]
    assert find("salbutamol")["drugs"] == ["albuterol"]


def test_names_that_look_like_filler(find):
    assert find("vitamin a")["drugs"] == ["vitamin-a"]
    assert find("Plan B")["drugs"] == ["levonorgestrel"]
    assert "vitamin-d" in find("vitamin d")["drugs"]


def test_the_start_of_a_name(find):
    assert "sertraline" in find("sertra")["drugs"]


@pytest.mark.parametrize("typo, slug", [("metfromin", "metformin"), ("ibuprofin", "ibuprofen"),
                                         ("levothiroxine", "levothyroxine"), ("sertaline", "sertraline"),
                                         ("tylenoll", "acetaminophen"), ("atorvastatine", "atorvastatin")])
def test_misspellings_find_the_drug(find, typo, slug):
    found = find(typo)
    assert found["drugs"][0] == slug and found["close"]


def test_conditions_with_filler_words(find):
    assert find("drugs for type 2 diabetes")["conditions"][0] == "type-2-diabetes"
    assert find("what helps with heartburn")["conditions"] == ["heartburn"]
    assert find("medication for t2d")["conditions"] == ["type-2-diabetes"]
    assert find("high blood pressure")["conditions"] == ["high-blood-pressure"]


def test_nothing_and_hostile_input(find):
    assert find("zzqqxxy") == {"drugs": [], "via": [], "close": False, "conditions": []}
    for text in ("\x00", "\u0661\u0662\u0663", "x" * 100_000, "%" * 50, "' OR 1=1 --", "\ud800"[:0] + "é" * 300):
        find(text)


def test_query_cleaning():
    assert clean_query("  Drugs FOR Type-2 Diabetes!! ") == "drugs for type 2 diabetes"
    assert content_phrase("drugs for type 2 diabetes") == "type 2 diabetes"
    assert content_phrase("drugs for") == "drugs for"
    assert len(clean_query("a" * 10_000)) == 100


def test_the_fuzzy_index_is_bounded_and_fast():
    index = FuzzyIndex((f"name{i:06d}", i) for i in range(100_000))
    started = time.perf_counter()
    assert index.lookup("name099998")[0][0] == 99998
    assert index.lookup("nmae012345")[0] == (12345, "name012345")
    assert time.perf_counter() - started < 3
    assert index.lookup("ab") == []
