"""Reading through the API shows what the same person sees on the site, in the site's order,
and nothing more: private groups, hidden and deleted posts, revisions, profiles, search."""
import pytest
from sqlalchemy import select

from forum.models import Post, Thread


@pytest.fixture
def private(app, make_group, add_member, make_thread, community):
    slug = make_group("Quiet Room", private=True, description="Private.")
    add_member("cat", slug)
    thread_id = make_thread("cat", slug, title="A private question here", body="Secret words zebrafinch")
    return {"slug": slug, "thread": thread_id}


def test_groups_show_the_callers_membership(api_as, community, private, add_member):
    add_member("bob", community["slug"])
    groups = {g["slug"]: g for g in api_as("bob").get("/api/v1/groups").json["groups"]}
    assert groups[community["slug"]]["membership"] == "member" and groups[community["slug"]]["can"]["leave"]
    quiet = groups[private["slug"]]
    assert quiet["membership"] == "none" and quiet["can"]["request_to_join"] and not quiet["can"]["view_content"]
    assert quiet["thread_count"] is None and quiet["threads_url"] is None
    assert api_as("gina").get(f"/api/v1/groups/{community['slug']}").json["membership"] == "moderator"


def test_a_private_groups_threads_are_404_to_outsiders_and_there_for_members(api_as, private):
    outsider = api_as("bob")
    assert outsider.get(f"/api/v1/groups/{private['slug']}/threads").status_code == 404
    assert outsider.get(f"/api/v1/threads/{private['thread']}").status_code == 404
    unknown = outsider.get("/api/v1/threads/987654")
    hidden = outsider.get(f"/api/v1/threads/{private['thread']}")
    assert unknown.json["detail"] == hidden.json["detail"], "a private thread reads like one that does not exist"
    member = api_as("cat")
    assert member.get(f"/api/v1/threads/{private['thread']}").json["title"] == "A private question here"
    assert api_as("modm").get(f"/api/v1/groups/{private['slug']}/threads").json["threads"][0]["id"] == private["thread"]


def test_group_threads_come_in_keyset_pages_in_the_group_pages_order(app, api_as, client, community, make_thread):
    app.config["THREADS_PER_PAGE"] = 2
    for i in range(4):
        make_thread("bob", community["slug"], title=f"Another question number {i}")
    reader = api_as("dan")
    first = reader.get(f"/api/v1/groups/{community['slug']}/threads").json
    second = reader.get(f"/api/v1/groups/{community['slug']}/threads?after={first['cursors']['older']}").json
    third = reader.get(f"/api/v1/groups/{community['slug']}/threads?after={second['cursors']['older']}").json
    titles = [t["title"] for page in (first, second, third) for t in page["threads"]]
    assert titles == ["Another question number 3", "Another question number 2", "Another question number 1",
                      "Another question number 0", "Is my heart rate normal?"]
    assert third["cursors"]["older"] is None
    page = client.get(f"/groups/{community['slug']}").get_data(as_text=True)
    assert page.index("number 3") < page.index("number 2"), "the same order as the group page"
    back = reader.get(f"/api/v1/groups/{community['slug']}/threads?before={second['cursors']['newer']}").json
    assert [t["title"] for t in back["threads"]] == titles[:2]
    assert reader.get(f"/api/v1/groups/{community['slug']}/threads?after=garbage").status_code == 404


def test_a_thread_lists_answers_in_the_thread_pages_order(app, api_as, community, reply_as, make_expert):
    make_expert("dr_x")
    plain, helpful, expert = (reply_as("bob", community["thread"], "First answer"),
                              reply_as("cat", community["thread"], "Helpful answer"),
                              reply_as("dr_x", community["thread"], "Expert answer"))
    api_as("dan").put(f"/api/v1/posts/{helpful}/helpful")
    api_as("ann").put(f"/api/v1/posts/{plain}/accept")
    thread = api_as("dan").get(f"/api/v1/threads/{community['thread']}").json
    items = thread["posts"]["items"]
    assert [p["id"] for p in items[1:]] == [expert, plain, helpful]
    assert items[1]["is_expert_answer"] and items[1]["author"]["expert"]["specialty"] == "haematology"
    assert items[2]["is_accepted"] and thread["accepted_post_id"] == plain
    assert items[3]["helpful_count"] == 1
    oldest = api_as("dan").get(f"/api/v1/threads/{community['thread']}?sort=oldest").json["posts"]["items"]
    assert [p["id"] for p in oldest[1:]] == [plain, helpful, expert]
    mine = api_as("dan").get(f"/api/v1/threads/{community['thread']}").json["posts"]["items"]
    assert [p["marked_helpful"] for p in mine] == [False, False, False, True]


def test_a_hidden_post_shows_to_its_author_and_moderators_only(api_as, community, reply_as, db):
    post_id = reply_as("bob", community["thread"], "Words a moderator hid")
    assert api_as("gina").post(f"/api/v1/mod/posts/{post_id}/hide", json={"reason": "Off topic"}).status_code == 200
    reader = api_as("dan").get(f"/api/v1/posts/{post_id}").json
    assert reader["state"] == "hidden" and reader["body_html"] is None and reader["author"] is None
    assert "Words a moderator hid" not in str(api_as("dan").get(f"/api/v1/threads/{community['thread']}").json)
    author = api_as("bob").get(f"/api/v1/posts/{post_id}").json
    assert author["body_markdown"] == "Words a moderator hid" and author["hidden_reason"] == "Off topic"
    assert api_as("modm").get(f"/api/v1/posts/{post_id}").json["body_markdown"] == "Words a moderator hid"


