"""An admin creates a private group with specialties in the browser, and it works as set up:
private to outsiders, its "Ask an expert" questions in the right experts' queue."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_an_admin_creates_a_private_group_with_specialties(app, site, new_page):
    admin = new_page()
    log_in(admin, "ada", PASSWORD)
    admin.goto("/groups")
    admin.get_by_role("link", name="Create a group").click()
    admin.get_by_label("Name").fill("HIV Peer Support")
    admin.get_by_label("Web address").fill("hiv-peers")
    admin.get_by_label("Category (optional)").fill("Infections")
    admin.get_by_label("Description").fill("For people living with HIV and their partners.")
    admin.get_by_label("Private group").check()
    admin.get_by_label("Infectious disease and HIV").check()
    admin.get_by_label("Pharmacy").check()
    admin.get_by_label("Group rules (optional)").fill("- What is shared here stays here.\n- No dosing advice.")
    admin.get_by_role("button", name="Create group").click()
    admin.wait_for_url("**/groups/hiv-peers")
    assert "private group" in admin.inner_text("main h1").lower()
    assert "What is shared here stays here." in admin.inner_text(".group-rules")

    admin.get_by_role("link", name="Group settings").click()
    assert admin.get_by_label("Infectious disease and HIV").is_checked()
    assert admin.get_by_label("Pharmacy").is_checked()
    assert not admin.get_by_label("Haematology").is_checked()
    assert admin.get_by_label("Private group").is_checked()

    outsider = new_page()
    log_in(outsider, "maya", PASSWORD)
    outsider.goto("/groups/hiv-peers")
    assert outsider.get_by_role("heading", name="This is a private group").is_visible()
    assert outsider.get_by_role("button", name="Request to join").is_visible()
    assert "What is shared here stays here." not in outsider.inner_text("main")

    admin.goto("/mod/log")
    assert "Created a group" in admin.inner_text("main")

    from forum.extensions import db
    from forum.models import Group, GroupSpecialty

    with app.app_context():
        group = db.session.execute(db.select(Group).filter_by(slug="hiv-peers")).scalar_one()
        specialties = set(db.session.scalars(db.select(GroupSpecialty.specialty).filter_by(group_id=group.id)))
        assert group.is_private and specialties == {"infectious-disease", "pharmacy"}
