"""Labour-law checks for one job, under the law of the country of work on the law date.

Each check compares what the migrant reported with a dated, cited value from the knowledge
base. A check that lacks a fact (pay, hours, province...) says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..account import Answer, Money, Person, Recruitment, Work
from ..knowledge import Knowledge, LookupProblem, Resolved, Value
from . import messages as m
from .determination import Cite, Evidence, Finding

WEEKS_PER_MONTH = 52 / 12
SECTOR_TERMS: dict[str, tuple[str, ...]] = {  # words that name an account sector in the data
    "hospitality": ("hotel",),
    "entertainment": ("entertainment",),
    "garment": ("garment", "textile", "factor"),
    "manufacturing": ("manufactur", "factor", "electronic"),
    "seafood_processing": ("seafood", "processing", "factor"),
    "fishing": ("fish",),
    "agriculture": ("agricultur", "farm"),
    "construction": ("construction",),
    "domestic_work": ("domestic",),
    "brick_kiln": ("brick", "kiln"),
    "food_processing": ("food", "processing", "factor"),
    "warehouse": ("warehouse", "logistic"),
    "electronics": ("electronic", "manufactur", "factor"),
    "plantation": ("plantation", "agricultur", "farm"),
}
HOURS_FINDINGS = frozenset({"hours_over_limit", "no_weekly_rest"})
FAR_BELOW = 0.5  # pay under half the minimum counts as "very low wages" (ICLS involuntariness)


# Cites by value identity (holding the value, so that its id is not reused): the same few
# values are cited on every screening, and a Cite is frozen, so results can share it.
_CITES: dict[int, tuple[Value, Cite]] = {}


def cite(resolved: Resolved) -> Cite:
    value = resolved.value
    found = _CITES.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    if len(_CITES) > 20_000:
        _CITES.clear()
    made = cite_value(value)
    _CITES[id(value)] = (value, made)
    return made


def cite_value(value: Value) -> Cite:
    """The source of a knowledge value, with the date of the version applied."""
    c = value.citation
    return Cite(c.title, c.section, c.url, value.effective, value.verified, value.layer)


@dataclass
class LawCheck:
    """Results of the labour-law checks for one job: violations and derived facts."""

    findings: list[Finding] = field(default_factory=list)
    derived: dict[str, Answer] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    national: bool = True  # a national labour law was on file and applied

    def violation(
        self,
        code: str,
        because: list[Evidence],
        message: str,
        params: dict[str, str],
        *sources: Resolved,
    ) -> None:
        """A violation whose text is `message` (a template of messages.py) filled by `params`."""
        self.findings.append(
            Finding(
                "violation",
                code,
                "work",
                None,
                tuple(because),
                message.format(**params),
                tuple(cite(s) for s in sources),
                message,
                params,
            )
        )

    def need(self, fact: str, decides: str) -> None:
        self.missing.setdefault(fact, []).append(decides)


LawKey = tuple[str, date, str, str | None, str, str]


class LawCache(dict[LawKey, "Resolved | None"]):
    """Law lookups by (country, date, sector, province, topic, name): the same for every job
    that shares them, since the knowledge base does not change under a screener. Bounded."""

    LIMIT = 50_000

    def trim(self) -> None:
        if len(self) > self.LIMIT:
            self.clear()


class JobLaw:
    """Asks the knowledge base for the law of `country` on `on`, for this job's place."""

    def __init__(
        self,
        knowledge: Knowledge,
        country: str,
        on: date,
        job: Work,
        cache: LawCache | None = None,
    ) -> None:
        self.knowledge, self.country, self.on, self.job = knowledge, country, on, job
        self.cache = LawCache() if cache is None else cache
        self._key = (country, on, job.sector, job.province)

    def get(self, topic: str, name: str) -> Resolved | None:
        """The value for this job: a sector or place entry when one matches, else the default.

        Where a sector rate and a provincial rate both apply, the higher amount wins (Thailand's
        hotel rate beside a province's rate)."""
        key = (*self._key, topic, name)
        try:  # one read, not `in` then a read: another thread may trim the cache between them
            return self.cache[key]
        except KeyError:
            found = self.cache[key] = self._lookup(topic, name)
            return found

    def _lookup(self, topic: str, name: str) -> Resolved | None:
        try:
            param = self.knowledge.parameter(self.country, topic, name)
        except LookupProblem:
            return None
        if param.series is not None:
            return _at(param, self.on, None)
        matches = [m for m in (_at(param, self.on, p.name) for p in self._places(param)) if m]
        if matches:
            return max(matches, key=_amount) if topic == "minimum_wage" else matches[0]
        return _at(param, self.on, None) if "default" in param.places else None

    def _places(self, param: Any) -> list[Any]:
        """Sector entries matching the job's sector (by word), then its province or region."""
        found = list(sector_places(param, self.job.sector))
        if self.job.province:
            province = param.place(self.job.province)
            if province is not None and province.name != "default":
                found.append(province)
        return found


