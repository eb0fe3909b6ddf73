"""Shared by the route walkers: a fixture community with a private-group canary,
and URLs for every rule in ``app.url_map`` filled from it.

The walkers are generic: a route added later is walked automatically. Its URL
parameters are filled by name from ``params``; a parameter the table does not
know fails the walk with a message saying where to add it, so no new route can
silently escape the CSRF and access-control checks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlalchemy import select
from werkzeug.routing import AnyConverter, Rule

from forum.extensions import db
from forum.models import Group, Role, Thread, User, utcnow

# Unusual words, impossible to appear by chance. Walkers search for CANARY, so a
# page may echo it back; a leak is detected by MARKER, which no request contains.
CANARY = "quokkacanary"
MARKER = "numbatsecret"
# One word for each kind of private text; no request ever contains one (near-spellings
# differ in their last letter), so any of them in a response to an outsider is a leak.
PRIVATE_WORDS = {
    "title": "quollvane",        # the private thread's title
    "body": "dugongreef",        # its opening post
    "reply": "bilbyburrow",      # a reply
    "revision": "potoroodash",   # a reply's words before its edit (its revision history)
    "edit": "cassowarik",        # the same reply's words after the edit
    "comment": "echidnaquill",   # an article comment a moderator hid (author and site moderators only)
    "reason": "kowaribend",      # why a private post was hidden, and a warning given in the group
}
SHARED_WORD = "pressure"  # in public and private text: counts must differ by viewer
SKIP_ENDPOINTS = {"static"}
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class WalkCommunity:
    """Ids and names to fill URL parameters, for the private group and a public one."""

    private: dict = field(default_factory=dict)
    public: dict = field(default_factory=dict)
    viewers: dict = field(default_factory=dict)


def _user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def build_walk_community(app, make_user, make_group, add_member, make_thread) -> WalkCommunity:
    """root (admin), carol (writes the canary in a private group), ann (public posts),
    nina (no membership), pete (pending request), rita (a member who was removed),
    bart (a private-group member who is then banned), eve (a verified expert in the
    specialty of the private group, whose thread asks an expert), otto (moderator of
    the public group only)."""
    from forum.actions.groups import leave_group, request_to_join
    from forum.actions.posts import edit_post, post_reply

    make_user("root", role=Role.ADMIN)
    for name in ("carol", "ann", "nina", "pete", "rita", "bart", "otto"):
        make_user(name)
    private = make_group("Canary Circle", private=True, description="A private support group.")
    public = make_group("Open Hearts")
    for name in ("carol", "rita", "bart"):
        add_member(name, private)
    add_member("ann", public)
    add_member("otto", public, moderator=True)
    words = PRIVATE_WORDS
    private_thread = make_thread("carol", private, title=f"{MARKER} {CANARY} {MARKER} title {words['title']}",
                                 body=f"{MARKER} {CANARY} {MARKER} opening words {words['body']} {SHARED_WORD}")
    public_thread = make_thread("ann", public, title="An open question about blood pressure",
                                body="Public words")
    with app.app_context():
        thread = db.session.get(Thread, private_thread)
        canary_reply = post_reply(_user("carol"), thread, f"{MARKER} {CANARY} {MARKER} reply {words['revision']}")
        edit_post(_user("carol"), canary_reply, f"{MARKER} {CANARY} {MARKER} reply, edited {words['edit']}")
        post_reply(_user("carol"), thread, f"A {SHARED_WORD} reply: {words['reply']}")
        post_reply(_user("rita"), thread, "Rita's own words, before she left")
        leave_group(_user("rita"), db.session.get(Group, thread.group_id))
        request_to_join(_user("pete"), db.session.get(Group, thread.group_id), "Please let me in")
        public_post = post_reply(_user("ann"), db.session.get(Thread, public_thread), "A public reply")
        expert_ids = _expert_content(app)
        expert_ids.update(_moderation_content(canary_reply))
        _private_moderation(thread, expert_ids["article_id"])
        expert_ids.update(_drug_content(private, public))
        expert_ids.update(_message_content())
        expert_ids.update(_contact_content())
        ids = {name: _user(name).id for name in ("root", "carol", "ann", "pete", "eve", "otto")}
        private_group_id = thread.group_id
        public_group_id = db.session.get(Thread, public_thread).group_id
        community = WalkCommunity(
            private=_params(private, private_group_id, private_thread, canary_reply.id, "carol", ids["carol"]),
            public=_params(public, public_group_id, public_thread, public_post.id, "ann", ids["ann"]),
        )
        community.private["pending_user_id"] = ids["pete"]
        for values in (community.private, community.public):
            values.update(expert_ids)
        community.viewers = ids
    return community


def _contact_content() -> dict:
    """A contact-form message with the canary: only site moderators may ever read it."""
    from forum.actions.pages import send_contact_message

    message = send_contact_message(None, "report", f"{MARKER} {CANARY} {MARKER} contact message")
    return {"message_id": message.id}


def _expert_content(app) -> dict:
    """A verified expert (eve) with a Second Opinion article, and ann's pending application."""
    from datetime import date

    from forum.actions.accounts import register_user
    from forum.actions.articles import comment_on_article, write_article
    from forum.actions.experts import apply_as_expert, approve_application

    def apply(user):
        return apply_as_expert(user, profession="Nurse specialist", specialty="haematology",
                               licence_number="NMC 12A3456B", issuing_body="Nursing and Midwifery Council",
                               country="United Kingdom", evidence="https://www.nmc.org.uk/registration/")

    eve = register_user("eve", "eve@example.com", "a-long-test-password")
    approve_application(_user("root"), apply(eve))
    article = write_article(eve, title="Living well on watch and wait", summary="What helps between visits.",
                            body="Keep a symptom diary and bring it to each appointment. " * 6, sources="https://www.nhs.uk/", tags="cll",
                            reviewed_on=date(2026, 11, 1))
    application = apply(_user("ann"))
    comment = comment_on_article(_user("ann"), article, "Thank you, the diary idea helps.")
    return {"article_id": article.id, "application_id": application.id, "comment_id": comment.id}


