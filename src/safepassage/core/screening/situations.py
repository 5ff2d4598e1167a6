"""Findings about the worker's situation that change what to ask or plan, not the level: answers
that contradict each other, family and children at the same workplace, a boat outside national
waters. Each names the facts it rests on; none silently chooses between answers."""

from __future__ import annotations

from ..account import Answer, Work
from . import messages as m
from .determination import Evidence, Finding

# (fact, risk code, message): a yes to the fact on a job raises the risk finding.
_SITUATIONS = (
    ("children_working_alongside", "children_at_the_workplace", m.CHILDREN_AT_THE_WORKPLACE),
    ("family_working_alongside", "family_at_the_workplace", m.FAMILY_AT_THE_WORKPLACE),
    ("beyond_national_waters", "beyond_national_waters", m.BEYOND_NATIONAL_WATERS),
)


def situations(job: Work | None, index: int) -> list[Finding]:
    if job is None:
        return []
    found = _contradictions(job, index)
    for fact, code, message in _SITUATIONS:
        said = getattr(job, fact)
        if said.yes:
            because = (Evidence(f"work[{index}].{fact}", Answer.YES, said.note),)
            found.append(Finding("risk", code, "work", index, because, message, message=message))
    return found


def _contradictions(job: Work, index: int) -> list[Finding]:
    """Answers on pay that cannot both be true, named so that someone asks again (the facts
    stay as they were given: nothing is silently chosen between them)."""
    if not job.months_unpaid:
        return []
    params = {"months": str(job.months_unpaid)}
    owed = m.MONTHS_OWED.format(**params)
    evidence = [Evidence(f"work[{index}].months_unpaid", Answer.YES, owed, m.MONTHS_OWED, params)]
    found = []
    for value, message, answer in (
        (
            job.wages_withheld.no,
            m.UNPAID_BUT_NOT_KEPT_BACK,
            Evidence(f"work[{index}].wages_withheld", Answer.NO, job.wages_withheld.note),
        ),
        (
            job.pay_compared == "as_promised",
            m.UNPAID_BUT_AS_PROMISED,
            m.option_evidence(f"work[{index}].pay_compared", "as_promised"),
        ),
    ):
        if value:
            because = (*evidence, answer)
            text = message.format(**params)
            code = "contradictory_pay_answers"
            finding = Finding("risk", code, "work", index, because, text, (), message, params)
            found.append(finding)
    return found
