"""Search that does not dead-end, on every backend: corrected results shown at once, the
synonyms searched named, and an empty search offered as a question."""
import html
import re
from pathlib import Path

from tests.search.test_contract import titles, total


def _links(page: str, text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'<a[^>]*href="([^"]*)"[^>]*>{re.escape(text)}</a>', page)]


def test_a_typo_with_no_results_shows_the_corrected_results(make_user, make_group, make_thread, search):
    make_user("ann")
    make_thread("ann", make_group("Sugar Talk"), title="Diabetes and night sweats", body="Low sugar at night?")
    page = search("diabtes")
    assert titles(page) == ["Diabetes and night sweats"] and total(page) == 1
    assert "Showing results for <strong>diabetes</strong>; search instead for" in page
    assert _links(page, "diabtes") == ["/search?q=diabtes&exact=1"]
    assert "Did you mean" not in page


def test_search_instead_for_keeps_what_was_typed(make_user, make_group, make_thread, search):
    make_user("ann")
    make_thread("ann", make_group("Sugar Talk"), title="Diabetes and night sweats", body="Low sugar at night?")
    page = search("diabtes", exact="1")
    assert total(page) == 0 and titles(page) == []
    assert "Showing results for" not in page
    assert 'Did you mean <a href="/search?q=diabetes">diabetes</a>' in page


def test_a_typo_with_results_of_its_own_only_suggests(make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Sugar Talk")
    make_thread("ann", slug, title="Diabetes and night sweats", body="Low sugar at night?")
    make_thread("ann", slug, title="Diabtes is how I spell it", body="Sorry.")
    page = search("diabtes")
    assert titles(page) == ["Diabtes is how I spell it"] and "Showing results for" not in page


def test_the_synonyms_searched_are_named(app, make_user, make_group, make_thread, search):
    Path(app.config["SEARCH_SYNONYMS_FILE"]).write_text("paracetamol, acetaminophen\n", encoding="utf-8")
    make_user("ann")
    make_thread("ann", make_group("Pain"), title="Acetaminophen before bed", body="Every night?")
    page = search("paracetamol")
    assert titles(page) == ["Acetaminophen before bed"]
    assert '<p class="also-searched">Also searched: acetaminophen</p>' in page
    assert "Also searched" not in search("night")
    nothing = search("paracetamol zzzqqq")
    assert total(nothing) == 0 and "Also searched: acetaminophen" in nothing


def test_an_empty_search_offers_to_ask_it_in_the_viewers_group(client, login, make_user, make_group, add_member,
                                                             make_thread, search):
    make_user("ann")
    slug = make_group("Sleep Clinic")
    add_member("ann", slug)
    make_thread("ann", slug, title="Melatonin and jet lag", body="Does it help?")
    login("ann")
    page = search("weighted blanket anxiety")
    assert total(page) == 0
    [ask] = _links(page, "Ask this as a question")
    assert ask == f"/groups/{slug}/new?kind=question&title=weighted+blanket+anxiety"
    form = client.get(ask).get_data(as_text=True)
    assert 'value="weighted blanket anxiety"' in form
    assert "Ask this as a question" not in search("melatonin")


def test_without_a_group_the_question_goes_to_the_groups_page(client, make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Sleep Clinic")
    make_thread("ann", slug, title="Melatonin and jet lag", body="Does it help?")
    [ask] = _links(search("weighted blanket"), "Ask this as a question")
    assert ask == "/groups?ask=weighted+blanket"
    groups = client.get(ask).get_data(as_text=True)
    assert "Choose a group to ask “weighted blanket” in" in groups
    assert _links(groups, "Ask in Sleep Clinic") == [f"/groups/{slug}/new?kind=question&title=weighted+blanket"]


def test_a_private_group_is_not_offered_to_outsiders_for_asking(client, login, make_user, make_group, search):
    make_user("nina")
    make_group("Hidden Circle", private=True)
    login("nina")
    [ask] = _links(search("weighted blanket"), "Ask this as a question")
    assert ask == "/groups?ask=weighted+blanket"
    assert "Ask in Hidden Circle" not in client.get(ask).get_data(as_text=True)
