"""`safepassage export htcds` and `safepassage import htcds`: an organisation's cases as IOM's
HTCDS v2.0 rows, and a partner's rows as new cases (see docs/htcds-mapping.md).

The command line runs as nobody: it is the server's operator, not a member of the
organisation, so no role is asked and the audit log records no user (the web pages always
check that the user is a supervisor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..i18n import _
from .serve import _setup_django

if TYPE_CHECKING:
    from ..web.casework.models import Organisation

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


def export_htcds(
    organisation: Annotated[str, typer.Argument(help=_("The organisation's short name (slug)."))],
    fmt: Annotated[Format, typer.Option("--format", help=_("The file's format."))] = Format.CSV,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=_("Where to write it (default: safepassage-htcds-SLUG.FORMAT).")
        ),
    ] = None,
) -> None:
    """Write every case of an organisation as a pseudonymous HTCDS v2.0 row."""
    _setup_django()
    from ..web.analytics import htcds

    found = _organisation(organisation)
    cases = htcds.organisation_cases(found)
    target = output or Path(f"safepassage-htcds-{found.slug}.{fmt.value}")
    with _progress(_("Exporting cases"), cases.count()) as advance:
        made = htcds.export_cases(
            cases=cases, organisation=found, user=None, fmt=fmt.value, on_case=advance
        )
    target.write_bytes(made.content)
    out.print(
        _("Exported {rows} cases of {organisation} to {path}.").format(
            rows=made.rows, organisation=found.name, path=target
        ),
        markup=False,
    )
    if made.unreadable:
        err.print(
            _("{count} cases were left out: no configured key decrypts their account.").format(
                count=made.unreadable
            ),
            markup=False,
        )


def import_htcds(
    organisation: Annotated[str, typer.Argument(help=_("The organisation's short name (slug)."))],
    path: Annotated[Path, typer.Argument(help=_("The HTCDS file, CSV or XLSX."))],
) -> None:
    """Import a partner's HTCDS rows as new cases: all of them, or none if any row is refused."""
    _setup_django()
    from ..web.analytics import htcds

    found = _organisation(organisation)
    try:
        form = htcds.htcds_form()
        rows = htcds.read_rows(path.read_bytes(), form)
    except htcds.FormMissing as exc:
        _fail(str(exc), code=1)
    except (htcds.FileRefused, OSError) as exc:
        _fail(str(exc))
    with _progress(_("Importing cases"), len(rows)) as advance:
        result = htcds.import_rows(
            rows=rows, form=form, organisation=found, user=None, on_row=advance
        )
    if result.refused:
        for refusal in result.refused:
            err.print(str(refusal), markup=False)
        _fail(
            _("Nothing was imported: {refused} of {rows} rows refused.").format(
                refused=result.refused_rows, rows=result.rows
            )
        )
    out.print(
        _("Imported {count} of {rows} rows as new cases of {organisation}; none refused.").format(
            count=result.imported, rows=result.rows, organisation=found.name
        ),
        markup=False,
    )


def _organisation(slug: str) -> Organisation:
    from ..web.casework.models import Organisation

    found: Organisation | None = Organisation.objects.filter(slug=slug).first()
    if found is None:
        known = ", ".join(Organisation.objects.order_by("slug").values_list("slug", flat=True))
        _fail(
            _("No organisation is called {slug}. Use one of: {known}.").format(
                slug=slug, known=known or "-"
            )
        )
    return found


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(code)


@contextmanager
def _progress(what: str, total: int) -> Iterator[Callable[[int], Any]]:
    """A bar on standard error (the output stays clean), given `done` so far."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda done: bar.update(task, completed=done)
