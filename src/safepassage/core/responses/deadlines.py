"""Legal deadlines a case must keep: dated, cited values of the knowledge base (topic
`deadlines` of the country of work) that apply to the account, each turned into a due date from
the day its time runs from.

The account holds no such day (the interview asks no dates), so the case worker gives it; a due
date is never computed from a guess, since a deadline set too late loses the claim.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..account import Account
from ..knowledge import Knowledge, LookupProblem
from ..screening.determination import Cite, Determination
from ..screening.labour_law import cite

TOPIC = "deadlines"
# The findings that mean pay is owed: a wage claim's time limit then matters.
PAY_OWED = frozenset(
    {
        "violation:below_minimum_wage",
        "violation:wages_not_paid",
        "violation:unpaid_overtime_premium",
        "indicator:withholding_of_wages",
    }
)


@dataclass(frozen=True)
class Deadline:
    """One legal deadline that applies: how long, from when (in the knowledge's words), and
    its source."""

    name: str  # the knowledge parameter: wage_claim_time_limit, employer_change_window
    country: str
    length: float
    unit: str  # days, months or years
    description: str
    cite: Cite

    @property
    def key(self) -> str:
        return f"{TOPIC}.{self.name}"

    def due(self, start: date) -> date:
        """The last day, counted from `start` (a month or a year ends on the same day of the
        month, or the month's last day where it has none)."""
        whole = int(self.length)
        if self.unit == "days":
            return start + timedelta(days=whole)
        months = whole * 12 if self.unit == "years" else whole
        year, month = divmod(start.month - 1 + months, 12)
        year, month = start.year + year, month + 1
        return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def deadlines(
    knowledge: Knowledge, account: Account, result: Determination, on: date
) -> list[Deadline]:
    """The deadlines of the country of the current job that apply to this account on `on`."""
    if not account.work or account.work[-1].country is None:
        return []
    country = account.work[-1].country
    found = []
    for name, applies in RULES.items():
        if not applies(account, result, country):
            continue
        try:
            resolved = knowledge.parameter(country, TOPIC, name).at(on)
        except LookupProblem:
            continue  # none on file for this country, or none in force then
        param = resolved.parameter
        if param.unit not in ("days", "months", "years") or resolved.value.value is None:
            continue  # a deadline not in time units, or marked as none from this date
        length = float(resolved.value.value)
        found.append(Deadline(name, country, length, param.unit, param.description, cite(resolved)))
    return found


def _pay_owed(account: Account, result: Determination, country: str) -> bool:
    codes = {f"{f.kind}:{f.code}" for f in result.findings}
    return bool(codes & PAY_OWED) or account.return_.wages_still_owed.yes


def _migrant_there(account: Account, result: Determination, country: str) -> bool:
    nationality = account.person.nationality
    return nationality is not None and nationality != country


RULES = {
    "wage_claim_time_limit": _pay_owed,
    "employer_change_window": _migrant_there,
}
