"""When an interview's result is settled: no answers to the questions not yet asked, alone or
together, can change the level or the trafficking result.

Trying every combination of answers is out of reach (55 questions), so the check rests on how
screening reads facts. A fact question pushes the result one way: its adverse answer (yes, or no
for "free to leave") can only add support to an indicator or element, never take it away, and
"don't know" lies between the two answers. So the answers to the open fact questions all adverse
(scenario A) and all benign (scenario B) bound every mix of them. The same holds for a choice
whose options fall in two classes (who holds the documents: the worker or someone else) and for
pay (less is worse). What is not one-way is tried value by value: the sector and the province
(they select the law), the age, hours and days at the thresholds the law applies (the minimum
working age, normal hours, the weekly rest), alone and together, each with the facts at both
extremes. A result at the top (forced labour and trafficking) is settled at once: what is known
already supports it, and nothing more can lower it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..account import Account, Answer, Money, Work
from ..knowledge import LookupProblem
from ..screening import Level, Screener
from ..screening.labour_law import JobLaw
from ..screening.rules import fact_refs, rules
from .questions import FACTS, Question, is_unknown, questions

Outcome = tuple[Level, Answer]
TOP: Outcome = (Level.FORCED_LABOUR, Answer.YES)
# Choices whose options fall in two classes for screening: (an adverse one, a benign one).
TWO_CLASS_CHOICES: dict[str, tuple[str, str]] = {
    "work.documents_held_by": ("employer", "self"),
    "work.isolation": ("compound", "none"),
    "recruitment.recruited_by": ("broker", "self"),
    "transit.transported_by": ("broker", "self"),
    "person.legal_status": ("irregular", "registered"),
}
# Facts whose "yes" is the benign answer though no rule reads them the other way round (`not:`).
BENIGN_YES = frozenset({"work.overtime_premium_paid"})
NO_LIMIT = 10**9  # pay no minimum wage reaches


@dataclass(frozen=True)
class Options:
    """The answers tried for one open question: the adverse one, the benign one, and others."""

    adverse: Any
    benign: Any
    others: tuple[Any, ...] = ()


@lru_cache(maxsize=1)
def benign_yes() -> frozenset[str]:
    """Facts whose "yes" is the benign answer: those the rules read only as `not:`."""
    rule_set = rules()
    negated = {ref.removeprefix("not:") for ref in _all_refs(rule_set) if ref.startswith("not:")}
    return frozenset(negated | BENIGN_YES)


def _all_refs(rule_set: Any) -> list[str]:
    conditions = [r for rs in rule_set.indicators.values() for r in rs]
    groups = [*rule_set.icls.values(), rule_set.palermo.purpose]
    for route in rule_set.palermo.routes.values():
        groups += [route.act, route.means]
    conditions += [c for group in groups for c in group.values()]
    return [ref for c in conditions for ref in (*c.any, *c.all)]


def read_by_rules() -> set[str]:
    return fact_refs(rules())


def open_questions(
    account: Account, asked: frozenset[str] | set[str], job: int | None = None
) -> list[Question]:
    """The questions not yet asked whose fact is still unknown. Without any work recorded and
    the offer not taken up, there is no job to ask about."""
    no_job = not account.work and account.recruitment.taken_up.no
    return [
        q
        for q in questions().values()
        if q.id not in asked
        and not (no_job and q.id.startswith("work."))
        and is_unknown(account, q.id, job)
    ]


def options(screener: Screener, account: Account, question: Question, job: int | None) -> Options:
    """The answers to try for `question`, from the law of the job's country where it applies."""
    if question.kind == "fact":
        yes, no = FACTS[Answer.YES], FACTS[Answer.NO]
        return Options(no, yes) if question.id in benign_yes() else Options(yes, no)
    if question.id in TWO_CLASS_CHOICES:
        return Options(*TWO_CLASS_CHOICES[question.id])
    if question.kind == "choice":
        return Options("online_scam", "other", tuple(question.options))
    law = _law(screener, account, job)
    if question.id == "person.age":
        return _ages(law)
    if question.id == "work.hours_per_day":
        normal = _value(law, "working_hours", "normal_hours_per_day", 8.0)
        return Options(24.0, normal, (1.0, normal, 24.0))
    if question.id == "work.days_per_week":
        rest = _value(law, "weekly_rest", "weekly_rest_days", 1.0)
        return Options(7.0, 5.0, (1.0, 5.0, 7.0 - rest, 7.0))
    if question.id == "work.pay":
        currency, per = _pay_basis(law)
        return Options(
            Money(amount=0, currency=currency, per=per),
            Money(amount=NO_LIMIT, currency=currency, per=per),
        )
    if question.id == "work.province":
        return _provinces(screener, law)
    return Options(None, None)  # a free text or the country: see `settled`


