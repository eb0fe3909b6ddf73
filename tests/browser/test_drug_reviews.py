"""A member writes a drug review in Chromium, without JavaScript: the safety panel stops a phone
number like it does in a post, "Remove these details" redacts it, and the review is published
with its summary; the review pages have no axe violations."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_accessibility import _violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def drugs(app, site):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():
        load_catalogue()
    return site


def _fill(page, body: str) -> None:
    page.fill("#condition", "Type 2 diabetes")
    page.check("#effectiveness-3")  # the fourth choice: 4
    page.check("#ease_of_use-4")
    page.check("#satisfaction-3")
    page.check("input[name=duration][value='1_2y']")
    page.check("input[name=side_effects][value='Diarrhoea']")
    page.fill("#other_side_effects", "metallic taste")
    page.fill("#body", body)


def test_a_member_writes_a_review_checked_like_a_post(drugs, new_page):
    page = new_page(java_script_enabled=False)
    log_in(page, "maya", PASSWORD)
    page.goto("/drugs/metformin")
    page.click("text=Share your experience with Metformin")
    assert "experiences, not advice" in page.inner_text("main")
    _fill(page, "My sugars came down slowly. Text me on 07700 900123 about the night shifts.")
    page.click("button:has-text('Publish my review')")
    assert page.locator(".safety-panel").is_visible()
    assert "may contain personal details" in page.inner_text(".safety-panel")
    assert page.input_value("#other_side_effects") == "metallic taste"
    page.click("button[name=safety][value=redact]")
    assert "[phone removed]" in page.input_value("#body")
    page.click("button:has-text('Publish my review')")
    assert "/drugs/reviews/" in page.url
    assert "your review is published" in page.inner_text("body")
    page.goto("/drugs/metformin")
    text = page.inner_text("main")
    assert "What 1 member reported" in text and "[phone removed]" in text and "07700" not in text
    assert "Metallic taste" in text


def test_review_pages_have_no_axe_violations(drugs, new_page):
    page = new_page(bypass_csp=True)
    log_in(page, "maya", PASSWORD)
    assert _violations(page, "/drugs/metformin/reviews/new") == []
