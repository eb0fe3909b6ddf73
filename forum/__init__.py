"""Askwell: an open health Q&A community. ``create_app`` builds the Flask app."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Build an app: load config, bind extensions, register blueprints."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_relative_config=True,
        # Where the SQLite file, search index and generated secret live.
        instance_path=os.environ.get("ASKWELL_INSTANCE_PATH") or None,
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from forum.config import build_config, load_secret_key

    app.config.update(build_config(app.instance_path))
    if config:
        app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)

    from forum import database, security, static_files, templating
    from forum.extensions import cache, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)
    login_manager.init_app(app)
    database.configure(app)
    templating.configure(app)
    security.configure(app)
    static_files.configure(app)

    import search

    search.init_app(app)

    from forum.blueprints import register_blueprints
    from forum.cli import register_commands

    register_blueprints(app)
    register_commands(app)
    return app
