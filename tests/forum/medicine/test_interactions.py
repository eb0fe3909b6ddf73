"""The interaction checker: the rule table by ingredient and class, label text, shared ingredients."""
import json

import pytest

from forum.medicine import interactions
from forum.medicine.interactions import Item, check, ingredient_keys, label_mention


def item(key, name, drug_class="", label=""):
    return Item(key, name, ingredient_keys(name), drug_class, label)


def test_the_rule_table_loads_and_every_rule_names_a_source():
    data = json.loads(interactions.RULES_FILE.read_text())
    rules = interactions.rule_table()
    assert len(rules) == len(data["rules"]) >= 30
    for rule in rules:
        assert rule.source and rule.summary and rule.severity in interactions.SEVERITY_LABELS
        assert rule.url.startswith("https://")


@pytest.mark.parametrize("a, b, severity", [
    ("Sildenafil", "Nitroglycerin", "contraindicated"),
    ("Simvastatin", "Clarithromycin", "contraindicated"),
    ("Tizanidine", "Ciprofloxacin", "contraindicated"),
    ("Warfarin", "Ibuprofen", "major"),
    ("Oxycodone and acetaminophen", "Alprazolam", "major"),  # a combination product by its parts
    ("Phenelzine", "Sertraline", "contraindicated"),
    ("Levothyroxine", "Calcium carbonate", "timing"),
    ("St John's wort", "Warfarin", "major"),
])
def test_known_pairs_are_found_either_way_round(a, b, severity):
    for first, second in ((a, b), (b, a)):
        found = check([item("1", first), item("2", second)]).findings
        assert severity in {f.severity for f in found}, (first, second, found)


def test_a_class_from_an_imported_label_counts_as_membership():
    ppi = Item("1", "Novaprazole", frozenset({"novaprazole"}), "Proton Pump Inhibitor [EPC]")
    found = check([ppi, item("2", "Atazanavir")]).findings
    assert [f.severity for f in found] == ["contraindicated"]


def test_no_finding_for_an_unrelated_pair_and_a_single_medicine():
    assert check([item("1", "Metformin"), item("2", "Atorvastatin")]).findings == []
    assert check([item("1", "Warfarin")]).findings == []


def test_two_products_with_the_same_ingredient_are_a_double_dose_warning():
    found = check([item("1", "Acetaminophen"), item("2", "Hydrocodone and acetaminophen")]).findings
    assert [f.severity for f in found] == ["duplicate"] and "acetaminophen" in found[0].summary


def test_focus_keeps_only_pairs_with_the_candidate():
    items = [item("m1", "Warfarin"), item("m2", "Ibuprofen"), item("candidate", "Metformin")]
    assert check(items, focus="candidate").findings == []
    assert check(items).findings


def test_the_label_excerpt_is_the_sentence_naming_the_other_medicine():
    text = ("7 DRUG INTERACTIONS. Strong CYP3A4 inhibitors increase exposure. Concomitant use with "
            "warfarin may increase the INR; monitor closely. Other drugs: none known.")
    excerpt = label_mention(text, item("x", "Warfarin"))
    assert "Concomitant use with warfarin may increase the INR" in excerpt
    assert "Strong CYP3A4" not in excerpt
    assert label_mention(text, item("y", "Metformin")) == ""


def test_label_search_is_linear_on_a_huge_hostile_label():
    import time

    text = ("warfari " * 50_000) + "a" * 200_000
    started = time.perf_counter()
    assert label_mention(text, item("x", "Warfarin")) == ""
    assert time.perf_counter() - started < 1
