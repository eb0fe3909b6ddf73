"""Expert verification: applying, review, badges on answers, revocation and the expert queue."""
import pytest
from sqlalchemy import select

from forum.models import ApplicationStatus, ExpertApplication, ExpertAuditEntry, ExpertVerification, Role, Thread, User

GOOD = {"profession": "Consultant haematologist", "specialty": "haematology", "licence_number": "GMC 7654321",
        "issuing_body": "General Medical Council", "country": "United Kingdom",
        "evidence": "https://www.gmc-uk.org/registrants/7654321 (my entry on the public register)"}


def _user(db, name):
    return db.session.scalar(select(User).where(User.username == name))


def test_apply_then_moderator_approves(client, db, make_user, as_user):
    make_user("applicant")
    make_user("mod", role=Role.MODERATOR)
    as_user("applicant")
    assert "Apply to be a verified expert" in client.get("/experts/apply").get_data(as_text=True)
    response = client.post("/experts/apply", data=GOOD)
    assert response.status_code == 302
    page = client.get("/experts/apply").get_data(as_text=True)
    assert "waiting for a moderator" in page and 'name="licence_number"' not in page
    assert client.post("/experts/apply", data=GOOD).status_code == 200  # no second open application
    assert len(db.session.scalars(select(ExpertApplication)).all()) == 1
    assert client.get("/experts/review").status_code == 403

    as_user("mod")
    page = client.get("/experts/review").get_data(as_text=True)
    assert "GMC 7654321" in page and "General Medical Council" in page
    application = db.session.scalar(select(ExpertApplication))
    response = client.post(f"/experts/applications/{application.id}/approve", data={"reason": ""})
    assert response.status_code == 302
    db.session.expire_all()
    user = _user(db, "applicant")
    assert user.role == Role.EXPERT
    verification = db.session.scalar(select(ExpertVerification))
    assert verification.user_id == user.id and verification.verified_by_id == _user(db, "mod").id
    assert verification.specialty == "haematology" and verification.revoked_at is None
    assert db.session.scalar(select(ExpertAuditEntry)).action == "approved"
    page = client.get("/experts").get_data(as_text=True)
    assert "Consultant haematologist, Haematology" in page and "verified by mod" in page


def test_reject_needs_a_reason_that_the_applicant_sees(client, db, make_user, as_user):
    make_user("applicant")
    make_user("root", role=Role.ADMIN)
    as_user("applicant")
    client.post("/experts/apply", data=GOOD)
    application = db.session.scalar(select(ExpertApplication))
    as_user("root")
    client.post(f"/experts/applications/{application.id}/reject", data={"reason": ""})
    db.session.expire_all()
    assert db.session.get(ExpertApplication, application.id).status == ApplicationStatus.PENDING
    client.post(f"/experts/applications/{application.id}/reject",
                data={"reason": "We could not find this number on the GMC register."})
    db.session.expire_all()
    assert db.session.get(ExpertApplication, application.id).status == ApplicationStatus.REJECTED
    assert _user(db, "applicant").role == Role.MEMBER
    assert db.session.scalar(select(ExpertVerification)) is None
    as_user("applicant")
    page = client.get("/experts/apply").get_data(as_text=True)
    assert "We could not find this number on the GMC register." in page and 'name="licence_number"' in page


