"""Forms for replies and edits."""
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional

from forum.actions import limits
from forum.groups.forms import body_field, title_field


class ReplyForm(FlaskForm):
    body = body_field("Your reply")


class EditPostForm(FlaskForm):
    title = title_field()
    body = body_field("Text")


class EditReplyForm(FlaskForm):
    body = body_field("Text")


class DeleteForm(FlaskForm):
    """Carries the CSRF token for the delete button."""
    reason = StringField("Reason (optional)", validators=[Optional(), Length(max=limits.REQUEST_NOTE_MAX)])
