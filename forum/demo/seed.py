"""Build the demo community from ``forum.demo.content`` through the ordinary actions.

Everything is written the way a person would write it (``register_user``,
``join_group``, ``start_thread``, ``post_reply``, ``edit_post`` ...), so counters,
rendering and any hooks behave exactly as on the live site. Afterwards one
transaction moves the timestamps back over the last ~60 days, deterministically
relative to now, and recomputes the counters from the rows.

The demo admin account is created last: once it exists the demo is complete,
and running the seeder again only reports the logins.
"""
from __future__ import annotations

import inspect
import re
from contextlib import nullcontext
from datetime import datetime, timedelta

from sqlalchemy import func, select

from forum.actions import ActionError
from forum.actions.accounts import register_user, update_profile
from forum.actions.groups import add_member, approve_request, create_group, join_group, request_to_join
from forum.actions.posts import delete_post, edit_post, post_reply, start_thread
from forum.demo import content, qa_content
from forum.demo.medicine import seed_medicine
from forum.demo.messages import seed_messages
from forum.demo.moderation import seed_moderation, seed_watched_words
from forum.demo.qa_seed import seed_qa
from forum.demo.reviews import seed_reviews
from forum.drugs.catalogue import load_catalogue
from forum.extensions import db
from forum.models import Group, GroupRole, Membership, MembershipStatus, Post, PostRevision, Role, Thread, User, utcnow
from forum.searching.outbox import queue_rebuild

MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
SPAN_DAYS = 60
_NEW_BLOCK = re.compile(r"^\s*([-*+]|\d+\.)\s")


def _text(markdown: str) -> str:
    """Dedent a body and unwrap its hard-wrapped lines, as people type paragraphs."""
    lines: list[str] = []
    for line in inspect.cleandoc(markdown).split("\n"):
        quote = line.startswith(">")
        if lines and lines[-1].strip() and line.strip() and not _NEW_BLOCK.match(line) \
                and quote == lines[-1].startswith(">"):
            lines[-1] += " " + (line[1:] if quote else line).strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def _email(username: str) -> str:
    return f"{username}@{content.DEMO_EMAIL_DOMAIN}"


def _reply(spec) -> dict:
    return spec if isinstance(spec, dict) else {"author": spec[0], "body": spec[1]}


def _no_progress(items, label):
    return nullcontext(items)


def seed_demo(echo=print, progress=_no_progress) -> dict:
    """Create the demo community unless it exists (its history emails nobody, and is indexed
    by the full rebuild it queues, at the next ``search sync``); see ``_seed``."""
    from forum import jobs
    from forum.searching import outbox

    with jobs.paused(), outbox.deferred():
        return _seed(echo, progress)


def _seed(echo=print, progress=_no_progress) -> dict:
    """Create the demo community unless it exists; return a summary either way.

    ``progress(items, label)`` wraps the thread loop (``click.progressbar`` fits).
    Raises ``ActionError`` if a demo username, email or group slug is taken by
    something that is not a finished demo.
    """
    _load_drug_catalogue(echo)
    admin = db.session.scalar(select(User).where(User.username_key == content.ADMIN_USERNAME.lower()))
    if admin is not None and admin.email == _email(content.ADMIN_USERNAME):
        echo("The demo community is already there; nothing to do.")
        return _summary(created=False)
    _check_free()
    now = utcnow()
    base = now.replace(minute=0, second=0, microsecond=0) - SPAN_DAYS * DAY

    people = [spec for spec in content.USERS if spec["username"] != content.ADMIN_USERNAME]
    echo(f"Creating {len(people) + 1} accounts (password hashing takes a few seconds)...")
    users = {spec["username"]: _make_user(spec) for spec in people}
    echo(f"Creating {len(content.GROUPS)} groups and their memberships...")
    groups = {spec["slug"]: create_group(spec["name"], _text(spec["description"]), category=spec["category"],
                                         is_private=spec.get("is_private", False), slug=spec["slug"],
                                         allows_anonymous=spec.get("allows_anonymous", False))
              for spec in content.GROUPS}
    _join_groups(users, groups)
    plan = _schedule(base)
    echo(f"Writing {len(plan)} conversations...")
    with progress(plan, "Conversations") as items:
        written = [_write_thread(users, groups, spec, start) for spec, start in items]
    echo(f"Spreading the activity over the last {SPAN_DAYS} days...")
    _backdate(written, users, groups, base, now)
    echo("Adding flags, a review queue and moderation history...")
    seed_moderation(users, users[content.MODERATOR_USERNAME])
    echo("Writing a few private conversations...")
    seed_messages(users)
    # The admin verifies the experts, so it exists before the Q&A layer; it gets
    # its real email (which marks the demo complete) only once everything is in.
    admin = _make_user(next(s for s in content.USERS if s["username"] == content.ADMIN_USERNAME),
                       email=_email("admin-setup"))
    admin.created_at = base - 31 * DAY
    db.session.commit()
    seed_watched_words(admin)
    echo("Verifying the experts, voting, and writing Second Opinion articles...")
    seed_qa(users, groups, written, admin, now, _text)
    echo("Keeping the demo member's medicine list, with a family profile and a recall alert...")
    seed_medicine(users[content.MEMBER_USERNAME])
    echo(f"Drug reviews: {seed_reviews(users, now, _text)} community reviews.")
    from forum.demo.notify_seed import seed_notifications

    echo("Giving the demo member unread notifications and followed threads...")
    seed_notifications(users[content.MEMBER_USERNAME])
    admin.email = _email(content.ADMIN_USERNAME)
    # Timestamps were moved back after the posts were indexed: index them again.
    queue_rebuild(db.session)
    db.session.commit()
    return _summary(created=True)


