"""Forms for writing messages, reporting, and choosing who may message you."""
from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from forum.actions import limits
from forum.forms import Form
from forum.models import FlagReason, MessagePolicy
from forum.models.moderation import REASON_LABELS


def message_field():
    return TextAreaField(
        "Your message",
        validators=[DataRequired("Write something before sending."),
                    Length(max=limits.MESSAGE_MAX, message=f"Messages can be up to {limits.MESSAGE_MAX:,} characters.")],
        description="Only the people in this conversation can read it. Markdown works: **bold**, *italic*, lists.",
    )


class ComposeForm(Form):
    to = StringField("To (username)", validators=[DataRequired("Who is the message for? Enter their username."),
                                                 Length(max=limits.USERNAME_MAX + 1)])
    body = message_field()


class ReplyForm(Form):
    body = message_field()


class ReportForm(Form):
    reason = RadioField(
        "Why should moderators look at this?",
        choices=[SelectChoice(r.value, REASON_LABELS[r.value]) for r in FlagReason],
        validators=[InputRequired("Choose a reason.")],
    )
    details = TextAreaField(
        "Details (needed for “Something else”)",
        validators=[Length(max=limits.REPORT_DETAILS_MAX,
                           message=f"Keep it to {limits.REPORT_DETAILS_MAX:,} characters.")],
    )


class MessageSettingsForm(Form):
    policy = RadioField(
        "Who may send you private messages?",
        choices=[SelectChoice(p.value, p.label) for p in MessagePolicy],
        validators=[InputRequired("Choose who may message you.")],
        description="Moderators and admins can always message you. People you block never can.",
    )
