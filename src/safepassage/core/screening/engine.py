"""Screening: an account in, a determination out. Pure and deterministic.

For each job: labour-law checks under the law of the country of work on the law date, the ILO
indicators per stage, the ICLS forced-labour test (both elements, same job), then the spectrum
level. The Palermo trafficking test runs beside it over the whole account.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, get_args

from pydantic import BaseModel

from ..account import Account, Answer, Fact, Recruiter, Work
from ..knowledge import Knowledge, Resolved
from . import messages as m
from .determination import (
    Cite,
    Determination,
    Evidence,
    Finding,
    JobView,
    LegalTest,
    Level,
    Missing,
)
from .labour_law import LawCache, LawCheck, check_fees, check_job, cite, framework_at
from .rules import (
    Compiled,
    Condition,
    Facts,
    RuleSet,
    compile_condition,
    evaluate,
    fact_refs,
    rules,
)

SERIOUS_INDICATORS = frozenset(
    {
        "deception",
        "restriction_of_movement",
        "physical_and_sexual_violence",
        "retention_of_identity_documents",
        "withholding_of_wages",
        "debt_bondage",
    }
)


# The facts the rules read from one stage: ("work", ("work.locked_in", ...), reader), where the
# reader returns the stage's field values in the same order, in one call.
StageFacts = tuple[str, tuple[str, ...], Callable[[Any], tuple[Any, ...]]]


class _JobScreen:
    """The facts one job is screened on: its own, the account's, and derived ones.

    Every fact the rules read is looked up once, into a plain dict of answers; the rules then
    read that dict. Derived facts set while screening (forced_labour after the ICLS test) are
    written to it through `set_derived`."""

    def __init__(
        self,
        account: Account,
        job: Work | None,
        index: int,
        law: LawCheck,
        parts: tuple[StageFacts, ...],
    ) -> None:
        self.account, self.job, self.index, self.law = account, job, index, law
        self.derived = dict(law.derived)
        self.derived.update(_account_derived(account, job))
        self.facts: Facts = {f"derived.{name}": value for name, value in self.derived.items()}
        self.sources = {stage: self._source(stage) for stage in STAGE_SOURCES}
        for stage, refs, read in parts:
            source = self.sources[stage]
            if source is None:
                absent = Answer.UNKNOWN if stage == "work" else Answer.NO
                self.facts.update(dict.fromkeys(refs, absent))
                continue
            for ref, fact in zip(refs, read(source), strict=True):
                self.facts[ref] = fact.answer if isinstance(fact, Fact) else Answer.UNKNOWN

    def _source(self, stage: str) -> BaseModel | None:
        account, index = self.account, self.index
        if stage == "work":
            return self.job
        if stage == "person":
            return account.person
        if stage == "return":
            # Return facts belong to the last job, the one the migrant left when going home.
            return account.return_ if index == len(account.work) - 1 else None
        # Recruitment and transit facts attach to the first job, the one recruited for.
        source: BaseModel = getattr(account, stage)
        return source if index == 0 else None

    def set_derived(self, name: str, answer: Answer) -> None:
        self.derived[name] = answer
        self.facts[f"derived.{name}"] = answer

    def answer(self, ref: str) -> Answer:
        return self.facts.get(ref, Answer.UNKNOWN)

    def note(self, ref: str) -> str | None:
        stage, _, name = ref.partition(".")
        fact = getattr(self.sources.get(stage), name, None)
        return fact.note if isinstance(fact, Fact) else None


STAGE_SOURCES = ("work", "recruitment", "transit", "return", "person")


def _fact_parts(rule_set: RuleSet) -> tuple[StageFacts, ...]:
    """Every account fact the rules read, grouped by stage, with a reader for each stage."""
    by_stage: dict[str, list[str]] = {}
    for ref in sorted(fact_refs(rule_set)):
        stage = ref.partition(".")[0]
        if stage != "derived":
            by_stage.setdefault(stage, []).append(ref)
    return tuple((stage, tuple(refs), _reader(refs)) for stage, refs in by_stage.items())


def _reader(refs: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    get = attrgetter(*(ref.partition(".")[2] for ref in refs))
    if len(refs) == 1:
        return lambda source: (get(source),)
    return get


THIRD_PARTIES = tuple(r for r in get_args(Recruiter) if r not in ("self", "unknown"))


def _by(value: str, yes: Iterable[str], no: Iterable[str]) -> Answer:
    return Answer.YES if value in yes else Answer.NO if value in no else Answer.UNKNOWN


def _account_derived(account: Account, job: Work | None) -> dict[str, Answer]:
    recruitment, transit, person = account.recruitment, account.transit, account.person
    derived = {
        "recruited_by_third_party": _by(recruitment.recruited_by, THIRD_PARTIES, ("self",)),
        "transported_by_third_party": _by(transit.transported_by, THIRD_PARTIES, ("self",)),
        "irregular_status": _by(
            person.legal_status,
            ("irregular", "tourist_visa"),
            ("mou", "registered", "border_pass", "citizen"),
        ),
        "debt_owed_to_recruiter_or_employer": _by(
            recruitment.debt_to, ("recruiter", "employer"), ("family", "bank", "moneylender")
        ),
    }
    if job is not None:
        derived.update(_job_derived(account, job))
    return derived


def _job_derived(account: Account, job: Work) -> dict[str, Answer]:
    compound = job.isolation == "compound" or job.sector == "online_scam"
    derived = {
        "held_in_compound": (
            Answer.YES if compound else Answer.UNKNOWN if job.isolation == "unknown" else Answer.NO
        )
    }
    # The promise was made for the job the migrant was recruited for: the first one.
    promised, pay = account.recruitment.promised.wage, job.pay
    if job is not account.work[0] or pay is None or promised is None:
        return derived
    if (promised.currency, promised.per) == (pay.currency, pay.per):
        below = pay.amount < promised.amount
        derived["paid_less_than_promised"] = Answer.YES if below else Answer.NO
    return derived


class _CompiledRules:
    """A rule set compiled once per screener: flat tuples instead of nested models."""

    def __init__(self, rule_set: RuleSet) -> None:
        self.parts = _fact_parts(rule_set)
        self.indicators = tuple(
            (code, rule.stage, compile_condition(rule), f"indicator:{code}")
            for code, stage_rules in rule_set.indicators.items()
            for rule in stage_rules
        )
        self.work_debt_bondage = tuple(
            compile_condition(rule)
            for rule in rule_set.indicators.get("debt_bondage", [])
            if rule.stage == "work"
        )
        self.icls = {element: _group(group) for element, group in rule_set.icls.items()}
        self.palermo_routes = tuple(
            (_group(route.act), _group(route.means)) for route in rule_set.palermo.routes.values()
        )
        self.palermo_purpose = _group(rule_set.palermo.purpose)


def _group(conditions: dict[str, Condition]) -> tuple[tuple[str, Compiled], ...]:
    return tuple((code, compile_condition(c)) for code, c in conditions.items())


class Screener:
    """Screens accounts against one knowledge base and rule set."""

    def __init__(self, knowledge: Knowledge, rule_set: RuleSet | None = None) -> None:
        self.knowledge = knowledge
        self.rules = rule_set or rules()
        self._compiled = _CompiledRules(self.rules)
        # The frameworks change rarely: cache their lookups per date (bounded by dates seen).
        self._frameworks: dict[tuple[str, str, date], Resolved | None] = {}
        self._law = LawCache()
        self._missings: dict[tuple[str, tuple[str, ...]], Missing] = {}

    def screen(self, account: Account, as_of: date | None = None) -> Determination:
        as_of = as_of or account.reported_on or date.today()
        findings: list[Finding] = []
        missing: dict[str, set[str]] = {}
        jobs: list[JobView] = []
        screens = self._job_screens(account, as_of)
        for screen, law_date in screens:
            view = self._screen_job(screen, law_date, findings, missing)
            if view is not None:
                jobs.append(view)
        trafficking = self._palermo(account, screens, findings, missing, as_of)
        level = self._overall(account, jobs, findings, missing)
        return Determination(
            level=level,
            trafficking=trafficking,
            jobs=jobs,
            findings=_unique(findings),
            missing=self._missing(missing),
            explanation=_explain(level, jobs, trafficking),
        )

    def _missing(self, missing: dict[str, set[str]]) -> list[Missing]:
        """The missing facts in order; the same (frozen) items are shared between results,
        since building them was a tenth of screening time."""
        known = self._missings
        if len(known) > 50_000:
            known.clear()
        result = []
        for fact, decides in sorted(missing.items()):
            key = (fact, tuple(sorted(decides)))
            item = known.get(key)
            if item is None:
                item = known[key] = Missing(*key)
            result.append(item)
        return result

    def _job_screens(self, account: Account, as_of: date) -> list[tuple[_JobScreen, date]]:
        cache = self._law
        cache.trim()
        if not account.work:
            # Before any work (an offer, a fee paid before departure): only recruitment applies.
            law = LawCheck()
            destination = Work(country=account.recruitment.promised.country)
            check_fees(
                self.knowledge, account.recruitment, account.person, destination, as_of, law, cache
            )
            return [(_JobScreen(account, None, 0, law, self._compiled.parts), as_of)]
        result = []
        parts = self._compiled.parts
        for index, job in enumerate(account.work):
            law_date = job.end or as_of
            recruitment = account.recruitment if index == 0 else None
            law = check_job(self.knowledge, job, account.person, recruitment, law_date, cache)
            result.append((_JobScreen(account, job, index, law, parts), law_date))
        return result

    def _screen_job(
        self,
        screen: _JobScreen,
        law_date: date,
        findings: list[Finding],
        missing: dict[str, set[str]],
    ) -> JobView | None:
        for finding in screen.law.findings:
            findings.append(_with_job(finding, screen.index))
        for fact, decides in screen.law.missing.items():
            missing.setdefault(fact, set()).update(decides)
        indicators = self._indicators(screen, law_date, findings, missing)
        involuntary, menace, forced = self._icls(screen, law_date, findings, missing)
        screen.set_derived("forced_labour", forced)
        screen.set_derived("debt_bondage_at_work", self._work_debt_bondage(screen))
        if screen.job is None:
            return None
        violations = list(screen.law.findings)
        level, reasons = _job_level(indicators, involuntary, menace, forced, violations, screen)
        return JobView(screen.index, screen.job.country, law_date, level, tuple(reasons))

    def _indicators(
        self, screen: _JobScreen, on: date, findings: list[Finding], missing: dict[str, set[str]]
    ) -> set[str]:
        present: set[str] = set()
        no_job = screen.job is None
        for code, stage, condition, decides in self._compiled.indicators:
            if no_job and stage == "work":
                continue
            answer, support, gaps = evaluate(condition, screen.facts)
            if answer is Answer.YES:
                present.add(code)
                source = self._framework("ilo_indicators", code, on)
                name = _indicator_name(source, code)
                findings.append(
                    Finding(
                        "indicator",
                        code,
                        stage,
                        None if no_job else screen.index,
                        _evidence(support, screen),
                        f"ILO indicator of forced labour: {name}",  # m.INDICATOR, filled
                        _cites(source),
                        m.INDICATOR,
                        {"indicator": name},
                    )
                )
            elif gaps:
                _note_gaps(gaps, decides, missing)
        return present

    def _work_debt_bondage(self, screen: _JobScreen) -> Answer:
        if screen.job is None:
            return Answer.UNKNOWN
        return _or([evaluate(rule, screen.facts)[0] for rule in self._compiled.work_debt_bondage])

    def _icls(
        self, screen: _JobScreen, on: date, findings: list[Finding], missing: dict[str, set[str]]
    ) -> tuple[list[str], list[str], Answer]:
        """The hits for each ICLS element and the forced-labour answer for this job."""
        source = self._framework("icls_2018", "definition", on)
        results = {
            element: self._element_hits(
                "icls", element, circumstances, screen, source, findings, missing
            )
            for element, circumstances in self._compiled.icls.items()
        }
        involuntary, inv_answer, inv_open = results["involuntariness"]
        menace, men_answer, men_open = results["menace_of_penalty"]
        refs = {*involuntary, *menace}
        # One fact cannot be both elements; for a child, the menace alone suffices.
        distinct = involuntary and menace and len(refs) >= 2
        if distinct or self._child_forced_labour(screen, menace):
            forced = Answer.YES
        elif Answer.NO in (inv_answer, men_answer) or not (inv_open or men_open):
            forced = Answer.NO
        else:
            forced = Answer.UNKNOWN
        return involuntary, menace, forced

    def _child_forced_labour(self, screen: _JobScreen, menace: list[str]) -> bool:
        """ICLS 2018 for children: work under a third party's menace of penalty is forced labour
        on its own, and so are the worst forms of C182 art. 3(a)-(c) (sexual exploitation,
        illicit activities), without proof of involuntariness."""
        if screen.job is None or not self.account_child(screen):
            return False
        worst = screen.job.sexual_exploitation.yes or screen.job.forced_criminal_activity.yes
        return bool(menace) or worst

    @staticmethod
    def account_child(screen: _JobScreen) -> bool:
        return screen.account.person.under_18.yes

    def _element_hits(
        self,
        kind: str,
        element: str,
        conditions: tuple[tuple[str, Compiled], ...],
        screen: _JobScreen,
        source: Resolved | None,
        findings: list[Finding],
        missing: dict[str, set[str]],
    ) -> tuple[list[str], Answer, bool]:
        """Facts supporting an element, its tri-state answer, and whether any part is open."""
        hits: list[str] = []
        answers = []
        for code, condition in conditions:
            answer, support, gaps = evaluate(condition, screen.facts)
            answers.append(answer)
            if answer is Answer.YES:
                hits += support
                findings.append(_element_finding(kind, element, code, support, screen, source))
            elif gaps:
                _note_gaps(gaps, f"{kind}:{element}", missing)
        total = (
            Answer.YES
            if hits
            else (Answer.NO if all(a is Answer.NO for a in answers) else Answer.UNKNOWN)
        )
        return hits, total, Answer.UNKNOWN in answers

    def _palermo(
        self,
        account: Account,
        screens: list[tuple[_JobScreen, date]],
        findings: list[Finding],
        missing: dict[str, set[str]],
        as_of: date,
    ) -> LegalTest:
        source = self._framework("palermo", "acts", as_of)
        child = account.person.under_18.answer
        best: LegalTest | None = None
        for screen, _ in screens:
            test = self._palermo_for(screen, source, findings, missing, child)
            if best is None or _rank(test.result) > _rank(best.result):
                best = test
        assert best is not None
        return best

    def _palermo_for(
        self,
        screen: _JobScreen,
        source: Resolved | None,
        findings: list[Finding],
        missing: dict[str, set[str]],
        child: Answer,
    ) -> LegalTest:
        def element(name: str, conditions: tuple[tuple[str, Compiled], ...]) -> Answer:
            hits = self._element_hits(
                "palermo", name, conditions, screen, source, findings, missing
            )
            return hits[1]

        acts, routes = [], []
        for route_act, route_means in self._compiled.palermo_routes:
            act = element("act", route_act)
            acts.append(act)
            routes.append(_and(act, element("means", route_means)))
        purpose = element("purpose", self._compiled.palermo_purpose)
        return _palermo_result({"act": _or(acts), "means": _or(routes), "purpose": purpose}, child)

    def _framework(self, topic: str, name: str, on: date) -> Resolved | None:
        key = (topic, name, on)
        if key not in self._frameworks:
            self._frameworks[key] = framework_at(self.knowledge, topic, name, on)
        return self._frameworks[key]

    def _overall(
        self,
        account: Account,
        jobs: list[JobView],
        findings: list[Finding],
        missing: dict[str, set[str]],
    ) -> Level:
        if jobs:
            return max(job.level for job in jobs)
        red_flags = account.recruitment.job_offer_red_flags
        if red_flags.yes:
            findings.append(_red_flags_finding(red_flags.note))
        missing.setdefault("work.country", set()).add("the work itself")
        pre_work = [f for f in findings if f.stage in ("recruitment", "transit")]
        if any(f.kind == "violation" for f in pre_work):
            return Level.LABOUR_RIGHTS_VIOLATION  # e.g. a fee paid before departure
        return Level.INSUFFICIENT_INFORMATION


def _red_flags_finding(note: str | None) -> Finding:
    return Finding(
        "risk",
        "scam_recruitment_red_flags",
        "recruitment",
        None,
        (Evidence("recruitment.job_offer_red_flags", Answer.YES, note),),
        m.SCAM_RECRUITMENT_RED_FLAGS,
        message=m.SCAM_RECRUITMENT_RED_FLAGS,
    )


CORE_FACTS = (
    "pay",
    "hours_per_day",
    "days_per_week",
    "wages_withheld",
    "documents_held_by",
    "free_to_leave",
    "threatened_violence",
    "physical_violence",
)


def _job_level(
    indicators: set[str],
    involuntary: list[str],
    menace: list[str],
    forced: Answer,
    violations: list[Finding],
    screen: _JobScreen,
) -> tuple[Level, list[str]]:
    if forced is Answer.YES:
        return Level.FORCED_LABOUR, ["icls:involuntariness", "icls:menace_of_penalty"]
    serious = sorted(indicators & SERIOUS_INDICATORS)
    if involuntary or menace or len(indicators) >= 2 or serious or len(violations) >= 3:
        reasons = [f"indicator:{c}" for c in sorted(indicators)]
        reasons += ["icls:involuntariness"] * bool(involuntary) + ["icls:menace_of_penalty"] * bool(
            menace
        )
        return Level.LABOUR_EXPLOITATION, reasons
    if violations or indicators:
        return Level.LABOUR_RIGHTS_VIOLATION, [f"violation:{f.code}" for f in violations] + [
            f"indicator:{c}" for c in sorted(indicators)
        ]
    job = screen.job
    assert job is not None
    unknown = [f"work.{name}" for name in CORE_FACTS if _unknown(getattr(job, name))]
    # A labour-law check that could not run (no province, no hours...) leaves decent work unproven.
    unknown += sorted(set(screen.law.missing) - set(unknown))
    if unknown:
        return Level.INSUFFICIENT_INFORMATION, [f"unknown:{name}" for name in unknown]
    return Level.DECENT_WORK, ["no violation or indicator found, core facts known"]


def _unknown(value: object) -> bool:
    if isinstance(value, Fact):
        return value.unknown
    return value is None or value == "unknown"


def _and(*answers: Answer) -> Answer:
    if Answer.NO in answers:
        return Answer.NO
    return Answer.YES if all(a is Answer.YES for a in answers) else Answer.UNKNOWN


def _or(answers: list[Answer]) -> Answer:
    if Answer.YES in answers:
        return Answer.YES
    return Answer.NO if answers and all(a is Answer.NO for a in answers) else Answer.UNKNOWN


def _palermo_result(elements: dict[str, Answer], child: Answer) -> LegalTest:
    # "means" already pairs each act with the means that can accomplish it (see rules.yaml).
    adult = _and(elements["means"], elements["purpose"])
    as_child = _and(elements["act"], elements["purpose"])
    if child is Answer.YES:
        result = as_child
    elif child is Answer.UNKNOWN and adult is Answer.NO and as_child is not Answer.NO:
        result = Answer.UNKNOWN  # it would be trafficking if the person is under 18: ask the age
    else:
        result = adult
    rule = m.TRAFFICKING_CHILD if child is Answer.YES else m.TRAFFICKING_ADULT
    return LegalTest(result, elements, rule)


def _rank(answer: Answer) -> int:
    return {Answer.NO: 0, Answer.UNKNOWN: 1, Answer.YES: 2}[answer]


def _evidence(refs: Sequence[str], screen: _JobScreen) -> tuple[Evidence, ...]:
    result = []
    for ref in refs:
        name = ref.removeprefix("not:")
        fact = name if not name.startswith("work.") else f"work[{screen.index}].{name[5:]}"
        result.append(Evidence(fact, screen.answer(name), screen.note(name)))
    return tuple(result)


def _element_finding(
    kind: str,
    element: str,
    code: str,
    support: Sequence[str],
    screen: _JobScreen,
    source: Resolved | None,
) -> Finding:
    stage = support[0].partition(".")[0]
    stage = stage if stage in ("recruitment", "transit", "work", "return") else "work"
    text = m.ELEMENTS.get(element) or element.replace("_", " ")
    return Finding(
        kind,
        f"{element}.{code}",
        stage,
        screen.index if screen.job else None,
        _evidence(support, screen),
        text,
        _cites(source),
        text,
    )


def _note_gaps(gaps: Sequence[str], decides: str, missing: dict[str, set[str]]) -> None:
    """Record the unknown account facts (derived ones are not asked) and what they decide."""
    for name in gaps:
        if name[:8] != "derived.":
            found = missing.get(name)
            if found is None:
                missing[name] = {decides}
            else:
                found.add(decides)


def _cites(source: Resolved | None) -> tuple[Cite, ...]:
    return (cite(source),) if source is not None else ()


def _indicator_name(source: Resolved | None, code: str) -> str:
    """The indicator's name in the knowledge base (a message id: see messages.knowledge_words)."""
    term = source.value.value if source is not None else None
    name: str = getattr(term, "name", code.replace("_", " "))
    return name


def _with_job(finding: Finding, index: int) -> Finding:
    return Finding(
        finding.kind,
        finding.code,
        finding.stage,
        index,
        finding.because,
        finding.rule,
        finding.cites,
        finding.message,
        finding.params,
    )


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: dict[tuple[str, str, str, int | None], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.kind, finding.code, finding.stage, finding.job), finding)
    return list(seen.values())


def _explain(level: Level, jobs: list[JobView], trafficking: LegalTest) -> list[str]:
    lines = [f"Overall: {level.code}."]
    for job in jobs:
        lines.append(
            f"Job {job.index + 1} ({job.country}, law as of {job.law_date}): "
            f"{job.level.code} because {', '.join(job.reasons)}."
        )
    lines.append(f"Trafficking (Palermo): {trafficking.result.value}. {trafficking.explanation}.")
    return lines
