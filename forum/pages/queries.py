"""What the site pages show: a page's current text (saved or shipped), its history, open contact messages."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import ContactMessage, SitePage, SitePageRevision
from forum.pages.defaults import DEFAULTS
from moderation.sanitize import render_markdown


@dataclass(frozen=True)
class ShownPage:
    slug: str
    title: str
    summary: str
    body_source: str
    body_html: str
    updated_at: datetime | None  # None: the text that ships with Askwell, never edited
    page_id: int | None = None


@lru_cache(maxsize=16)
def _default_html(slug: str) -> str:
    return render_markdown(DEFAULTS[slug].body, heading_offset=0)


def current_page(slug: str) -> ShownPage:
    """The page as saved by an admin, or the shipped default. ``slug`` must be in DEFAULTS."""
    default = DEFAULTS[slug]
    row = db.session.scalar(select(SitePage).where(SitePage.slug == slug))
    if row is None:
        return ShownPage(slug, default.title, default.summary, default.body, _default_html(slug), None)
    return ShownPage(slug, row.title, default.summary, row.body_source, row.body_html, row.updated_at, row.id)


def page_history(page_id: int | None, limit: int = 200) -> list[SitePageRevision]:
    if page_id is None:
        return []
    return list(db.session.scalars(
        select(SitePageRevision).options(joinedload(SitePageRevision.editor))
        .where(SitePageRevision.page_id == page_id)
        .order_by(SitePageRevision.created_at.desc(), SitePageRevision.id.desc()).limit(limit)))


def open_contact_messages(limit: int = 100) -> list[ContactMessage]:
    """Open messages, urgent first, oldest first: the order moderators should answer them in."""
    return list(db.session.scalars(
        select(ContactMessage).options(joinedload(ContactMessage.sender))
        .where(ContactMessage.is_open.is_(True))
        .order_by(ContactMessage.is_urgent.desc(), ContactMessage.created_at).limit(limit)))


def open_contact_count() -> int:
    return db.session.scalar(select(func.count()).select_from(ContactMessage)
                             .where(ContactMessage.is_open.is_(True))) or 0