# Sector entries per (parameter, account sector): scanning 80 places on every lookup was a
# fifth of screening time. Holding the parameter keeps its id from being reused.
_SECTOR_CACHE: dict[tuple[int, str], tuple[Any, tuple[Any, ...]]] = {}


def sector_places(param: Any, sector: str) -> tuple[Any, ...]:
    cached = _SECTOR_CACHE.get((id(param), sector))
    if cached is not None and cached[0] is param:
        return cached[1]
    terms = SECTOR_TERMS.get(sector, ())
    found = tuple(
        place
        for place in param.places.values()
        if place.kind == "sector"
        and any(
            term in label.casefold() for term in terms for label in (place.name, *place.aliases)
        )
    )
    _SECTOR_CACHE[(id(param), sector)] = (param, found)
    return found


def _amount(resolved: Resolved) -> float:
    value = resolved.value.value
    return float(getattr(value, "amount", 0) or 0)


def _at(param: Any, on: date, where: str | None) -> Resolved | None:
    try:
        resolved: Resolved = param.at(on, where)
    except LookupProblem:
        return None
    return resolved


def check_job(
    knowledge: Knowledge,
    job: Work,
    person: Person,
    recruitment: Recruitment | None,
    on: date,
    cache: LawCache | None = None,
) -> LawCheck:
    result = LawCheck()
    if job.country is None:
        result.need("work.country", "labour law of the country of work")
        return result
    if not law_on_file(knowledge, job.country):
        _no_national_law(job.country, result)
        return result
    law = JobLaw(knowledge, job.country, on, job, cache)
    _minimum_wage(law, job, result)
    _hours(law, job, result)
    _weekly_rest(law, job, result)
    if any(f.code in HOURS_FINDINGS for f in result.findings):
        _seasonal(law, job, result)
    _overtime_pay(job, result, law)
    _overtime_rules(law, job, person, result)
    _wages_kept_back(law, job, result)
    _documents(law, job, result)
    _child(law, job, person, result)
    if recruitment is not None:
        check_fees(knowledge, recruitment, person, job, on, result, cache)
    violated = any(f.kind == "violation" for f in result.findings)
    result.derived["any_labour_violation"] = (
        Answer.YES if violated else (Answer.UNKNOWN if result.missing else Answer.NO)
    )
    return result


def _no_national_law(country: str, result: LawCheck) -> None:
    """A country the knowledge base holds no law of: said, and decent work left unproven (no
    labour-law check could run); the international tests still apply."""
    params = {"country": m.country(country)}
    evidence = Evidence("work.country", Answer.YES, params["country"], m.COUNTRY, params)
    message = m.NO_NATIONAL_LAW
    finding = Finding("risk", "no_national_law", "work", None, (evidence,), message, (), message)
    result.findings.append(finding)
    result.national = False
    result.derived["any_labour_violation"] = Answer.UNKNOWN