def _load_drug_catalogue(echo) -> None:
    """The shipped Drugs & Supplements catalogue, on every run (only changed rows are written)."""
    counts = load_catalogue()
    echo(f"Drugs & Supplements: {counts['entries']} catalogue entries, {counts['changed']} added or updated.")


def _check_free() -> None:
    names = [spec["username"].lower() for spec in content.USERS]
    taken = list(db.session.scalars(select(User.username).where(
        (User.username_key.in_(names)) | (User.email.in_([_email(n) for n in names])))))
    taken += db.session.scalars(select(Group.slug).where(Group.slug.in_([g["slug"] for g in content.GROUPS])))
    if taken:
        raise ActionError(
            f"Can't add the demo: {', '.join(sorted(taken)[:6])} already exist(s). The demo needs a fresh "
            "database (if an earlier run was interrupted, recreate the database and run it again).")


def _make_user(spec: dict, email: str | None = None) -> User:
    role = Role(spec.get("role", Role.MEMBER.value))
    user = register_user(spec["username"], email or _email(spec["username"]), content.DEMO_PASSWORD,
                         role=role)
    if spec.get("display_name") or spec.get("bio"):
        update_profile(user, spec.get("display_name", ""), spec.get("bio", ""))
    return user


def _join_groups(users: dict, groups: dict) -> None:
    posters: dict[str, list[str]] = {slug: [] for slug in groups}
    for spec in content.THREADS:
        posters[spec["group"]] += [spec["author"]] + [_reply(r)["author"] for r in spec["replies"]]
    for spec in content.GROUPS:
        group = groups[spec["slug"]]
        for name in spec["moderators"]:
            add_member(users[name], group, role=GroupRole.MODERATOR)
        if spec["slug"] == content.PRIVATE_GROUP_SLUG:
            for name, note in content.APPROVED_REQUESTS:
                request_to_join(users[name], group, note)
                approve_request(users[spec["moderators"][0]], group, users[name])
        for name in dict.fromkeys(spec["members"] + posters[spec["slug"]]):
            if db.session.get(Membership, (group.id, users[name].id)) is None:
                (add_member if group.is_private else join_group)(users[name], group)
    for name, note in content.PENDING_REQUESTS:
        request_to_join(users[name], groups[content.PRIVATE_GROUP_SLUG], note)


def _schedule(base: datetime) -> list[tuple[dict, datetime]]:
    """Each group's threads, in content order, spread evenly over ~57 days and interleaved."""
    slugs = [g["slug"] for g in content.GROUPS]
    plan = []
    for gi, slug in enumerate(slugs):
        specs = [t for t in content.THREADS if t["group"] == slug]
        phase = 0.0 if specs and specs[0].get("pinned") else (gi * 0.37) % 1  # a welcome post opens its group
        for j, spec in enumerate(specs):
            start = base + 12 * HOUR + (j + phase) / len(specs) * 57 * DAY
            start += 37 * ((gi * 5 + j * 7) % 13) * MINUTE
            plan.append((spec, start.replace(microsecond=0)))
    return sorted(plan, key=lambda item: item[1])


def _write_thread(users: dict, groups: dict, spec: dict, start: datetime) -> dict:
    author = users[spec["author"]]
    ask_expert = spec.get("ask_expert", False) or spec["title"] in qa_content.ASK_AN_EXPERT
    thread = start_thread(author, groups[spec["group"]], spec["kind"], spec["title"], _text(spec["body"]),
                          ask_expert=ask_expert, screen=False)
    opening = db.session.scalar(select(Post).where(Post.thread_id == thread.id, Post.number == 1))
    posts, marks = [opening.id], [None]
    for reply in map(_reply, spec["replies"]):
        writer = users[reply["author"]]
        post = post_reply(writer, thread, _text(reply["body"]), screen=False)
        posts.append(post.id)
        marks.append("deleted" if reply.get("deleted") else "edited" if reply.get("edit") else None)
        if reply.get("edit"):
            edit_post(writer, post, _text(reply["edit"]), screen=False)
        if reply.get("deleted"):
            delete_post(writer, post)
    if spec.get("edit"):
        marks[0] = "edited"
        new_body = _text(spec["edit"]["body"]) if "body" in spec["edit"] else opening.body_source
        edit_post(author, opening, new_body, title=spec["edit"].get("title"), screen=False)
    return {"spec": spec, "start": start, "thread_id": thread.id, "posts": posts, "marks": marks}


