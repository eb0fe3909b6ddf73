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
    bart (a private-group member who is then banned)."""
    from forum.actions.groups import leave_group, request_to_join
    from forum.actions.posts import edit_post, post_reply

    make_user("root", role=Role.ADMIN)
    for name in ("carol", "ann", "nina", "pete", "rita", "bart"):
        make_user(name)
    private = make_group("Canary Circle", private=True, description="A private support group.")
    public = make_group("Open Hearts")
    for name in ("carol", "rita", "bart"):
        add_member(name, private)
    add_member("ann", public)
    private_thread = make_thread("carol", private, title=f"{MARKER} {CANARY} {MARKER} title",
                                 body=f"{MARKER} {CANARY} {MARKER} opening words")
    public_thread = make_thread("ann", public, title="An open question about blood pressure",
                                body="Public words")
    with app.app_context():
        thread = db.session.get(Thread, private_thread)
        canary_reply = post_reply(_user("carol"), thread, f"{MARKER} {CANARY} {MARKER} reply")
        edit_post(_user("carol"), canary_reply, f"{MARKER} {CANARY} {MARKER} reply, edited")
        post_reply(_user("rita"), thread, "Rita's own words, before she left")
        leave_group(_user("rita"), db.session.get(Group, thread.group_id))
        request_to_join(_user("pete"), db.session.get(Group, thread.group_id), "Please let me in")
        public_post = post_reply(_user("ann"), db.session.get(Thread, public_thread), "A public reply")
        expert_ids = _expert_content(app)
        expert_ids.update(_moderation_content(canary_reply))
        ids = {name: _user(name).id for name in ("root", "carol", "ann", "pete")}
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
    from moderation.actions import add_watched_word, flag_post
    from moderation.models import ReviewItem

    flag_post(_user("bart"), canary_reply, "misinformation")
    word = add_watched_word(_user("root"), "miraclecure", "hold")
    item_id = db.session.scalar(select(ReviewItem.id).where(ReviewItem.post_id == canary_reply.id))
    return {"item_id": item_id, "word_id": word.id}


def _params(slug, group_id, thread_id, post_id, username, user_id) -> dict:
    """Values by URL parameter name. Add new parameter names here (and in the
    fixture above, if they need a new kind of row)."""
    return {
        "slug": slug, "group_slug": slug, "group_id": group_id,
        "thread_id": thread_id, "post_id": post_id, "reply_id": post_id, "answer_id": post_id,
        "question_id": thread_id,
        "username": username, "user_id": user_id, "member_id": user_id,
        "token": "not-a-real-token",
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
                "tests/forum/route_walk.py, from a row of the walk community, so the CSRF and "
                "access-control walks cover this route."
            )
        variants = [{**v, name: option} for v in variants for option in options]
    urls = []
    for variant in variants:
        built = rule.build({**rule.defaults, **variant} if rule.defaults else variant, append_unknown=False)
        assert built is not None, f"could not build {rule.rule} from {variant}"
        urls.append(built[1])
    return urls

