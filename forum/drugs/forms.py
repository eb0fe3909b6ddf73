"""Forms for community drug reviews: writing or editing one, flagging one, removing one."""
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from forum.actions import limits
from forum.forms import Form
from forum.models import FlagReason
from forum.models.moderation import REASON_LABELS
from forum.models.reviews import DURATIONS

RATING_CHOICES = [SelectChoice(n, str(n)) for n in range(1, 6)]


def _rating(label: str, low: str, high: str) -> RadioField:
    return RadioField(label, choices=RATING_CHOICES, coerce=int,
                      validators=[InputRequired(f"Choose a number from 1 ({low}) to 5 ({high}).")],
                      description=f"1 = {low}, 5 = {high}")


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ReviewForm(Form):
    condition = StringField(
        "What did you take it for?",
        validators=[DataRequired("Say which condition you took it for."),
                    Length(max=limits.CONDITION_MAX, message=f"Keep it to {limits.CONDITION_MAX} characters.")],
        description="Pick from the list or type your own, e.g. type 2 diabetes.",
        render_kw={"list": "condition-choices"},
    )
    effectiveness = _rating("How well did it work for you?", "not at all", "very well")
    ease_of_use = _rating("How easy was it to take?", "very hard", "very easy")
    satisfaction = _rating("How satisfied were you overall?", "not at all", "very")
    duration = RadioField("How long did you take it?", choices=[SelectChoice(k, v) for k, v in DURATIONS.items()],
                          validators=[InputRequired("Say how long you took it.")])
    side_effects = CheckboxesField("Side effects you had", choices=[], validate_choice=False)
    other_side_effects = StringField(
        "Other side effects",
        validators=[Length(max=limits.SIDE_EFFECT_MAX * 4, message="Keep the other side effects short; "
                           "the review has room for more.")],
        description="Separate them with commas. Leave the boxes empty if you had none.",
    )
    body = TextAreaField(
        "Your experience",
        validators=[DataRequired("Write a few sentences about your experience."),
                    Length(max=limits.REVIEW_MAX, message=f"Reviews can be up to {limits.REVIEW_MAX:,} characters.")],
        description=f"At least {limits.REVIEW_BODY_MIN} characters. What happened, what helped, what you wish "
                    "you had known. Please leave out names, addresses and phone numbers.",
    )


class ReviewFlagForm(Form):
    reason = RadioField(
        "Why should moderators look at this review?",
        choices=[SelectChoice(r.value, REASON_LABELS[r.value]) for r in FlagReason],
        validators=[InputRequired("Choose a reason.")],
    )
    details = TextAreaField("Details (needed for “Something else”)",
                            validators=[Length(max=1000, message="Keep it to 1,000 characters.")])


class RemoveReviewForm(Form):
    reason = TextAreaField(
        "Reason",
        validators=[Length(max=500, message="Keep the reason to 500 characters.")],
        description="A moderator must give one (at least 5 characters); it goes into the moderation log.",
    )
