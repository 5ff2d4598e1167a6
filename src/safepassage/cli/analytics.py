"""`safepassage analytics` and `safepassage import ctdc|glotip`: the organisation's released
statistics in a terminal or as CSV, a release on schedule, and the published data beside them.

What these print is a release, as the analysts' pages show it: counts of at least k cases,
nothing recoverable from the totals, never a case.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from ..i18n import _
from .serve import _setup_django

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
app = typer.Typer(help=_("The organisation's statistics: releases that expose nobody."))
imports = typer.Typer(help=_("Import data: published datasets, or cases in a data standard."))

ORGANISATION = typer.Option(
    "--organisation", "-o", help=_("The organisation's short name (its slug).")
)


def _organisation(slug: str) -> Any:
    from ..web.casework.models import Organisation

    found = Organisation.objects.filter(slug=slug).first()
    if found is None:
        known = ", ".join(Organisation.objects.values_list("slug", flat=True)) or "-"
        err.print(_("No organisation {slug}. Known: {known}.").format(slug=slug, known=known))
        raise typer.Exit(2)
    return found


@app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    organisation: Annotated[str, ORGANISATION] = "demo",
    table: Annotated[
        list[str] | None, typer.Option("--table", "-t", help=_("Only this table (repeatable)."))
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=_("text, or csv with a count column."))
    ] = "text",
) -> None:
    """Print the organisation's latest release (the same k-safe tables as its pages)."""
    if ctx.invoked_subcommand is not None:
        return
    if fmt not in ("text", "csv"):
        err.print(_("--format must be text or csv, not {fmt}.").format(fmt=fmt))
        raise typer.Exit(2)
    _setup_django()
    from ..web.analytics.models import Release
    from ..web.analytics.present import shown
    from ..web.analytics.selectors import release_data

    found = Release.objects.filter(organisation=_organisation(organisation)).first()
    if found is None:
        err.print(_("No release yet: make one with `safepassage analytics release`."))
        raise typer.Exit(1)
    data = release_data(found)
    unknown = sorted(set(table or ()) - {t.id for t in data.tables})
    if unknown:
        err.print(_("No table {names}.").format(names=", ".join(unknown)))
        raise typer.Exit(2)
    tables = [shown(t, data.k) for t in data.tables if not table or t.id in table]
    (_print_csv if fmt == "csv" else _print_text)(tables, found)
    _audit(found, "view", f"release {found.pk} viewed")


def _audit(release: Any, action: str, what: str) -> None:
    """The terminal reads and sends as the web does: audit-logged, by nobody (the CLI runs
    as the server's operator, not as a user)."""
    from ..web.analytics.services import audit_analytics

    audit_analytics(user=None, organisation=release.organisation, action=action, what=what)


def _lines(table: Any) -> list[tuple[str, str, int]]:
    """(row, column, count) of every published count of a table, totals included."""
    every, whole = _("All rows"), _("All cases in the row")
    found = []
    for row in table.rows:
        label = " · ".join(row.parts)
        found += [
            (label, c, v) for c, v in zip(table.columns, row.cells, strict=True) if v is not None
        ]
        found += [(label, whole, row.total)] if row.total is not None else []
    found += [
        (every, c, v) for c, v in zip(table.columns, table.col_totals, strict=True) if v is not None
    ]
    return found + ([(every, whole, table.total)] if table.total is not None else [])


def _print_csv(tables: list[Any], release: Any) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(["release", "table", "row", "column", "count"])
    for table in tables:
        for row, column, count in _lines(table):
            writer.writerow([release.pk, table.id, row, column, count])


def _print_text(tables: list[Any], release: Any) -> None:
    out.print(
        _("Release {id} of {made}: counts of at least {k} cases; privacy budget {epsilon}.").format(
            id=release.pk, made=f"{release.made_at:%Y-%m-%d %H:%M}", k=release.k,
            epsilon=round(release.epsilon, 2),
        )
    )  # fmt: skip
    hidden = _("hidden")
    for shown_table in tables:
        grid = Table(title=shown_table.title, title_justify="left")
        for heading in [*shown_table.row_headings, *shown_table.columns, _("All")]:
            grid.add_column(heading, overflow="fold")
        for row in shown_table.rows:
            cells = [hidden if v is None else str(v) for v in [*row.cells, row.total]]
            grid.add_row(*row.parts, *cells)
        out.print(grid)


@app.command()
def release(
    organisation: Annotated[str, ORGANISATION] = "demo",
    every: Annotated[
        bool, typer.Option("--all", help=_("Every organisation (for a scheduled job)."))
    ] = False,
) -> None:
    """Make a release from the cases as they stand (what a schedule runs, e.g. monthly)."""
    _setup_django()
    from ..web.analytics.services import BudgetSpent, release_make
    from ..web.casework.models import Organisation

    # A scheduled run makes releases for organisations with cases (not for a network's own,
    # whose releases are merged ones).
    chosen = (
        list(Organisation.objects.filter(cases__isnull=False).distinct())
        if every
        else [_organisation(organisation)]
    )
    failed = False
    for org in chosen:
        try:
            made = release_make(organisation=org, kind="scheduled")
        except BudgetSpent as spent:
            err.print(
                _("{slug}: no release, the quarter's privacy budget is spent ({spent} of {limit}).")
                .format(slug=org.slug, spent=round(spent.spent, 2), limit=spent.limit)
            )  # fmt: skip
            failed = True
            continue
        out.print(
            _("{slug}: release {id} made (privacy budget {epsilon}).").format(
                slug=org.slug, id=made.pk, epsilon=round(made.epsilon, 2)
            )
        )
    if failed:
        raise typer.Exit(1)


