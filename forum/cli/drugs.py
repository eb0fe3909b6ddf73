"""``flask --app forum drugs ...``: load the shipped catalogue and import public datasets.

The work is done by ``forum.drugs.catalogue`` and ``forum.drugs.importing``
with one module per source in ``forum.drugs.sources``; this module only shows
progress and reports the result.
"""
from __future__ import annotations

import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import OperationalError, ProgrammingError

from forum.drugs import importing
from forum.drugs.sources import dsld, openfda_label, openfda_ndc, rxnorm

FILE = click.Path(exists=True, dir_okay=False, readable=True, path_type=Path)
FOLDER = click.Path(exists=True, file_okay=False, readable=True, path_type=Path)
AFTER = ("Running it again skips records whose content is unchanged, so it is safe to repeat, and after an "
         "interruption it continues with the records not yet imported.")


@click.group("drugs", help="The Drugs & Supplements catalogue: the shipped list and public-dataset imports.")
def drugs_cli():
    pass


def _finish(report: importing.ImportReport, started: float) -> None:
    for problem in report.problems:
        click.echo(problem, err=True)
    if report.more_problems:
        click.echo(f"... and {report.more_problems:,} more problems.", err=True)
    click.echo(f"{report.summary()} Took {time.perf_counter() - started:.1f}s.")
    if report.stopped:
        raise click.ClickException("The file could not be read to the end; the records before the break "
                                   "were imported. Fix or download the file again and re-run: finished "
                                   "records are skipped.")


def _database_guard(fn):
    def wrapped(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (OperationalError, ProgrammingError) as error:
            raise click.ClickException(
                f"The database is not ready ({error.orig}). Run `flask --app forum db upgrade` first.") from None
    wrapped.__name__, wrapped.__doc__ = fn.__name__, fn.__doc__
    return wrapped


@drugs_cli.command("load-catalogue")
@with_appcontext
@_database_guard
def load_catalogue_command():
    """Load the shipped catalogue (forum/data/drugs/): about 330 common medicines, supplements
    and vitamins with their brand names, uses, side effects and sources. Idempotent."""
    from forum.drugs.catalogue import load_catalogue, read_catalogue

    total = len(read_catalogue())
    with click.progressbar(length=total, label="Catalogue", show_pos=True) as bar:
        counts = load_catalogue(progress=bar.update)
    click.echo(f"{counts['entries']:,} catalogue entries ({counts['changed']:,} added or updated, "
               f"{counts['unchanged']:,} unchanged), {counts['conditions']:,} conditions.")


def _openfda(path: Path, module, label: str) -> None:
    started = time.perf_counter()
    total = importing.openfda_total(path) or 0
    with click.progressbar(length=total, label=label, show_pos=True) as bar:
        report = importing.run_import(module.SOURCE, importing.openfda_records(path), module.parse,
                                      module.apply, progress=bar.update)
    _finish(report, started)


@drugs_cli.command("import-label", help=(
    "Import openFDA drug labels (drug-label-*.json or .json.zip from open.fda.gov/data/downloads): each "
    "label's medicine under its generic name (joining the catalogue entry if there is one) with its brand "
    "names, pharmacologic class and RxCUIs, and the label's indications, adverse reactions, warnings, "
    f"dosage and interactions with its date. {AFTER}"))
@click.argument("file", type=FILE)
@with_appcontext
@_database_guard
def import_label(file: Path):
    _openfda(file, openfda_label, "Labels")


@drugs_cli.command("import-ndc", help=(
    "Import the openFDA NDC directory (drug-ndc-*.json or .json.zip from open.fda.gov/data/downloads): "
    f"generic and brand names, ingredients, classes and the forms each medicine comes in. {AFTER}"))
@click.argument("file", type=FILE)
@with_appcontext
@_database_guard
def import_ndc(file: Path):
    _openfda(file, openfda_ndc, "Products")


@drugs_cli.command("import-rxnorm", help=(
    "Import RxNorm Current Prescribable Content from DIR, the unzipped release (DIR/rrf/RXNCONSO.RRF and "
    "RXNREL.RRF): every ingredient with its brand names and precise forms, and its RXCUI. " + AFTER))
@click.argument("directory", metavar="DIR", type=FOLDER)
@with_appcontext
@_database_guard
def import_rxnorm(directory: Path):
    started = time.perf_counter()
    report = importing.ImportReport(rxnorm.SOURCE)
    click.echo("Reading RXNCONSO.RRF and RXNREL.RRF...")
    try:
        total, records = rxnorm.records(directory, report)
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from None
    with click.progressbar(length=total, label="Ingredients", show_pos=True) as bar:
        importing.run_import(rxnorm.SOURCE, records, rxnorm.parse, rxnorm.apply, progress=bar.update,
                             report=report)
    _finish(report, started)


@drugs_cli.command("import-dsld", help=(
    "Import the NIH Dietary Supplement Label Database export FILE (JSON, JSON Lines or a zip of them, from "
    "dsld.od.nih.gov): single-ingredient products add their names to that supplement, others become "
    f"products of their own. {AFTER}"))
@click.argument("file", type=FILE)
@with_appcontext
@_database_guard
def import_dsld(file: Path):
    started = time.perf_counter()
    with click.progressbar(length=importing.json_size(file), label="Labels", show_percent=True) as bar:
        report = importing.run_import(dsld.SOURCE, importing.json_records(file, on_bytes=bar.update),
                                      dsld.parse, dsld.apply)
    _finish(report, started)


@drugs_cli.command("import-recalls", help=(
    "Import FDA recalls from the openFDA drug enforcement file (drug-enforcement-*.json or .json.zip from "
    "open.fda.gov/data/downloads), match them to the catalogue by product code and name, and alert members "
    f"whose saved medicines an ongoing recall may concern. {AFTER}"))
@click.argument("file", type=FILE)
@with_appcontext
@_database_guard
def import_recalls(file: Path):
    from forum.extensions import db
    from forum.medicine import recalls

    started = time.perf_counter()
    total = importing.openfda_total(file) or 0
    with click.progressbar(length=total, label="Recalls", show_pos=True) as bar:
        report = importing.run_import(recalls.SOURCE, importing.openfda_records(file), recalls.parse,
                                      recalls.apply, progress=bar.update)
    from forum.actions import notify

    new = recalls.raise_alerts()
    notify.recall_alerts(new)
    db.session.commit()
    click.echo(f"{len(new):,} new alerts for members' saved medicines.")
    _finish(report, started)


@drugs_cli.command("import-spl", help=(
    "Import pill characteristics (imprint, colour, shape, size, score) from FDA structured product labels: "
    "PATH is a folder of SPL .xml files, a zip of them (DailyMed downloads) or one .xml file. --demo marks "
    f"the records as Askwell's illustrative demo set. {AFTER}"))
@click.argument("path", type=click.Path(exists=True, readable=True, path_type=Path))
@click.option("--demo", is_flag=True, help="Mark these pills as illustrative demo data, not real products.")
@with_appcontext
@_database_guard
def import_spl(path: Path, demo: bool):
    from forum.pills import spl

    started = time.perf_counter()
    report = importing.ImportReport(spl.SOURCE)
    with click.progressbar(spl.records(path, origin="demo" if demo else "spl"), label="Products") as records:
        importing.run_import(spl.SOURCE, records, spl.parse, spl.apply, report=report)
    _finish(report, started)
