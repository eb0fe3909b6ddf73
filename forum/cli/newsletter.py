"""``flask --app forum newsletter ...``: housekeeping for the newsletter (for cron)."""
from __future__ import annotations

import click
from flask.cli import AppGroup

newsletter_cli = AppGroup("newsletter", help="The newsletter: housekeeping.")


@newsletter_cli.command("forget-unconfirmed")
def forget_unconfirmed_command() -> None:
    """Delete sign-ups whose confirmation link expired unused."""
    from forum.actions.newsletter import forget_unconfirmed

    click.echo(f"Deleted {forget_unconfirmed()} unconfirmed newsletter sign-ups.")
