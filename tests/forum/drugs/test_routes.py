"""What a person sees under /drugs: browsing, search, a drug's page, and the limits on every page."""
import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import select

from forum.extensions import db as _db

HOSTILE = ["/drugs/nope", "/drugs/%00", "/drugs/" + "x" * 5000, "/drugs/%D9%A1%D9%A2", "/drugs/conditions/nope",
           "/drugs/conditions/%00x", "/drugs/letter/ab", "/drugs/letter/%D9%A1", "/drugs/letter/%00",
           "/drugs/kind/pills", "/drugs/kind/" + "%F0%9F%92%8A" * 200, "/drugs/letter/m?after=bm90LWEtY3Vyc29y",
           "/drugs/letter/m?after=x&before=y"]


def text_of(response) -> str:
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))
    return re.sub(r" ([,.)])", r"\1", text)


def test_the_header_links_to_drugs(client):
    assert 'href="/drugs"' in client.get("/").get_data(as_text=True)


def test_index_has_search_letters_kinds_and_conditions(client, catalogue):
    page = client.get("/drugs")
    html, text = page.get_data(as_text=True), text_of(page)
    assert page.status_code == 200 and "Drugs & Supplements" in text
    assert 'action="/drugs/search"' in html and '<label for="drug-search-q">' in html
    assert 'href="/drugs/letter/m"' in html and 'href="/drugs/kind/supplements"' in html
    assert 'href="/drugs/conditions/type-2-diabetes"' in html and "not medical advice" in text


def test_letter_pages_page_by_position(client, catalogue, monkeypatch):
    from forum.drugs import routes

    monkeypatch.setattr(routes, "PER_PAGE", 5)
    first = client.get("/drugs/letter/m").get_data(as_text=True)
    names = re.findall(r'class="drug-name" href="/drugs/([^"]+)"', first)
    assert len(names) == 5 and names == sorted(names) and all(n.startswith("m") for n in names)
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1)
    second = client.get(unescape(older)).get_data(as_text=True)
    more = re.findall(r'class="drug-name" href="/drugs/([^"]+)"', second)
    assert more and more[0] > names[-1] and 'rel="prev"' in second
    back = re.search(r'href="([^"]+)" rel="prev"', second).group(1)
    assert re.findall(r'class="drug-name" href="/drugs/([^"]+)"', client.get(unescape(back), follow_redirects=True).get_data(as_text=True)) == names


def test_digits_and_other_scripts_have_a_page(client, catalogue):
    assert client.get("/drugs/letter/0-9").status_code == 200


def test_kind_pages(client, catalogue):
    vitamins = text_of(client.get("/drugs/kind/vitamins"))
    assert "Vitamins and minerals" in vitamins and "Vitamin D" in vitamins and "Metformin" not in vitamins
    assert "Melatonin" in text_of(client.get("/drugs/kind/supplements"))
    assert "Loratadine" in text_of(client.get("/drugs/kind/otc"))


def test_condition_pages(client, catalogue):
    text = text_of(client.get("/drugs/conditions/type-2-diabetes"))
    assert "Drugs and supplements for Type 2 diabetes" in text
    assert "Metformin" in text and "Semaglutide" in text and "Sertraline" not in text
    assert "Type 2 diabetes" in text_of(client.get("/drugs/conditions"))


def test_search_page(client, catalogue):
    typo = client.get("/drugs/search?q=metfromin")
    assert "No exact match for “metfromin”. Did you mean:" in text_of(typo)
    assert 'href="/drugs/metformin"' in typo.get_data(as_text=True)
    brand = text_of(client.get("/drugs/search?q=Glucophage"))
    assert "Metformin" in brand and "matches “glucophage”" in brand
    condition = client.get("/drugs/search?q=drugs+for+type+2+diabetes").get_data(as_text=True)
    assert 'href="/drugs/conditions/type-2-diabetes"' in condition
    assert "Nothing in the catalogue matches" in text_of(client.get("/drugs/search?q=qqqzzzxxx"))
    assert client.get("/drugs/search?q=" + "%00%D9%A1" * 3000).status_code == 200


def test_the_drug_page(client, catalogue, make_group):
    make_group("Type 2 Diabetes")
    page = client.get("/drugs/metformin")
    html, text = page.get_data(as_text=True), text_of(page)
    assert page.status_code == 200
    assert "<h1>Metformin</h1>" in html and "Glucophage, Glucophage XR" in text and "Biguanide" in text
    for heading in ("What it is used for", "Common side effects", "Serious side effects", "Important warnings",
                    "How it is usually taken"):
        assert f">{heading}</h2>" in html
    assert "Lactic acidosis (rare but serious)" in text
    assert "Source: FDA drug label (DailyMed), checked 2026-11 (summarised for Askwell)" in text
    assert "not medical advice" in text and "A pharmacist or doctor is the person to ask" in text
    assert "dailymed.nlm.nih.gov" in html and "on MedlinePlus" in text
    ask = re.search(r'<a class="button" href="([^"]+)">Ask a question about this drug</a>', html).group(1)
    assert unescape(ask) == "/groups/type-2-diabetes/new?kind=question&title=A+question+about+Metformin"
    headings = [int(h) for h in re.findall(r"<h([1-6])", html[html.index("<main"):])]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:]))


