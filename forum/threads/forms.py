"""Forms for replies and edits."""
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length

from forum.groups.forms import body_field, title_field


def reason_field():
    return StringField("Reason for the edit (moderators: shown in the moderation log)",
                       validators=[Length(max=500, message="Keep the reason to 500 characters.")])


class ReplyForm(FlaskForm):
    body = body_field("Your reply")


class EditPostForm(FlaskForm):
    title = title_field()
    body = body_field("Text")
    reason = reason_field()


class EditReplyForm(FlaskForm):
    body = body_field("Text")
    reason = reason_field()


class DeleteForm(FlaskForm):
    """Carries the CSRF token for the delete button."""
