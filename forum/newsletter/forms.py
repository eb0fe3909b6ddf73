"""Newsletter forms: sign up, confirm, unsubscribe, and an admin's issue."""
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length
from wtforms.widgets import CheckboxInput, ListWidget

from forum.actions import limits


class TopicsField(SelectMultipleField):
    """Checkboxes. Unknown values are not echoed back as errors; the action keeps only real topics."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, validate_choice=False, **kwargs)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class SignupForm(FlaskForm):
    email = EmailField("Your email address", filters=[_strip], validators=[
        DataRequired("Enter your email address."), Length(max=254, message="That address is too long."),
        Email("Enter a valid email address, like name@example.com.", check_deliverability=False)])
    topics = TopicsField("What would you like to receive?")


class TokenForm(FlaskForm):
    """Carries a signed link's token to the button that acts on it."""

    t = HiddenField()


class UnsubscribeForm(FlaskForm):
    """The one-click unsubscribe: the signed token is the authority (RFC 8058), no CSRF token."""

    class Meta:
        csrf = False

    t = HiddenField()


class IssueForm(FlaskForm):
    subject = StringField("Subject", validators=[
        DataRequired("Give the issue a subject."),
        Length(limits.TITLE_MIN, limits.TITLE_MAX, f"Subjects are {limits.TITLE_MIN}–{limits.TITLE_MAX} characters.")])
    body = TextAreaField("Text (Markdown)", validators=[
        DataRequired("Write the issue's text."), Length(max=limits.BODY_MAX, message="That is too long.")])
    topics = TopicsField("Send to subscribers of")
