"""One delete verb for authors and moderators (``forum.actions.posts.delete_post``).

Moderation's own copy of it once skipped the answer counters: a moderator who
removed an accepted expert answer left the thread counting the expert answer
and pointing at the deleted post, so the question never returned to the
expert queue.
"""
from forum.actions import moderation
from forum.actions.posts import delete_post, post_reply
from forum.actions.qa import accept_answer
from forum.experts.queries import expert_queue
from forum.extensions import db
from forum.models import ModerationAction, ReviewItem, Role
from forum.models.experts import GroupSpecialty


def _asked_and_answered(ctx, make_user, make_group, make_thread, make_expert):
    make_user("asker")
    make_user("modm", role=Role.MODERATOR)
    make_expert("dr_ode", specialty="cardiology", profession="Cardiologist")
    slug = make_group("Heart Health")
    thread_id = make_thread("asker", slug, title="Is a resting heart rate of 95 too high?", body="It worries me.")
    thread = ctx.thread(thread_id)
    thread.asks_expert = True
    db.session.add(GroupSpecialty(group_id=thread.group_id, specialty="cardiology"))
    db.session.commit()
    answer = post_reply(ctx.user("dr_ode"), thread, "Over 100 at rest is worth a check; 95 is usually fine.")
    accept_answer(ctx.user("asker"), answer)
    return thread, answer


def _queue_ids(ctx, name="dr_ode"):
    return [t.id for t in db.session.scalars(expert_queue(ctx.user(name), "cardiology"))]


def test_a_moderator_removing_an_accepted_expert_answer_sends_the_question_back(
        ctx, make_user, make_group, make_thread, make_expert):
    thread, answer = _asked_and_answered(ctx, make_user, make_group, make_thread, make_expert)
    assert (thread.expert_answer_count, thread.accepted_post_id) == (1, answer.id)
    assert thread.id not in _queue_ids(ctx)
    from forum.actions.audit import open_review

    open_review(answer, "misinformation")
    db.session.commit()
    item = db.session.query(ReviewItem).filter_by(post_id=answer.id).one()
    moderation.decide(ctx.user("modm"), item, "delete", "Wrong dose advice")
    db.session.refresh(thread)
    assert thread.expert_answer_count == 0 and thread.accepted_post_id is None
    assert thread.reply_count == 0
    assert thread.id in _queue_ids(ctx), "the question is waiting for an expert again"
    entry = db.session.query(ModerationAction).filter_by(action="delete_post").one()
    assert entry.moderator_id == ctx.user("modm").id and entry.reason == "Wrong dose advice"
    assert not db.session.get(ReviewItem, item.id).is_open


def test_the_author_deleting_gets_the_same_counters_and_no_audit_row(
        ctx, make_user, make_group, make_thread, make_expert):
    thread, answer = _asked_and_answered(ctx, make_user, make_group, make_thread, make_expert)
    delete_post(ctx.user("dr_ode"), answer)
    db.session.refresh(thread)
    assert (thread.expert_answer_count, thread.accepted_post_id, thread.reply_count) == (0, None, 0)
    assert db.session.query(ModerationAction).filter_by(action="delete_post").count() == 0