_LAW_ON_FILE: dict[tuple[int, str], tuple[Knowledge, bool]] = {}


def law_on_file(knowledge: Knowledge, country: str) -> bool:
    """Whether the knowledge base holds any law of `country` (cached per knowledge base)."""
    found = _LAW_ON_FILE.get((id(knowledge), country))
    if found is None or found[0] is not knowledge:
        found = _LAW_ON_FILE[(id(knowledge), country)] = (
            knowledge,
            bool(knowledge.topics(country)),
        )
    return found[1]


def pay_in(pay: Money, per: str, job: Work, normal_hours: float | None) -> float | None:
    """The reported pay expressed per `per` (day, month, hour), or None if it cannot be.

    SafePassage converts by the days and hours actually worked: a monthly wage is spread over the
    days worked in a month (days a week x 52/12), an hourly wage over the normal hours of a day."""
    if pay.per == per:
        return pay.amount
    per_day = _per_day(pay, job, normal_hours)
    days, hours = job.days_per_week, job.hours_per_day
    if per_day is None:
        return None
    if per == "day":
        return per_day
    if per == "month" and days:
        return per_day * days * WEEKS_PER_MONTH
    if per == "hour" and hours:
        return per_day / min(hours, normal_hours or hours)
    return None


def _per_day(pay: Money, job: Work, normal_hours: float | None) -> float | None:
    days, hours = job.days_per_week, job.hours_per_day
    if pay.per == "day":
        return pay.amount
    if pay.per == "month" and days:
        return pay.amount / (days * WEEKS_PER_MONTH)
    if pay.per == "week" and days:
        return pay.amount / days
    if pay.per == "hour" and hours:
        return pay.amount * min(hours, normal_hours or hours)
    return None


def conversion(
    pay: Money, per: str, job: Work, normal_hours: float | None
) -> tuple[tuple[str | None, bool], dict[str, str]] | None:
    """What `pay_in` spread the pay over (None when the pay is already per `per`): the key of its
    template in messages.BELOW_MINIMUM_CONVERTED (the days a week used to reach a month or a
    week, whether normal hours a day were used) and the parameters naming those days and hours."""
    if pay.per == per:
        return None
    bases, days, hours = {pay.per, per}, job.days_per_week, job.hours_per_day
    params: dict[str, str] = {}
    by_days: str | None = None
    if "month" in bases and days:
        by_days = "month"
        params["days"] = f"{days:g}"
        params["month_days"] = f"{round(days * WEEKS_PER_MONTH, 1):g}"
    elif "week" in bases and days:
        by_days = "week"
        params["days"] = f"{days:g}"
    by_hours = False
    if "hour" in bases and hours:
        by_hours = True
        params["hours"] = f"{min(hours, normal_hours or hours):g}"
    return (by_days, by_hours), params


def sector_evidence(job: Work) -> Evidence:
    """The kind of work as evidence that shows it ("fishing"), not as a "yes"."""
    params = {"sector": m.sector(job.sector)}
    return Evidence("work.sector", Answer.YES, params["sector"], m.SECTOR, params)


def number_evidence(name: str, value: float) -> Evidence:
    """A number of the job (hours a day, days a week) as evidence that shows its value."""
    message, param = m.NUMBERS[name]
    params = {param: f"{value:g}"}
    return Evidence(f"work.{name}", Answer.YES, message.format(**params), message, params)


def _minimum_for(law: JobLaw, pay: Money) -> Resolved | None:
    """The minimum wage for this pay basis: the hourly rate for hourly pay where the law sets
    one (Vietnam, from Decree 38/2022), otherwise the general rate."""
    if pay.per == "hour":
        hourly = law.get("minimum_wage", "minimum_wage_hourly")
        if hourly is not None and hourly.value.value is not None:
            return hourly
    return law.get("minimum_wage", "minimum_wage")


