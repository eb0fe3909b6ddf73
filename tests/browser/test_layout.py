"""Mobile-first layout at a 375 px phone width: nothing scrolls sideways, the search box is usable."""

from __future__ import annotations

import pytest

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser


def test_phone_width_pages_fit_and_the_search_box_is_usable(site, new_page):
    page = new_page(viewport=WIDTHS["phone"])
    for url in ["/", "/groups", f"/groups/{site['group']}", f"/t/{site['thread']}", "/search?q=heart",
                "/second-opinion", "/login", "/register"]:
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (url, overflow)
        page.click(".header-search > summary")  # on a phone the search is behind a button
        box = page.locator("#site-search-q-phone").bounding_box()
        assert box and box["width"] >= 150, (url, box)
