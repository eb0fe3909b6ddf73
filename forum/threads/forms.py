"""Forms for replies and edits."""

from forum.forms import Form, anonymous_field, body_field, reason_field, title_field


class ReplyForm(Form):
    body = body_field("Your reply")
    anonymous = anonymous_field()


class EditPostForm(Form):
    title = title_field()
    body = body_field("Text")
    reason = reason_field()


class EditReplyForm(Form):
    body = body_field("Text")
    reason = reason_field()
