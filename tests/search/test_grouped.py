"""Results grouped by thread, on every backend: one row per thread, its other matches
counted, the total and the pager counting rows, and nothing private in either."""
import html
import re

from tests.search.test_contract import more, titles, total


def test_a_thread_with_many_matches_is_one_row_saying_how_many_more(make_user, make_group, make_thread, post,
                                                                     search):
    make_user("ann")
    slug = make_group("Colds")
    thread_id = make_thread("ann", slug, title="Zinc lozenges for colds", body="Do zinc lozenges help?")
    for n in range(3):
        post("ann", thread_id, f"Zinc reply number {n}.")
    make_thread("ann", slug, title="Zinc and copper balance", body="Too much zinc?")
    page = search("zinc")
    assert total(page) == 2 and sorted(titles(page)) == ["Zinc and copper balance", "Zinc lozenges for colds"]
    assert sorted(more(page)) == [0, 3]
    link = re.search(r'<p class="more-matches"><a href="([^"]*)">3 more matches in this thread</a>', page)
    assert link and html.unescape(link.group(1)) == f"/t/{thread_id}"


def test_the_pager_pages_through_threads_not_posts(make_user, make_group, make_thread, post, search):
    make_user("ann")
    slug = make_group("Colds")
    busy = make_thread("ann", slug, title="Honey thread zero", body="Honey in tea?")
    for n in range(30):  # thirty matching replies in one thread: still one row
        post("ann", busy, f"Honey reply {n}.")
    for n in range(1, 22):
        make_thread("ann", slug, title=f"Honey thread {n}", body="Honey for coughs?")
    first, second = search("honey"), search("honey", page="2")
    assert total(first) == 22 and len(titles(first)) == 20 and len(titles(second)) == 2
    assert "(page 1 of 2)" in first
    assert not set(titles(first)) & set(titles(second))
    assert sum(more(first)) + sum(more(second)) == 30


def test_outsiders_see_no_private_row_and_no_private_match_counted(app, login, make_user, make_group, add_member,
                                                                   make_thread, post, search):
    make_user("ann")
    make_user("carol")
    public, private = make_group("Open Colds"), make_group("Hidden Colds", private=True)
    add_member("carol", private)
    mine = make_thread("ann", public, title="Elderberry syrup", body="Elderberry for colds?")
    post("ann", mine, "Elderberry helped me.")
    secret = make_thread("carol", private, title="Private elderberry worries", body="Elderberry and my meds.")
    for n in range(4):
        post("carol", secret, f"Private elderberry note {n}.")
    outsider = search("elderberry")
    assert titles(outsider) == ["Elderberry syrup"] and total(outsider) == 1 and more(outsider) == [1]
    assert "Private elderberry" not in outsider and "4 more" not in outsider
    login("carol")
    member = search("elderberry")
    assert total(member) == 2 and sorted(more(member)) == [1, 4]


def test_rows_from_only_the_best_matches_say_so(monkeypatch, make_user, make_group, make_thread, search):
    from forum.searching import grouping

    make_user("ann")
    slug = make_group("Colds")
    for n in range(5):
        make_thread("ann", slug, title=f"Ginger thread {n}", body="Ginger tea?")
    assert "Over" not in search("ginger")
    monkeypatch.setattr(grouping, "MAX_RANKED", 3)
    page = search("ginger")
    assert total(page) == len(titles(page)) == 3  # what is counted can be paged to
    assert "Over 3 posts match: these are the threads of the best 3." in page
