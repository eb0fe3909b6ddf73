"""What ``/healthz`` checks: the database, the shared cache and rate-limit storage (Redis), and the
search index. Each check is bounded by the clients' own timeouts (forum.config), so a dependency
that accepts connections but never answers makes ``/healthz`` answer 503 naming it, not hang. A
missing or damaged search index is reported under ``degraded`` (pages still work)."""
from __future__ import annotations

import logging

from flask import current_app
from sqlalchemy import text

from forum.extensions import cache, db, limiter

log = logging.getLogger(__name__)


def _database() -> None:
    try:
        db.session.execute(text("SELECT 1"))
    finally:
        db.session.rollback()


def _cache() -> None:
    backend = cache.cache
    client = getattr(backend, "_write_client", None)
    if client is not None:
        client.ping()  # the Redis itself: the page cache falls back, but operators must know


def _limits() -> None:
    if not current_app.config.get("RATELIMIT_STORAGE_URI", "memory://").startswith("memory"):
        if not limiter.storage.check():
            raise ConnectionError("rate-limit storage did not answer")


def _search() -> None:
    from forum.searching.service import index_health

    index_health()


CHECKS = {"database": _database, "cache": _cache, "rate_limits": _limits, "search": _search}
# Pages keep working without these (search says it is unavailable until `search sync` repairs it):
# reported under "degraded", without failing the health check (a fresh site has no index yet).
DEGRADED_ONLY = frozenset({"search"})


def check_all() -> tuple[dict, list[str]]:
    """({dependency: "ok" | "unavailable", "degraded": [...]}, [the failing ones])."""
    report: dict = {}
    failing, degraded = [], []
    for name, check in CHECKS.items():
        try:
            check()
            report[name] = "ok"
        except Exception as error:  # the point is to report any failure, not raise it
            log.warning("health check: %s unavailable (%s)", name, error.__class__.__name__)
            report[name] = "unavailable"
            report[f"{name}_detail"] = error.__class__.__name__
            (degraded if name in DEGRADED_ONLY else failing).append(name)
    if degraded:
        report["degraded"] = degraded
    return report, failing