def _minimum_wage(law: JobLaw, job: Work, result: LawCheck) -> None:
    if job.pay is None:
        if job.pay_compared in m.SAID_BELOW_MINIMUM:
            _said_below_minimum(law, job, result)
        elif job.pay_compared != "at_least_the_minimum":
            result.need("work.pay", "minimum wage")
        return
    minimum = _minimum_for(law, job.pay)
    if minimum is None:
        result.need("work.province", "minimum wage (it differs by province or sector)")
        return
    floor = minimum.value.value
    if floor is None:  # no statutory minimum for this place or sector
        result.derived["paid_below_minimum"] = Answer.NO
        return
    normal = law.get("working_hours", "normal_hours_per_day")
    normal_hours = normal.value.value if normal else None
    paid = pay_in(job.pay, floor.per, job, normal_hours)
    if paid is None or job.pay.currency != floor.currency:
        result.need("work.days_per_week", "minimum wage (to compare pay per day and month)")
        return
    below = paid < floor.amount
    result.derived["paid_below_minimum"] = Answer.YES if below else Answer.NO
    result.derived["paid_far_below_minimum"] = (
        Answer.YES if paid < floor.amount * FAR_BELOW else Answer.NO
    )
    if below and not _excluded(law, job, "minimum_wage", "minimum_wage_applies", result):
        _below_minimum(job, job.pay, paid, minimum, normal, result)


def _said_below_minimum(law: JobLaw, job: Work, result: LawCheck) -> None:
    """The worker says the pay is below the minimum (or nothing) without the amount: the
    minimum of the place is cited beside what they said."""
    minimum = law.get("minimum_wage", "minimum_wage")
    if minimum is None:
        result.need("work.province", "minimum wage (it differs by province or sector)")
        return
    floor = minimum.value.value
    if floor is None:  # no statutory minimum here: nothing to be below
        return
    params = {
        "minimum": f"{floor.amount:,.0f}",
        "currency": floor.currency,
        "per": m.period(floor.per),
    }
    evidence = [m.option_evidence("work.pay_compared", job.pay_compared)]
    if _excluded(law, job, "minimum_wage", "minimum_wage_applies", result):
        return
    message = m.SAID_BELOW_MINIMUM[job.pay_compared]
    result.violation("below_minimum_wage", evidence, message, params, minimum)


def _below_minimum(
    job: Work, pay: Money, paid: float, minimum: Resolved, normal: Resolved | None, result: LawCheck
) -> None:
    floor = minimum.value.value
    how = conversion(pay, floor.per, job, normal.value.value if normal else None)
    params = {
        "paid": f"{paid:,.0f}",
        "currency": floor.currency,
        "per": m.period(floor.per),
        "minimum": f"{floor.amount:,.0f}",
    }
    said = {"amount": f"{pay.amount:,.0f}", "currency": pay.currency, "per": m.period(pay.per)}
    evidence = [Evidence("work.pay", Answer.YES, m.PAY.format(**said), m.PAY, said)]
    sources = [minimum]
    if how is None:
        message = m.BELOW_MINIMUM
    else:
        key, spread = how
        message = m.BELOW_MINIMUM_CONVERTED[key]
        params.update(spread, amount=f"{pay.amount:,.0f}", pay_per=m.period(pay.per))
        for name in _converted_by(pay, floor.per):
            evidence.append(number_evidence(name, getattr(job, name)))
        if normal is not None and "hour" in (pay.per, floor.per):
            sources.append(normal)
    result.violation("below_minimum_wage", evidence, message, params, *sources)


def _converted_by(pay: Money, per: str) -> list[str]:
    """The facts a pay conversion used."""
    bases = {pay.per, per}
    used = ["days_per_week"] if bases & {"month", "week"} else []
    return used + (["hours_per_day"] if "hour" in bases else [])


