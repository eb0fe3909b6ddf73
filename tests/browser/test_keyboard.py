"""Keyboard only: the skip link comes first and moves focus to the content, every focused
control shows a visible outline, Tab walks through a page and out of it (no traps), and a
member can log in without a mouse."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {tag: el.tagName, id: el.id, cls: el.className, text: (el.innerText || el.name || '').slice(0, 40),
          outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
          shadow: style.boxShadow !== 'none', visible: box.width > 0 && box.height > 0};
}
"""


def test_skip_link_is_first_and_moves_focus_to_main(site, new_page):
    page = new_page()
    page.goto(f"/t/{site['thread']}")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first["cls"] == "skip-link" and first["visible"] and first["outline"] >= 2, first
    assert page.locator(".skip-link").bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('main') !== null")
    assert inside, page.evaluate(FOCUSED)


@pytest.mark.parametrize("path", ["/", "thread", "/register"])
def test_tab_reaches_every_control_with_a_visible_focus_and_leaves_the_page(site, new_page, path):
    page = new_page()
    page.goto(f"/t/{site['thread']}" if path == "thread" else path)
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        assert focused["visible"] and (focused["outline"] >= 2 or focused["shadow"]), focused
        seen.append(focused)
    else:
        pytest.fail(f"focus never left the page after 200 Tab presses on {path}")
    assert len(seen) >= 10, seen
    assert seen[0]["cls"] == "skip-link"


def test_a_member_logs_in_with_the_keyboard_alone(site, new_page):
    page = new_page()
    page.goto("/login")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "identifier":
            break
    page.keyboard.type("maya")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)
    assert page.get_by_role("button", name="Log out").count() == 1