def _moderation_content(canary_reply) -> dict:
    """bart flags the canary reply (a review item) and root adds a watched word."""
    from forum.actions.moderation import add_watched_word, flag_post
    from forum.models.moderation import ReviewItem

    flag_post(_user("bart"), canary_reply, "misinformation")
    word = add_watched_word(_user("root"), "miraclecure", "hold")
    item_id = db.session.scalar(select(ReviewItem.id).where(ReviewItem.post_id == canary_reply.id))
    return {"item_id": item_id, "word_id": word.id}


def _message_content() -> dict:
    """carol writes the canary to ann in a private conversation, which ann reports (so moderators
    could open it, but nobody walking has)."""
    from forum.actions.blocks import report_message
    from forum.actions.messages import start_conversation
    from forum.models import Message

    conversation = start_conversation(_user("carol"), _user("ann"), f"{MARKER} {CANARY} {MARKER} private message")
    message = db.session.scalar(select(Message).where(Message.conversation_id == conversation.id))
    report_message(_user("ann"), message, "other", f"{CANARY} details")
    return {"conversation_id": conversation.id, "message_id": message.id}


def _private_moderation(thread, article_id: int) -> None:
    """The private group asks eve's specialty; root hides a private reply and a comment of carol's
    and warns carol in the private group, each with a reason only moderators of it may read."""
    from forum.actions.articles import comment_on_article
    from forum.actions.experts import set_group_specialties
    from forum.actions.moderation import hide, sanction_user
    from forum.actions.posts import post_reply
    from forum.models import Article

    set_group_specialties(thread.group, ["haematology"])
    thread.asks_expert = True
    db.session.commit()
    root, carol, reason = _user("root"), _user("carol"), PRIVATE_WORDS["reason"]
    hide(root, post_reply(carol, thread, "A reply a moderator hides"), f"Off topic ({reason})")
    comment = comment_on_article(carol, db.session.get(Article, article_id),
                                 f"A comment to hide: {PRIVATE_WORDS['comment']}")
    hide(root, comment, "Not about the article")
    sanction_user(root, carol, "warn", f"Please stay kind ({reason})", group_id=thread.group_id)


