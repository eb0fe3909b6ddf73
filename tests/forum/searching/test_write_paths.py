"""Every path that changes searchable text reaches the index: one test per path, each backend.

Each case writes a post with a unique word, changes it through one real action,
and checks what ``/search`` shows afterwards: the new words found, the old or
removed ones gone, totals that match the list.
"""
import re
from datetime import date

import pytest
from sqlalchemy import select

from forum.actions import moderation
from forum.actions.articles import edit_article, write_article
from forum.actions.data_rights import delete_account
from forum.actions.experts import revoke_verification
from forum.actions.posts import delete_post, edit_post, post_reply
from forum.extensions import db as app_db
from forum.models import Group, Post, Role, Thread, User
from tests.conftest import PASSWORD
from tests.search.test_contract import titles

WORD = "quokkalozenge"


def _total(page: str) -> int:
    match = re.search(r'id="results-heading">([\d,]+) result', page)
    return int(match.group(1).replace(",", "")) if match else 0


def _user(name):
    return app_db.session.scalar(select(User).where(User.username == name))


@pytest.fixture
def place(app, make_user, make_group, make_thread, make_expert):
    make_user("ann")
    make_user("modm", role=Role.MODERATOR)
    make_expert("dr_ode", specialty="cardiology", profession="Cardiologist")
    thread_id = make_thread("ann", make_group("Colds and Flu"), title="Zinc lozenges for a sore throat",
                            body="Do they help?")
    with app.app_context():
        reply = post_reply(_user("ann"), app_db.session.get(Thread, thread_id), f"Yes, {WORD} helped me.")
        return {"thread": thread_id, "reply": reply.id}


def _in_context(app, action):
    with app.app_context():
        action()


def _reply(place):
    return app_db.session.get(Post, place["reply"])


PATHS = {
    "edited by its author": lambda p: edit_post(_user("ann"), _reply(p), "Honey and lemon helped me."),
    "deleted by its author": lambda p: delete_post(_user("ann"), _reply(p)),
    "deleted by a moderator": lambda p: delete_post(_user("modm"), _reply(p), "Advertising"),
    "hidden by a moderator": lambda p: moderation.hide(_user("modm"), _reply(p), "Off topic"),
    "account deleted, text removed": lambda p: delete_account(_user("ann"), PASSWORD, remove_posts=True),
}


@pytest.mark.parametrize("path", PATHS)
def test_the_old_words_leave_search(app, search, place, path):
    assert _total(search(WORD)) == 1
    _in_context(app, lambda: PATHS[path](place))
    page = search(WORD)
    assert _total(page) == 0 and titles(page) == []


def test_a_restored_post_is_found_again(app, search, place):
    _in_context(app, lambda: moderation.hide(_user("modm"), _reply(place), "Checking"))
    assert _total(search(WORD)) == 0
    _in_context(app, lambda: moderation.unhide(_user("modm"), _reply(place), "Fine after all"))
    assert _total(search(WORD)) == 1


def test_an_anonymised_account_keeps_its_words_found_without_a_name(app, search, place):
    _in_context(app, lambda: delete_account(_user("ann"), PASSWORD))
    page = search(WORD)
    assert _total(page) == 1 and "A former member" in page and 'href="/u/ann"' not in page


def test_a_moved_thread_is_found_under_its_new_group(app, search, make_group, place):
    other = make_group("Ear, Nose and Throat")

    def move():
        group = app_db.session.scalar(select(Group).where(Group.slug == other))
        moderation.move_thread(_user("modm"), app_db.session.get(Thread, place["thread"]), group, "Better fit")
    _in_context(app, move)
    assert _total(search(WORD, group=other)) == 1
    assert _total(search(WORD, group="colds-and-flu")) == 0


def test_a_merged_thread_is_found_in_its_target(app, search, make_thread, place):
    target = make_thread("ann", "colds-and-flu", title="Sore throat remedies that work", body="Collecting tips.")

    def merge():
        moderation.merge_thread(_user("modm"), app_db.session.get(Thread, place["thread"]),
                                app_db.session.get(Thread, target), "Same question")
    _in_context(app, merge)
    page = search(WORD)
    assert _total(page) == 1 and titles(page) == ["Sore throat remedies that work"]


def test_a_revoked_expert_loses_the_expert_filter(app, search, place):
    _in_context(app, lambda: post_reply(_user("dr_ode"), app_db.session.get(Thread, place["thread"]),
                                        "Zinc may shorten a cold a little; see your GP if it lasts."))
    assert "Zinc lozenges for a sore throat" in titles(search("shorten", expert="1"))
    _in_context(app, lambda: revoke_verification(_user("verifier"), _user("dr_ode"), "Licence lapsed"))
    assert titles(search("shorten", expert="1")) == []


def test_a_renamed_group_is_found_by_its_new_name(app, search, place):
    def rename():
        group = app_db.session.scalar(select(Group).where(Group.slug == "colds-and-flu"))
        group.name = "Winter Bugs"
        app_db.session.commit()
    _in_context(app, rename)
    assert "Winter Bugs" in titles(search("winter"))


def test_an_edited_article_is_found_by_its_new_words(app, search, place):
    body = "Zinc lozenges are widely used for colds. " * 8
    fields = dict(summary="What the trials say about zinc lozenges and colds.", sources="Cochrane review 2024",
                  tags="colds zinc", reviewed_on=date(2026, 1, 5))

    def write():
        return write_article(_user("dr_ode"), title="Do zinc lozenges work?", body=body, **fields).id
    with app.app_context():
        article_id = write()
    assert "Do zinc lozenges work?" in titles(search("lozenges"))

    def edit():
        from forum.models import Article

        edit_article(_user("dr_ode"), app_db.session.get(Article, article_id), title="Zinc and colds: the evidence",
                     body=body.replace("widely", "pelargonium"), **fields)
    _in_context(app, edit)
    assert "Zinc and colds: the evidence" in titles(search("pelargonium"))
