"""`safepassage plan`: a ranked, explained response plan for an account."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from ..core.account_file import AccountError, read_account
from ..core.knowledge.contracts import COUNTRIES
from ..core.responses import CONSENTS, GOALS, Plan, Planner, PlanRequest
from ..core.screening import Screener
from ..i18n import _
from .knowledge import _date, _load

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def plan(
    account: Annotated[Path, typer.Argument(help=_("The account, a YAML file."))],
    goal: Annotated[
        list[str] | None, typer.Option("--goal", help=_("What the migrant wants (repeatable)."))
    ] = None,
    consent: Annotated[
        list[str] | None,
        typer.Option(
            "--consent", help=_("What the migrant agrees to: police, authorities, embassy.")
        ),
    ] = None,
    located_in: Annotated[
        str | None, typer.Option("--located-in", help=_("Where the migrant is now (TH, KH, ...)."))
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=_("YYYY-MM-DD"))] = None,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print JSON instead of text."))] = False,
) -> None:
    """Plan a response the migrant would choose: safety first, remedies that fit their goals."""
    goals = _valid(goal or [], GOALS, _("goal"))
    consents = _valid(consent or [], CONSENTS, _("consent"))
    if located_in is not None:
        located_in = _valid([located_in.upper()], COUNTRIES, _("country"))[0]
    try:
        parsed = read_account(account)
    except (AccountError, OSError) as exc:
        problems = getattr(exc, "problems", [exc])
        for problem in problems:
            err.print(str(problem), markup=False)
        raise typer.Exit(2) from None
    knowledge = _load()
    day = _date(as_of) if as_of else None
    result = Screener(knowledge).screen(parsed, as_of=day)
    request = PlanRequest(tuple(goals), frozenset(consents), located_in, day)
    made = Planner(knowledge).plan(parsed, result, request)
    if as_json:
        out.print_json(json.dumps(made.to_dict(), ensure_ascii=False, default=str))
    else:
        print_plan(made)


def _valid(given: list[str], valid: tuple[str, ...], what: str) -> list[str]:
    wrong = [g for g in given if g not in valid]
    if wrong:
        _fail(
            _("Unknown {what} '{given}'. Use one of: {valid}.").format(
                what=what, given=wrong[0], valid=", ".join(valid)
            )
        )
    return given


def _fail(message: str) -> NoReturn:
    err.print(message, markup=False)
    raise typer.Exit(2)


def print_plan(made: Plan) -> None:
    out.print(
        _("[bold]Plan[/bold] (the migrant is in {country}; safe now: {safe})").format(
            country=made.located_in or "?", safe=_("yes") if made.safe_now else _("no")
        )
    )
    for notice in made.notices.values():
        out.print(f"[bold yellow]! {notice}[/bold yellow]")
    for step in made.steps:
        out.print(
            f"\n[bold]{step.rank}. {_(step.name)}[/bold] ({step.kind.replace('_', ' ')}, "
            f"{step.country})"
        )
        out.print(f"   {_(step.summary)}", markup=False)
        if step.remote_how:
            out.print("   " + _("Done remotely: {how}").format(how=step.remote_how), markup=False)
        for reason in step.why:
            out.print(f"   {_('why')}: {reason}", markup=False)
        for contact in step.providers:
            ways = [
                w
                for w in (
                    contact.phone and f"☎ {contact.phone}",
                    contact.line and f"LINE {contact.line}",
                    contact.facebook,
                    contact.url,
                )
                if w
            ]
            where = f" ({_('remote')}, {contact.country})" if contact.remote else ""
            name = contact.name if contact.proper_name else _(contact.name)
            out.print(
                f"   → {name}{where}: {'; '.join(ways)} [{', '.join(contact.languages)}]",
                markup=False,
            )
        if step.risk_notes or step.risks:
            notes = _(step.risk_notes) if step.risk_notes else ""
            out.print(f"   {_('risks')}: {', '.join(step.risks)}. {notes}", markup=False)
        for c in step.cites:
            out.print(
                f"   {_('source')}: {c.title} ({_('in force from')} {c.in_force_from})",
                markup=False,
            )
    if made.not_chosen:
        out.print("\n[bold]" + _("Not chosen, and why:") + "[/bold]")
        for item in made.not_chosen:
            out.print(f"  - {_(item.name)} ({item.country}): {item.reason}", markup=False)
