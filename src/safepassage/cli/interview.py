"""`safepassage interview`: the adaptive interview in a terminal, ending with the determination."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console

from ..core.account import Account, Answer
from ..core.interview import Question, apply, next_questions, progress
from ..core.screening import Screener
from ..i18n import _, activate
from .knowledge import _load
from .screen import print_determination

out = Console(highlight=False, soft_wrap=True)
FACT_ANSWERS = {
    "y": Answer.YES,
    "yes": Answer.YES,
    "n": Answer.NO,
    "no": Answer.NO,
    "?": Answer.UNKNOWN,
    "": Answer.UNKNOWN,
}


def interview(
    lang: Annotated[
        str, typer.Option(help=_("Language of the questions: en, th, km, lo, my, vi."))
    ] = "en",
    limit: Annotated[int, typer.Option(help=_("Ask at most this many questions."))] = 60,
) -> None:
    """Ask the questions that most change the determination until no answer still to come can
    change it, then show it.

    Answer y (yes), n (no) or ? (don't know); type q to stop early (the result is then marked
    provisional).
    """
    activate(lang)
    screener = Screener(_load())
    account, asked = Account(), list[str]()
    while len(asked) < limit:
        found = next_questions(screener, account, skip=asked)
        if not found:
            break
        question = found[0]
        answer = _ask(question)
        if answer is _STOP:
            break
        asked.append(question.id)
        if answer is not None:
            account = apply(account, question.id, answer)
    out.print()
    print_determination(screener.screen(account))
    where = progress(screener, account, asked)
    if not where.settled:
        out.print(
            _(
                "Provisional: {n} more questions could still change this result. Ask them "
                "before relying on it."
            ).format(n=where.could_change)
        )


_STOP = object()


def _ask(question: Question) -> Any:
    """Ask until the answer is valid; None means "don't know"."""
    out.print(f"\n[bold]{_(question.text)}[/bold]")
    if question.kind == "choice":
        for number, option in enumerate(question.options, 1):
            out.print(f"  {number}. {_(option.replace('_', ' '))}", markup=False)
    hint = {
        "fact": "y / n / ?",
        "choice": _("number, or ?"),
        "money": _("e.g. 9000 THB month"),
        "country": _("e.g. TH"),
        "number": _("a number, or ?"),
        "text": _("text, or ?"),
    }
    while True:
        raw = typer.prompt(hint[question.kind], default="?", show_default=False).strip()
        if raw.lower() == "q":
            return _STOP
        try:
            return _parse(question, raw)
        except ValueError as exc:
            out.print(f"[red]{exc}[/red]")


def _parse(question: Question, raw: str) -> Any:
    if question.kind == "fact":
        if raw.lower() not in FACT_ANSWERS:
            raise ValueError(_("Answer y (yes), n (no) or ? (don't know)."))
        answer = FACT_ANSWERS[raw.lower()]
        return None if answer is Answer.UNKNOWN else answer
    if raw in ("?", ""):
        return None
    if question.kind == "choice":
        if not raw.isdigit() or not 1 <= int(raw) <= len(question.options):
            raise ValueError(_("Type a number from 1 to {n}.").format(n=len(question.options)))
        return question.options[int(raw) - 1]
    if question.kind == "number":
        return _number(question, raw)
    if question.kind == "money":
        return _money(raw)
    if question.kind == "country":
        if len(raw) != 2 or not raw.isalpha():
            raise ValueError(_("Type a two-letter country code, e.g. TH."))
        return raw.upper()
    return raw


def _number(question: Question, raw: str) -> float | int:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(_("Type a number, e.g. 8.")) from None
    low = question.min if question.min is not None else float("-inf")
    high = question.max if question.max is not None else float("inf")
    if not low <= value <= high:
        raise ValueError(_("Type a number from {low:g} to {high:g}.").format(low=low, high=high))
    return int(value) if question.id == "person.age" else value


def _money(raw: str) -> dict[str, Any]:
    parts = raw.replace(",", "").split()
    pers = ("hour", "day", "week", "month", "year", "piece")
    if len(parts) != 3 or parts[2].lower() not in pers or len(parts[1]) != 3:
        raise ValueError(_("Type amount, currency and period, e.g. 9000 THB month."))
    try:
        amount = float(parts[0])
    except ValueError:
        raise ValueError(_("Type amount, currency and period, e.g. 9000 THB month.")) from None
    return {"amount": amount, "currency": parts[1].upper(), "per": parts[2].lower()}
