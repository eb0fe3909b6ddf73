"""Personal access tokens: create, revoke, check one sent to the API, note its use.

A token reads ``askw_<prefix>_<secret>``: the prefix (8 random characters)
finds the row through a unique index, and the SHA-256 digest of the whole token
is compared in constant time. The secret is 32 random bytes, so a fast digest
is enough; it is shown once, when the token is made, and never stored.

``check_token`` only reads: an API request that is a GET writes nothing in its
own transaction. The last-used time is written by ``note_use`` after the
response has gone, and at most once a minute per token, so reads stay cheap.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import joinedload

from forum.actions import ActionError
from forum.extensions import db
from forum.models import ApiToken, TokenScope, User, utcnow

TOKEN_PREFIX = "askw_"
NAME_MAX = 80
TOKENS_MAX = 20  # live tokens per member
USE_RESOLUTION = timedelta(minutes=1)
_TOKEN = re.compile(r"askw_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})")


class TokenRefused(Exception):
    """A token the API does not accept; ``str(error)`` says why, for the client."""


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def _new_prefix() -> str:
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


def create_token(user: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """Make a token for ``user``; returns the row and the token text, shown once.

    Raises ActionError for a missing or long name, an unknown scope, or too many tokens.
    """
    name = " ".join((name or "").split())
    if not name:
        raise ActionError("Give the token a name, such as the app that will use it.")
    if len(name) > NAME_MAX:
        raise ActionError(f"Keep the name to {NAME_MAX} characters.")
    if scope not in {s.value for s in TokenScope}:
        raise ActionError("Choose what the token may do: read, or read and write.")
    live = db.session.scalar(select(func.count()).select_from(ApiToken).where(
        ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)))
    if live >= TOKENS_MAX:
        raise ActionError(f"You have {TOKENS_MAX} tokens already; revoke one you no longer use first.")
    prefix = _new_prefix()
    raw = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(user_id=user.id, name=name, prefix=prefix, secret_hash=_digest(raw), scope=scope,
                     created_at=utcnow())
    db.session.add(token)
    db.session.commit()
    return token, raw


def revoke_token(user: User, token: ApiToken) -> ApiToken:
    """Stop ``token`` working at once. Raises ActionError if it is not ``user``'s or already revoked."""
    if token.user_id != user.id:
        raise ActionError("That token is not yours.")
    if token.revoked_at is not None:
        raise ActionError("That token was already revoked.")
    token.revoked_at = utcnow()
    db.session.commit()
    return token


def live_tokens(user: User) -> list[ApiToken]:
    return list(db.session.scalars(select(ApiToken).where(
        ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)).order_by(ApiToken.created_at.desc())))


def check_token(raw: str) -> ApiToken:
    """The live token ``raw`` stands for, its user loaded (one statement).

    Raises TokenRefused for a malformed, unknown, wrong or revoked token, and for
    an account that is banned or suspended (its tokens stop working at once).
    """
    match = _TOKEN.fullmatch(raw or "")
    if match is None:
        raise TokenRefused("That is not an Askwell token: they look like askw_xxxxxxxx_... "
                           "(make one at /settings/tokens).")
    token = db.session.scalar(select(ApiToken).options(joinedload(ApiToken.user))
                              .where(ApiToken.prefix == match.group(1)))
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(raw)):
        raise TokenRefused("This token is not valid. Check it was copied whole, or make a new one.")
    if token.revoked_at is not None:
        raise TokenRefused("This token was revoked by its owner.")
    if token.user.banned_at is not None:
        raise TokenRefused("This account is banned, so its tokens no longer work.")
    if not token.user.is_active:
        raise TokenRefused("This account is suspended, so its tokens do not work until the suspension ends.")
    return token


def needs_use_noted(token: ApiToken) -> bool:
    return token.last_used_at is None or utcnow() - token.last_used_at >= USE_RESOLUTION


def note_use(token_id: int) -> None:
    """Set the token's last-used time, unless another request did within the last minute."""
    now = utcnow()
    db.session.execute(update(ApiToken).where(
        ApiToken.id == token_id,
        or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at <= now - USE_RESOLUTION),
    ).values(last_used_at=now))
    db.session.commit()
