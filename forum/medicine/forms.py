"""My Medicine forms: a medicine on a list, a family profile."""
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from forum.actions.limits import MEDICINE_NAME_MAX as NAME_MAX
from forum.forms import Form
from forum.models.types import utcnow


def _not_in_future(form, field):
    if field.data and field.data > utcnow().date():
        raise ValidationError("That date is in the future.")


class MedicineForm(Form):
    name = StringField("Medicine", validators=[DataRequired("Say which medicine."),
                                               Length(max=NAME_MAX, message=f"Up to {NAME_MAX} characters.")],
                       description="As it is on the box or the prescription, e.g. “Metformin” or “Glucophage”.")
    dose = StringField("Dose", validators=[Length(max=100, message="Up to 100 characters.")],
                       description="e.g. “500 mg”")
    frequency = StringField("How often", validators=[Length(max=100, message="Up to 100 characters.")],
                            description="e.g. “twice a day with meals”")
    started_on = DateField("Since", validators=[Optional(), _not_in_future],
                           description="Leave empty if you don’t know.")
    reason = StringField("What it is for", validators=[Length(max=200, message="Up to 200 characters.")])
    notes = TextAreaField("Notes", validators=[Length(max=2000, message="Notes can be up to 2,000 characters.")],
                          description="Only you can see this list.")


class ProfileForm(Form):
    name = StringField("Name", validators=[DataRequired("Give the profile a name."),
                                           Length(max=60, message="Up to 60 characters.")],
                       description="e.g. “Mum” or “Sam”. Only you ever see it.")
    relationship_label = StringField("Who they are to you (optional)",
                                     validators=[Length(max=40, message="Up to 40 characters.")],
                                     description="e.g. “my son”")
