"""Two things a visitor tries first, in Chromium: every footer link answers with a real page
(not a stub), and a search with a typo shows the corrected results with a way back."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect


def test_every_footer_link_answers_with_real_text(site, new_page):
    page = new_page()
    page.goto("/")
    links = page.locator("footer.site-footer a")
    targets = list(dict.fromkeys(links.nth(i).get_attribute("href") for i in range(links.count())))
    assert len(targets) >= 8, targets
    for href in targets:
        response = page.goto(href)
        assert response.status == 200, href
        heading = page.locator("main h1").first
        expect(heading).to_be_visible()
        words = page.locator("main").inner_text().split()
        assert len(words) >= 40, f"{href} says only {len(words)} words"
    for slug, must_say in {"guidelines": "diagnos", "privacy": "delet", "disclaimer": "does not give medical advice"}.items():
        page.goto(f"/{slug}")
        assert must_say in page.locator("main").inner_text().lower(), slug


def test_a_search_with_a_typo_shows_the_corrected_results_and_the_exact_search(site, new_page):
    page = new_page()
    page.goto("/")
    box = page.locator("input[name=q]:visible").first
    box.fill("palpitaton")
    box.press("Enter")
    main = page.locator("main")
    expect(main).to_contain_text("Showing results for")
    expect(main.get_by_role("link", name="Is palpitation after coffee normal?")).to_be_visible()
    main.get_by_role("link", name="palpitaton").click()
    expect(page.locator("main")).not_to_contain_text("Showing results for")
    assert "palpitaton" in page.url
