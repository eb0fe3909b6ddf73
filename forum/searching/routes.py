"""Routes: GET /search and GET /search/similar. Both only read."""
from flask import abort, jsonify, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from forum import permissions
from forum.extensions import db
from forum.models import Group
from forum.pagination import Pager, requested_page
from forum.searching import bp, grouping
from forum.searching.queries import ask_url
from forum.searching.service import run_search, similar_questions
from search.interface import PER_PAGE, Filters

MAX_SIMILAR_INPUT = 2000


def _filters() -> tuple[Filters, Group | None]:
    args = request.args
    group = None
    if args.get("group"):
        group = db.session.scalar(select(Group).where(Group.slug == args["group"][:80]))
    kind = args.get("kind") if args.get("kind") in ("question", "discussion") else None
    sort = "newest" if args.get("sort") == "newest" else "relevance"
    return Filters(group_id=group.id if group else (-1 if args.get("group") else None), kind=kind,
                   expert=args.get("expert") == "1", sort=sort), group


def _searchable_groups() -> list[Group]:
    stmt = select(Group).where(permissions.visible_groups_clause(current_user)).order_by(Group.name)
    return list(db.session.scalars(stmt))


@bp.route("/search")
def results():
    text = request.args.get("q", "")
    page = requested_page()
    filters, group = _filters()
    exact = request.args.get("exact") == "1"  # "search instead for": no automatic correction
    outcome = run_search(current_user, text, filters, page, correct=not exact, grouped=True) \
        if text.strip() else None
    pager = Pager(page, PER_PAGE, outcome.total) if outcome else None
    if outcome and outcome.total and page > pager.pages:
        abort(404)
    args = {k: v for k, v in request.args.items() if k in ("q", "group", "kind", "expert", "sort", "exact") and v}
    plain = {k: v for k, v in args.items() if k != "exact"}
    suggestion_url = url_for("searching.results", **{**plain, "q": outcome.suggestion}) \
        if outcome and outcome.suggestion else None
    exact_url = url_for("searching.results", **{**plain, "exact": "1"}) if outcome and outcome.corrected_from else None
    ask = ask_url(current_user, text, group) if outcome and not outcome.error and not outcome.total else None
    return render_template("search/results.html", q=text, outcome=outcome, pager=pager, filters=filters,
                           group=group, groups=_searchable_groups(), args=args, suggestion_url=suggestion_url,
                           exact_url=exact_url, ask_url=ask, max_ranked=grouping.MAX_RANKED)


@bp.route("/search/similar")
def similar():
    """Questions like the one being typed (JSON for the new-thread page's script)."""
    title = request.args.get("title", "")[:MAX_SIMILAR_INPUT]
    body = request.args.get("body", "")[:MAX_SIMILAR_INPUT]
    threads = similar_questions(current_user, title, body) if len(title.strip()) >= 3 else []
    return jsonify(questions=[{"title": t.title, "url": url_for("threads.show", thread_id=t.id),
                               "group": t.group.name, "replies": t.reply_count} for t in threads])
