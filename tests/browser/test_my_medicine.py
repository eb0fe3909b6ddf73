"""My Medicine and the Pill Identifier in Chromium: a member keeps a list, sees an interaction,
adds a family profile, finds a pill by part of its imprint; no axe violations, fits a phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS, log_in, screenshot
from tests.browser.test_accessibility import _violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def medicine_site(app, site, runner):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        load_catalogue()
    result = runner.invoke(args=["drugs", "import-spl", "--demo", "forum/data/medicine/demo-spl"])
    assert result.exit_code == 0, result.output
    return site


def _add(page, name: str, dose: str = "") -> None:
    page.fill("#name", name)
    page.fill("#dose", dose)
    page.click("#add-heading ~ form button[type=submit]")
    page.wait_for_load_state()


def test_a_member_keeps_a_list_sees_an_interaction_and_a_family_profile(medicine_site, new_page):
    page = new_page()
    log_in(page, "maya", PASSWORD)
    page.goto("/drugs")
    page.click("text=My Medicine")
    assert page.locator("h1").inner_text() == "My medicines"
    _add(page, "Coumadin", "5 mg")
    _add(page, "Advil", "200 mg")
    rows = page.locator(".medicine-table tbody tr")
    assert rows.count() == 2
    finding = page.locator(".interaction").first
    assert "Coumadin" in finding.inner_text() and "Advil" in finding.inner_text()
    assert "serious" in finding.inner_text().lower() and finding.locator(".source a").count() == 1
    page.fill("#add-check", "naproxen")
    page.get_by_role("button", name="Check", exact=True).click()
    assert "what if i add naproxen" in page.locator("#check-heading").inner_text().lower()
    assert rows.count() == 2, "checking wrote nothing"
    page.fill("#profile-name", "Dad")
    page.fill("#profile-relationship_label", "my father")
    page.click("text=Add a profile")
    assert "Dad’s medicines" in page.locator("h1").inner_text()
    _add(page, "Simvastatin", "40 mg")
    page.fill("#add-check", "clarithromycin")
    page.get_by_role("button", name="Check", exact=True).click()
    assert "do not take together" in page.locator(".interaction").first.inner_text().lower()
    screenshot(page, "my-medicine")
    page.goto("/medicine")
    assert "Simvastatin" not in page.locator(".medicine-table").inner_text()


def test_the_pill_identifier_finds_a_pill_by_part_of_its_imprint(medicine_site, new_page):
    page = new_page()
    page.goto("/pills")
    page.fill("#pill-imprint", "aw s5")
    page.select_option("#pill-color", "BLUE")
    page.click("text=Find the pill")
    results = page.locator(".pill-result")
    assert results.count() == 1 and "Sertraline" in results.inner_text()
    assert results.locator("svg.pill-drawing").count() == 1
    assert "Confirm with a pharmacist" in page.locator("main").inner_text()
    page.fill("#pill-imprint", "zz 999")
    page.select_option("#pill-color", "")
    page.click("text=Find the pill")
    assert "No pill matches" in page.locator("main").inner_text()


def test_no_axe_violations_and_the_pages_fit_a_phone(medicine_site, new_page):
    page = new_page(bypass_csp=True)
    log_in(page, "maya", PASSWORD)
    page.goto("/medicine")
    _add(page, "Warfarin")
    _add(page, "Ibuprofen")
    urls = ["/medicine", "/medicine?add=aspirin", "/pills", "/pills?imprint=aw", "/pills?imprint=nothing99",
            "/medicine/print"]
    assert {url: v for url in urls if (v := _violations(page, url))} == {}
    page.set_viewport_size(WIDTHS["phone"])
    for url in urls:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
