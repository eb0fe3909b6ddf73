"""Forms for expert applications and the reviewers' decisions."""
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from forum.actions import limits
from forum.forms import Form
from forum.models import Specialty


def _text(label: str, low: int, high: int, description: str = "", area: bool = False):
    field = TextAreaField if area else StringField
    return field(label, validators=[
        DataRequired(f"Please fill in {label.lower()}."),
        Length(low, high, f"{label} must be {low}–{high:,} characters."),
    ], description=description)


class ExpertApplicationForm(Form):
    profession = _text("Profession", 2, limits.PROFESSION_MAX,
                       "For example: consultant haematologist, registered nurse, community pharmacist.")
    specialty = SelectField(
        "Specialty",
        choices=[SelectChoice("", "Choose your specialty")]
        + [SelectChoice(s.value, s.label) for s in Specialty],
        validators=[DataRequired("Choose a specialty from the list.")],
    )
    licence_number = _text("Licence or registration number", limits.LICENCE_MIN, limits.LICENCE_MAX,
                           "As it appears on your regulator's public register.")
    issuing_body = _text("Issuing body", 2, limits.ISSUING_BODY_MAX,
                         "The regulator or board that issued it, e.g. General Medical Council.")
    country = _text("Country", 2, limits.COUNTRY_MAX)
    evidence = _text("Evidence", limits.EVIDENCE_MIN, limits.EVIDENCE_MAX,
                     "A link to your entry on a public register or your workplace profile, or a note "
                     "telling the reviewers how to check your credentials.", area=True)


class DecisionForm(Form):
    reason = TextAreaField(
        "Reason",
        validators=[Length(max=limits.REASON_MAX,
                           message=f"Keep the reason to {limits.REASON_MAX:,} characters.")],
    )
