"""The shared Redis cache, degrading to this process's memory while Redis is unreachable.

``CACHE_TYPE`` is this class whenever ``CACHE_REDIS_URL`` is set (forum.config).
Every Redis client has connect and socket timeouts (``REDIS_SOCKET_TIMEOUT``),
so a Redis that accepts connections but never answers costs one short wait,
not a hung page. After a failure the cache answers from a bounded in-process
``SimpleCache`` for ``REDIS_RETRY_SECONDS`` before trying Redis again, so a
Redis that is down costs each worker one timeout per retry period, never a page.
"""
from __future__ import annotations

import logging
import threading
import time

from cachelib import SimpleCache
from flask_caching.backends.rediscache import RedisCache

log = logging.getLogger(__name__)
RETRY_SECONDS = 30.0
LOCAL_THRESHOLD = 2000


class ResilientRedisCache(RedisCache):
    """Flask-Caching's RedisCache with a local fallback (see the module docstring)."""

    def __init__(self, *args, retry_seconds: float = RETRY_SECONDS, **kwargs):
        super().__init__(*args, **kwargs)
        self._local = SimpleCache(threshold=LOCAL_THRESHOLD, default_timeout=self.default_timeout)
        self._retry_seconds = retry_seconds
        self._down_until = 0.0
        self._lock = threading.Lock()

    @classmethod
    def factory(cls, app, config, args, kwargs):
        kwargs["retry_seconds"] = float(config.get("REDIS_RETRY_SECONDS", RETRY_SECONDS))
        return super().factory(app, config, args, kwargs)

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args, **kwargs):
        if not self.redis_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except Exception as error:  # redis-py's ConnectionError / TimeoutError, and any other fault
                with self._lock:
                    if not self.redis_down:
                        log.warning("Redis cache unavailable (%s); using local memory for %.0f s",
                                    error.__class__.__name__, self._retry_seconds)
                    self._down_until = time.monotonic() + self._retry_seconds
        return getattr(self._local, name)(*args, **kwargs)

    def get(self, key):
        return self._call("get", key)

    def get_many(self, *keys):
        return self._call("get_many", *keys)

    def set(self, key, value, timeout=None):
        return self._call("set", key, value, timeout)

    def set_many(self, mapping, timeout=None):
        return self._call("set_many", mapping, timeout)

    def add(self, key, value, timeout=None):
        return self._call("add", key, value, timeout)

    def delete(self, key):
        return self._call("delete", key)

    def delete_many(self, *keys):
        return self._call("delete_many", *keys)

    def has(self, key):
        return self._call("has", key)

    def inc(self, key, delta=1):
        return self._call("inc", key, delta)

    def dec(self, key, delta=1):
        return self._call("dec", key, delta)

    def clear(self):
        self._local.clear()
        return self._call("clear")
