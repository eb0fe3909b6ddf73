"""The profile settings form."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

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


class DeleteAccountForm(FlaskForm):
    password = PasswordField(
        "Your password",
        validators=[DataRequired("Enter your password to confirm."), Length(max=limits.PASSWORD_MAX)],
        description="To make sure it is really you.",
    )
    remove_posts = BooleanField("Also remove the text of everything I posted")
