"""Forms for flagging and for moderator actions. Every reason is free text, escaped on display."""

from wtforms import IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from forum.actions.audit import REASON_MAX
from forum.actions.flags import DETAILS_MAX
from forum.actions.moderation import DAYS_MAX
from forum.forms import Form
from forum.models.moderation import REASON_LABELS, FlagReason, WordAction


def reason_field(label="Reason (shown in the moderation log)", required=False):
    validators = [Length(max=REASON_MAX, message=f"Keep the reason to {REASON_MAX} characters.")]
    if required:
        validators.insert(0, DataRequired("Give a reason: it goes in the moderation log."))
    return StringField(label, validators=validators)


class FlagForm(Form):
    reason = RadioField(
        "Why should moderators look at this post?",
        choices=[SelectChoice(r.value, REASON_LABELS[r.value]) for r in FlagReason],
        validators=[InputRequired("Choose a reason.")],
    )
    details = TextAreaField(
        "Details (needed for “Something else”)",
        validators=[Length(max=DETAILS_MAX, message=f"Keep it to {DETAILS_MAX:,} characters.")],
    )


class ReasonForm(Form):
    reason = reason_field()


class DecisionForm(Form):
    decision = SelectField(
        "Decision",
        choices=[
            SelectChoice("keep", "Keep (publish and clear flags)"),
            SelectChoice("hide", "Hide"),
            SelectChoice("delete", "Delete"),
        ],
    )
    reason = reason_field("Reason (required to hide or delete)")


class SanctionForm(Form):
    kind = SelectField(
        "Action",
        choices=[
            SelectChoice("warn", "Warn"),
            SelectChoice("silence", "Silence (can read, cannot post)"),
            SelectChoice("suspend", "Suspend (cannot log in)"),
            SelectChoice("ban", "Ban"),
            SelectChoice("lift", "Lift every sanction"),
        ],
    )
    days = IntegerField(
        "Days (for silence and suspend)",
        validators=[Optional(), NumberRange(1, DAYS_MAX, f"Give a number of days from 1 to {DAYS_MAX}.")],
    )
    group = SelectField("For the group", coerce=int, default=0, validate_choice=False,
                        description="Group moderators act for one of their groups; site moderators may "
                                    "leave it site-wide.")
    reason = reason_field("Reason (the member sees warnings)", required=True)


class MoveForm(Form):
    group = SelectField("Move to group", coerce=int)
    reason = reason_field()


class MergeForm(Form):
    target = StringField(
        "Merge into thread (its number or link, e.g. /t/42)",
        validators=[DataRequired("Give the thread to merge into."), Length(max=300)],
    )
    reason = reason_field()


class WatchedWordForm(Form):
    word = StringField(
        "Word or phrase",
        validators=[DataRequired("Type a word or phrase."), Length(max=100, message="Up to 100 characters.")],
    )
    action = SelectField(
        "What happens to posts that use it",
        choices=[
            SelectChoice(WordAction.BLOCK.value, "Block (the author must reword)"),
            SelectChoice(WordAction.HOLD.value, "Hold for approval"),
            SelectChoice(WordAction.FLAG.value, "Publish and flag for review"),
        ],
    )
