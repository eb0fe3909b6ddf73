"""``flask --app forum users ...``: manage accounts from the command line."""
import click
from flask.cli import with_appcontext
from sqlalchemy import func, select

from forum.actions import ActionError
from forum.actions.accounts import change_role, find_user, register_user
from forum.actions.sessions import list_sessions, revoke_sessions
from forum.extensions import db
from forum.models import Role, User


@click.group("users", help="Manage accounts.")
def users_cli():
    pass


@users_cli.command("create-admin")
@click.option("--username", prompt=True, help="The admin's username.")
@click.option("--email", prompt=True, help="The admin's email address.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="At least 10 characters. Prompted for (hidden) when not given.")
@with_appcontext
def create_admin(username, email, password):
    """Create an admin account (use this to make the first admin)."""
    try:
        user = register_user(username, email, password, role=Role.ADMIN)
    except ActionError as error:
        raise click.ClickException(str(error)) from None
    admins = db.session.scalar(select(func.count()).select_from(User).where(User.role == Role.ADMIN))
    click.echo(f"Created admin {user.username} ({user.email}). Admins now: {admins}.")


@users_cli.command("set-role")
@click.argument("username")
@click.argument("role", type=click.Choice([r.value for r in Role]))
@with_appcontext
def set_role(username, role):
    """Give USERNAME a site ROLE (member, expert, moderator or admin)."""
    user = find_user(username)
    if user is None:
        raise click.ClickException(f"No account is called {username!r}.")
    try:
        change_role(user, user, Role(role))
    except ActionError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{user.username} is now {role}.")


@users_cli.command("sign-out")
@click.argument("username")
@with_appcontext
def sign_out(username):
    """End every login session of USERNAME, "keep me logged in" ones included (a lost device)."""
    user = find_user(username)
    if user is None:
        raise click.ClickException(f"No account is called {username!r}.")
    count = len(list_sessions(user))
    revoke_sessions(user)
    click.echo(f"Ended {count} session{'s' if count != 1 else ''} of {user.username}.")


@users_cli.command("forget-unconfirmed")
@with_appcontext
def forget_unconfirmed_command():
    """Delete sign-ups never confirmed within SIGNUP_CONFIRM_DAYS (their usernames are free again).

    Safe to run daily from cron. Accounts that have posted are never deleted.
    """
    from forum.actions.signup import forget_unconfirmed

    click.echo(f"Forgot {forget_unconfirmed():,} unconfirmed sign-up(s).")
