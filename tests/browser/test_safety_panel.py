"""The health-safety step in Chromium: once the panel is showing, Enter in the title field must
never publish past it (the panel's "Publish anyway"/"Publish as written" buttons come first in
the form, so without care they would be the form's default button)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed").expect

TEXTS = {
    "crisis": "I want to kill myself, nothing helps any more and I am so tired.",
    "personal": "My cardiologist said it is fine. Call me on 555-123-4567 if you know more.",
}


@pytest.mark.parametrize("finding", ["crisis", "personal"])
def test_enter_in_the_title_never_publishes_past_the_safety_panel(site, new_page, finding):
    page = new_page()
    log_in(page, "maya", PASSWORD)
    ask = f"/groups/{site['group']}/new?kind=question"
    page.goto(ask)
    page.fill("input[name=title]", "Racing heart at night after coffee")
    page.fill("textarea[name=body]", TEXTS[finding])
    page.get_by_role("button", name="Post", exact=True).click()
    panel = page.get_by_role("region").filter(has=page.locator("#safety-heading"))
    expect(panel).to_be_visible()

    page.locator("input[name=title]").press("Enter")
    page.wait_for_load_state("load")
    expect(panel).to_be_visible()  # still asking: nothing was published
    assert "/new" in page.url, page.url
    page.goto(f"/groups/{site['group']}")
    expect(page.get_by_role("link", name="Racing heart at night after coffee")).to_have_count(0)

    # The panel's own button still publishes when the member chooses it.
    page.goto(ask)
    page.fill("input[name=title]", "Racing heart at night after coffee")
    page.fill("textarea[name=body]", TEXTS[finding])
    page.get_by_role("button", name="Post", exact=True).click()
    name = "Publish anyway" if finding == "crisis" else "Publish as written"
    page.get_by_role("button", name=name).click()
    expect(page.get_by_role("heading", name="Racing heart at night after coffee")).to_be_visible()


def test_the_hidden_default_button_is_not_a_tab_stop(site, new_page):
    page = new_page()
    log_in(page, "maya", PASSWORD)
    page.goto(f"/groups/{site['group']}/new?kind=question")
    page.fill("input[name=title]", "A question")
    page.fill("textarea[name=body]", TEXTS["personal"])
    page.get_by_role("button", name="Post", exact=True).click()
    default = page.locator("[data-safety-default]")
    expect(default).to_have_count(1)
    assert default.get_attribute("tabindex") == "-1"
    expect(page.get_by_role("button", name="Check my post again")).to_have_count(0)