def _excluded(law: JobLaw, job: Work, topic: str, name: str, result: LawCheck) -> bool:
    """Where the law leaves the job's sector out of a rule on the job's date (Thai domestic work
    before 2024): say so, cited, in place of the violation the rule would have found."""
    applies = law.get(topic, name)
    if applies is None or applies.value.value is not False:
        return False
    params = {"sector": m.sector(job.sector)}
    evidence = (sector_evidence(job),)
    message = m.SECTOR_OUTSIDE_RULE[name]
    cites = (cite(applies),)
    text = message.format(**params)
    code = "sector_outside_the_rule"
    finding = Finding("risk", code, "work", None, evidence, text, cites, message, params)
    result.findings.append(finding)
    return True


def _hours(law: JobLaw, job: Work, result: LawCheck) -> None:
    known = job.hours_per_day is not None
    if known and _excluded(law, job, "working_hours", "hours_limits_apply", result):
        if job.sector == "fishing":  # the minimum-rest rules are the sea-fishing regulation's
            _rest_hours(law, job, result)
        return
    if job.hours_per_day is not None and job.days_per_week is None:
        _daily_hours(law, job.hours_per_day, result)
    if job.hours_per_day is None or job.days_per_week is None:
        result.need("work.hours_per_day", "working hours and overtime limits")
        result.need("work.days_per_week", "working hours and weekly rest")
        return
    day = law.get("working_hours", "normal_hours_per_day")
    week = law.get("working_hours", "normal_hours_per_week")
    if day is None or week is None:
        return
    daily_ot = max(0.0, job.hours_per_day - day.value.value)
    # Overtime in a week is the larger of the daily excess summed over the days worked and the
    # excess over the weekly normal hours (8 h x 5 days + 16 h days is overtime either way).
    weekly_ot = max(
        daily_ot * job.days_per_week,
        job.hours_per_day * job.days_per_week - week.value.value,
        0.0,
    )
    result.derived["overtime_hours"] = Answer.YES if weekly_ot or daily_ot else Answer.NO
    over = _over_caps(law, daily_ot, weekly_ot)
    result.derived["hours_over_legal_limit"] = Answer.YES if over else Answer.NO
    if over:
        cap, worked = over[0]
        params = {
            "hours": f"{job.hours_per_day:g}",
            "days": f"{job.days_per_week:g}",
            "overtime": f"{worked:,.0f}",
            "cap": f"{cap.value.value:g}",
        }
        evidence = [
            number_evidence("hours_per_day", job.hours_per_day),
            number_evidence("days_per_week", job.days_per_week),
        ]
        message = m.HOURS_OVER_LIMIT[cap.parameter.name]
        result.violation("hours_over_limit", evidence, message, params, cap, day, week)


def _rest_hours(law: JobLaw, job: Work, result: LawCheck) -> None:
    """Sea-fishing work in Thailand: minimum rest in any 24 hours and any 7 days, in place of
    the limits on hours (worked hours leave the rest of the day, and of the week)."""
    day = law.get("weekly_rest", "fishing_min_rest_hours_per_24h")
    week = law.get("weekly_rest", "fishing_min_rest_hours_per_7_days")
    hours, days = job.hours_per_day, job.days_per_week
    if hours is None:
        result.need("work.hours_per_day", "minimum rest hours")
        return
    short = day is not None and 24 - hours < day.value.value
    if days is None and not short:
        result.need("work.days_per_week", "minimum rest hours")
    weekly = days is not None and week is not None and 168 - hours * days < week.value.value
    result.derived["hours_over_legal_limit"] = Answer.YES if short or weekly else Answer.NO
    result.derived["overtime_hours"] = Answer.UNKNOWN
    evidence = [number_evidence("hours_per_day", hours)]
    if short and day is not None:
        params = {"hours": f"{hours:g}", "rest": f"{day.value.value:g}"}
        result.violation("too_little_rest", evidence, m.REST_PER_DAY, params, day)
    elif weekly and week is not None and days is not None:
        evidence.append(number_evidence("days_per_week", days))
        rest = {"hours": f"{hours:g}", "days": f"{days:g}", "rest": f"{week.value.value:g}"}
        result.violation("too_little_rest", evidence, m.REST_PER_WEEK, rest, week)