def _drug_content(private_slug: str, public_slug: str) -> dict:
    """A drug named like the canary (so its page searches for the private thread) for a condition
    whose groups start with the private one: its page must show neither to outsiders."""
    from forum.models import Condition, Drug, DrugCondition, DrugKind, DrugName, DrugSection, NameKind

    condition = Condition(slug="walk-aches", name="Walk aches", keys=["walk aches"],
                          group_slugs=[private_slug, public_slug])
    drug = Drug(slug=CANARY, name=CANARY.capitalize(), sort_key=CANARY, kind=DrugKind.PRESCRIPTION.value,
                drug_class="Walk class", brand_names=["Walkabrand"], ingredients=[], rxcuis=[])
    db.session.add_all([condition, drug])
    db.session.flush()
    db.session.add_all([DrugCondition(drug_id=drug.id, condition_id=condition.id),
                        DrugName(drug_id=drug.id, name=drug.name, key=CANARY, kind=NameKind.GENERIC.value),
                        DrugSection(drug_id=drug.id, kind="uses", origin="catalogue", body="Walk uses.",
                                    source_name="A walk source")])
    db.session.commit()
    review_id = _held_review(drug)
    return {"drug_slug": drug.slug, "condition_slug": condition.slug, "letter": CANARY[0],
            "kind_slug": DrugKind.PRESCRIPTION.slug, "review_id": review_id}


def _held_review(drug) -> int:
    """carol's review of the walk drug, held for approval: only she and the moderators may see it."""
    from forum.actions.audit import open_review, set_hidden
    from forum.models.reviews import DrugReview

    review = DrugReview(drug_id=drug.id, author_id=_user("carol").id, condition="Walk aches",
                        condition_key="walk aches", effectiveness=3, ease_of_use=3, satisfaction=3,
                        duration="1_6m", side_effects=[], body_source=f"{MARKER} {CANARY} {MARKER} review",
                        body_html=f"<p>{MARKER} {CANARY} {MARKER} review</p>")
    db.session.add(review)
    db.session.flush()
    set_hidden(review, None, "Held for approval")
    open_review(review, "held")
    db.session.commit()
    return review.id


def _params(slug, group_id, thread_id, post_id, username, user_id) -> dict:
    """Values by URL parameter name. Add new parameter names here (and in the
    fixture above, if they need a new kind of row)."""
    return {
        "slug": slug, "group_slug": slug, "group_id": group_id,
        "thread_id": thread_id, "post_id": post_id, "reply_id": post_id, "answer_id": post_id,
        "question_id": thread_id,
        "username": username, "user_id": user_id, "member_id": user_id,
        "token": "not-a-real-token", "handle": "0123456789abcdef", "token_id": 1,
        # My Medicine: ids that are nobody's here (every other account's answer 404, see tests/forum/medicine).
        "profile_id": 1, "medicine_id": 1, "alert_id": 1, "recall_number": "D-0001-2026",
        "digest": "0" * 64,
        "issue_id": 1,  # a newsletter issue (admin pages)
    }


def ban(app, username: str) -> None:
    with app.app_context():
        _user(username).banned_at = utcnow()
        db.session.commit()


def walkable_rules(app, methods: set[str]) -> list[Rule]:
    rules = [r for r in app.url_map.iter_rules()
             if r.endpoint not in SKIP_ENDPOINTS and (r.methods or set()) & methods]
    return sorted(rules, key=lambda r: r.rule)


def urls_for(rule: Rule, values: dict) -> list[str]:
    """Every URL for ``rule`` with its parameters taken from ``values``."""
    variants = [{}]
    for name in sorted(rule.arguments):
        converter = rule._converters.get(name)
        if isinstance(converter, AnyConverter):
            options = sorted(converter.items)
        elif name in values:
            options = [values[name]]
        else:
            pytest.fail(
                f"The route {rule.rule!r} (endpoint {rule.endpoint!r}) has a URL parameter {name!r} "
                "that the route walkers do not know. Add a value for it to _params() in "
                "tests/forum/routes/route_walk.py, from a row of the walk community, so the CSRF and "
                "access-control walks cover this route."
            )
        variants = [{**v, name: option} for v in variants for option in options]
    urls = []
    for variant in variants:
        built = rule.build({**rule.defaults, **variant} if rule.defaults else variant, append_unknown=False)
        assert built is not None, f"could not build {rule.rule} from {variant}"
        urls.append(built[1])
    return urls

