"""Static files that browsers may cache for a year, with URLs that change when the file does.

``url_for('static', filename=...)`` gets a ``?v=`` parameter holding a short hash of the
file's content (computed once per file and modification time), so a changed stylesheet or
script has a new URL and a returning visitor never runs stale code. A request that carries
the current version is answered with ``Cache-Control: public, max-age=31536000, immutable``;
one without it (or with an old version) keeps Flask's revalidating ``no-cache``.
"""
from __future__ import annotations

import hashlib
import os
import time

from flask import Flask, current_app, request

ONE_YEAR = 365 * 24 * 3600
RECHECK_SECONDS = 1.0
_versions: dict[tuple[str, float], str] = {}
_recent: dict[tuple[str, str], tuple[float, str | None]] = {}  # (folder, filename) -> (checked at, version)


def static_version(filename: str) -> str | None:
    """A short content hash of ``static/<filename>``, or None when the file does not exist.

    Looked up again at most once a second per file: a page links about ten static files, and
    resolving and stat-ing each on every request was some forty system calls a page."""
    folder = current_app.static_folder
    now = time.monotonic()
    recent = _recent.get((folder, filename))
    if recent is not None and now - recent[0] < RECHECK_SECONDS:
        return recent[1]
    version = _static_version(folder, filename)
    _recent[(folder, filename)] = (now, version)
    return version


def _static_version(folder: str, filename: str) -> str | None:
    path = os.path.realpath(os.path.join(folder, filename))
    if not path.startswith(os.path.realpath(folder) + os.sep):
        return None
    try:
        key = (path, os.stat(path).st_mtime)
    except OSError:
        return None
    if key not in _versions:
        with open(path, "rb") as handle:
            _versions[key] = hashlib.sha256(handle.read()).hexdigest()[:10]
    return _versions[key]


def _add_version(endpoint: str, values: dict) -> None:
    if endpoint == "static" and "v" not in values and values.get("filename"):
        version = static_version(values["filename"])
        if version:
            values["v"] = version


def _long_cache(response):
    if request.endpoint == "static" and response.status_code == 200:
        version = request.args.get("v")
        if version and version == static_version(request.view_args.get("filename", "")):
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
    return response


def configure(app: Flask) -> None:
    app.url_defaults(_add_version)
    app.after_request(_long_cache)
