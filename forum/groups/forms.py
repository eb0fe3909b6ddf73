"""Forms for group membership, starting a thread, and managing a group."""
from wtforms import BooleanField, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum.actions import limits
from forum.forms import Form, anonymous_field, body_field, title_field


class JoinRequestForm(Form):
    note = TextAreaField(
        "A note for the group moderators (optional)",
        validators=[Length(max=limits.REQUEST_NOTE_MAX,
                           message=f"Keep your note to {limits.REQUEST_NOTE_MAX} characters.")],
    )


class NewThreadForm(Form):
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
    anonymous = anonymous_field()


def _specialty_choices():
    from forum.models.experts import SPECIALTY_LABELS

    return [SelectChoice(s.value, label) for s, label in SPECIALTY_LABELS.items()]


def _rules_field():
    return TextAreaField(
        "Group rules (optional)",
        validators=[Length(max=limits.GROUP_RULES_MAX,
                           message=f"Keep the rules to {limits.GROUP_RULES_MAX:,} characters.")],
        description="Shown on the group page, under the description. Markdown works: lists, **bold**, links.")


def _description_field():
    return TextAreaField(
        "Description",
        validators=[DataRequired("Describe the group in a sentence or two."),
                    Length(max=limits.GROUP_DESCRIPTION_MAX,
                           message=f"Keep the description to {limits.GROUP_DESCRIPTION_MAX:,} characters.")],
        description="Who the group is for, in a sentence or two. Shown on the group list.")


class GroupAboutForm(Form):
    """What a group's moderators may change: the description and the rules."""

    description = _description_field()
    rules = _rules_field()


class GroupForm(GroupAboutForm):
    """Everything about a group, for admins."""

    name = StringField("Name", validators=[
        DataRequired("Give the group a name."),
        Length(max=limits.GROUP_NAME_MAX, message=f"Group names are 1–{limits.GROUP_NAME_MAX} characters.")])
    slug = StringField("Web address", validators=[
        Optional(), Length(max=limits.GROUP_SLUG_MAX, message=f"Up to {limits.GROUP_SLUG_MAX} characters.")],
        description="The part after /groups/, like “heart-health”. Left empty, it is made from the name.")
    category = StringField("Category (optional)", validators=[
        Length(max=limits.GROUP_CATEGORY_MAX, message=f"Up to {limits.GROUP_CATEGORY_MAX} characters.")],
        description="Shown on the group list, like “Heart and circulation”.")
    is_private = BooleanField("Private group",
                              description="Only members (approved by a group moderator) and site moderators "
                                          "read a private group; search never shows it to anyone else.")
    allows_anonymous = BooleanField(
        "Members may post anonymously",
        description="For sensitive groups: members may start threads and reply as “An anonymous member”. "
                    "Moderators can still reveal who wrote a post (each reveal is in the moderation log).")
    specialties = SelectMultipleField(
        "Specialties for “Ask an expert”", choices=_specialty_choices(), widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(), validate_choice=True,
        description="Verified experts in these specialties see this group's “Ask an expert” questions.")