@pytest.mark.parametrize("changes, message", [
    ({"profession": "", "licence_number": ""}, "Please fill in profession."),
    ({"specialty": "astrology"}, "Not a valid choice"),
    ({"specialty": ""}, "Choose a specialty from the list."),
    ({"licence_number": "x" * 65}, "Licence or registration number must be 3–64 characters."),
    ({"licence_number": "<script>alert(1)</script>"}, "letters, numbers, spaces, dots"),
    ({"evidence": "e" * 2001}, "Evidence must be 10–2,000 characters."),
    ({"country": "\x00\x01"}, "Please fill in country."),  # control characters are dropped at the door
])
def test_bad_applications_are_refused_and_keep_what_was_typed(client, db, make_user, as_user,
                                                              changes, message):
    make_user("applicant")
    as_user("applicant")
    data = {**GOOD, "issuing_body": "Nursing & Midwifery <Council>", **changes}
    response = client.post("/experts/apply", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert "Nursing &amp; Midwifery &lt;Council&gt;" in page
    assert db.session.scalar(select(ExpertApplication)) is None


def test_hostile_text_is_escaped_for_reviewers(client, make_user, as_user):
    make_user("applicant")
    make_user("mod", role=Role.MODERATOR)
    as_user("applicant")
    client.post("/experts/apply", data={**GOOD, "evidence": "<img src=x onerror=alert(1)> see register"})
    as_user("mod")
    page = client.get("/experts/review").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt; see register" in page and "<img src=x" not in page


def test_only_verified_experts_get_the_badge(client, make_user, make_group, make_thread, reply_as,
                                             make_expert):
    make_user("asker")
    make_user("role_only", role=Role.EXPERT)  # the site role alone is not a verification
    make_expert("doc")
    slug = make_group("Leukemia & Lymphoma")
    thread_id = make_thread("asker", slug)
    reply_as("role_only", thread_id, "I am not verified.")
    reply_as("doc", thread_id, "I am verified.")
    page = client.get(f"/t/{thread_id}").get_data(as_text=True)
    assert page.count('<span class="badge badge-verified">Expert answer</span>') == 1
    assert "1 expert answered" in page
    assert "Consultant haematologist, Haematology" in page and "verified by verifier" in page
    assert page.count("not a substitute for professional care") == 1
    assert page.index("I am verified.") < page.index("I am not verified.")
    assert "1 expert answered" in client.get(f"/groups/{slug}").get_data(as_text=True)


def test_revocation_removes_the_badge_everywhere_and_is_audited(
        client, db, make_user, make_group, make_thread, reply_as, make_expert, as_user):
    make_user("asker")
    make_user("mod", role=Role.MODERATOR)
    make_expert("doc")
    slug = make_group("Leukemia & Lymphoma")
    threads = [make_thread("asker", slug, title=f"Question number {i} about my blood test") for i in range(2)]
    for thread_id in threads:
        reply_as("doc", thread_id)
    assert "Expert answer" in client.get(f"/t/{threads[0]}").get_data(as_text=True)
    as_user("mod")
    client.post("/experts/doc/revoke", data={"reason": ""})  # a reason is required
    db.session.expire_all()
    assert _user(db, "doc").role == Role.EXPERT
    client.post("/experts/doc/revoke", data={"reason": "Registration lapsed in March."})
    db.session.expire_all()
    doc = _user(db, "doc")
    assert doc.role == Role.MEMBER
    verification = db.session.scalar(select(ExpertVerification))
    assert verification.revoked_at is not None
    assert verification.revoke_reason == "Registration lapsed in March."
    entry = db.session.scalar(select(ExpertAuditEntry).where(ExpertAuditEntry.action == "revoked"))
    assert entry.actor_id == _user(db, "mod").id and entry.subject_id == doc.id
    for thread_id in threads:
        assert "Expert answer" not in client.get(f"/t/{thread_id}").get_data(as_text=True)
        assert db.session.get(Thread, thread_id).expert_answer_count == 0
    assert "Registration lapsed in March." in client.get("/experts/review").get_data(as_text=True)


def test_members_cannot_revoke(client, db, make_user, make_expert, as_user):
    make_expert("doc")
    make_user("member")
    as_user("member")
    assert client.post("/experts/doc/revoke", data={"reason": "Because I said so"}).status_code == 403
    assert db.session.scalar(select(ExpertVerification)).revoked_at is None


def test_ask_an_expert_checkbox_marks_questions_only(client, db, make_user, make_group, as_user):
    make_user("ann")
    slug = make_group("Heart Health")
    as_user("ann")
    page = client.get(f"/groups/{slug}/new").get_data(as_text=True)
    assert 'type="checkbox"' in page and 'for="ask_expert"' in page
    client.post(f"/groups/{slug}/new", data={"kind": "question", "title": "Is my AFib worse after bad sleep?",
                                             "body": "Pattern?", "ask_expert": "y"})
    client.post(f"/groups/{slug}/new", data={"kind": "discussion", "title": "Favourite heart-healthy soups",
                                             "body": "Share!", "ask_expert": "y"})
    flags = {t.title: t.asks_expert for t in db.session.scalars(select(Thread))}
    assert flags == {"Is my AFib worse after bad sleep?": True, "Favourite heart-healthy soups": False}


@pytest.fixture
def queue_setup(app, make_user, make_group, make_thread, add_member, make_expert, reply_as):
    from forum.actions.experts import set_group_specialties
    from forum.extensions import db as app_db
    from forum.models import Group

    make_user("asker")
    blood, heart = make_group("Leukemia & Lymphoma"), make_group("Heart Health")
    hiv = make_group("Living with HIV", private=True)
    add_member("asker", hiv)
    with app.app_context():
        for slug, specialties in ((blood, ["haematology", "oncology"]), (heart, ["cardiology"]),
                                  (hiv, ["haematology", "infectious-disease"])):
            set_group_specialties(app_db.session.scalar(select(Group).where(Group.slug == slug)), specialties)
    ids = {}
    for name, slug, ask in (("older blood question", blood, True), ("newer blood question", blood, True),
                            ("blood question without asking", blood, False), ("heart question", heart, True),
                            ("private hiv question", hiv, True), ("answered blood question", blood, True)):
        ids[name] = make_thread("asker", slug, title=f"The {name} here")
        if ask:
            with app.app_context():
                thread = app_db.session.get(Thread, ids[name])
                thread.asks_expert = True
                app_db.session.commit()
    make_expert("doc")
    make_expert("cardio", specialty="cardiology", profession="Cardiologist")
    reply_as("doc", ids["answered blood question"])
    return ids


def _titles(page):
    import re
    return re.findall(r'class="thread-title"[^>]*>The (.+?) here<', page)


def test_queue_shows_unanswered_questions_in_the_experts_specialty_oldest_first(client, queue_setup, as_user):
    as_user("doc")
    assert _titles(client.get("/experts/queue").get_data(as_text=True)) == [
        "older blood question", "newer blood question"]
    as_user("cardio")
    assert _titles(client.get("/experts/queue").get_data(as_text=True)) == ["heart question"]


def test_queue_respects_private_groups(client, queue_setup, as_user, add_member, make_expert, make_user):
    make_user("mod_doc", role=Role.MODERATOR)
    make_expert("mod_doc")
    as_user("mod_doc")  # site moderators see every group
    assert "private hiv question" in _titles(client.get("/experts/queue").get_data(as_text=True))
    add_member("doc", "living-with-hiv")
    as_user("doc")
    assert _titles(client.get("/experts/queue").get_data(as_text=True)) == [
        "older blood question", "newer blood question", "private hiv question"]


def test_queue_is_for_verified_experts_only(client, make_user, as_user):
    make_user("role_only", role=Role.EXPERT)
    as_user("role_only")
    refused = client.get("/experts/queue")
    assert refused.status_code == 403 and "Ask an expert" not in refused.get_data(as_text=True)
    client.post("/logout")
    anonymous = client.get("/experts/queue")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


def test_cli_maps_groups_to_specialties_and_refuses_bad_input(runner, make_group):
    slug = make_group("Heart Health")
    result = runner.invoke(args=["experts", "map-group", slug, "cardiology", "nursing"])
    assert result.exit_code == 0 and "Heart Health: Cardiology, Nursing." in result.output
    listing = runner.invoke(args=["experts", "specialties"]).output
    assert "cardiology" in listing and "heart-health" in listing and "Pain medicine" in listing
    bad = runner.invoke(args=["experts", "map-group", slug, "astrology"])
    assert bad.exit_code != 0 and "Unknown specialty" in bad.output and "haematology" in bad.output
    missing = runner.invoke(args=["experts", "map-group", "no-such-group", "cardiology"])
    assert missing.exit_code != 0 and "No group with the slug" in missing.output
    assert "Ask an expert" in runner.invoke(args=["experts", "map-group", "--help"]).output
    assert "Heart Health: Cardiology, Nursing." in runner.invoke(
        args=["experts", "map-group", slug, "cardiology", "nursing"]).output  # unchanged on a rerun
