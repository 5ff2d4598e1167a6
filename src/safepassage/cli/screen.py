"""`safepassage screen`: an account in, an explained determination out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..core.account_file import AccountError, read_account
from ..core.interview.questions import ANSWER_LABELS, fact_words
from ..core.screening import Determination, Screener
from ..core.screening import messages as m
from ..core.screening.determination import Finding
from ..i18n import _
from .knowledge import _date, _load

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

STAGES = ("recruitment", "transit", "work", "return")


def screen(
    account: Annotated[Path, typer.Argument(help=_("The account, a YAML file."))],
    as_json: Annotated[bool, typer.Option("--json", help=_("Print JSON instead of text."))] = False,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help=_("Apply the law in force on this date (YYYY-MM-DD).")),
    ] = None,
) -> None:
    """Screen a migrant's account: indicators, violations, the legal tests and the level."""
    if not account.is_file():
        err.print(_("{path}: no such file.").format(path=account), markup=False)
        raise typer.Exit(2)
    try:
        parsed = read_account(account)
    except AccountError as exc:
        for problem in exc.problems:
            err.print(str(problem), markup=False)
        raise typer.Exit(2) from None
    day = _date(as_of) if as_of else None
    result = Screener(_load()).screen(parsed, as_of=day)
    if as_json:
        out.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print_determination(result)


def print_determination(result: Determination) -> None:
    level = result.level.code.replace("_", " ")
    out.print(_("[bold]Position on the spectrum:[/bold] {level}").format(level=level))
    out.print(
        _("[bold]Trafficking in persons (Palermo):[/bold] {answer}").format(
            answer=result.trafficking.result.value
        )
        + f" ({result.trafficking.explanation})"
    )
    if result.trafficking.reason:
        out.print(f"  {_(result.trafficking.reason)}", markup=False)
    for job in result.jobs:
        out.print(
            "  "
            + _("Job {n} ({country}, law as of {date}): {level}").format(
                n=job.index + 1,
                country=_(m.country(job.country)) if job.country else "?",
                date=job.law_date,
                level=job.level.code.replace("_", " "),
            ),
            markup=False,
        )
    for stage in STAGES:
        findings = [f for f in result.findings if f.stage == stage and f.kind != "palermo"]
        if findings:
            out.print(f"\n[bold]{_(stage.capitalize())}[/bold]")
            for finding in findings:
                _print_finding(finding)
    if result.missing:
        out.print("\n[bold]" + _("Facts still unknown that could change this:") + "[/bold]")
        for item in result.missing[:12]:
            out.print(f"  - {_(fact_words(item.fact))}", markup=False)
    for note in result.notes:
        out.print(f"\n[dim]{note}[/dim]")


def _print_finding(finding: Finding) -> None:
    out.print(f"  • {finding.text(_)}", markup=False)
    for evidence in finding.because:
        said = evidence.text(_)
        answer = said if evidence.message and said else _(ANSWER_LABELS[evidence.answer])
        note = f" ({said})" if said and not evidence.message else ""
        out.print(
            f"      {_('because')}: {_(fact_words(evidence.fact))} {answer}{note}", markup=False
        )
    for cite in finding.cites:
        flag = "" if cite.verified else " " + _("[not verified]")
        section = f", {cite.section}" if cite.section else ""
        out.print(
            f"      {_('source')}: {cite.title}{section} "
            f"({_('in force from')} {cite.in_force_from}){flag}",
            markup=False,
        )
