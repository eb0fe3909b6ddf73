"""/pills: the Pill Identifier. It only reads; the form is a GET so results can be bookmarked."""
from flask import render_template, request

from forum.pills import bp, queries
from forum.pills.imprint import imprint_sides
from forum.pills.spl import COLORS, SHAPES


@bp.route("/pills")
def identify():
    query = queries.from_args(request.args)
    pills, more = queries.find_pills(query)
    return render_template("pills/identify.html", query=query, pills=pills, more=more,
                           colors=sorted(COLORS), shapes=sorted(SHAPES), sides=imprint_sides)
