"""GET /api/v1/me: who the token acts for, and the token itself."""
from flask import g

from forum.api import present
from forum.api.auth import api_user
from forum.api.schemas.profiles import MeSchema
from forum.api.spec import resource

blp = resource("Me", __name__, "The member a token acts for.")


@blp.route("/me")
@blp.etag
@blp.response(200, MeSchema)
def me():
    """The token's owner and the token (name, scope, last use)."""
    user, token = api_user(), g.api_token
    return {**present.user_ref(user), "is_silenced": user.is_silenced,
            "silenced_until": user.silenced_until if user.is_silenced else None,
            "token": {"name": token.name, "scope": token.scope, "created_at": token.created_at,
                      "last_used_at": token.last_used_at}}
