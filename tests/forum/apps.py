"""A second app instance for a test (other settings, or a second "worker"),
with its database connections closed afterwards."""
from contextlib import contextmanager

from forum import create_app
from forum.extensions import db


@contextmanager
def other_app(config: dict):
    app = create_app(config)
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