def _seasonal(law: JobLaw, job: Work, result: LawCheck) -> None:
    """Farm work where the hours rules' reach to seasonal work is contested: stated, cited."""
    said = law.get("working_hours", "seasonal_farm_work_coverage")
    if said is None or not said.value.value:
        return
    params = {"sector": m.sector(job.sector), "law": str(said.value.value)}
    evidence = (sector_evidence(job),)
    message = m.CONTESTED_COVERAGE
    text = message.format(**params)
    finding = Finding(
        "risk", "contested_coverage", "work", None, evidence, text, (cite(said),), message, params
    )
    result.findings.append(finding)


def _daily_hours(law: JobLaw, hours: float, result: LawCheck) -> None:
    """With the hours of a day known but not the days of a week: the daily overtime cap still
    applies (the weekly caps wait for the days)."""
    day = law.get("working_hours", "normal_hours_per_day")
    cap = law.get("overtime", "overtime_max_hours_per_day")
    if day is None or day.value.value is None:
        return
    daily_ot = max(0.0, hours - day.value.value)
    if daily_ot:
        result.derived["overtime_hours"] = Answer.YES
    if cap is None or cap.value.value is None or daily_ot <= cap.value.value:
        return
    result.derived["hours_over_legal_limit"] = Answer.YES
    params = {"hours": f"{hours:g}", "overtime": f"{daily_ot:g}", "cap": f"{cap.value.value:g}"}
    evidence = [number_evidence("hours_per_day", hours)]
    result.violation("hours_over_limit", evidence, m.DAILY_HOURS_OVER_LIMIT, params, cap, day)


def _wages_kept_back(law: JobLaw, job: Work, result: LawCheck) -> None:
    """Pay kept back breaks the law's rule on paying wages on time, where the knowledge base
    records one (beside the ILO indicator of withheld wages)."""
    if not job.wages_withheld.yes:
        return
    rule = law.get("minimum_wage", "wage_payment_rule")
    if rule is None or rule.value.value is None:
        return
    evidence = [Evidence("work.wages_withheld", Answer.YES, job.wages_withheld.note)]
    result.violation("wages_not_paid", evidence, m.WAGES_NOT_PAID, {}, rule)


def _overtime_rules(law: JobLaw, job: Work, person: Person, result: LawCheck) -> None:
    """Overtime the law forbids outright: imposed without consent where the law requires
    consent, and any overtime by a worker under 18 where the law prohibits it."""
    worked = job.overtime_worked.yes or result.derived.get("overtime_hours") is Answer.YES
    if not worked:
        return
    _overtime_consent(law, job, result)
    young = law.get("overtime", "young_worker_overtime")
    if person.under_18.yes and young is not None and young.value.value == "prohibited":
        evidence = [Evidence("person.under_18", Answer.YES)]
        result.violation("young_worker_overtime", evidence, m.YOUNG_WORKER_OVERTIME, {}, young)


def _overtime_consent(law: JobLaw, job: Work, result: LawCheck) -> None:
    consent = law.get("overtime", "overtime_requires_consent")
    if consent is None or consent.value.value is not True:
        return
    if job.overtime_under_threat.unknown:
        result.need("work.overtime_under_threat", "overtime consent")
    if not job.overtime_under_threat.yes:
        return
    rule = law.get("overtime", "overtime_consent_rule")
    note = job.overtime_under_threat.note
    evidence = [Evidence("work.overtime_under_threat", Answer.YES, note)]
    sources = [consent, *([rule] if rule else [])]
    message = m.OVERTIME_WITHOUT_CONSENT
    result.violation("overtime_without_consent", evidence, message, {}, *sources)


