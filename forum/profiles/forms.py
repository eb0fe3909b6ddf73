"""The profile and account settings forms."""
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, PasswordField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length

from forum.actions import limits
from forum.forms import Form


class ProfileForm(Form):
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


class DeleteAccountForm(Form):
    password = PasswordField(
        "Your password",
        validators=[DataRequired("Enter your password to confirm."), Length(max=limits.PASSWORD_MAX)],
        description="To make sure it is really you.",
    )
    remove_posts = BooleanField("Also remove the text of everything I posted")


class TokenForm(Form):
    """A new personal access token for the API (forum.actions.tokens)."""

    name = StringField(
        "Name",
        validators=[DataRequired("Give the token a name, such as the app that will use it."),
                    Length(max=80, message="Keep the name to 80 characters.")],
        description="So you recognise it later, e.g. “My phone” or “Clinic dashboard”.",
    )
    scope = RadioField(
        "What may it do?",
        choices=[SelectChoice("read", "Read: see what you can see"),
                 SelectChoice("write", "Read and write: also post, edit, vote, flag and join groups as you")],
        default="read",
        validators=[InputRequired("Choose what the token may do.")],
    )


class AvatarForm(Form):
    """A profile picture upload (forum.actions.avatars checks and re-encodes it)."""

    picture = FileField("Profile picture", validators=[FileRequired("Choose a picture to upload.")],
                        description="JPEG, PNG, WebP or GIF, up to 5 MB. It is cropped to a square, and "
                                    "location and camera details are removed.")


class AvatarRemovalForm(Form):
    reason = StringField("Reason", validators=[DataRequired("Give a reason: the member sees it."),
                                               Length(max=limits.AUDIT_REASON_MAX)])
