"""axe-core in Chromium: no WCAG 2.1 A/AA violations on the main pages, light and dark.

axe (vendored in ``tests/browser/vendor/``) is injected as a script tag, which the site's
strict CSP would block; the test's browser context uses Playwright's ``bypass_csp`` so the
app itself stays unchanged.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
AXE = os.path.join(os.path.dirname(__file__), "vendor", "axe.min.js")
RUN_AXE = """
async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
}
"""


def _violations(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE)


def _pages(site):
    return {
        "home": "/", "groups": "/groups", "group": f"/groups/{site['group']}",
        "thread": f"/t/{site['thread']}", "ask": f"/groups/{site['group']}/new",
        "search": "/search?q=palpitation", "profile": "/u/maya",
        "second-opinion": "/second-opinion", "article": f"/second-opinion/{site['article']}",
        "mod": "/mod", "mod-queue": "/mod/queue", "mod-log": "/mod/log",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_the_main_pages(site, new_page, scheme):
    anonymous = new_page(bypass_csp=True, color_scheme=scheme)
    found = {}
    for name, url in {"login": "/login", "register": "/register"}.items():
        found[name] = _violations(anonymous, url)
    page = new_page(bypass_csp=True, color_scheme=scheme)
    log_in(page, "ada", PASSWORD)
    for name, url in _pages(site).items():
        found[name] = _violations(page, url)
        if scheme == "light":
            screenshot(page, f"a11y-{name}")
    found = {name: v for name, v in found.items() if v}
    assert found == {}
