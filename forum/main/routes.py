"""Routes: /, /healthz, /preferences/font-size, /preview (live Markdown preview)."""
from flask import jsonify, make_response, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum import health, queries
from forum.actions import limits
from forum.experts import queries as expert_queries
from forum.extensions import db, limiter
from forum.main import bp
from forum.templating import FONT_SIZE_COOKIE, FONT_SIZES
from forum.urls import safe_next_url


@bp.route("/")
def home():
    from forum.notifications.queries import home_lists

    lists = home_lists(current_user)  # one's own groups and followed threads first, when logged in
    return render_template(
        "main/home.html",
        mine=lists.mine,
        groups=queries.popular_groups(6),
        questions=lists.questions,
        discussions=lists.discussions,
        expert_answers=expert_queries.recent_expert_answers(current_user, limit=4),
        articles=expert_queries.recent_articles(limit=3),
    )


@bp.route("/healthz")
def healthz():
    """200 when every dependency answers; else 503 naming the ones that do not (``failing``)."""
    report, failing = health.check_all()
    if failing:
        return jsonify(status="error", failing=failing, **report), 503
    return jsonify(status="ok", backend=db.engine.dialect.name, **report)


@bp.route("/preferences/font-size", methods=["POST"])
def set_font_size():
    """Remember the reader's text size in a cookie (works without JavaScript)."""
    size = request.form.get("size", "")
    back = safe_next_url(request.form.get("next")) or url_for("main.home")
    response = make_response(redirect(back))
    if size in FONT_SIZES:
        response.set_cookie(FONT_SIZE_COOKIE, size, max_age=365 * 24 * 3600, samesite="Lax",
                            httponly=False, secure=request.is_secure)
    return response


@bp.route("/preview", methods=["POST"])
@login_required
@limiter.limit("60/minute")
def preview():
    """Render a post body exactly as it would be stored, for the live preview (JSON, writes nothing)."""
    from moderation.sanitize import render_markdown

    body = request.form.get("body", "")
    if len(body) > limits.BODY_MAX:
        message = f"Posts can be up to {limits.BODY_MAX:,} characters; this one has {len(body):,}."
        return jsonify(error=message), 413
    return jsonify(html=render_markdown(body))
