"""The health-safety step in Chromium: each of the three crisis outcomes shows its own panel, with
and without JavaScript, keeps what was typed, and leaves the resources on the published post for
its author only; once the panel is showing, Enter in the title field must never publish past it
(the panel's "Publish anyway"/"Publish as written" buttons come first in the form, so without care
they would be the form's default button)."""

from __future__ import annotations

import re

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


# What people write, the panel they must see, and the first number it offers to call.
OUTCOMES = {
    "self": ("honestly i just wanna go to sleep and not wake up. kms", "You matter, and help is available right now",
             "tel:988"),
    "emergency": ("I swallowed everything in the medicine cabinet about an hour ago and now I feel really dizzy.",
                  "Call your emergency number or poison control now", "tel:911"),
    "other": ("My daughter says she wants to die and she has been giving her things away. What do I do?",
              "How to help someone who may be at risk", "tel:911"),
}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("outcome", list(OUTCOMES))
def test_each_kind_of_crisis_post_sees_its_own_panel_and_keeps_its_resources(site, new_page, outcome, javascript):
    body, heading, first_call = OUTCOMES[outcome]
    title = f"A hard week with my meds ({outcome})"
    page = new_page(java_script_enabled=javascript)
    log_in(page, "maya", PASSWORD)
    page.goto(f"/groups/{site['group']}/new?kind=discussion")
    page.fill("input[name=title]", title)
    page.fill("textarea[name=body]", body)
    page.get_by_role("button", name="Post", exact=True).click()

    panel = page.get_by_role("region", name=heading)
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading", level=2)).to_have_text(heading)
    calls = panel.locator("a[href^='tel:']")
    expect(calls.first).to_have_attribute("href", first_call)
    expect(panel.get_by_role("link", name=re.compile(r"^Call 988"))).not_to_have_count(0)
    if outcome == "emergency":
        poison = panel.get_by_role("link", name=re.compile(r"^Call 1-800-222-1222"))
        expect(poison).to_have_attribute("href", "tel:+18002221222")
    if outcome == "other":
        expect(panel).to_contain_text("Ask them directly whether they are thinking about suicide")
    for other_heading in (h for o, (_, h, _) in OUTCOMES.items() if o != outcome):
        expect(page.get_by_text(other_heading)).to_have_count(0)
    expect(page.locator("textarea[name=body]")).to_have_value(body)  # nothing typed is lost
    expect(page.locator("input[name=title]")).to_have_value(title)
    if javascript:
        expect(page.locator("[data-safety-panel]")).to_be_focused()
    assert "/new" in page.url and "tel:" not in "".join(page.locator("textarea").all_inner_texts())

    page.get_by_role("button", name="Publish anyway").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    private = page.locator("aside.safety-resources")
    expect(private).to_contain_text("Only you can see this.")
    expect(private.get_by_role("heading", name=heading)).to_be_visible()
    expect(private.locator("a[href^='tel:']").first).to_have_attribute("href", first_call)

    moderator = new_page(java_script_enabled=javascript)
    log_in(moderator, "ada", PASSWORD)
    moderator.goto(page.url)
    expect(moderator.get_by_role("heading", name=title)).to_be_visible()
    expect(moderator.locator("aside.safety-resources")).to_have_count(0)
    expect(moderator.get_by_text(heading)).to_have_count(0)
    moderator.goto("/mod/queue")
    first = moderator.locator("li.queue-item").first
    expect(first).to_contain_text("Urgent")
    expect(first).to_contain_text(title)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_three_panels_and_the_authors_resources_have_no_axe_violations(site, new_page, scheme):
    from tests.browser.test_accessibility import AXE, RUN_AXE

    page = new_page(bypass_csp=True, color_scheme=scheme)
    log_in(page, "maya", PASSWORD)
    found = {}
    for outcome, (body, heading, _) in OUTCOMES.items():
        page.goto(f"/t/{site['thread']}/reply")
        page.fill("textarea[name=body]", body)
        page.get_by_role("button", name="Post reply").click()
        expect(page.get_by_role("region", name=heading)).to_be_visible()
        page.add_script_tag(path=AXE)
        found[f"panel-{outcome}"] = page.evaluate(RUN_AXE)
        page.get_by_role("button", name="Publish anyway").click()
        expect(page.locator("aside.safety-resources").last).to_be_visible()
        page.add_script_tag(path=AXE)
        found[f"post-{outcome}"] = page.evaluate(RUN_AXE)
    assert {name: v for name, v in found.items() if v} == {}
