"""The profile settings form."""
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import Length

from forum.actions import limits


class ProfileForm(FlaskForm):
    display_name = StringField(
        "Display name",
        validators=[Length(max=limits.DISPLAY_NAME_MAX,
                           message=f"Display names are at most {limits.DISPLAY_NAME_MAX} characters.")],
        description="Optional. Shown instead of your username.",
    )
    bio = TextAreaField(
        "Short bio",
        validators=[Length(max=limits.BIO_MAX, message=f"Keep your bio to {limits.BIO_MAX} characters.")],
        description="Optional. A line or two about you; avoid personal details like your address or phone number.",
    )