def _over_caps(law: JobLaw, daily_ot: float, weekly_ot: float) -> list[tuple[Resolved, float]]:
    """The overtime caps (day, week, month, year) that the overtime worked exceeds."""
    return [
        (cap, worked)
        for name, worked in (
            ("overtime_max_hours_per_day", daily_ot),
            ("overtime_max_hours_per_week", weekly_ot),
            ("overtime_max_hours_per_month", weekly_ot * WEEKS_PER_MONTH),
            ("overtime_max_hours_per_year", weekly_ot * 52),
        )
        if (cap := law.get("overtime", name)) is not None
        and cap.value.value is not None
        and worked > cap.value.value
    ]


def _weekly_rest(law: JobLaw, job: Work, result: LawCheck) -> None:
    rest = law.get("weekly_rest", "weekly_rest_days")
    if job.days_per_week is None or rest is None or rest.value.value is None:
        return
    no_rest = job.days_per_week > 7 - rest.value.value
    result.derived["no_weekly_rest"] = Answer.YES if no_rest else Answer.NO
    if no_rest:
        params = {"days": f"{job.days_per_week:g}", "rest": f"{rest.value.value:g}"}
        evidence = [number_evidence("days_per_week", job.days_per_week)]
        result.violation("no_weekly_rest", evidence, m.NO_WEEKLY_REST, params, rest)


def _overtime_pay(job: Work, result: LawCheck, law: JobLaw) -> None:
    worked = job.overtime_worked.yes or result.derived.get("overtime_hours") is Answer.YES
    if not worked:
        return
    if job.overtime_premium_paid.unknown:
        result.need("work.overtime_premium_paid", "overtime pay")
        return
    premium = law.get("overtime", "overtime_premium")
    if job.overtime_premium_paid.no and premium is not None:
        params = {"premium": f"{premium.value.value:g}"}
        evidence = [
            Evidence("work.overtime_premium_paid", Answer.NO, job.overtime_premium_paid.note)
        ]
        message = m.UNPAID_OVERTIME_PREMIUM
        result.violation("unpaid_overtime_premium", evidence, message, params, premium)


def _documents(law: JobLaw, job: Work, result: LawCheck) -> None:
    held = job.documents_held_by
    result.derived["documents_held_by_others"] = (
        Answer.UNKNOWN if held == "unknown" else Answer.NO if held == "self" else Answer.YES
    )
    if held in ("self", "unknown"):
        if held == "unknown":
            result.need("work.documents_held_by", "retention of identity documents")
        return
    policy = law.get("identity_documents", "employer_document_retention")
    if policy is not None and policy.value.value == "prohibited":
        text = law.get("identity_documents", "employer_document_retention_rule")
        said = text.value.value if text and text.value.value else m.PROHIBITED_BY_LAW
        holder = {"holder": m.HOLDERS[held]}
        note = m.HOLDER.format(**holder)
        evidence = [Evidence("work.documents_held_by", Answer.YES, note, m.HOLDER, holder)]
        message = m.DOCUMENTS_HELD[held]
        result.violation("documents_held", evidence, message, {"law": said}, policy)


def hazardous_list_entry(law: JobLaw, sector: str) -> Resolved | None:
    """The country's list of hazardous work for children, for this sector (by its exact id):
    its entry in force, or None where the list does not name the sector or is not on file."""
    key: LawKey = (law.country, law.on, sector, None, "child_age", "hazardous_work_for_children")
    try:
        return law.cache[key]
    except KeyError:
        pass
    found = None
    try:
        param = law.knowledge.parameter(law.country, "child_age", "hazardous_work_for_children")
    except LookupProblem:
        param = None
    if param is not None and sector in param.places:
        found = _at(param, law.on, sector)
    law.cache[key] = found
    return found


def listed_hazardous(law: JobLaw, sector: str) -> bool:
    entry = hazardous_list_entry(law, sector)
    return entry is not None and entry.value.value is True


