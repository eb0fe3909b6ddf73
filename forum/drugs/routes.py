"""Routes under /drugs: browse A-Z, by kind and by condition, search, and a drug's page.

Every route only reads. Slugs, letters and kinds that are not in the
catalogue (NUL bytes, huge strings, other scripts included) are a 404, and a
malformed page cursor is a 404 too (``forum.pagination``).
"""
from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user
from markupsafe import Markup

from forum.drugs import bp, queries
from forum.drugs import review_queries as rq
from forum.drugs.names import name_key
from forum.drugs.page_cache import anonymous_drug_page
from forum.drugs.search import search_drugs
from forum.drugs.summary_cache import cached_summary
from forum.extensions import db
from forum.forms import ActionForm
from forum.fragments import review_fragments
from forum.pagination import keyset_page, requested_cursor, to_first_page

PER_PAGE = 50
CONDITIONS_ON_INDEX = 500


@bp.route("/drugs")
def index():
    return render_template("drugs/index.html", letters=queries.LETTERS, kinds=list(queries.KIND_SLUGS.values()),
                           conditions=queries.all_conditions())


def _keyset_list(stmt, template: str, **context):
    direction, values = requested_cursor(queries.A_TO_Z)
    page = keyset_page(db.session, stmt, queries.A_TO_Z, PER_PAGE, direction, values)
    if page.reached_start:
        return to_first_page()
    return render_template(template, page=page, drugs=page.items, letters=queries.LETTERS,
                           kinds=list(queries.KIND_SLUGS.values()), **context)


@bp.route("/drugs/letter/<letter>")
def letter(letter):
    if letter not in queries.LETTERS:
        abort(404)
    stmt = db.select(queries.Drug).where(queries.letter_clause(letter))
    return _keyset_list(stmt, "drugs/list.html", heading=f"Drugs and supplements: {letter.upper()}",
                        letter=letter, kind=None)


@bp.route("/drugs/kind/<kind_slug>")
def kind(kind_slug):
    kind = queries.KIND_SLUGS.get(kind_slug)
    if kind is None:
        abort(404)
    stmt = db.select(queries.Drug).where(queries.Drug.kind == kind.value)
    return _keyset_list(stmt, "drugs/list.html", heading=kind.plural, letter=None, kind=kind)


@bp.route("/drugs/conditions")
def conditions():
    return render_template("drugs/conditions.html", conditions=queries.all_conditions())


@bp.route("/drugs/conditions/<condition_slug>")
def condition(condition_slug):
    found = queries.condition_by_slug(condition_slug)
    if found is None:
        abort(404)
    drugs = queries.drugs_for_condition(found)
    return render_template("drugs/condition.html", condition=found, drugs=drugs,
                           capped=len(drugs) >= queries.CONDITION_DRUGS_MAX)


@bp.route("/drugs/search")
def search():
    text = request.args.get("q", "")
    outcome = search_drugs(text) if text.strip() else None
    return render_template("drugs/search.html", q=text[:200], outcome=outcome)


def _reviews(drug):
    """The page's community reviews: the summary, one keyset page (sorted, maybe one condition), own ones."""
    sort = request.args.get("sort", rq.DEFAULT_SORT)
    sort = sort if sort in rq.SORTS else rq.DEFAULT_SORT
    condition = name_key(request.args.get("condition", "")[:120])
    keyset = rq.SORTS[sort][1]
    direction, values = requested_cursor(keyset)
    page = keyset_page(db.session, rq.reviews_stmt(current_user, drug, condition or None), keyset, rq.PER_PAGE,
                       direction, values)
    summary = cached_summary(drug, rq.summary)
    return {"summary": summary, "page": page, "reviews": page.items, "review_fragments": review_fragments(page.items),
            "sort": sort, "sorts": rq.SORTS,
            "condition": condition, "marked": rq.helpful_marks(current_user, page.items),
            "own": rq.own_reviews(current_user, drug), "button": ActionForm()}


@bp.route("/drugs/<drug_slug>")
def show(drug_slug):
    anonymous = not current_user.is_authenticated
    drug = queries.drug_by_slug(drug_slug, details=not anonymous)
    if drug is None:
        abort(404)
    html = anonymous_drug_page(drug, _page_html) if anonymous else _page_html(drug)
    if html is None:
        return to_first_page()
    return render_template("drugs/show.html", drug=drug, page_html=html)


def _page_html(drug) -> Markup | None:
    """The page's content for this reader, or None when its cursor went back past the first review."""
    reviews = _reviews(drug)
    if reviews["page"].reached_start:
        return None
    talk = queries.conversations(current_user, drug)
    articles = queries.articles_about(drug, [drug.name, *drug.brand_names])
    return Markup(render_template("drugs/_page.html", drug=drug, sections=queries.sections_by_kind(drug), talk=talk,
                                  articles=articles, ask_url=queries.ask_url(current_user, drug, talk.groups),
                                  **reviews))
