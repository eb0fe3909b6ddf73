"""Searchable documents, read from the database.

Five kinds of document, keyed ``t:<thread id>`` (title and opening post),
``p:<post id>`` (a reply), ``g:<group id>`` (name and description),
``a:<article id>`` (Second Opinion articles) and ``d:<drug id>`` (a drug's
names, class, conditions and uses, so a drug an importer adds is found). A post is an expert's when its
author holds a current (unrevoked) verification, whatever their site role.
A document is public only if its post is neither deleted nor hidden by
moderation, and a reply only while its thread is not hidden (an opening post
hidden or held, a thread merged away): search counts and lists only what
readers of the thread page see; private content is public too as far as the index goes: who may
see a group is decided at query time from its group id, so joining or leaving
a group takes effect at once.

``resolve`` turns outbox rows into documents to write and keys to remove;
``iter_all`` streams everything for a rebuild. Both read with Core queries in
batches, so a rebuild of 40,000 posts reads the database in a second or two.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import selectinload

from forum.models import Article, Drug, DrugName, ExpertVerification, Group, Post, SectionKind, Thread
from search.interface import Changes, Document
from search.text import html_to_text

BATCH = 2000


def _by_verified_expert():
    """True for a post, not posted anonymously, whose author holds a current verification."""
    return and_(Post.is_anonymous.is_(False), exists().where(ExpertVerification.user_id == Post.author_id,
                                                              ExpertVerification.revoked_at.is_(None)))


def _public_post(deleted_at, hidden_at) -> bool:
    return deleted_at is None and hidden_at is None


def _threads(session, where) -> list:
    opening = and_(Post.thread_id == Thread.id, Post.number == 1)
    return session.execute(
        select(Thread.id, Thread.title, Thread.kind, Thread.group_id, Thread.created_at,
               Post.body_html, Post.deleted_at, Post.hidden_at)
        .outerjoin(Post, opening).where(where).order_by(Thread.id)
    ).all()


def expert_thread_ids(session, thread_ids: Iterable[int] | None = None) -> set[int]:
    """Threads with a visible reply by a verified expert."""
    stmt = (select(Post.thread_id)
            .where(_by_verified_expert(), Post.number > 1, Post.deleted_at.is_(None),
                   Post.hidden_at.is_(None)).distinct())
    if thread_ids is not None:
        stmt = stmt.where(Post.thread_id.in_(list(thread_ids)))
    return set(session.scalars(stmt))


def _thread_doc(row, experts: set[int]) -> Document:
    return Document(f"t:{row.id}", "thread", row.id, row.group_id, row.kind, row.id in experts,
                    row.body_html is not None and _public_post(row.deleted_at, row.hidden_at),
                    row.created_at, row.title, html_to_text(row.body_html or ""), thread_id=row.id)


def _replies(session, where) -> list:
    return session.execute(
        select(Post.id, Post.thread_id, Post.body_html, Post.created_at, Post.deleted_at, Post.hidden_at,
               Thread.group_id, Thread.kind, Thread.hidden_at.label("thread_hidden_at"),
               _by_verified_expert().label("by_expert"))
        .join(Thread, Thread.id == Post.thread_id)
        .where(Post.number > 1, where).order_by(Post.id)
    ).all()


def _reply_doc(row) -> Document:
    return Document(f"p:{row.id}", "post", row.id, row.group_id, row.kind, bool(row.by_expert),
                    _public_post(row.deleted_at, row.hidden_at) and row.thread_hidden_at is None, row.created_at, "",
                    html_to_text(row.body_html), thread_id=row.thread_id)


def _groups(session, where) -> list[Document]:
    rows = session.execute(select(Group.id, Group.name, Group.description, Group.created_at)
                           .where(where).order_by(Group.id)).all()
    return [Document(f"g:{r.id}", "group", r.id, None, "", False, True, r.created_at, r.name,
                     r.description or "") for r in rows]


def _article_doc(article: Article) -> Document:
    body = " ".join(filter(None, (article.summary, html_to_text(article.body_html))))
    return Document(f"a:{article.id}", "article", article.id, None, "", True, True, article.created_at,
                    article.title, body)


def _articles(session, ids: list[int] | None) -> list[Document]:
    stmt = select(Article).order_by(Article.id)
    if ids is not None:
        stmt = stmt.where(Article.id.in_(ids))
    return [_article_doc(a) for a in session.scalars(stmt)]


def _drug_docs(session, where) -> list[Document]:
    drugs = list(session.scalars(select(Drug).options(selectinload(Drug.sections), selectinload(Drug.conditions))
                                 .where(where).order_by(Drug.id)))
    names: dict[int, list[str]] = {}
    if drugs:
        for drug_id, name in session.execute(select(DrugName.drug_id, DrugName.name).where(
                DrugName.drug_id.in_([d.id for d in drugs])).order_by(DrugName.id)):
            names.setdefault(drug_id, []).append(name)
    docs = []
    for drug in drugs:
        uses = [s.body for s in drug.sections if s.kind == SectionKind.USES.value][:2]
        body = " ".join([*dict.fromkeys(names.get(drug.id, [])), *drug.brand_names, drug.drug_class,
                         *(c.name for c in drug.conditions), *(u[:2000] for u in uses)])
        docs.append(Document(f"d:{drug.id}", "drug", drug.id, None, "", False, True, drug.created_at,
                             drug.name, body))
    return docs


def _iter_drugs(session) -> Iterator[Document]:
    last = 0
    while True:
        ids = list(session.scalars(select(Drug.id).where(Drug.id > last).order_by(Drug.id).limit(BATCH // 4)))
        if not ids:
            return
        yield from _drug_docs(session, Drug.id.in_(ids))
        last = ids[-1]


def resolve(session, rows: Iterable[tuple[str, int | None]]) -> Changes:
    """Read the current state of everything the outbox rows name."""
    wanted: dict[str, set[int]] = {}
    for kind, object_id in rows:
        if object_id is not None:
            wanted.setdefault(kind, set()).add(object_id)
    changes = Changes()
    post_ids = set(wanted.get("post", ()))
    if wanted.get("user"):
        post_ids |= set(session.scalars(select(Post.id).where(Post.author_id.in_(wanted["user"]))))
    thread_ids = set(wanted.get("thread", ())) | set(wanted.get("thread_tree", ()))
    if post_ids:
        found = session.execute(select(Post.id, Post.thread_id).where(Post.id.in_(post_ids))).all()
        thread_ids |= {r.thread_id for r in found}
        for missing in post_ids - {r.id for r in found}:
            changes.removals.add(f"p:{missing}")
    reply_where = Post.id.in_(post_ids)
    if wanted.get("thread_tree"):
        reply_where = reply_where | Post.thread_id.in_(wanted["thread_tree"])
    if post_ids or wanted.get("thread_tree"):
        for row in _replies(session, reply_where):
            changes.put(_reply_doc(row))
    if thread_ids:
        experts = expert_thread_ids(session, thread_ids)
        rows = _threads(session, Thread.id.in_(thread_ids))
        for row in rows:
            changes.put(_thread_doc(row, experts))
        for missing in thread_ids - {r.id for r in rows}:
            changes.removals.add(f"t:{missing}")
    if wanted.get("group"):
        docs = _groups(session, Group.id.in_(wanted["group"]))
        for doc in docs:
            changes.put(doc)
        for missing in wanted["group"] - {d.object_id for d in docs}:
            changes.removals.add(f"g:{missing}")
            changes.purged_groups.add(missing)
    if wanted.get("article"):
        docs = _articles(session, sorted(wanted["article"]))
        for doc in docs:
            changes.put(doc)
        for missing in wanted["article"] - {d.object_id for d in docs}:
            changes.removals.add(f"a:{missing}")
    if wanted.get("drug"):
        docs = _drug_docs(session, Drug.id.in_(sorted(wanted["drug"])))
        for doc in docs:
            changes.put(doc)
        for missing in wanted["drug"] - {d.object_id for d in docs}:
            changes.removals.add(f"d:{missing}")
    return changes


def count_expected(session) -> tuple[int, int]:
    """(public documents, all documents) in the database: a sound index holds at least the first
    (a rebuild writes only those) and at most the second (later changes may add hidden ones)."""
    visible = and_(Post.deleted_at.is_(None), Post.hidden_at.is_(None))
    threads = session.scalar(select(func.count()).select_from(Thread).join(
        Post, and_(Post.thread_id == Thread.id, Post.number == 1)).where(visible, Post.body_html.is_not(None)))
    replies = session.scalar(select(func.count()).select_from(Post).where(Post.number > 1, visible))
    others = sum(session.scalar(select(func.count()).select_from(model)) for model in (Group, Article))
    total = session.scalar(select(func.count()).select_from(Thread)) + session.scalar(
        select(func.count()).select_from(Post).where(Post.number > 1)) + others
    return threads + replies + others, total


def count_all(session) -> int:
    return sum(session.scalar(select(func.count()).select_from(model)) for model in (Post, Group, Article, Drug))


def iter_all(session) -> Iterator[Document]:
    """Every document, public or not (the caller skips the others), in batches."""
    experts = expert_thread_ids(session)
    yield from chain(_iter_threads(session, experts), _iter_replies(session))
    yield from _groups(session, Group.id.is_not(None))
    yield from _articles(session, None)
    yield from _iter_drugs(session)


def _iter_threads(session, experts) -> Iterator[Document]:
    last = 0
    while True:
        ids = list(session.scalars(select(Thread.id).where(Thread.id > last).order_by(Thread.id).limit(BATCH)))
        if not ids:
            return
        for row in _threads(session, Thread.id.between(ids[0], ids[-1])):
            yield _thread_doc(row, experts)
        last = ids[-1]


def _iter_replies(session) -> Iterator[Document]:
    last = 0
    while True:
        ids = list(session.scalars(select(Post.id).where(Post.id > last, Post.number > 1)
                                   .order_by(Post.id).limit(BATCH)))
        if not ids:
            return
        for row in _replies(session, Post.id.between(ids[0], ids[-1])):
            yield _reply_doc(row)
        last = ids[-1]