def _child(law: JobLaw, job: Work, person: Person, result: LawCheck) -> None:
    if not person.under_18.yes:
        result.derived["child_in_hazardous_work"] = (
            Answer.NO if person.under_18.no else Answer.UNKNOWN
        )
        return
    listed = hazardous_list_entry(law, job.sector)
    on_the_list = listed is not None and listed.value.value is True
    hazardous = on_the_list or job.hazardous_without_protection.yes
    result.derived["child_in_hazardous_work"] = Answer.YES if hazardous else Answer.NO
    minimum = law.get("child_age", "minimum_working_age")
    age = {"age": str(person.age)}
    evidence = [
        Evidence("person.under_18", Answer.YES, m.AGE.format(**age), m.AGE, age)
        if person.age
        else Evidence("person.under_18", Answer.YES)
    ]
    if person.age is not None and minimum is not None and person.age < minimum.value.value:
        params = {"age": str(person.age), "minimum": f"{minimum.value.value:g}"}
        message = m.CHILD_BELOW_MINIMUM_AGE
        result.violation("child_below_minimum_age", evidence, message, params, minimum)
    hazard_age = law.get("child_age", "minimum_age_hazardous_work")
    if hazardous and hazard_age is not None:
        params = {"age": f"{hazard_age.value.value:g}", "sector": m.sector(job.sector)}
        message = m.CHILD_IN_HAZARDOUS_WORK
        sources = (hazard_age, listed) if on_the_list and listed is not None else (hazard_age,)
        result.violation("child_in_hazardous_work", evidence, message, params, *sources)


def check_fees(
    knowledge: Knowledge,
    recruitment: Recruitment,
    person: Person,
    job: Work,
    on: date,
    result: LawCheck,
    cache: LawCache | None = None,
) -> None:
    """Fees paid for recruitment breach the ILO principle everywhere, and national law where
    it forbids them; where the law only caps them, the rule says so instead of guessing."""
    if not recruitment.fees_paid.yes:
        if recruitment.fees_paid.unknown:
            result.need("recruitment.fees_paid", "recruitment fees")
        return
    evidence = [Evidence("recruitment.fees_paid", Answer.YES, recruitment.fees_paid.note)]
    policies = []
    for country in dict.fromkeys(
        c for c in (recruitment.country or person.nationality, job.country) if c
    ):
        law = JobLaw(knowledge, country, recruitment.date or on, job, cache)
        policy = law.get("recruitment_fees", "worker_recruitment_fees")
        if policy is not None and policy.value.value in ("prohibited", "restricted"):
            policies.append(policy)
    principles = framework_at(knowledge, "fair_recruitment", "principles", on)
    sources = [*policies, *([principles] if principles else [])]
    message, params = _fee_rule(policies)
    result.violation("recruitment_fees_charged", evidence, message, params, *sources)
    result.findings[-1] = _restage(result.findings[-1], "recruitment")


def _fee_rule(policies: list[Resolved]) -> tuple[str, dict[str, str]]:
    """The template for the laws concerned (at most two: the country of recruitment and the
    country of work) and the countries that fill it."""
    kinds = tuple(str(policy.value.value) for policy in policies[:2])
    names = ("country", "country2")
    return m.FEES[kinds], {
        name: m.country(policy.parameter.scope)
        for name, policy in zip(names, policies[:2], strict=False)
    }


def framework_at(knowledge: Knowledge, topic: str, name: str, on: date) -> Resolved | None:
    """A framework value as of `on`; for events before its date, its first version."""
    try:
        param = knowledge.parameter("frameworks", topic, name)
    except LookupProblem:
        return None
    try:
        resolved: Resolved = param.at(on)
    except LookupProblem:
        first = param.series.entries[0].effective if param.series else on
        resolved = param.at(first)
    return resolved


def _restage(finding: Finding, stage: str) -> Finding:
    return Finding(
        finding.kind,
        finding.code,
        stage,
        finding.job,
        finding.because,
        finding.rule,
        finding.cites,
        finding.message,
        finding.params,
    )
