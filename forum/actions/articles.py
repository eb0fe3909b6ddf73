"""Second Opinion actions: verified experts write articles, members comment.

Articles and comments go through the publishing pipeline like posts: the
safety step, the automatic rules (a comment with a blocked word or too many
links is refused; a held one waits for a moderator), the rate limit and the
sanitizer. Sources are one per line (a title and a link, as the expert types
them) and are stored as a sanitized list. The "reviewed on" date may not be in
the future.
"""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import update

from forum import publishing
from forum.actions import ActionError, audit, limits
from forum.extensions import db
from forum.models import Article, ArticleComment, User, utcnow
from moderation.sanitize import render_markdown

_TAG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def check_tags(raw: str | None) -> str:
    """Normalise "Anaemia, iron; diet" to "anaemia iron diet". Raises ActionError."""
    tags = [t.strip().lower() for t in re.split(r"[,;\s]+", raw or "") if t.strip()]
    tags = list(dict.fromkeys(t.lstrip("#") for t in tags))
    if not tags:
        raise ActionError("Add at least one topic tag, e.g. anaemia.")
    if len(tags) > limits.TAGS_MAX:
        raise ActionError(f"Use at most {limits.TAGS_MAX} topic tags.")
    for tag in tags:
        if len(tag) > limits.TAG_MAX or not _TAG.match(tag):
            raise ActionError(f"Tags are up to {limits.TAG_MAX} letters, numbers and dashes; "
                              f"“{tag[:40]}” is not.")
    return " ".join(tags)


def check_sources(raw: str | None) -> str:
    lines = [" ".join(line.split()) for line in (raw or "").splitlines() if line.strip()]
    text = "\n".join(lines)
    if not lines:
        raise ActionError("List at least one source, one per line.")
    if len(text) > limits.SOURCES_MAX:
        raise ActionError(f"Keep the sources to {limits.SOURCES_MAX:,} characters.")
    return text


def check_reviewed_on(value: date | None) -> date:
    if value is None:
        raise ActionError("Give the date you last reviewed the article (YYYY-MM-DD).")
    if value > utcnow().date():
        raise ActionError("The “reviewed on” date can't be in the future.")
    if value.year < 2000:
        raise ActionError("That “reviewed on” date looks wrong; please check it.")
    return value


def check_summary(raw: str | None) -> str:
    summary = " ".join((raw or "").split())
    if not limits.SUMMARY_MIN <= len(summary) <= limits.SUMMARY_MAX:
        raise ActionError(f"Summaries are {limits.SUMMARY_MIN}–{limits.SUMMARY_MAX} characters.")
    return summary


def _fields(author, title, summary, body, sources, tags, reviewed_on, choice, screen=True) -> dict:
    summary, sources = check_summary(summary), check_sources(sources)
    tags, reviewed_on = check_tags(tags), check_reviewed_on(reviewed_on)
    text = publishing.prepare(author, publishing.ARTICLE, body, title=title, also={"summary": summary, "sources": sources},
                              choice=choice, screen=screen)
    return {
        "title": text.title, "summary": summary, "body_source": text.body, "body_html": text.html,
        "sources_source": sources,
        "sources_html": render_markdown("\n".join(f"- {line}" for line in sources.splitlines())),
        "tags": tags, "reviewed_on": reviewed_on,
    }


def _require_expert(user: User) -> None:
    if user.current_verification is None:
        raise ActionError("Only verified experts can write Second Opinion articles.")


def write_article(author: User, *, title: str, summary: str, body: str, sources: str, tags: str,
                  reviewed_on: date | None, choice: str = "", screen: bool = True) -> Article:
    """Publish an article. Raises ActionError for bad input or an author who is not verified,
    ``publishing.NeedsConfirmation`` when the safety step needs the author's choice."""
    _require_expert(author)
    article = Article(author_id=author.id, created_at=utcnow(),
                      **_fields(author, title, summary, body, sources, tags, reviewed_on, choice, screen))
    db.session.add(article)
    db.session.commit()
    return article


def edit_article(editor: User, article: Article, *, title: str, summary: str, body: str, sources: str,
                 tags: str, reviewed_on: date | None, choice: str = "") -> Article:
    _require_expert(editor)
    for name, value in _fields(editor, title, summary, body, sources, tags, reviewed_on, choice).items():
        setattr(article, name, value)
    article.edited_at = utcnow()
    db.session.commit()
    return article


def delete_comment(actor: User, comment: ArticleComment, reason: str = "") -> ArticleComment:
    """Delete a comment: by its author, or removed by a moderator with a reason (audited).

    The text leaves every page at once (the row stays, as a placeholder, so the
    conversation keeps its shape); the article's comment count goes down and the
    comment's review-queue row closes.
    """
    if comment.is_deleted:
        raise ActionError("That comment is already deleted.")
    by_author = actor.id == comment.author_id
    if not by_author:
        reason = " ".join((reason or "").split())
        if len(reason) < 5:
            raise ActionError("Give a reason of at least 5 characters; the author and the audit log see it.")
        audit.record_comment(actor, "remove_comment", comment, reason)
    audit.close_review(comment, actor, "withdrawn" if by_author else "delete")
    comment.deleted_at = utcnow()
    comment.deleted_by_id = actor.id
    db.session.execute(update(Article).where(Article.id == comment.article_id)
                       .values(comment_count=Article.comment_count - 1))
    db.session.commit()
    return comment


def comment_on_article(author: User, article: Article, body: str, *, choice: str = "",
                       screen: bool = True) -> ArticleComment:
    """Comment on an article. Raises ``ActionError`` or ``publishing.NeedsConfirmation``
    (``screen=False``: the demo seeder, see ``publishing.prepare``)."""
    text = publishing.prepare(author, publishing.COMMENT, body, choice=choice, screen=screen)
    comment = ArticleComment(article_id=article.id, author_id=author.id, body_source=text.body,
                             body_html=text.html, created_at=utcnow())
    db.session.add(comment)
    db.session.flush()
    audit.queue_new_text(comment, text)
    db.session.execute(update(Article).where(Article.id == article.id)
                       .values(comment_count=Article.comment_count + 1))
    db.session.commit()
    return comment
