"""Form pieces every blueprint shares: the CSRF-only button form and the text fields.

Blueprints import these from here, never from a sibling blueprint, so each
feature's ``forms.py`` only holds its own forms.
"""
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.actions import limits

# A field without its own Length validator still takes no more than this.
FIELD_MAX = 100_000


def _max_length(field) -> tuple[int, str | None]:
    """The field's own longest allowed value and its message (``FIELD_MAX`` and none without a Length)."""
    bounds = [(v.max, v.message) for v in field.validators
              if isinstance(v, Length) and v.max is not None and v.max >= 0]
    return min(bounds, key=lambda b: b[0]) if bounds else (FIELD_MAX, None)


class Form(FlaskForm):
    """Every form of the site: each field's length is checked before any validator sees it.

    An over-long value (a 1 MB "email address") is refused with its own message
    at once, so no parser or validation library ever runs on it, and the other
    fields keep what was typed.
    """

    def validate(self, extra_validators=None) -> bool:
        too_long = {}
        for field in self:
            limit, message = _max_length(field)
            longest = max((len(v) for v in field.raw_data or () if isinstance(v, str)), default=0)
            if longest > limit:
                too_long[field] = message or f"This can be up to {limit:,} characters; what was sent has {longest:,}."
        if not too_long:
            return super().validate(extra_validators)
        for field, message in too_long.items():
            field.errors = [message]
        return False


class ActionForm(Form):
    """A button that changes state (join, delete, mark helpful ...): carries only the CSRF token."""


def title_field():
    return StringField(
        "Title",
        validators=[
            DataRequired("Give your post a title."),
            Length(limits.TITLE_MIN, limits.TITLE_MAX,
                   f"Titles are {limits.TITLE_MIN}–{limits.TITLE_MAX} characters."),
        ],
        description="A clear question or topic, e.g. “Does metformin cause tiredness?”",
    )


def body_field(label: str = "Your message", max_length: int = limits.BODY_MAX):
    return TextAreaField(
        label,
        validators=[
            DataRequired("Write something before posting."),
            Length(limits.BODY_MIN, max_length, f"Posts can be up to {max_length:,} characters."),
        ],
        description="Markdown works: **bold**, *italic*, lists, > quotes and links.",
    )


def reason_field(label: str = "Reason for the edit (moderators: shown in the moderation log)"):
    return StringField(label, validators=[Length(max=limits.AUDIT_REASON_MAX,
                                                 message=f"Keep the reason to {limits.AUDIT_REASON_MAX} characters.")])


def anonymous_field():
    """The "Post as an anonymous member" checkbox (shown only where the group allows it)."""
    return BooleanField(
        "Post as an anonymous member",
        description="Other members, visitors and search see “An anonymous member” instead of your name. "
                    "The moderators of this group can still see who wrote it if they need to.")
