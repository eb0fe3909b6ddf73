"""``flask --app forum ...`` commands."""
from flask import Flask


def register_commands(app: Flask) -> None:
    from forum.cli.drugs import drugs_cli
    from forum.cli.experts import experts_cli
    from forum.cli.users import users_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(experts_cli)
    app.cli.add_command(drugs_cli)
    from forum.cli.search import search_cli

    app.cli.add_command(search_cli)
    from forum.cli.jobs import jobs_cli

    app.cli.add_command(jobs_cli)
    from forum.cli.newsletter import newsletter_cli

    app.cli.add_command(newsletter_cli)
    try:
        from forum.cli.seed import seed_demo_command
    except ImportError:  # pragma: no cover - during development only
        seed_demo_command = None
    if seed_demo_command is not None:
        app.cli.add_command(seed_demo_command)
    try:
        from forum.cli.importer import import_command
    except ImportError:  # pragma: no cover
        import_command = None
    if import_command is not None:
        app.cli.add_command(import_command)
