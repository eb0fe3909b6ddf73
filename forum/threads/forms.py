"""Forms for replies and edits."""
from flask_wtf import FlaskForm
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