def test_imported_label_text_shows_with_its_date(client, catalogue, run, fixtures):
    from forum.drugs.importing import openfda_records
    from forum.drugs.sources import openfda_label

    assert "finerenone" not in client.get("/drugs/search?q=kerendai").get_data(as_text=True)
    run(openfda_label, openfda_records(fixtures / "openfda-drug-label.json"))
    for query in ("Kerendia", "kerendai", "finerenone"):  # the misspelling index sees the new names
        assert 'href="/drugs/finerenone"' in client.get(f"/drugs/search?q={query}").get_data(as_text=True)
    text = text_of(client.get("/drugs/metformin"))
    assert "The FDA label says (2025-06)" in text and "Source: FDA drug label, revised 2025-06" in text
    assert "Kerendia" in text_of(client.get("/drugs/finerenone"))


def test_the_ask_form_takes_a_prefilled_title(client, make_user, login, make_group):
    make_user("asker")
    login("asker")
    slug = make_group("Type 2 Diabetes")
    html = client.get(f"/groups/{slug}/new?kind=question&title=A+question+about+Metformin%00" + "x" * 500)
    assert html.status_code == 200
    value = re.search(r'id="title"[^>]*value="([^"]*)"', html.get_data(as_text=True)).group(1)
    # The NUL is dropped at the door (forum.request_input), the rest cut to the title limit.
    assert value.startswith("A question about Metforminx") and len(value) == 200


def test_threads_and_groups_that_mention_the_drug_respect_privacy(app, client, catalogue, make_user, login,
                                                                  make_group, add_member, make_thread):
    make_user("pat")
    make_user("outsider")
    public = make_group("Type 2 Diabetes")
    private = make_group("Quiet Room", private=True)
    add_member("pat", private)
    make_thread("pat", public, title="Glucophage gave me an upset stomach", body="Does it settle?")
    make_thread("pat", private, title="Private words about metformin doses", body="Members only.")
    text = text_of(client.get("/drugs/metformin"))
    assert "Glucophage gave me an upset stomach" in text and "in Type 2 Diabetes" in text
    assert "Private words" not in text and "Quiet Room" not in text
    login("pat")
    member = text_of(client.get("/drugs/metformin"))
    assert "Private words about metformin doses" in member and "Quiet Room" in member


def test_second_opinion_articles_about_the_drug(app, client, catalogue, make_expert):
    from forum.actions.articles import write_article
    from forum.models import User

    make_expert("pharmacist", specialty="pharmacy", profession="Pharmacist")
    with app.app_context():
        author = _db.session.scalar(select(User).where(User.username == "pharmacist"))
        for title, tags in (("Metformin and your stomach", "diabetes"), ("Living with a pump", "metformin insulin"),
                            ("The environment and your gut", "gut")):
            write_article(author, title=title, summary="What helps, from a pharmacist.", body="Body text. " * 20, sources="https://dailymed.nlm.nih.gov/",
                          tags=tags, reviewed_on=date(2026, 11, 1))
    text = text_of(client.get("/drugs/metformin"))
    assert "Metformin and your stomach" in text and "Living with a pump" in text
    assert "The environment and your gut" not in text_of(client.get("/drugs/iron"))


@pytest.mark.parametrize("url", HOSTILE)
def test_unknown_and_hostile_urls_are_404(client, catalogue, url):
    assert client.get(url).status_code == 404


def test_the_drug_page_costs_the_same_statements_however_much_is_said_about_it(
        app, client, catalogue, make_user, make_group, make_thread, count_queries, login):
    make_user("pat")
    login("pat")  # a member's page is rendered for each request (anonymous visitors share a cached one)
    slug = make_group("Type 2 Diabetes")
    make_thread("pat", slug, title="Metformin question number zero", body="About metformin.")
    client.get("/drugs/metformin")  # warm the search backend and caches
    with count_queries() as one:
        assert client.get("/drugs/metformin").status_code == 200
    for n in range(1, 6):
        make_thread("pat", make_group(f"Group number {n}"), title=f"Metformin question number {n}",
                    body="About metformin.")
    with count_queries() as six:
        assert "Metformin question number 5" in client.get("/drugs/metformin").get_data(as_text=True)
    assert len(six) == len(one) <= 20, six


def test_list_pages_cost_a_fixed_number_of_statements(client, catalogue, count_queries):
    for url in ("/drugs", "/drugs/letter/a", "/drugs/kind/prescription", "/drugs/conditions/pain",
                "/drugs/search?q=metfromin", "/drugs/search?q=drugs+for+pain"):
        client.get(url)
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        assert len(statements) <= 8, (url, statements)


def test_get_requests_never_write(app, client, catalogue, db):
    from tests.forum.routes.test_csrf_walk import _snapshot

    before = _snapshot(db)
    for url in ("/drugs", "/drugs/letter/m", "/drugs/kind/otc", "/drugs/conditions", "/drugs/conditions/pain",
                "/drugs/search?q=metfromin", "/drugs/metformin", *HOSTILE):
        client.get(url)
    assert _snapshot(db) == before
