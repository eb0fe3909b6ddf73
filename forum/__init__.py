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

    from forum.config import build_config, database_options, load_secret_key

    app.config.update(build_config(app.instance_path))
    if config:
        app.config.update(config)
    # Timeouts for the database actually used (a test or script may pass its own URL).
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**database_options(app.config["SQLALCHEMY_DATABASE_URI"]),
                                               **(config or {}).get("SQLALCHEMY_ENGINE_OPTIONS", {})}
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)

    from forum import database, request_input, security, static_files, templating
    from forum.urls import BoundedIntConverter

    app.url_map.converters["int"] = BoundedIntConverter
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
    request_input.configure(app)

    from forum import jobs, searching

    jobs.init_app(app)
    from moderation import crisis

    searching.init_app(app)
    # The crisis model is trained once from the repository's data and kept here for every worker.
    crisis.configure(app.config.get("SAFETY_MODEL_DIR") or str(Path(app.instance_path) / "safety-model"))

    from forum.blueprints import register_blueprints
    from forum.cli import register_commands

    register_blueprints(app)
    register_commands(app)
    return app
