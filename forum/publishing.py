"""The one publishing pipeline: every piece of member text passes here before it is stored.

Threads, replies, edits, article comments, articles, profile bios, private
messages and drug reviews (and whatever comes later: API writes) call ``prepare`` with who
is writing, where (a ``Place``) and what they typed. In order, it

1. refuses an author who may not publish now (silenced, suspended or banned);
2. normalises each field and checks its length for that place;
3. runs the health-safety check once (crisis language, personal data): unless
   the author has already chosen on the safety panel, it raises
   ``NeedsConfirmation`` with the findings, and after "Remove these details"
   with the redacted text, so nothing is published or changed unseen;
4. applies the automatic rules (watched words, links): blocked text raises
   ``ActionError``; held or flagged text comes back with its ``Screening``;
5. counts one post against the author's rate limit;
6. renders the Markdown through the sanitizer, the one door to a page.

The action then writes the ``Prepared`` text and calls
``forum.actions.audit.queue_new_text`` so crisis, held and flagged text reaches
the review queue in the same transaction. Views show a ``NeedsConfirmation`` as
the safety panel through ``forum.views.form_page``.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app, g, has_app_context
from sqlalchemy import select

from forum.actions import ActionError, limits
from forum.database import release_write_lock
from forum.extensions import db
from forum.models import WatchedWord
from forum.ratelimits import message_rate_error, posting_rate_error
from moderation import rules
from moderation.safety import SafetyCheck, check, redact_text
from moderation.sanitize import render_markdown

PUBLISH, REDACT = "publish", "redact"


@dataclass(frozen=True)
class Place:
    """Where text is published, and the checks that apply there."""

    name: str
    noun: str = "post"  # what the messages call it
    body_min: int = limits.BODY_MIN
    body_max: int = limits.BODY_MAX
    markdown: bool = True
    rate_limited: bool = True
    max_links: int | None = rules.RuleSettings.max_links
    hold_new_member_links: bool = True
    rate_error: Callable = posting_rate_error  # counts one text and says if the author is over the limit


THREAD = Place("thread")
REPLY = Place("reply")
EDIT = Place("edit", rate_limited=False)
COMMENT = Place("comment", noun="comment", body_max=limits.COMMENT_MAX)
# Articles cite their sources as links, and are written by verified experts only.
ARTICLE = Place("article", noun="article", body_min=limits.ARTICLE_BODY_MIN, rate_limited=False,
                max_links=None, hold_new_member_links=False)
# A drug review's text: its ratings, condition and side effects are checked by forum.actions.reviews.
REVIEW = Place("review", noun="review", body_min=limits.REVIEW_BODY_MIN, body_max=limits.REVIEW_MAX)
REVIEW_EDIT = Place("review_edit", noun="review", body_min=limits.REVIEW_BODY_MIN, body_max=limits.REVIEW_MAX,
                    rate_limited=False)
BIO = Place("bio", noun="bio", body_min=0, body_max=limits.BIO_MAX, markdown=False, rate_limited=False)
# Private messages: the same checks, their own (stricter for new members) rate limit.
MESSAGE = Place("message", noun="message", body_max=limits.MESSAGE_MAX, rate_error=message_rate_error)

# A newsletter issue, written by an admin: links are its point, and it is never rate limited.
NEWSLETTER = Place("newsletter", noun="newsletter issue", rate_limited=False,
                   max_links=None, hold_new_member_links=False)


CRISIS_NOTES = {
    "self": "Crisis language (risk to the writer); the author saw crisis resources",
    "emergency": "Emergency in progress (overdose taken, injury); the author was told to call the emergency "
                 "number or poison control",
    "other": "Someone else at risk; the author saw how to help them and whom to call",
}


class NeedsConfirmation(Exception):
    """The author must see the safety panel before this text is published.

    ``fields`` holds the text to show in the form again: as typed, or with
    personal details replaced by markers after "Remove these details".
    """

    def __init__(self, safety: SafetyCheck, fields: dict[str, str]):
        super().__init__("The text needs the author's confirmation before it is published.")
        self.safety = safety
        self.fields = fields


@dataclass
class Prepared:
    """Text ready to store: cleaned fields, rendered HTML and what the checks found."""

    body: str
    html: str
    title: str | None = None
    screening: rules.Screening = field(default_factory=rules.Screening)
    crisis: list[str] = field(default_factory=list)  # phrases for the moderators' note
    outcome: str | None = None  # the crisis outcome the author saw ("self", "emergency", "other")

    @property
    def crisis_note(self) -> str:
        """What the review queue and the audit log say about the crisis outcome found."""
        return CRISIS_NOTES.get(self.outcome or "self", CRISIS_NOTES["self"])


def _ends(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def may_publish(author) -> None:
    """Raises ActionError, with when it ends, if ``author`` may not publish anything now."""
    if author.banned_at is not None:
        raise ActionError("This account is banned, so it cannot publish anything.")
    if not author.is_active:
        raise ActionError(f"This account is suspended until {_ends(author.suspended_until)}.")
    if author.is_silenced:
        raise ActionError(f"A moderator has paused your posting until {_ends(author.silenced_until)}. "
                          "You can still read everything; your text is kept below.")


_JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiners belong inside Persian words and emoji


def clean_text(text: str | None) -> str:
    """Line endings unified; control characters (NUL ...) and invisible format characters
    (zero-width spaces, direction overrides) dropped; outer whitespace stripped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    kept = [ch for ch in text if ch in "\n\t" or ch in _JOINERS or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")]
    return "".join(kept).strip()


# Bidirectional embeddings and overrides: at the start of a title or body they flip how the
# whole line reads in lists ("\u202e" shows "txet" for "text"), so such text is refused.
_BIDI_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _starts_with_override(text: str | None) -> bool:
    stripped = (text or "").lstrip()
    return bool(stripped) and stripped[0] in _BIDI_OVERRIDES


def _visible(text: str) -> bool:
    """True if ``text`` has a letter, digit, symbol or punctuation mark (not only joiners and marks)."""
    return any(unicodedata.category(ch)[0] in "LNSP" for ch in text)


def check_title(title: str | None) -> str:
    if _starts_with_override(title):
        raise ActionError("Your title starts with an invisible text-direction character, which would show it "
                          "reversed in lists. Please retype the start of the title.")
    title = " ".join(clean_text(title).split())
    if len(title) < limits.TITLE_MIN or not _visible(title):
        raise ActionError(f"Give your title at least {limits.TITLE_MIN} characters so people know what it is about.")
    if len(title) > limits.TITLE_MAX:
        raise ActionError(f"Keep your title to {limits.TITLE_MAX} characters (it has {len(title)}).")
    return title


def check_body(body: str | None, place: Place = REPLY) -> str:
    if _starts_with_override(body):
        raise ActionError(f"Your {place.noun} starts with an invisible text-direction character, which would "
                          "show it reversed. Please retype its first words.")
    body = clean_text(body)
    if place.body_min and (len(body) < place.body_min or not _visible(body)):
        if place.body_min <= 1 or not _visible(body):
            raise ActionError(f"Write something before posting your {place.noun}.")
        raise ActionError(f"Write at least {place.body_min:,} characters for your {place.noun}; "
                          f"this one has {len(body):,}.")
    if len(body) > place.body_max:
        raise ActionError(f"Your {place.noun} can be up to {place.body_max:,} characters; "
                          f"this one has {len(body):,}.")
    return body


def watched_words() -> list[tuple[str, str]]:
    """(word, action) pairs, read once per request."""
    if has_app_context() and "_watched_words" in g:
        return g._watched_words
    pairs = [(w.word, w.action) for w in db.session.scalars(select(WatchedWord).order_by(WatchedWord.word))]
    if has_app_context():
        g._watched_words = pairs
    return pairs


def _settings(place: Place) -> rules.RuleSettings:
    config = current_app.config if has_app_context() else {}
    max_links = place.max_links if place.max_links is None else int(config.get("MAX_LINKS_PER_POST",
                                                                             place.max_links))
    return rules.RuleSettings(max_links=max_links, new_member_posts=int(config.get("NEW_MEMBER_POSTS", 3)),
                              hold_new_member_links=place.hold_new_member_links)


def _safety_step(fields: dict[str, str], choice: str) -> SafetyCheck:
    """The one safety check of this submit; raises NeedsConfirmation unless the author chose to publish."""
    checks = {name: check(text) for name, text in fields.items()}
    result = SafetyCheck(crisis=[c for r in checks.values() for c in r.crisis],
                         personal=[f for r in checks.values() for f in r.personal])
    if choice == PUBLISH or not result.needs_attention:
        return result
    if choice == REDACT and result.personal:
        redacted = {name: redact_text(text, checks[name].personal) for name, text in fields.items()}
        raise NeedsConfirmation(SafetyCheck(crisis=result.crisis, personal=[], redacted=True), redacted)
    raise NeedsConfirmation(result, fields)


def prepare(author, place: Place, body: str, *, title: str | None = None, also: dict[str, str] | None = None,
            choice: str = "", screen: bool = True, body_name: str = "body") -> Prepared:
    """Check and render one piece of text ``author`` wants to publish at ``place``.

    ``title`` (when the place has one) is checked and scanned with the body;
    ``also`` are further named fields scanned but rendered by the caller (an
    article's ``summary`` and ``sources``); the names are those of the form's
    fields, so a ``NeedsConfirmation`` can put redacted text back into them. ``choice`` is the author's answer on the
    safety panel ("publish", "redact" or ""). ``body_name`` is the body's form field name
    (``bio`` on the profile form). ``screen=False`` skips the safety
    step, the rules and the rate limit: for the demo seeder and importers, and
    for a moderator editing someone else's post.

    Raises ``ActionError`` (a message for the author) or ``NeedsConfirmation``.
    """
    may_publish(author)
    title = check_title(title) if title is not None else None
    body = check_body(body, place)
    prepared = Prepared(body=body, html="", title=title)
    if screen:
        fields = {"title": title, body_name: body} if title is not None else {body_name: body}
        fields.update(also or {})
        # Read what the checks need, then run them without SQLite's write lock (forum.database).
        watched, author_posts, trusted = watched_words(), author.post_count or 0, author.is_site_moderator
        release_write_lock()
        safety = _safety_step({k: v for k, v in fields.items() if v}, choice)
        prepared.crisis, prepared.outcome = safety.crisis_phrases, safety.outcome
        text = "\n\n".join(v for v in fields.values() if v)
        prepared.screening = rules.screen(
            text, watched=watched, author_posts=author_posts, trusted=trusted, settings=_settings(place))
        if prepared.screening.block:
            raise ActionError(prepared.screening.block)
        if place.rate_limited and (too_fast := place.rate_error(author)):
            raise too_fast
    prepared.html = render_markdown(body) if place.markdown else ""
    return prepared
