"""Registers every feature blueprint on the app."""
from flask import Flask


def register_blueprints(app: Flask) -> None:
    from forum.admin import bp as admin_bp
    from forum.auth import bp as auth_bp
    from forum.experts import bp as experts_bp
    from forum.groups import bp as groups_bp
    from forum.main import bp as main_bp
    from forum.mod import bp as mod_bp
    from forum.profiles import bp as profiles_bp
    from forum.searching import bp as search_bp
    from forum.second_opinion import bp as second_opinion_bp
    from forum.threads import bp as threads_bp

    for bp in (main_bp, auth_bp, profiles_bp, groups_bp, threads_bp, admin_bp, experts_bp, second_opinion_bp,
               mod_bp, search_bp):
        app.register_blueprint(bp)

    from forum.errors import register_error_handlers

    register_error_handlers(app)
