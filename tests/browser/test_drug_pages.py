"""The Drugs & Supplements pages in Chromium: no WCAG 2.1 A/AA violations in light and dark
themes, nothing scrolls sideways at 375 px, and search works without JavaScript."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, screenshot
from tests.browser.test_accessibility import _violations

pytestmark = pytest.mark.browser
PAGES = {"drugs": "/drugs", "letter": "/drugs/letter/m", "kind": "/drugs/kind/vitamins",
         "condition": "/drugs/conditions/type-2-diabetes", "search": "/drugs/search?q=metfromin",
         "drug": "/drugs/metformin", "label-drug": "/drugs/finerenone"}


@pytest.fixture
def drugs(app, site):
    """The site with the shipped catalogue and the label fixture imported."""
    from forum.drugs.catalogue import load_catalogue
    from forum.drugs.importing import openfda_records, run_import
    from forum.drugs.sources import openfda_label
    from tests.forum.drugs.conftest import FIXTURES

    with app.app_context():
        load_catalogue()
        run_import("label", openfda_records(FIXTURES / "openfda-drug-label.json"), openfda_label.parse,
                   openfda_label.apply)
    return site


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_drug_pages(drugs, new_page, scheme):
    page = new_page(bypass_csp=True, color_scheme=scheme)
    found = {name: _violations(page, url) for name, url in PAGES.items()}
    if scheme == "light":
        screenshot(page, "drug-page")
    assert {name: v for name, v in found.items() if v} == {}


def test_drug_pages_fit_a_phone(drugs, new_page):
    page = new_page(viewport=WIDTHS["phone"])
    for url in PAGES.values():
        page.goto(url)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)


def test_searching_without_javascript_reaches_the_drug(drugs, new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/drugs")
    page.fill("#drug-search-q", "metfromin")
    page.click("form.drug-search button[type=submit]")
    page.click("a.drug-name:has-text('Metformin')")
    assert page.url.endswith("/drugs/metformin")
    assert page.locator("h1").inner_text() == "Metformin"
