"""Forms for group membership and starting a thread."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from forum.actions import limits


class ActionForm(FlaskForm):
    """A button that changes state: carries only the CSRF token."""


class JoinRequestForm(FlaskForm):
    note = TextAreaField(
        "A note for the group moderators (optional)",
        validators=[Length(max=limits.REQUEST_NOTE_MAX,
                           message=f"Keep your note to {limits.REQUEST_NOTE_MAX} characters.")],
    )


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


def body_field(label: str = "Your message"):
    return TextAreaField(
        label,
        validators=[
            DataRequired("Write something before posting."),
            Length(limits.BODY_MIN, limits.BODY_MAX,
                   f"Posts can be up to {limits.BODY_MAX:,} characters."),
        ],
        description="Markdown works: **bold**, *italic*, lists, > quotes and links.",
    )


class NewThreadForm(FlaskForm):
    kind = RadioField(
        "What are you posting?",
        choices=[SelectChoice("question", "A question (people answer it)"),
                 SelectChoice("discussion", "A discussion (share and talk)")],
        default="question",
        validators=[DataRequired("Choose question or discussion.")],
    )
    title = title_field()
    body = body_field("Details")
    ask_expert = BooleanField(
        "Ask an expert",
        description="Questions only: verified experts in this group's specialties see it in their queue.",
    )
