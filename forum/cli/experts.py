"""``flask --app forum experts ...``: the specialty list and which groups each specialty serves."""
import click
from flask.cli import with_appcontext
from sqlalchemy import select

from forum.actions import ActionError
from forum.actions.experts import set_group_specialties
from forum.extensions import db
from forum.models import Group, GroupSpecialty, Specialty


@click.group("experts", help="Expert specialties and the groups whose questions they see.")
def experts_cli():
    pass


@experts_cli.command("specialties")
@with_appcontext
def specialties():
    """List the specialties and the support groups mapped to each."""
    rows = db.session.execute(select(GroupSpecialty.specialty, Group.slug)
                              .join(Group, Group.id == GroupSpecialty.group_id).order_by(Group.slug))
    groups: dict[str, list[str]] = {}
    for specialty, slug in rows:
        groups.setdefault(specialty, []).append(slug)
    for specialty in Specialty:
        mapped = ", ".join(groups.get(specialty.value, [])) or "(no groups)"
        click.echo(f"{specialty.value:<20} {specialty.label:<28} {mapped}")


@experts_cli.command("map-group")
@click.argument("slug")
@click.argument("specialty_values", metavar="SPECIALTY...", nargs=-1)
@with_appcontext
def map_group(slug, specialty_values):
    """Set the specialties whose experts see SLUG's "Ask an expert" questions.

    Give specialty values as listed by `experts specialties`; give none to clear the mapping.
    """
    group = db.session.scalar(select(Group).where(Group.slug == slug.strip().lower()))
    if group is None:
        raise click.ClickException(f"No group with the slug {slug[:80]!r}. See /groups for the slugs.")
    try:
        chosen = set_group_specialties(group, specialty_values)
    except ActionError:
        valid = ", ".join(s.value for s in Specialty)
        raise click.ClickException(f"Unknown specialty in {' '.join(specialty_values)[:200]!r}. "
                                   f"Choose from: {valid}.") from None
    names = ", ".join(s.label for s in chosen) or "no specialties"
    click.echo(f"{group.name}: {names}.")
