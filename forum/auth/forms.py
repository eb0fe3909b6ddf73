"""Forms for registration and login."""
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp

from forum.actions import limits
from forum.forms import Form


class RegisterForm(Form):
    username = StringField(
        "Username",
        validators=[
            DataRequired("Choose a username."),
            Length(limits.USERNAME_MIN, limits.USERNAME_MAX,
                   f"Usernames are {limits.USERNAME_MIN}–{limits.USERNAME_MAX} characters."),
            Regexp(limits.USERNAME_PATTERN,
                   message="Use only letters, numbers, dots, dashes and underscores."),
        ],
        description="Shown on your posts. Letters, numbers, dots, dashes and underscores.",
    )
    email = EmailField(
        "Email",
        validators=[DataRequired("Enter your email address."), Length(max=254),
                    Email("Enter a valid email address, like name@example.com.", check_deliverability=False)],
        description="Never shown to other members.",
    )
    password = PasswordField(
        "Password",
        validators=[DataRequired("Choose a password."),
                    Length(limits.PASSWORD_MIN, limits.PASSWORD_MAX,
                           f"Use at least {limits.PASSWORD_MIN} characters.")],
        description=f"At least {limits.PASSWORD_MIN} characters.",
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[DataRequired("Repeat your password."),
                    EqualTo("password", "The two passwords do not match.")],
    )


class LoginForm(Form):
    identifier = StringField(
        "Username or email",
        validators=[DataRequired("Enter your username or email."), Length(max=254)],
    )
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=limits.PASSWORD_MAX)]
    )
    remember = BooleanField("Keep me logged in on this device")


def new_password_fields():
    password = PasswordField(
        "New password",
        validators=[DataRequired("Choose a new password."),
                    Length(limits.PASSWORD_MIN, limits.PASSWORD_MAX,
                           f"Use {limits.PASSWORD_MIN}–{limits.PASSWORD_MAX} characters.")],
        description=f"At least {limits.PASSWORD_MIN} characters, and not a common password.",
    )
    confirm = PasswordField(
        "Repeat new password",
        validators=[DataRequired("Repeat your new password."),
                    EqualTo("password", "The two passwords do not match.")],
    )
    return password, confirm


class ForgotPasswordForm(Form):
    email = EmailField(
        "Email",
        validators=[DataRequired("Enter your email address."), Length(max=254),
                    Email("Enter a valid email address, like name@example.com.", check_deliverability=False)],
        description="The address you joined with. We will email you a link to choose a new password.",
    )


class ResetPasswordForm(Form):
    password, confirm = new_password_fields()


class ChangePasswordForm(Form):
    current_password = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password."), Length(max=limits.PASSWORD_MAX)],
    )
    password, confirm = new_password_fields()
