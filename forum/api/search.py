"""Search: the same query language, filters, ranking and permission rules as /search
(``forum.searching.service.run_search``: private groups are masked inside the index query)."""
from flask import abort
from sqlalchemy import select

from forum.api import present
from forum.api.auth import api_user
from forum.api.errors import API_PREFIX, problem
from forum.api.schemas.search import SearchArgsSchema, SearchResultsSchema
from forum.api.spec import resource
from forum.extensions import db
from forum.models import Group
from forum.pagination import Pager
from forum.searching.service import run_search
from search.interface import PER_PAGE, Filters

blp = resource("Search", __name__, "Full-text search over what you may see.")


def _filters(args) -> Filters:
    group_id = None
    if args.get("group"):
        group_id = db.session.scalar(select(Group.id).where(Group.slug == args["group"])) or -1
    return Filters(group_id=group_id, kind=args.get("kind"), expert=args["expert"], sort=args["sort"])


def _api_url(hit) -> str | None:
    ident = (hit.url or "").rstrip("/").rsplit("/", 1)[-1]
    return {"thread": f"{API_PREFIX}/threads/{ident}", "post": f"{API_PREFIX}/posts/{ident}",
            "group": f"{API_PREFIX}/groups/{ident}", "article": f"{API_PREFIX}/articles/{ident}"}.get(hit.kind)


def _hit(hit) -> dict:
    return {"kind": hit.kind, "title": hit.title, "snippet_html": str(hit.snippet), "created_at": hit.created_at,
            "group": present.group_ref(hit.group) if hit.group else None,
            "author": present.user_ref(hit.author, with_credential=False) if hit.author else None,
            "anonymous": hit.anonymous,
            "thread_id": hit.thread.id if hit.thread else None, "url": hit.url, "api_url": _api_url(hit)}


@blp.route("/search")
@blp.etag
@blp.arguments(SearchArgsSchema, location="query")
@blp.response(200, SearchResultsSchema)
def search(args):
    """One page of results; a malformed query is a 422 that says what is wrong."""
    text = args["q"]
    if not text.strip():
        abort(problem(422, "Type something to search for.", errors=[
            {"location": "query", "field": "q", "messages": ["Type something to search for."]}]))
    outcome = run_search(api_user(), text, _filters(args), args["page"])
    if outcome.unavailable:
        abort(problem(503, outcome.error, headers={"Retry-After": "60"}))
    if outcome.error:
        abort(problem(422, outcome.error, errors=[{"location": "query", "field": "q", "messages": [outcome.error]}]))
    pager = Pager(args["page"], PER_PAGE, outcome.total)
    if outcome.total and args["page"] > pager.pages:
        abort(404)
    return {"query": text, "total": outcome.total, "page": args["page"], "pages": pager.pages,
            "per_page": PER_PAGE, "suggestion": outcome.suggestion, "hits": [_hit(h) for h in outcome.hits]}
