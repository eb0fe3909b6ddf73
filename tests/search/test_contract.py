"""The search contract, run against every backend (Whoosh; PostgreSQL when reachable)."""
import re

from sqlalchemy import select

from forum import extensions
from forum.actions.experts import revoke_verification
from forum.models import Post, Role, User


def titles(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", t).replace("Re: ", "").strip()
            for t in re.findall(r'<h3 class="result-title">(.*?)</h3>', page, re.S)]


def total(page: str) -> int:
    match = re.search(r'id="results-heading">([\d,]+) result', page)
    assert match, "no result count on the page"
    return int(match.group(1).replace(",", ""))


def more(page: str) -> list[int]:
    """Each row's "N more matches in this thread" (0 where there is none)."""
    rows = page.split('<li class="search-result">')[1:]
    return [int(m.group(1)) if (m := re.search(r"(\d+) more match", row)) else 0 for row in rows]


def matches(page: str) -> int:
    """Every matching document on the page: each row and the further matches of its thread."""
    return sum(1 + n for n in more(page))


def snippets(page: str) -> list[str]:
    return re.findall(r'<p class="result-snippet">(.*?)</p>', page, re.S)


def test_finds_threads_replies_and_groups_with_author_group_and_count(make_user, make_group, make_thread, post,
                                                                       search):
    make_user("ann")
    slug = make_group("Sleep Clinic", description="Insomnia, routines and melatonin questions.")
    thread_id = make_thread("ann", slug, title="Does melatonin work for jet lag?", body="I fly a lot for work.")
    post("ann", thread_id, "Melatonin helped me after long flights.")
    page = search("melatonin")
    assert total(page) == 2 and matches(page) == 3  # the thread (with its reply) and the group
    assert set(titles(page)) == {"Does melatonin work for jet lag?", "Sleep Clinic"}
    assert "by <a class=\"user-link\" href=\"/u/ann\">ann</a>" in page and "Sleep Clinic" in page
    assert sorted(more(page)) == [0, 1] and "1 more match in this thread" in page


def test_an_edited_post_is_found_once_with_its_new_words(app, make_user, make_group, make_thread, post,
                                                         search):
    """Each edit replaces the document: no ghost copies, old words gone (searches in between)."""
    from forum.actions.posts import edit_post

    make_user("ann")
    thread_id = make_thread("ann", make_group("Sleep Clinic"), title="Jet lag remedies", body="Ideas?")
    post_id = post("ann", thread_id, "Melatonin helped me after long flights.")
    assert total(search("melatonin")) == 1
    for n, words in enumerate(["Melatonin and daylight helped.", "Melatonin plus a walk in daylight helped."]):
        with app.app_context():
            author = extensions.db.session.scalar(select(User).where(User.username == "ann"))
            edit_post(author, extensions.db.session.get(Post, post_id), words)
        page = search("melatonin")
        assert total(page) == 1 and len(titles(page)) == 1, f"after edit {n + 1}"
        assert total(search("daylight")) == 1
    assert total(search("flights")) == 0


