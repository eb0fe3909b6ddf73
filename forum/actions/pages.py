"""The site's own pages and the contact form: an admin edits a page; anyone writes to the moderators.

``edit_page`` stores the new text and a revision holding it (the history is the
list of revisions), and writes an audit row. Page text is staff text, not
member text: it is normalised, length-checked and rendered by the sanitizer
like a post, but not rate limited or screened.

``send_contact_message`` accepts a visitor's or member's message: it is
normalised and length-checked, checked once for crisis language (such a
message goes to the top of the moderators' list), rendered through the
sanitizer and kept open until a site moderator marks it handled.
"""
from __future__ import annotations

from sqlalchemy import select

from forum.actions import ActionError, audit
from forum.extensions import db
from forum.models import ContactMessage, SitePage, SitePageRevision, utcnow
from forum.models.pages import CONTACT_TOPICS
from forum.pages.defaults import DEFAULTS
from forum.publishing import Place, check_body, clean_text
from moderation.safety import check as safety_check
from moderation.sanitize import render_markdown

PAGE_TITLE_MAX = 120
PAGE_BODY_MAX = 60_000
NOTE_MAX = 200
CONTACT_BODY_MAX = 5_000
NAME_MAX = 100
EMAIL_MAX = 254

PAGE = Place("page", noun="page", body_min=20, body_max=PAGE_BODY_MAX, rate_limited=False)
CONTACT = Place("contact", noun="message", body_min=10, body_max=CONTACT_BODY_MAX)


def page_row(slug: str) -> SitePage | None:
    return db.session.scalar(select(SitePage).where(SitePage.slug == slug))


def edit_page(editor, slug: str, title: str, body: str, note: str = "") -> SitePage:
    """Save a new version of page ``slug``. Raises ActionError for an unknown page, a
    missing title or a body of the wrong length (the view checks ``can_edit_site_pages``)."""
    if slug not in DEFAULTS:
        raise ActionError("There is no such page.")
    title = " ".join(clean_text(title).split())
    if not title or len(title) > PAGE_TITLE_MAX:
        raise ActionError(f"Page titles are 1–{PAGE_TITLE_MAX} characters.")
    body = check_body(body, PAGE)
    note = " ".join(clean_text(note).split())[:NOTE_MAX]
    page = page_row(slug)
    if page is None:
        page = SitePage(slug=slug)
        db.session.add(page)
    now = utcnow()
    page.title, page.body_source, page.body_html = title, body, render_markdown(body, heading_offset=0)
    page.updated_at, page.updated_by_id = now, editor.id
    db.session.flush()
    db.session.add(SitePageRevision(page_id=page.id, title=title, body_source=body, note=note,
                                    created_at=now, editor_id=editor.id))
    audit.record(editor, "edit_page", "page", page.id, reason=note or f"Edited {title}")
    db.session.commit()
    return page


def send_contact_message(sender, topic: str, body: str, *, name: str = "", email: str = "") -> ContactMessage:
    """Keep a message for the moderators. ``sender`` is None for a visitor.

    Raises ActionError for an unknown topic or a message of the wrong length.
    """
    if topic not in CONTACT_TOPICS:
        raise ActionError("Choose what your message is about.")
    body = check_body(body, CONTACT)
    name = " ".join(clean_text(name).split())[:NAME_MAX]
    email = clean_text(email)[:EMAIL_MAX]
    if sender is not None and getattr(sender, "is_authenticated", False):
        sender_id, name, email = sender.id, name or sender.name, email or sender.email
    else:
        sender_id = None
    message = ContactMessage(sender_id=sender_id, name=name, email=email, topic=topic, body_source=body,
                             body_html=render_markdown(body), is_urgent=bool(safety_check(body).crisis),
                             created_at=utcnow())
    db.session.add(message)
    db.session.commit()
    return message


def close_contact_message(moderator, message: ContactMessage) -> None:
    """Mark a contact message handled. Raises ActionError if it already was."""
    if not message.is_open:
        raise ActionError("That message was already marked handled.")
    message.is_open, message.closed_at, message.closed_by_id = False, utcnow(), moderator.id
    audit.record(moderator, "close_contact", "contact", message.id, target_user_id=message.sender_id)
    db.session.commit()