def _post_times(index: int, record: dict, now: datetime) -> list[datetime]:
    """The opening time, then each reply a little later; an author's closing follow-up comes days later."""
    spec, gaps = record["spec"], []
    for r, reply in enumerate(map(_reply, spec["replies"]), start=1):
        gap = (20 + ((index * 31 + r * 17) % 23) * 19) * MINUTE
        if r > 1 and r == len(spec["replies"]) and reply["author"] == spec["author"]:
            gap += (1 + (index + r) % 3) * DAY
        gaps.append(gap)
    scale = min(1.0, (now - 15 * MINUTE - record["start"]) / sum(gaps, timedelta()))
    times = [record["start"]]
    for gap in gaps:
        times.append((times[-1] + gap * scale).replace(microsecond=0))
    return times


def _backdate(written: list[dict], users: dict, groups: dict, base: datetime, now: datetime) -> None:
    """One transaction: timestamps, counters and activity times for everything the demo wrote."""
    first_post: dict[int, datetime] = {}
    for index, record in enumerate(written):
        times = _post_times(index, record, now)
        thread = db.session.get(Thread, record["thread_id"])
        thread.created_at, thread.last_activity_at = times[0], times[-1]
        thread.post_count = len(times)
        thread.reply_count = len([mark for mark in record["marks"][1:] if mark != "deleted"])
        thread.is_pinned = bool(record["spec"].get("pinned"))
        for post_id, when, mark in zip(record["posts"], times, record["marks"], strict=True):
            post = db.session.get(Post, post_id)
            post.created_at = when
            first_post[post.author_id] = min(when, first_post.get(post.author_id, when))
            if mark == "deleted":
                post.deleted_at = when + 8 * MINUTE
            elif mark == "edited":
                post.edited_at = min(times[-1] + 3 * HOUR if post.number == 1 else when + 45 * MINUTE,
                                     now - 5 * MINUTE)
                for revision in db.session.scalars(select(PostRevision).filter_by(post_id=post.id)):
                    revision.written_at, revision.replaced_at = when, post.edited_at

    for gi, group in enumerate(groups.values()):
        group.created_at = base - 30 * DAY + gi * 3 * HOUR
    order = {spec["username"]: k for k, spec in enumerate(content.USERS)}
    for name, user in users.items():
        k = order[name]
        user.created_at = (base - 28 * DAY + k * 84 * DAY / len(content.USERS)).replace(microsecond=0)
        if user.id in first_post:  # nobody posts before signing up
            user.created_at = min(user.created_at, first_post[user.id] - (2 + k % 5) * HOUR)
        user.post_count = db.session.scalar(select(func.count()).where(Post.author_id == user.id))
    by_id = {user.id: user for user in users.values()}
    pending = [name for name, _ in content.PENDING_REQUESTS]
    group_ids = [group.id for group in groups.values()]
    for m in db.session.scalars(select(Membership).where(Membership.group_id.in_(group_ids))):
        user, k = by_id[m.user_id], order[by_id[m.user_id].username]
        if m.status == MembershipStatus.PENDING:
            waited = (6 + 13 * pending.index(user.username)) * HOUR
            m.created_at = min(user.created_at + waited, now - HOUR).replace(microsecond=0)
        else:
            m.created_at = max(user.created_at, m.group.created_at) + (30 + (k % 6) * 10) * MINUTE

    for group in groups.values():
        threads = select(Thread.id).where(Thread.group_id == group.id)
        group.thread_count = db.session.scalar(select(func.count()).select_from(threads.subquery()))
        group.post_count = db.session.scalar(select(func.count()).where(Post.thread_id.in_(threads)))
        group.member_count = db.session.scalar(select(func.count()).where(
            Membership.group_id == group.id, Membership.status == MembershipStatus.ACTIVE))
        group.last_activity_at = db.session.scalar(
            select(func.max(Thread.last_activity_at)).where(Thread.group_id == group.id))
    db.session.commit()


def _summary(*, created: bool) -> dict:
    slugs = [g["slug"] for g in content.GROUPS]
    names = [u["username"].lower() for u in content.USERS]
    threads = select(Thread.id).join(Group).where(Group.slug.in_(slugs))

    def count(stmt) -> int:
        return db.session.scalar(select(func.count()).select_from(stmt.subquery()))

    return {
        "created": created,
        "users": count(select(User.id).where(User.username_key.in_(names))),
        "groups": count(select(Group.id).where(Group.slug.in_(slugs))),
        "threads": count(threads),
        "posts": count(select(Post.id).where(Post.thread_id.in_(threads))),
        "pending_requests": count(select(Membership.user_id).join(Group).where(
            Group.slug.in_(slugs), Membership.status == MembershipStatus.PENDING)),
        "logins": list(content.DEMO_LOGINS),
        "password": content.DEMO_PASSWORD,
    }