@app.command()
def package(
    output: Annotated[Path, typer.Argument(help=_("Where to write the package (JSON)."))],
    organisation: Annotated[str, ORGANISATION] = "demo",
) -> None:
    """Write the latest release's noisy counts for a network instance to merge (no rows, no
    case: counts only, and only from a release with noise)."""
    _setup_django()
    from ..core.analytics.network import NoNoise, network_package
    from ..web.analytics.models import Release
    from ..web.analytics.selectors import release_data

    org = _organisation(organisation)
    found = Release.objects.filter(organisation=org).exclude(kind="network").first()
    if found is None:
        err.print(_("No release yet: make one with `safepassage analytics release`."))
        raise typer.Exit(1)
    try:
        made = network_package(
            release_data(found), org.slug, f"{found.pk} of {found.made_at:%Y-%m-%d}"
        )
    except NoNoise:
        err.print(
            _("Release {id} has no noise: nothing of it may leave the organisation.").format(
                id=found.pk
            )
        )
        raise typer.Exit(1) from None
    output.write_text(made.model_dump_json(), encoding="utf-8")
    _audit(found, "export", f"release {found.pk} packaged")
    out.print(_("Wrote the counts of release {id} to {path}.").format(id=found.pk, path=output))


@app.command()
def merge(
    packages: Annotated[list[Path], typer.Argument(help=_("Packages from the organisations."))],
    organisation: Annotated[str, ORGANISATION] = "network",
) -> None:
    """Merge organisations' packages into a release of the network's organisation, shown on
    its statistics pages like any release."""
    _setup_django()
    from pydantic import ValidationError

    from ..core.analytics.network import NetworkPackage, SamePackages, network_merge
    from ..web.analytics.services import network_release

    org = _organisation(organisation)
    read = []
    for path in packages:
        try:
            read.append(NetworkPackage.model_validate_json(_existing(path).read_text("utf-8")))
        except ValidationError as error:
            err.print(
                _("{path} is not a package: {error}").format(
                    path=path, error=error.errors()[0]["msg"]
                ),
                markup=False,
            )
            raise typer.Exit(2) from None
    try:
        data = network_merge(read, max(p.k for p in read))
    except SamePackages as twice:
        err.print(
            _("Two packages of {names}: each organisation's people would count twice.").format(
                names=twice
            )
        )
        raise typer.Exit(2) from None
    made = network_release(organisation=org, data=data)
    out.print(
        _("Release {id} of {slug} merges {n} organisations.").format(
            id=made.pk, slug=org.slug, n=len(read)
        )
    )


def _import(kind: str, path: Path) -> None:
    from ..core.analytics.ctdc import SourceError
    from ..web.analytics.published import published_import, read_source

    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
        transient=True,
    )  # fmt: skip
    try:
        with progress:
            task = progress.add_task(_("Reading {name}").format(name=path.name), total=None)
            report = read_source(kind, path, lambda n: progress.update(task, completed=n))
            progress.update(task, description=_("Saving"), total=report.rows)
            published_import(kind=kind, report=report)
    except (SourceError, OSError) as error:
        err.print(str(error), markup=False)
        raise typer.Exit(2) from None
    _report(report)


def _report(report: Any) -> None:
    out.print(
        _("{name}: {rows} rows: {imported} imported, {refused} refused.").format(
            name=report.source, rows=report.rows, imported=len(report.records),
            refused=len(report.refused),
        )
    )  # fmt: skip
    for refusal in report.refused[:20]:
        out.print(
            _("Row {row}, column {column}: {reason}").format(
                row=refusal.row, column=refusal.column, reason=refusal.reason
            ),
            markup=False,
        )
    if len(report.refused) > 20:
        out.print(_("... and {n} more refused rows.").format(n=len(report.refused) - 20))


def _existing(path: Path) -> Path:
    if not path.is_file():
        err.print(_("{path}: no such file.").format(path=path), markup=False)
        raise typer.Exit(2)
    return path


@imports.command()
def ctdc(path: Annotated[Path, typer.Argument(help=_("A CTDC dataset, a CSV file."))]) -> None:
    """Import CTDC's Global Dataset or its synthetic victim-perpetrator dataset (replacing the
    earlier import of the same dataset)."""
    _setup_django()
    from ..core.analytics.ctdc import SourceError
    from ..web.analytics.published import ctdc_kind

    try:
        kind = ctdc_kind(_existing(path))
    except SourceError as error:
        err.print(str(error), markup=False)
        raise typer.Exit(2) from None
    _import(kind, path)


@imports.command()
def glotip(
    path: Annotated[Path, typer.Argument(help=_("UNODC's GLOTIP data, an XLSX file."))],
) -> None:
    """Import UNODC's Global Report on Trafficking in Persons data (replacing the earlier one)."""
    _setup_django()
    _import("glotip", _existing(path))