def test_all_words_required_phrases_exclusion_and_or(make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Heart Health")
    make_thread("ann", slug, title="Beta blockers and cold hands", body="My hands are cold since starting.")
    make_thread("ann", slug, title="Cold weather and chest tightness", body="Winter makes it worse.")
    make_thread("ann", slug, title="Exercise after a stent placement", body="When can I run again?")
    assert titles(search("cold hands")) == ["Beta blockers and cold hands"]
    assert titles(search('"cold weather"')) == ["Cold weather and chest tightness"]
    assert titles(search('"hands beta"')) == []
    assert titles(search("cold -winter")) == ["Beta blockers and cold hands"]
    assert set(titles(search("stent OR blockers"))) == {"Beta blockers and cold hands",
                                                        "Exercise after a stent placement"}


def test_stemming_finds_other_forms_of_a_word(make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Type 2 Diabetes")
    make_thread("ann", slug, title="Newly diagnosed with diabetes", body="Where do I start?")
    assert "Newly diagnosed with diabetes" in titles(search("diabetic"))
    assert "Newly diagnosed with diabetes" in titles(search("diagnose"))


def test_snippets_escape_post_html_and_only_mark_survives(make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Skin Care")
    make_thread("ann", slug, title="Cream that stings my eczema",
                body="This `<script>alert('x')</script>` and <b>bold</b> eczema cream stings.")
    page = search("eczema stings")
    snippet = snippets(page)[0]
    assert "<mark>eczema</mark>" in snippet and "<mark>stings</mark>" in snippet
    assert "&lt;script&gt;" in snippet and "&lt;b&gt;" in snippet
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0
    assert "<script>alert" not in page and "<b>bold" not in page


def test_malformed_queries_get_a_helpful_message_not_an_error(client, search):
    for q, message in [('"side effects', "quotation mark is missing"), ("-caffeine", "at least one word"),
                       ("OR sleep", "OR needs a word"), ("the of and", "Type a word"),
                       ("x" * 400, "up to 300 characters"), ('""', "empty phrase"), ("))(( \\ * ?", "Type a word")]:
        page = search(q)
        assert "We couldn't run that search" in page and message in page, q
    assert client.get("/search?q=sleep&page=abc").status_code == 404


def test_pages_of_twenty_with_the_total(app, make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Asthma")
    for i in range(23):
        make_thread("ann", slug, title=f"Inhaler question number {i}", body="Which spacer?")
    first, second = search("inhaler"), search("inhaler", page=2)
    assert total(first) == total(second) == 23
    assert len(titles(first)) == 20 and len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))
    assert 'href="/search?page=2&amp;q=inhaler"' in first or "page=2" in first


def test_filters_group_kind_expert_and_newest(app, db, make_user, make_group, make_thread, post, search,
                                              make_expert):
    make_user("ann")
    make_user("role_only", role=Role.EXPERT)  # the role without a verification is no expert
    make_expert("dr_ode")
    heart, lungs = make_group("Heart"), make_group("Lungs")
    old = make_thread("ann", heart, title="Statins and muscle aches", body="Aches everywhere.", kind="question")
    make_thread("ann", lungs, title="Statins for asthma patients", body="Anyone?", kind="discussion")
    post("dr_ode", old, "Muscle aches on statins are common; ask about a lower dose.")
    assert titles(search("statins", group=heart)) == ["Statins and muscle aches"]
    assert matches(search("statins", group=heart)) == 2
    assert titles(search("statins", kind="discussion")) == ["Statins for asthma patients"]
    assert set(titles(search("statins", expert="1"))) == {"Statins and muscle aches"}
    assert titles(search("statins", sort="newest"))[0] == "Statins and muscle aches"  # the reply is newest
    assert total(search("statins", group="no-such-group")) == 0
    post("role_only", make_thread("ann", lungs, title="Statins at night?", body="When?"), "Take them at night.")
    assert set(titles(search("statins", expert="1"))) == {"Statins and muscle aches"}
    with app.app_context():  # a revoked verification takes the expert mark off the answers
        doctor = extensions.db.session.scalar(select(User).where(User.username == "dr_ode"))
        revoke_verification(doctor, doctor, "Licence lapsed")
    assert titles(search("statins", expert="1")) == []


def test_synonyms_expand_and_exact_words_rank_first(app, make_user, make_group, make_thread, search):
    from forum.drugs.catalogue import load_catalogue

    with app.app_context():  # brand <-> generic pairs come from the drug name dictionary
        load_catalogue()
    make_user("ann")
    slug = make_group("Pain")
    make_thread("ann", slug, title="Acetaminophen before bed", body="Acetaminophen acetaminophen every night.")
    make_thread("ann", slug, title="Tylenol for back pain", body="Is it safe daily?")
    make_thread("ann", slug, title="After my myocardial infarction", body="Cardiac rehab starts soon.")
    make_thread("ann", slug, title="High blood pressure readings", body="Morning numbers are high.")
    def posts(page):  # the conversations, not the drugs' own pages
        return [t for item in page.split('<li class="search-result">')[1:] if "tag-drug" not in item
                for t in titles(item)]

    assert "Acetaminophen" in titles(search("tylenol"))
    assert posts(search("tylenol")) == ["Tylenol for back pain", "Acetaminophen before bed"]
    assert posts(search("paracetamol")) == ["Acetaminophen before bed", "Tylenol for back pain"]
    assert posts(search("heart attack")) == ["After my myocardial infarction"]
    assert posts(search("hypertension")) == ["High blood pressure readings"]


def test_did_you_mean_on_words_as_typed(make_user, make_group, make_thread, search):
    make_user("ann")
    slug = make_group("Diabetes")
    make_thread("ann", slug, title="Diabetes and night sweats", body="Low sugar at night?")
    page = search("diabtes sweats", exact="1")  # as typed: no results, so otherwise shown corrected
    assert 'Did you mean <a href="/search?q=diabetes+sweats">diabetes sweats</a>' in page
    assert "Did you mean" not in search("diabetes")


def test_similar_questions_json_lists_visible_questions_only(client, make_user, make_group, add_member,
                                                             make_thread):
    make_user("ann")
    public, private = make_group("Migraine"), make_group("Migraine members", private=True)
    add_member("ann", private)
    make_thread("ann", public, title="Migraine with aura and driving", body="Is it safe?")
    make_thread("ann", private, title="Migraine aura during pregnancy", body="Private worries.")
    make_thread("ann", public, title="Migraine aura discussion thread", body="Share.", kind="discussion")
    found = client.get("/search/similar", query_string={"title": "migraine aura"}).get_json()["questions"]
    assert [q["title"] for q in found] == ["Migraine with aura and driving"]
    assert client.get("/search/similar?title=").get_json() == {"questions": []}
    huge = client.get("/search/similar", query_string={"title": "aura " * 5000})
    assert huge.status_code == 200
