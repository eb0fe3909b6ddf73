"""Drug names: the normal form, salt words, finding names in text, and synonym sets for search."""
import time

from forum.drugs.names import NameDictionary, base_key, display_name, mentioned_drugs, name_key, slugify, synonym_sets
from search.synonyms import parse_line


def test_name_key_folds_case_accents_punctuation_and_apostrophes():
    assert name_key("Tylenol®") == "tylenol"
    assert name_key("St. John's Wort") == "st johns wort"
    assert name_key("Co-amoxiclav") == "co amoxiclav"
    assert name_key("  Café   Crème ") == "cafe creme"
    assert name_key("") == "" and name_key("®™ -- !") == ""
    assert len(name_key("x" * 5000)) == 200


def test_unicode_digits_and_nul_bytes_are_only_characters():
    assert name_key("vitamin b\u0661\u0662") == "vitamin b\u0661\u0662"
    assert name_key("metformin\x00") == "metformin"


def test_salt_words_come_off_the_end_but_a_name_keeps_one_word():
    assert base_key("metformin hydrochloride") == "metformin"
    assert base_key("losartan potassium") == "losartan"
    assert base_key("potassium chloride") == "potassium"
    assert base_key("sodium") == "sodium"


def test_slugs_and_display_names():
    assert slugify("Vitamin B12") == "vitamin-b12"
    assert slugify("!!!") == "drug"
    assert display_name("METFORMIN HYDROCHLORIDE") == "Metformin hydrochloride"
    assert display_name("Glucophage XR") == "Glucophage XR"


def _dictionary():
    return NameDictionary([("metformin", "metformin"), ("glucophage", "metformin"), ("insulin", "insulin"),
                           ("insulin glargine", "insulin-glargine"), ("lantus", "insulin-glargine"),
                           ("st johns wort", "st-johns-wort"), ("care", "care-brand"), ("d3", "vitamin-d")])


def test_mentions_are_whole_words_in_order_of_first_mention_and_once_each():
    text = "Started GLUCOPHAGE last week; st. John's wort too. Metformin again, and glucophage."
    assert _dictionary().find(text) == ["metformin", "st-johns-wort"]
    assert _dictionary().find("metformins and semetformin") == []


def test_the_longest_name_wins_and_common_words_never_count():
    assert _dictionary().find("My insulin glargine pen and my insulin pump") == ["insulin-glargine", "insulin"]
    assert _dictionary().find("Self care with vitamin D3") == []


def test_finding_names_takes_linear_time():
    dictionary = NameDictionary((f"drugname{i}", f"d{i}") for i in range(20_000))
    text = "a long post with many words and drugname19999 " * 4000
    started = time.perf_counter()
    assert dictionary.find(text) == ["d19999"]
    assert time.perf_counter() - started < 2


def test_mentioned_drugs_uses_the_catalogue_brand_names_too(app, catalogue):
    with app.app_context():
        found = mentioned_drugs("Glucophage upset my stomach, so I switched to Tylenol and some fish oil.")
    assert found == ["metformin", "acetaminophen", "fish-oil"]


def test_synonym_sets_pair_brands_with_generics_in_search_format(app, catalogue):
    with app.app_context():
        sets = synonym_sets()
    by_generic = {terms[0]: terms for terms in sets}
    assert {"acetaminophen", "tylenol", "paracetamol", "panadol", "calpol"} <= set(by_generic["acetaminophen"])
    assert {"albuterol", "salbutamol", "ventolin"} <= set(by_generic["albuterol"])
    assert by_generic["metformin"][0] == "metformin" and "glucophage" in by_generic["metformin"]
    for terms in sets:
        assert 2 <= len(terms) <= 20 and len(set(terms)) == len(terms)
        assert all(t == name_key(t) and len(t) <= 60 for t in terms)
        assert len(parse_line(", ".join(terms))) >= 2, terms  # search can read each set as a line


def test_synonym_sets_include_imported_names(app, catalogue, run, fixtures):
    from forum.drugs.importing import openfda_records
    from forum.drugs.sources import openfda_label

    run(openfda_label, openfda_records(fixtures / "openfda-drug-label.json"))
    with app.app_context():
        assert ["finerenone", "kerendia"] in synonym_sets()
