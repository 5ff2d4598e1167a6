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

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..account import Account, Answer, Money, Work
from ..knowledge import LookupProblem
from ..screening import Level, Screener
from ..screening.labour_law import JobLaw, listed_hazardous, sector_places
from ..screening.recent import Recent
from .questions import FACTS, Question, benign_yes, is_unknown, questions

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
NO_LIMIT = 10**9  # pay no minimum wage reaches


@dataclass(frozen=True)
class Options:
    """The answers tried for one open question: the adverse one, the benign one, and others."""

    adverse: Any
    benign: Any
    others: tuple[Any, ...] = ()


def open_questions(
    account: Account,
    asked: frozenset[str] | set[str],
    job: int | None = None,
    unknown: Callable[[str], bool] | None = None,
) -> list[Question]:
    """The questions not yet asked whose fact is still unknown (by `unknown`, a faster lookup
    of `is_unknown`, where given). Without any work recorded and the offer not taken up, there
    is no job to ask about; with work recorded, the offer was taken up."""
    no_job = not account.work and account.recruitment.taken_up.no
    still = unknown or (lambda qid: is_unknown(account, qid, job))
    return [
        q
        for q in questions().values()
        if q.id not in asked
        and not (no_job and q.id.startswith("work."))
        and not (account.work and q.id == "recruitment.taken_up")
        and still(q.id)
    ]


def options(
    screener: Screener,
    account: Account,
    question: Question,
    job: int | None,
    open_ids: frozenset[str] | None = None,
) -> Options:
    """The answers to try for `question`, from the law of the job's country where it applies.

    `open_ids`, the questions still open, lets the sector and the province be tried only as
    far as a labour-law check can read them (none can without pay or hours); without it every
    reading is tried."""
    return _law_free(account, question, job) or _by_law(
        screener, account, question, job, open_ids, _law(screener, account, job)
    )


def _law_free(account: Account, question: Question, job: int | None) -> Options | None:
    """The answers to try that do not depend on the law (None where they do)."""
    if question.id == "work.pay_compared" and _pay_known(account, job):
        return NOTHING  # the words on the pay are read only without its amount
    return _fixed(question.id)


def _by_law(
    screener: Screener,
    account: Account,
    question: Question,
    job: int | None,
    open_ids: frozenset[str] | None,
    law: JobLaw | None,
) -> Options:
    """The answers to try for a question the law reads, under `law`, the law of the job."""
    pay, hours = _law_reads(account, job, open_ids)
    if question.id == "work.sector":
        # No check reads a sector rate without the pay or the hours, nor a hazardous-work list
        # for an adult.
        reads = (bool(pay or hours), not account.person.under_18.no)
        classes = _sector_classes(screener, law, question.options, reads)
        return Options("online_scam", "other", classes)
    if question.id == "person.age":
        return _ages(law)
    if question.id == "work.months_unpaid":
        return Options(3, 0)  # more months owed is never less adverse
    if question.id in ("work.hours_per_day", "work.days_per_week"):
        return _hours_or_days(question.id, law, _converted(account, job, law))
    if question.id == "work.pay":
        currency, per = _pay_basis(law)
        return Options(
            Money(amount=0, currency=currency, per=per),
            Money(amount=NO_LIMIT, currency=currency, per=per),
        )
    if question.id == "work.province":
        return _provinces(screener, law) if pay else Options(None, None)
    return Options(None, None)  # a free text or the country: see `settled`


NOTHING = Options(None, None)  # nothing to try: a free text, the country (see `settled`)


@lru_cache(maxsize=512)
def _fixed(qid: str) -> Options | None:
    """The answers to try for a question whose answers do not depend on the law: a fact, a
    choice. None for one that does (a number, the sector, the province)."""
    question = questions()[qid]
    if question.covers:
        return NOTHING  # a gate: its facts are tried one by one
    if question.kind == "fact":
        yes, no = FACTS[Answer.YES], FACTS[Answer.NO]
        return Options(no, yes) if question.id in benign_yes() else Options(yes, no)
    if question.id in TWO_CLASS_CHOICES:
        return Options(*TWO_CLASS_CHOICES[question.id])
    if question.kind == "choice" and question.id != "work.sector":  # the sector: by the law
        return Options(question.options[0], question.options[-1], tuple(question.options))
    return None


def _law(screener: Screener, account: Account, job: int | None) -> JobLaw | None:
    work = (account.work[-1 if job is None else job]) if account.work else Work()
    if work.country is None:
        return None
    on = work.end or account.reported_on or date.today()
    return JobLaw(screener.knowledge, work.country, on, work)


def _hours_or_days(qid: str, law: JobLaw | None, converted: set[str]) -> Options:
    others: tuple[float, ...] = ()
    if qid == "work.hours_per_day":
        normal = _value(law, "working_hours", "normal_hours_per_day", 8.0)
        # Hours matter one way (the caps) unless an hourly pay is spread over the day.
        if "hour" in converted:
            others = (1.0, normal, 24.0)
        return Options(24.0, normal, others)
    rest = _value(law, "weekly_rest", "weekly_rest_days", 1.0)
    # Days matter one way (rest, hours) unless the pay is spread over the days worked.
    if converted & {"month", "week"}:
        others = (1.0, 5.0, 7.0 - rest, 7.0)
    return Options(7.0, 5.0, others)


