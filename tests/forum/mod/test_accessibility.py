"""Moderation pages and the safety panel: every control labelled, landmarks, no inline script."""
import re

import pytest

from forum.models import Post

CONTROL = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.IGNORECASE)


def _unlabelled(page: str) -> list[str]:
    missing = []
    for _, attrs in CONTROL.findall(page):
        if 'type="hidden"' in attrs:
            continue
        control_id = re.search(r'\bid="([^"]+)"', attrs)
        if control_id is None or f'for="{control_id.group(1)}"' not in page:
            missing.append(attrs)
    return missing


@pytest.fixture
def busy(app, login, community, get):
    post = get(Post, thread_id=community["thread"], number=1)
    c = app.test_client()
    login("bob", c=c)
    c.post(f"/p/{post.id}/flag", data={"reason": "spam"})
    return post


@pytest.mark.parametrize("path", ["/mod", "/mod/queue", "/mod/log", "/mod/words", "/mod/user/bob",
                                  "/mod/post/{post}", "/mod/thread/{thread}", "/p/{post}/edit"])
def test_moderation_pages_label_every_control_and_use_no_inline_script(client, login, community, busy, path):
    login("root")
    page = client.get(path.format(post=busy.id, thread=community["thread"])).get_data(as_text=True)
    assert _unlabelled(page) == []
    assert '<main id="main"' in page and "<script>" not in page and not re.search(r"\son\w+=", page)


def test_the_flag_form_and_the_safety_panel_are_labelled(client, login, community, busy):
    login("cat")
    assert _unlabelled(client.get(f"/p/{busy.id}/flag").get_data(as_text=True)) == []
    page = client.post(f"/t/{community['thread']}/reply",
                       data={"body": "I want to kill myself. Call 555-123-4567"}).get_data(as_text=True)
    assert 'role="region"' in page and 'aria-labelledby="safety-heading"' in page
    assert _unlabelled(page) == []