def _law(screener: Screener, account: Account, job: int | None) -> JobLaw | None:
    work = (account.work[-1 if job is None else job]) if account.work else Work()
    if work.country is None:
        return None
    on = work.end or account.reported_on or date.today()
    return JobLaw(screener.knowledge, work.country, on, work)


def _value(law: JobLaw | None, topic: str, name: str, default: float) -> float:
    found = law.get(topic, name) if law is not None else None
    value = found.value.value if found is not None else None
    return float(value) if isinstance(value, int | float) else default


def _ages(law: JobLaw | None) -> Options:
    """Just under each age the law applies (the minimum working age, the hazardous-work age,
    18), and an adult's."""
    minimum = _value(law, "child_age", "minimum_working_age", 15.0)
    hazardous = _value(law, "child_age", "minimum_age_hazardous_work", 18.0)
    ages = sorted({int(minimum) - 1, int(hazardous) - 1, 17, 30})
    return Options(ages[0], 30, tuple(ages))


def _pay_basis(law: JobLaw | None) -> tuple[str, str]:
    found = law.get("minimum_wage", "minimum_wage") if law is not None else None
    floor = found.value.value if found is not None else None
    if floor is None or not hasattr(floor, "currency"):
        return "THB", "day"
    return str(floor.currency), str(floor.per)


def _provinces(screener: Screener, law: JobLaw | None) -> Options:
    """The places with the highest and the lowest minimum wage: pay below the lowest is below
    everywhere, pay above the highest nowhere."""
    if law is None:
        return Options(None, None)
    try:
        param = screener.knowledge.parameter(law.country, "minimum_wage", "minimum_wage")
    except LookupProblem:
        return Options(None, None)
    rates = []
    for place in param.places.values():
        if place.kind == "sector" or place.name == "default":
            continue
        value = place.series.at(law.on) if place.series is not None else None
        amount = getattr(value.value, "amount", None) if value is not None else None
        if amount is not None:
            rates.append((float(amount), place.name))
    if not rates:
        return Options(None, None)
    rates.sort()
    return Options(rates[-1][1], rates[0][1])


def scenarios(
    screener: Screener, account: Account, open_qs: list[Question], job: int | None
) -> Iterator[dict[str, Any]]:
    """Answers to every open question: all adverse, all benign, then each value question's other
    answers (alone, and hours with days, sector with province) with the rest at both extremes."""
    tried = {q.id: options(screener, account, q, job) for q in open_qs}
    tried = {qid: o for qid, o in tried.items() if o.adverse is not None}
    adverse = {qid: o.adverse for qid, o in tried.items()}
    benign = {qid: o.benign for qid, o in tried.items()}
    yield adverse
    yield benign
    for qid, found in tried.items():
        for value in found.others:
            yield {**adverse, qid: value}
            yield {**benign, qid: value}
    for first, second in (
        ("work.hours_per_day", "work.days_per_week"),
        ("work.sector", "work.province"),
    ):
        if first in tried and second in tried:
            for a in (*tried[first].others, tried[first].adverse, tried[first].benign):
                for b in (*tried[second].others, tried[second].adverse, tried[second].benign):
                    yield {**adverse, first: a, second: b}
                    yield {**benign, first: a, second: b}