def _law_reads(
    account: Account, job: int | None, open_ids: frozenset[str] | None
) -> tuple[bool, bool]:
    """Whether a minimum-wage check, and an hours check, can still run: the pay (the hours and
    days) known or still to be asked."""
    if open_ids is None:
        return True, True
    work = (account.work[-1 if job is None else job]) if account.work else Work()
    pay = work.pay is not None or "work.pay" in open_ids
    hours = all(
        getattr(work, name) is not None or f"work.{name}" in open_ids
        for name in ("hours_per_day", "days_per_week")
    )
    return pay, hours


def _converted(account: Account, job: int | None, law: JobLaw | None) -> set[str]:
    """The pay bases a known pay is converted between to meet the minimum wage (empty when the
    pay is not known, or already on the minimum's basis)."""
    work = (account.work[-1 if job is None else job]) if account.work else None
    if work is None or work.pay is None:
        return set()
    _, per = _pay_basis(law)
    return set() if work.pay.per == per else {work.pay.per, per}


# Sector options by the law they select, per knowledge base, country and what is read.
_CLASSES: dict[tuple[int, str, tuple[bool, bool]], tuple[Any, tuple[str, ...]]] = {}


def _sector_classes(
    screener: Screener, law: JobLaw | None, options: list[str], reads: tuple[bool, bool]
) -> tuple[str, ...]:
    """One sector for each way screening can read the sector: whether it is a compound, and
    as far as a check reads them (`reads`: the rates, the hazardous list) the sector rates it
    matches in the country's law and whether it is on the list of hazardous work for children
    (given `law`)."""
    if law is None:  # no country yet: any sector but a compound may be on a hazardous list
        return tuple(options)
    rates, child = reads
    key = (id(screener.knowledge), law.country, reads)
    cached = _CLASSES.get(key)
    if cached is not None and cached[0] is screener.knowledge:
        return cached[1]
    # The child-age law (the hazardous-work lists) is read only for a child.
    params = [
        p
        for k, p in screener.knowledge.parameters.items()
        if k[0] == law.country and (child or k[1] != "child_age")
    ]
    classes: dict[tuple[Any, ...], str] = {}
    for option in options:
        places = (
            tuple(sorted(p.name for param in params for p in sector_places(param, option)))
            if rates
            else ()
        )
        hazardous = child and listed_hazardous(law, option)
        classes.setdefault((hazardous, option == "online_scam", places), option)
    found = tuple(classes.values())
    _CLASSES[key] = (screener.knowledge, found)
    return found


def _value(law: JobLaw | None, topic: str, name: str, default: float) -> float:
    found = law.get(topic, name) if law is not None else None
    value = found.value.value if found is not None else None
    return float(value) if isinstance(value, int | float) else default


def _ages(law: JobLaw | None) -> Options:
    """Just under the lowest age the law applies (the minimum working age; the hazardous-work
    age and 18 above it), and an adult's."""
    minimum = _value(law, "child_age", "minimum_working_age", 15.0)
    hazardous = _value(law, "child_age", "minimum_age_hazardous_work", 18.0)
    # Younger is never less adverse (each age rule adds to the one above it), so the youngest
    # threshold and an adult's age bound every age between.
    ages = sorted({int(minimum) - 1, int(hazardous) - 1, 17})
    return Options(ages[0], 30)


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
    key = (id(screener.knowledge), law.country, law.on)
    cached = _PROVINCES.get(key)
    if cached is None or cached[0] is not screener.knowledge:
        cached = _PROVINCES.put(key, (screener.knowledge, _extreme_provinces(screener, law)))
    return cached[1]


# The extreme provinces per knowledge base, country and day: scanning every place of the
# minimum wage was a sixth of the settled check's time.
_PROVINCES: Recent[tuple[int, str, date], tuple[Any, Options]] = Recent(1_024)


def _extreme_provinces(screener: Screener, law: JobLaw) -> Options:
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
    open_ids = frozenset(q.id for q in open_qs)
    law = _law(screener, account, job)
    tried = {
        q.id: _law_free(account, q, job) or _by_law(screener, account, q, job, open_ids, law)
        for q in open_qs
    }  # the law looked up once for every open question
    tried = {qid: o for qid, o in tried.items() if o.adverse is not None}
    adverse = {qid: o.adverse for qid, o in tried.items()}
    benign = {qid: o.benign for qid, o in tried.items()}
    yield adverse
    yield benign
    for qid, found in tried.items():
        for value in found.others:
            if value != found.adverse:
                yield {**adverse, qid: value}
            if value != found.benign:
                yield {**benign, qid: value}
    yield from _pairs(tried, adverse, benign, _pay_known(account, job))


PAIRS = (("work.hours_per_day", "work.days_per_week"), ("work.sector", "work.province"))


def _pay_known(account: Account, job: int | None) -> bool:
    return bool(account.work) and account.work[-1 if job is None else job].pay is not None


def _pairs(
    tried: dict[str, Options], adverse: dict[str, Any], benign: dict[str, Any], pay_known: bool
) -> Iterator[dict[str, Any]]:
    """Hours with days, sector with province, together: only where a known pay is held to a
    minimum they both select (otherwise each acts one way, tried alone)."""
    if not pay_known:
        return
    for first, second in PAIRS:
        # Tried alone, each value already meets both extremes of the other: together only
        # where the other has values between them too.
        if first not in tried or second not in tried or not tried[second].others:
            continue
        for a in _every(tried[first]):
            for b in _every(tried[second]):
                yield {**adverse, first: a, second: b}
                yield {**benign, first: a, second: b}


def _every(found: Options) -> tuple[Any, ...]:
    return tuple(dict.fromkeys((*found.others, found.adverse, found.benign)))
