"""Erased text leaves search at once, whichever way it was written off.

Account deletion with "remove my text" once used a bulk UPDATE that the search
outbox never saw: the words stayed in the index and /search said "1 result"
with an empty list. Every bulk write on a searchable table now reaches the
outbox (``forum.searching.outbox``), in the same transaction.
"""
import re

from sqlalchemy import update

from forum.actions.data_rights import delete_account
from forum.actions.posts import post_reply
from forum.extensions import db
from forum.models import Post, SearchOutbox
from tests.conftest import PASSWORD

WORD = "zebrafinchmigraine"


def _result_count(client, q: str) -> int | None:
    page = client.get("/search", query_string={"q": q}).get_data(as_text=True)
    match = re.search(r'id="results-heading">([\d,]+) result', page)
    return int(match.group(1)) if match else 0


def _community(ctx, make_user, make_group, make_thread):
    make_user("ann")
    make_user("bob")
    thread_id = make_thread("bob", make_group("Migraine Support"), title="What helps your migraines?",
                            body="Mine come every week.")
    post_reply(ctx.user("ann"), ctx.thread(thread_id), f"Ice packs and dark rooms ({WORD}) help me.")
    return thread_id


def test_deleting_an_account_with_its_text_removes_the_words_from_search(
        ctx, client, make_user, make_group, make_thread):
    _community(ctx, make_user, make_group, make_thread)
    assert _result_count(client, WORD) == 1
    delete_account(ctx.user("ann"), PASSWORD, remove_posts=True)
    assert _result_count(client, WORD) == 0
    assert "Nothing matched" in client.get("/search", query_string={"q": WORD}).get_data(as_text=True)


def test_any_bulk_update_of_post_text_is_queued_in_its_transaction(ctx, client, make_user, make_group,
                                                                    make_thread):
    _community(ctx, make_user, make_group, make_thread)
    db.session.execute(update(Post).where(Post.body_source.contains(WORD)).values(body_html="<p>gone</p>"))
    queued = db.session.query(SearchOutbox).filter_by(kind="post").count()
    assert queued == 1, "the statement's rows were queued before it ran, in the same transaction"
    db.session.commit()
    assert _result_count(client, WORD) == 0 and _result_count(client, "gone") == 1


def test_a_bulk_update_of_counters_queues_nothing(ctx, make_user, make_group, make_thread):
    _community(ctx, make_user, make_group, make_thread)
    db.session.execute(update(Post).values(helpful_count=Post.helpful_count + 1))
    assert db.session.query(SearchOutbox).count() == 0
    db.session.rollback()
