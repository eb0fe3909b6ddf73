"""An admin lets a group's members post anonymously; a member posts as "An anonymous member";
another reader sees no name; a moderator reveals the author (and the log says so)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_an_anonymous_post_shows_no_author_to_members_and_the_author_to_a_moderator(site, new_page):
    admin = new_page()
    log_in(admin, "ada", PASSWORD)
    admin.goto("/groups/heart-health")
    admin.get_by_role("link", name="Group settings").click()
    admin.get_by_label("Members may post anonymously").check()
    admin.get_by_role("button", name="Save settings").click()
    admin.wait_for_url("**/groups/heart-health")

    member = new_page()
    log_in(member, "maya", PASSWORD)
    member.goto("/groups/heart-health/new")
    member.get_by_label("A discussion (share and talk)").check()
    member.get_by_label("Title").fill("Scared about my upcoming heart surgery")
    member.get_by_label("Details").fill("I have not told my family yet. How did you cope with the wait?")
    member.get_by_label("Post as an anonymous member").check()
    member.get_by_role("button", name="Post", exact=True).click()
    member.wait_for_url("**/t/*")
    assert "You (posted anonymously)" in member.inner_text(".thread-header")
    thread_url = member.url

    reader = new_page()
    log_in(reader, "drlee", PASSWORD)
    reader.goto(thread_url)
    assert "An anonymous member" in reader.inner_text(".thread-header")
    assert "maya" not in reader.inner_text("main").lower()

    admin.goto(thread_url)
    admin.locator(".post-opening .post-actions").get_by_role("link", name="Hide").click()
    assert "maya" not in admin.inner_text("main").lower()
    admin.get_by_role("button", name="Reveal author").click()
    assert "revealed to you: maya" in admin.inner_text("main").lower()
    admin.goto("/mod/log")
    assert "Revealed the author of an anonymous post" in admin.inner_text("main")