def test_a_deleted_post_keeps_its_place_without_its_text_or_history(api_as, community, reply_as):
    post_id = reply_as("bob", community["thread"], "First version")
    bob = api_as("bob")
    bob.patch(f"/api/v1/posts/{post_id}", json={"body": "Second version"})
    assert bob.get(f"/api/v1/posts/{post_id}/revisions").json["revisions"][0]["body_markdown"] == "First version"
    assert bob.delete(f"/api/v1/posts/{post_id}").json["state"] == "deleted"
    shown = api_as("dan").get(f"/api/v1/posts/{post_id}").json
    assert shown["body_html"] is None and shown["deleted_by_author"] is True
    assert api_as("dan").get(f"/api/v1/posts/{post_id}/revisions").status_code == 404
    assert bob.get(f"/api/v1/posts/{post_id}/revisions").status_code == 404
    assert api_as("gina").get(f"/api/v1/posts/{post_id}/revisions").status_code == 200


def test_a_merged_thread_points_to_where_it_went(app, api_as, community, make_thread):
    from forum.actions.moderation import merge_thread
    from forum.extensions import db as app_db
    from forum.models import User

    other = make_thread("bob", community["slug"], title="The same question again")
    with app.app_context():
        modm = app_db.session.scalar(select(User).where(User.username == "modm"))
        merge_thread(modm, app_db.session.get(Thread, other), app_db.session.get(Thread, community["thread"]))
    response = api_as("dan").get(f"/api/v1/threads/{other}")
    assert response.status_code == 301 and response.headers["Location"].endswith(f"/api/v1/threads/{community['thread']}")


def test_profiles_show_only_what_the_caller_may_see(api_as, private):
    outsider = api_as("bob").get("/api/v1/users/cat").json
    assert outsider["groups"] == [] and outsider["recent_posts"] == []
    member = api_as("cat").get("/api/v1/users/cat").json
    assert [g["slug"] for g in member["groups"]] == [private["slug"]]
    assert member["recent_posts"][0]["thread_title"] == "A private question here"
    assert api_as("bob").get("/api/v1/users/nobody-here").status_code == 404


def test_search_uses_the_site_query_language_and_hides_private_groups(api_as, private, community):
    assert api_as("bob").get("/api/v1/search?q=zebrafinch").json["total"] == 0
    found = api_as("cat").get("/api/v1/search?q=zebrafinch").json
    assert found["total"] == 1 and found["hits"][0]["api_url"] == f"/api/v1/threads/{private['thread']}"
    assert api_as("dan").get("/api/v1/search?q=heart&kind=question").json["hits"][0]["kind"] == "thread"
    bad = api_as("dan").get('/api/v1/search?q="unclosed')
    assert bad.status_code in (200, 422)
    empty = api_as("dan").get("/api/v1/search?q=%20")
    assert empty.status_code == 422 and empty.json["errors"][0]["field"] == "q"


def test_similar_questions_leave_out_private_ones(api_as, private, community):
    titles = [q["title"] for q in api_as("bob").get("/api/v1/similar-questions?title=private+question").json["questions"]]
    assert "A private question here" not in titles
    titles = [q["title"] for q in api_as("cat").get("/api/v1/similar-questions?title=private+question").json["questions"]]
    assert "A private question here" in titles


def test_articles_and_comments(app, api_as, make_expert, community):
    from datetime import date

    from forum.actions.articles import write_article
    from forum.extensions import db as app_db
    from forum.models import User

    make_expert("dr_x")
    with app.app_context():
        author = app_db.session.scalar(select(User).where(User.username == "dr_x"))
        article = write_article(author, title="Iron and tiredness explained", summary="What iron levels mean for you.",
                                body="Iron carries oxygen. " * 20, sources="https://www.nhs.uk/", tags="anaemia iron",
                                reviewed_on=date(2026, 11, 1)).id
    reader = api_as("bob")
    listing = reader.get("/api/v1/articles?tag=iron").json
    assert listing["articles"][0]["title"] == "Iron and tiredness explained"
    assert reader.get("/api/v1/articles?tag=diet").json["articles"] == []
    shown = reader.get(f"/api/v1/articles/{article}").json
    assert shown["author"]["expert"]["profession"] == "Consultant haematologist" and "Iron carries" in shown["body_html"]
    made = reader.post(f"/api/v1/articles/{article}/comments", json={"body": "Thank you, clear."})
    assert made.status_code == 201
    comments = api_as("dan").get(f"/api/v1/articles/{article}/comments").json["comments"]
    assert comments[0]["body_markdown"] == "Thank you, clear." and not comments[0]["can"]["delete"]
    assert reader.delete(f"/api/v1/comments/{comments[0]['id']}").json["state"] == "deleted"
    assert api_as("dan").get(f"/api/v1/articles/{article}/comments").json["comments"][0]["body_html"] is None


def test_the_thread_posts_are_paged_like_the_thread_page(app, api_as, community, reply_as, db):
    app.config["POSTS_PER_PAGE"] = 2
    for i in range(3):
        reply_as("bob", community["thread"], f"Answer {i}")
    reader = api_as("dan")
    page2 = reader.get(f"/api/v1/threads/{community['thread']}?page=2&sort=oldest").json["posts"]
    assert page2["pages"] == 2 and [p["number"] for p in page2["items"]] == [3, 4]
    assert reader.get(f"/api/v1/threads/{community['thread']}?page=3").status_code == 404
    assert db.session.scalar(select(Post.id).where(Post.number == 4)) == page2["items"][1]["id"]
