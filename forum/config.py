"""Configuration from the environment, with defaults that work on a laptop.

Every setting can be overridden by an environment variable of the same name.
With nothing set, Askwell uses SQLite and a Whoosh index inside the Flask
instance folder, and generates a secret key there on first run, so that
``make run`` needs no set-up at all.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise RuntimeError(f"{name} must be a whole number, got {value!r}") from exc


def load_secret_key(instance_path: str) -> str:
    """Return SECRET_KEY from the environment, or from a file in the instance folder.

    The file is created (mode 0600) on first use so that sessions survive restarts.
    """
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = Path(instance_path) / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = key_file.with_name(f".secret_key.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    try:
        # link() fails if another process won the race; everyone then uses its key.
        os.link(tmp, key_file)
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
    return key_file.read_text().strip()


def cache_config() -> dict:
    """The fragment cache (Flask-Caching): one SimpleCache per process by default,
    Redis shared by every worker when CACHE_REDIS_URL is set, or CACHE_TYPE as given."""
    redis_url = os.environ.get("CACHE_REDIS_URL", "")
    # Redis with timeouts and a local-memory fallback while it is unreachable (forum.cache_backend).
    default_type = "forum.cache_backend.ResilientRedisCache" if redis_url else "SimpleCache"
    config = {
        "CACHE_TYPE": os.environ.get("CACHE_TYPE", default_type),
        "CACHE_DEFAULT_TIMEOUT": _env_int("CACHE_DEFAULT_TIMEOUT", 24 * 3600),
        "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "askwell:"),
        # SimpleCache: entries kept per process before it starts dropping them.
        "CACHE_THRESHOLD": _env_int("CACHE_THRESHOLD", 5000),
        "FRAGMENT_CACHE": _env_bool("FRAGMENT_CACHE", True),
    }
    if redis_url:
        config["CACHE_REDIS_URL"] = redis_url
        config["CACHE_OPTIONS"] = redis_timeouts()
    return config


def redis_timeouts() -> dict:
    """Connect and socket timeouts for every Redis client: a Redis that accepts connections but never
    answers costs this long, then the cache and the limits fall back to local memory."""
    seconds = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
    return {"socket_timeout": seconds, "socket_connect_timeout": seconds}


def database_options(url: str) -> dict:
    """Engine options: on PostgreSQL a connect timeout and a statement timeout, so a database that
    never answers fails fast (a friendly 503) instead of hanging every worker."""
    # A ping before each checkout finds a connection the server dropped; a SQLite file is never
    # dropped, so there it would only cost a statement per request.
    options: dict = {"pool_pre_ping": not url.startswith("sqlite")}
    if url.startswith("postgresql"):
        options["pool_timeout"] = _env_int("DATABASE_POOL_TIMEOUT", 10)
        options["connect_args"] = {
            "connect_timeout": _env_int("DATABASE_CONNECT_TIMEOUT", 5),
            "options": f"-c statement_timeout={_env_int('DATABASE_STATEMENT_TIMEOUT_MS', 30000)}"
                       f" -c lock_timeout={_env_int('DATABASE_LOCK_TIMEOUT_MS', 10000)}",
        }
    return options


def build_config(instance_path: str) -> dict:
    """Collect the settings for one app instance."""
    default_db = "sqlite:///" + str(Path(instance_path) / "askwell.db")
    database_url = os.environ.get("DATABASE_URL", default_db)
    if database_url.startswith("postgres://"):
        # Heroku-style URLs; SQLAlchemy needs the driver spelled out.
        database_url = "postgresql+psycopg://" + database_url[len("postgres://"):]
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://"):]
    return {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": database_options(database_url),
        "SQLITE_BUSY_TIMEOUT_MS": _env_int("SQLITE_BUSY_TIMEOUT_MS", 15000),
        "SEARCH_BACKEND": os.environ.get("SEARCH_BACKEND", "whoosh"),
        # Pages of search hits kept in the app cache under the index version (Whoosh only).
        "SEARCH_RESULTS_CACHE": _env_bool("SEARCH_RESULTS_CACHE", True),
        "SEARCH_INDEX_DIR": os.environ.get(
            "SEARCH_INDEX_DIR", str(Path(instance_path) / "search-index")
        ),
        "SEARCH_SYNONYMS_FILE": os.environ.get(
            "SEARCH_SYNONYMS_FILE", str(Path(instance_path) / "search-synonyms.txt")
        ),
        # Where the trained crisis model is kept (trained from the repository's data on first use).
        "SAFETY_MODEL_DIR": os.environ.get("SAFETY_MODEL_DIR", str(Path(instance_path) / "safety-model")),
        "POSTS_PER_PAGE": _env_int("POSTS_PER_PAGE", 20),
        "THREADS_PER_PAGE": _env_int("THREADS_PER_PAGE", 25),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _env_bool("SESSION_COOKIE_SECURE", False),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _env_bool("SESSION_COOKIE_SECURE", False),
        "WTF_CSRF_TIME_LIMIT": _env_int("WTF_CSRF_TIME_LIMIT", 6 * 3600),
        "MAX_CONTENT_LENGTH": _env_int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024),
        "SITE_NAME": os.environ.get("SITE_NAME", "Askwell"),
        # The public address, e.g. https://askwell.example.org: links in emails use it
        # rather than the request's Host header, which a client can forge.
        "SITE_URL": os.environ.get("SITE_URL", "").rstrip("/"),
        **cache_config(),
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_STORAGE_OPTIONS": (redis_timeouts() if os.environ.get("RATELIMIT_STORAGE_URI", "")
                                      .startswith(("redis", "rediss")) else {}),
        # Seconds the cache and the hand-made counts use local memory after Redis failed.
        "REDIS_RETRY_SECONDS": _env_int("REDIS_RETRY_SECONDS", 30),
        "RATELIMIT_ENABLED": _env_bool("RATELIMIT_ENABLED", True),
        "RATELIMIT_HEADERS_ENABLED": True,
        # If Redis is unreachable, count in each worker's memory rather than fail logins.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        # Failed logins allowed per account and per address (Flask-Limiter syntax).
        "LOGIN_LIMIT_ACCOUNT": os.environ.get("LOGIN_LIMIT_ACCOUNT", "5 per minute;20 per hour"),
        "LOGIN_LIMIT_ADDRESS": os.environ.get("LOGIN_LIMIT_ADDRESS", "20 per minute;100 per hour"),
        "REGISTER_LIMIT": os.environ.get("REGISTER_LIMIT", "10 per hour"),
        # Every sign-up form sent, successful or not: a high ceiling against scripts.
        "REGISTER_ATTEMPT_LIMIT": os.environ.get("REGISTER_ATTEMPT_LIMIT", "100 per hour"),
        "PASSWORD_RESET_LIMIT": os.environ.get("PASSWORD_RESET_LIMIT", "5 per hour"),
        "CONTACT_LIMIT": os.environ.get("CONTACT_LIMIT", "5 per hour;20 per day"),
        "PASSWORD_RESET_MAX_AGE": _env_int("PASSWORD_RESET_MAX_AGE", 3600),
        # Days a sign-up's emailed link works; unconfirmed accounts are forgotten after it.
        "SIGNUP_CONFIRM_DAYS": _env_int("SIGNUP_CONFIRM_DAYS", 7),
        # A page listing the mail written to MAIL_DIR (development only, never with MAIL_SERVER).
        "DEV_MAILBOX": _env_bool("DEV_MAILBOX", False),
        # Server-side sessions end after this long even with "keep me logged in".
        "SESSION_MAX_AGE_DAYS": _env_int("SESSION_MAX_AGE_DAYS", 30),
        "REMEMBER_COOKIE_DURATION": timedelta(days=_env_int("SESSION_MAX_AGE_DAYS", 30)),
        "PREFERRED_URL_SCHEME": "https" if _env_bool("SESSION_COOKIE_SECURE", False) else "http",
        # Number of proxies in front of the app whose X-Forwarded-* headers to trust.
        "TRUST_PROXY": _env_int("TRUST_PROXY", 0),
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": _env_int("MAIL_PORT", 587),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": _env_bool("MAIL_USE_TLS", True),
        "MAIL_FROM": os.environ.get("MAIL_FROM", "Askwell <no-reply@askwell.invalid>"),
        # Without MAIL_SERVER, mail is written here as .eml files (development).
        "MAIL_DIR": os.environ.get("MAIL_DIR", str(Path(instance_path) / "mail")),
        # argon2id cost; the defaults are the library's recommendation (about 50 ms a hash).
        "ARGON2_TIME_COST": _env_int("ARGON2_TIME_COST", 3),
        "ARGON2_MEMORY_COST": _env_int("ARGON2_MEMORY_COST", 65536),
        "POST_RATE_LIMIT": os.environ.get("POST_RATE_LIMIT", "6 per minute;60 per hour"),
        "FLAG_HIDE_THRESHOLD": _env_int("FLAG_HIDE_THRESHOLD", 3),
        "MAX_LINKS_PER_POST": _env_int("MAX_LINKS_PER_POST", 8),
        "NEW_MEMBER_POSTS": _env_int("NEW_MEMBER_POSTS", 3),
        # Private messages (forum.ratelimits.message_rate_error): new members are members with
        # fewer than NEW_MEMBER_POSTS posts or younger than NEW_MEMBER_DAYS days.
        "NEW_MEMBER_DAYS": _env_int("NEW_MEMBER_DAYS", 2),
        "NEW_MEMBER_MESSAGE_RATE_LIMIT": os.environ.get("NEW_MEMBER_MESSAGE_RATE_LIMIT", "3 per hour;10 per day"),
        "MESSAGE_RATE_LIMIT": os.environ.get("MESSAGE_RATE_LIMIT", "10 per minute;100 per day"),
        # The JSON API (forum.api): requests per personal access token; CORS origins (off when empty).
        "API_RATE_LIMIT": os.environ.get("API_RATE_LIMIT", "120 per minute;3000 per hour"),
        # Background jobs (forum.jobs): RQ on this Redis; without it jobs run in-process.
        "JOBS_REDIS_URL": os.environ.get("JOBS_REDIS_URL", ""),
        "JOBS_QUEUE": os.environ.get("JOBS_QUEUE", "askwell"),
        "JOBS_RETRY_INTERVALS": [int(s) for s in os.environ.get("JOBS_RETRY_INTERVALS", "10,60,300").split(",") if s.strip()],
        "API_CORS_ORIGINS": [o.strip() for o in os.environ.get("API_CORS_ORIGINS", "").split(",") if o.strip()],
        # The newsletter (forum.newsletter): days a sign-up link works, sign-ups per address an hour,
        # recipients per sending job.
        "NEWSLETTER_CONFIRM_DAYS": _env_int("NEWSLETTER_CONFIRM_DAYS", 7),
        "NEWSLETTER_SIGNUP_LIMIT": os.environ.get("NEWSLETTER_SIGNUP_LIMIT", "10 per hour"),
        "NEWSLETTER_BATCH": _env_int("NEWSLETTER_BATCH", 200),
    }
