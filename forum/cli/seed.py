"""``flask --app forum seed-demo``: fill an empty database with a believable demo community."""
import click
from flask.cli import with_appcontext
from sqlalchemy.exc import OperationalError, ProgrammingError

from forum.actions import ActionError
from forum.demo.seed import SPAN_DAYS, seed_demo

HELP = f"""Fill the database with Askwell's demo community.

Creates ten support groups (one of them private), about forty people (an admin, a
site moderator, three experts and members, some of them group moderators), pending
requests to join the private group, and 60+ conversations with replies, an edited
post and a deleted reply. The admin has verified the three experts; questions have
expert answers, helpful votes and accepted answers; an expert application waits for
review; and the experts have written Second Opinion articles that members comment
on. Activity is spread over the last {SPAN_DAYS} days. It also loads (or updates) the
shipped Drugs & Supplements catalogue, as `flask --app forum drugs load-catalogue` does.

Every demo account shares one password, printed at the end together with the
accounts worth logging in as.

Run it on a migrated, empty database (`flask --app forum db upgrade` first).
Running it again once the demo exists changes nothing and just prints the logins.
"""


def _progressbar(items, label):
    return click.progressbar(items, label=label, show_pos=True)


@click.command("seed-demo", help=HELP, short_help="Fill the database with a demo community.")
@with_appcontext
def seed_demo_command():
    try:
        summary = seed_demo(echo=click.echo, progress=_progressbar)
    except ActionError as error:
        raise click.ClickException(str(error)) from None
    except (OperationalError, ProgrammingError) as error:
        raise click.ClickException(
            f"The database is not ready ({error.orig}). Run `flask --app forum db upgrade` first.") from None
    if summary["created"]:
        click.secho("Demo community created.", fg="green")
    click.echo(
        f"{summary['groups']} groups, {summary['users']} accounts, {summary['threads']} threads, "
        f"{summary['posts']} posts, {summary['pending_requests']} pending join requests."
    )
    click.echo("\nDemo logins (all share one password):")
    width = max(len(label) for label, _ in summary["logins"])
    for label, username in summary["logins"]:
        click.echo(f"  {label:<{width}}  {username}")
    click.echo(f"  {'Password':<{width}}  {summary['password']}")
