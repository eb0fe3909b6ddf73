"""Registers every feature blueprint on the app."""
from flask import Flask


def register_blueprints(app: Flask) -> None:
    from forum.admin import bp as admin_bp
    from forum.auth import bp as auth_bp
    from forum.drugs import bp as drugs_bp
    from forum.experts import bp as experts_bp
    from forum.groups import bp as groups_bp
    from forum.main import bp as main_bp
    from forum.medicine import bp as medicine_bp
    from forum.messages import bp as messages_bp
    from forum.mod import bp as mod_bp
    from forum.pages import bp as pages_bp
    from forum.pills import bp as pills_bp
    from forum.profiles import bp as profiles_bp
    from forum.searching import bp as search_bp
    from forum.second_opinion import bp as second_opinion_bp
    from forum.threads import bp as threads_bp

    for bp in (main_bp, auth_bp, profiles_bp, groups_bp, threads_bp, admin_bp, experts_bp, second_opinion_bp,
               drugs_bp, mod_bp, search_bp, medicine_bp, pills_bp, messages_bp, pages_bp):
        app.register_blueprint(bp)
    from forum.notifications import bp as notifications_bp

    app.register_blueprint(notifications_bp)

    from forum.feeds import bp as feeds_bp

    app.register_blueprint(feeds_bp)

    from forum.newsletter import bp as newsletter_bp

    app.register_blueprint(newsletter_bp)

    from forum import api, dev_mailbox

    api.init_app(app)

    from forum.errors import register_error_handlers

    dev_mailbox.register(app)

    register_error_handlers(app)
