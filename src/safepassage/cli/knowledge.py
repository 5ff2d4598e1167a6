"""`safepassage knowledge ...`: validate the knowledge base, look values up, list the sources."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from ..core.knowledge import (
    Knowledge,
    KnowledgeError,
    LookupProblem,
    Parameter,
    Resolved,
    check_knowledge,
    load_knowledge,
)
from ..core.knowledge.contracts import scopes, topics_for
from ..core.knowledge.describe import describe
from ..core.knowledge.texts import untranslated
from ..i18n import LOCALE_DIR, _

app = typer.Typer(help=_("The law, the frameworks and the help channels, as dated, cited data."))
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def check(
    folders: Annotated[
        list[Path] | None, typer.Argument(help=_("Overlay folders to check on top."))
    ] = None,
    translations: Annotated[
        bool,
        typer.Option(
            "--translations/--no-translations",
            help=_("Check that every shipped text people read is translated."),
        ),
    ] = True,
) -> None:
    """Validate the shipped knowledge, SAFEPASSAGE_KNOWLEDGE_PATH overlays and FOLDERS.

    Prints one line per problem (file:line: key.path: what is wrong; what to do) and exits 1
    when there is any problem: also every shipped text people read (help channels,
    responses) that a language's catalogue does not translate (--no-translations skips it).
    """
    problems = check_knowledge(folders or [])
    if translations and not problems:
        problems = untranslated(load_knowledge(folders or []), LOCALE_DIR)
    for problem in problems:
        out.print(str(problem), markup=False)
    if problems:
        err.print(_("{count} problem(s) found.").format(count=len(problems)))
        raise typer.Exit(1)
    out.print(_("The knowledge base is valid."))


@app.command()
def show(
    country: Annotated[str, typer.Argument(help=_("TH, KH, LA, VN, MM, or 'frameworks'."))],
    topic: Annotated[str, typer.Argument(help=_("A topic, e.g. minimum_wage."))],
    on: Annotated[
        str | None, typer.Option("--on", help=_("The date (YYYY-MM-DD); today if not given."))
    ] = None,
    where: Annotated[
        str | None, typer.Option("--where", help=_("A province, region or sector."))
    ] = None,
) -> None:
    """Show the values of a topic in force on a date, with their citations and layers."""
    scope = _scope(country)
    topic = _topic(scope, topic)
    day = _date(on)
    knowledge = _load()
    out.print(
        _("[bold]{scope} · {topic}[/bold] as of {day}").format(scope=scope, topic=topic, day=day)
    )
    for parameter in knowledge.topic(scope, topic):
        _show_parameter(parameter, day, where)


@app.command()
def sources() -> None:
    """List every document the knowledge base cites (the bibliography)."""
    table = Table(_("Title"), _("Section"), _("Retrieved"), _("Values"), _("URL"))
    for citation, count in _load().sources():
        table.add_row(
            citation.title,
            citation.section or "",
            citation.retrieved.isoformat(),
            str(count),
            citation.url or "",
        )
    out.print(table)


@app.command()
def unverified(
    country: Annotated[
        str | None, typer.Argument(help=_("TH, KH, LA, VN, MM, or 'frameworks'; all if omitted."))
    ] = None,
) -> None:
    """List the values not verified against a source, with what is unchecked."""
    wanted = _scope(country) if country else None
    count = 0
    for parameter in _load().parameters.values():
        if wanted and parameter.scope != wanted:
            continue
        for series in parameter.all_series():
            for value in series.entries:
                if not value.verified:
                    count += 1
                    out.print(
                        f"{value.file}:{value.line}: {parameter.scope}/{parameter.topic}/"
                        f"{parameter.name} ({value.effective}): {value.note}",
                        markup=False,
                    )
    out.print(_("{count} unverified value(s).").format(count=count))


def _show_parameter(parameter: Parameter, day: date, where: str | None) -> None:
    out.print(f"\n[bold]{parameter.name}[/bold]: {parameter.description}", markup=True)
    if parameter.places and where is None:
        wanted: list[str | None] = [p.name for p in parameter.places.values()]
    else:
        wanted = [where] if parameter.places else [None]
    for place in wanted:
        try:
            resolved = parameter.at(day, place)
        except LookupProblem as exc:
            out.print(f"  {exc}", markup=False)
            continue
        _print_resolved(parameter, resolved)


def _print_resolved(parameter: Parameter, resolved: Resolved) -> None:
    value = resolved.value
    text = describe(value.value, parameter.type, parameter.unit)
    if resolved.place is not None:
        kind = f" ({resolved.place.kind})" if resolved.place.kind else ""
        text = f"{resolved.place.name}{kind}: {text}"
    out.print(textwrap.indent(text, "  "), markup=False)
    out.print("    " + _("in force from {day}").format(day=value.effective), markup=False)
    cite = value.citation
    parts = [cite.title, cite.section, cite.url]
    source = " — ".join(p for p in parts if p)
    retrieved = _("retrieved {day}").format(day=cite.retrieved)
    out.print(
        "    " + _("source: {source} ({retrieved})").format(source=source, retrieved=retrieved),
        markup=False,
    )
    verified = (
        _("verified") if value.verified else _("NOT verified: {note}").format(note=value.note)
    )
    layer = _("layer: {layer} ({file}:{line})").format(
        layer=value.layer, file=value.file, line=value.line
    )
    out.print(f"    {verified} · {layer}", markup=False)


def _load() -> Knowledge:
    try:
        return load_knowledge()
    except KnowledgeError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        err.print(_("The knowledge base has problems; run `safepassage knowledge check`."))
        raise typer.Exit(1) from None


def _scope(country: str) -> str:
    wanted = country.strip()
    scope = wanted.lower() if wanted.lower() == "frameworks" else wanted.upper()
    if scope not in scopes():
        _fail(
            _("Unknown country '{given}'. Use one of: {valid}.").format(
                given=country, valid=", ".join(scopes())
            )
        )
    return scope


def _topic(scope: str, topic: str) -> str:
    if topic not in topics_for(scope):
        _fail(
            _("Unknown topic '{given}'. Use one of: {valid}.").format(
                given=topic, valid=", ".join(topics_for(scope))
            )
        )
    return topic


def _date(on: str | None) -> date:
    if on is None:
        return date.today()
    try:
        return date.fromisoformat(on)
    except ValueError:
        _fail(
            _("--on: '{given}' is not a date. Write it as YYYY-MM-DD, e.g. 2025-03-01.").format(
                given=on
            )
        )


def _fail(message: str) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(2)
