"""Screening: an account in, a determination out. Pure and deterministic.

For each job: labour-law checks under the law of the country of work on the law date, the ILO
indicators per stage, the ICLS forced-labour test (both elements, same job), then the spectrum
level. The Palermo trafficking test runs beside it over the whole account.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from operator import attrgetter
from typing import Any, NamedTuple, get_args

from pydantic import BaseModel

from ..account import Account, Answer, Fact, Recruiter, Recruitment, Work
from ..knowledge import Knowledge, Resolved
from . import generated
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
from .recent import Recent
from .rules import (
    Compiled,
    Condition,
    Facts,
    RuleSet,
    compile_condition,
    fact_refs,
    rules,
)
from .situations import situations

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
        answers: AnswerCache | None = None,
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
            else:
                self.facts.update(_answers(source, refs, read, answers))

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
# A stage's answers by the stage object (held, so its id is not reused). Decisions share the
# stages they do not change (the interview copies only the stage it varies); bounded.
AnswerCache = Recent[int, tuple[BaseModel, dict[str, Answer]]]


def _answers(
    source: BaseModel,
    refs: tuple[str, ...],
    read: Callable[[Any], tuple[Any, ...]],
    cache: AnswerCache | None,
) -> dict[str, Answer]:
    found = cache.get(id(source)) if cache is not None else None
    if found is not None and found[0] is source:
        return found[1]
    answers = {
        ref: fact.answer if isinstance(fact, Fact) else Answer.UNKNOWN
        for ref, fact in zip(refs, read(source), strict=True)
    }
    if cache is not None:
        cache.put(id(source), (source, answers))
    return answers


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


_Y, _N = Answer.YES, Answer.NO
# What a worker's words on the pay say, where its amount is not known.
PAY_COMPARED: dict[str, dict[str, Answer]] = {
    "nothing": {"no_wages": _Y, "paid_far_below_minimum": _Y, "paid_below_minimum": _Y},
    "below_the_minimum": {"no_wages": _N, "paid_below_minimum": _Y},
    "less_than_promised": {"no_wages": _N, "paid_less_than_promised": _Y},
    "as_promised": {"no_wages": _N, "paid_less_than_promised": _N},
    "at_least_the_minimum": {
        "no_wages": _N,
        "paid_below_minimum": _N,
        "paid_far_below_minimum": _N,
    },
}


def _job_derived(account: Account, job: Work) -> dict[str, Answer]:
    compound = job.isolation == "compound" or job.sector == "online_scam"
    derived = {
        "held_in_compound": (
            Answer.YES if compound else Answer.UNKNOWN if job.isolation == "unknown" else Answer.NO
        )
    }
    if job.pay is not None:
        # Pay of nothing is "no wages" in any country, with or without a minimum wage on file.
        nothing = job.pay.amount == 0 and job.pay.per != "once"
        derived["no_wages"] = Answer.YES if nothing else Answer.NO
    elif job.pay_compared != "unknown":
        derived.update(PAY_COMPARED[job.pay_compared])
    if job.months_unpaid is not None:
        derived["unpaid_months"] = Answer.YES if job.months_unpaid else Answer.NO
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
        # For a full screening, each group runs as one generated function (see generated.py),
        # found by the group it runs.
        self.runners: dict[int, Callable[[Facts, Any, bool], generated.GroupResult]] = {}
        for element, conditions in self.icls.items():
            self._runner(conditions, f"icls:{element}")
        for act, means in self.palermo_routes:
            self._runner(act, "palermo:act")
            self._runner(means, "palermo:means")
        self._runner(self.palermo_purpose, "palermo:purpose")
        self.indicator_run = generated.group(
            [(c.any, c.all, label, stage == "work") for _, stage, c, label in self.indicators]
        )

    def _runner(self, conditions: Group, label: str) -> None:
        members = [(c.any, c.all, label, False) for _, c, _ in conditions]
        self.runners[id(conditions)] = generated.group(members)


Group = tuple[tuple[str, Compiled, str], ...]  # (code, condition, knowledge term id)


def _group(conditions: dict[str, Condition]) -> Group:
    return tuple((code, compile_condition(c), c.term or code) for code, c in conditions.items())


Outcome = tuple[Level, Answer]  # what a decision-only screening returns: level, trafficking


class Gaps(NamedTuple):
    """A decision and the facts it waits on (`Screener.gaps`): the missing facts the rules
    would read, and the derived facts still undecided (see `Determination`)."""

    outcome: Outcome
    missing: list[Missing]
    undecided: tuple[Missing, ...]


class _Run:
    """What one screening collects: findings and the missing facts, or, for a decision only
    (`Screener.decide`), neither: the interview weighs questions by many such screenings."""

    __slots__ = ("findings", "missing")

    def __init__(self, findings: bool, missing: bool) -> None:
        self.findings: list[Finding] | None = [] if findings else None
        self.missing: dict[str, set[str]] | None = {} if missing else None


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
        self._terms: dict[tuple[str, str, date], tuple[str, tuple[Cite, ...]]] = {}
        # A step of the interview shares the account's stage objects between its decisions
        # (the stages it tries answers on are new each time: not worth keeping); law checks
        # are shared across steps, as most answers are to facts the law does not read.
        self._checks: Recent[tuple[Any, ...], LawCheck] = Recent(512)
        self._answers: AnswerCache = Recent(64)
        self._elements: dict[tuple[Any, ...], Finding] = {}

    def screen(self, account: Account, as_of: date | None = None) -> Determination:
        run = _Run(findings=True, missing=True)
        level, trafficking, jobs = self._run(account, as_of, run)
        assert run.findings is not None
        assert run.missing is not None
        asked, derived = self._split(run.missing)
        return Determination(
            level=level,
            trafficking=trafficking,
            jobs=jobs,
            findings=_unique(run.findings),
            missing=asked,
            explanation=_explain(level, jobs, trafficking),
            undecided=derived,
        )

    def gaps(self, account: Account, as_of: date | None = None) -> Gaps:
        """The level, the trafficking answer and the missing facts of `screen`, without findings
        or explanation: what the interview weighs its questions by."""
        run = _Run(findings=False, missing=True)
        level, trafficking, _ = self._run(account, as_of, run)
        assert run.missing is not None
        return Gaps((level, trafficking.result), *self._split(run.missing))

    def _split(self, missing: dict[str, set[str]]) -> tuple[list[Missing], tuple[Missing, ...]]:
        """The missing facts a question asks, and the derived facts still undecided."""
        asked = {k: v for k, v in missing.items() if k[:8] != "derived."}
        derived = {k[8:]: v for k, v in missing.items() if k[:8] == "derived."}
        return self._missing(asked), tuple(self._missing(derived)) if derived else ()

    def decide(self, account: Account, as_of: date | None = None) -> Outcome:
        """The level and the trafficking answer of `screen`, without findings, evidence or
        explanation: the same rules, several times faster (the interview's weighing)."""
        level, trafficking, _ = self._run(account, as_of, _Run(findings=False, missing=False))
        return level, trafficking.result

    def _run(
        self, account: Account, as_of: date | None, run: _Run
    ) -> tuple[Level, LegalTest, list[JobView]]:
        """Every job, the trafficking test and the level; a decision (nothing recorded) reuses
        law checks and stage answers, a full screening checks afresh."""
        as_of = as_of or account.reported_on or date.today()
        decision = run.findings is None
        caches = (self._checks, self._answers) if decision else (None, None)
        screens = self._job_screens(account, as_of, *caches)
        jobs = [
            view
            for screen, law_date in screens
            if (view := self._screen_job(screen, law_date, run)) is not None
        ]
        trafficking = self._palermo(account, screens, run, as_of)
        return self._overall(account, jobs, screens, run), trafficking, jobs

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

    def _job_screens(
        self,
        account: Account,
        as_of: date,
        checks: Recent[tuple[Any, ...], LawCheck] | None = None,
        answers: AnswerCache | None = None,
    ) -> list[tuple[_JobScreen, date]]:
        """Each job with its labour-law check. Decisions pass `checks`, a cache of law checks by
        what they read, since the interview's weighing changes mostly facts the law does not
        read; a full screening always checks afresh."""
        cache = self._law
        cache.trim()
        if not account.work:
            # Before any work (an offer, a fee paid before departure): only recruitment applies.
            law = LawCheck()
            destination = Work(country=account.recruitment.promised.country)
            check_fees(
                self.knowledge, account.recruitment, account.person, destination, as_of, law, cache
            )
            return [(_JobScreen(account, None, 0, law, self._compiled.parts, answers), as_of)]
        result = []
        parts = self._compiled.parts
        for index, job in enumerate(account.work):
            law_date = job.end or as_of
            law = self._law_check(account, job, index, law_date, checks)
            result.append((_JobScreen(account, job, index, law, parts, answers), law_date))
        return result

    def _law_check(
        self,
        account: Account,
        job: Work,
        index: int,
        on: date,
        checks: Recent[tuple[Any, ...], LawCheck] | None,
    ) -> LawCheck:
        recruitment = account.recruitment if index == 0 else None
        if checks is None:
            return check_job(self.knowledge, job, account.person, recruitment, on, self._law)
        key = _law_key(account, job, recruitment, on)
        found = checks.get(key)
        if found is None:
            found = checks.put(
                key, check_job(self.knowledge, job, account.person, recruitment, on, self._law)
            )
        return found

    def _screen_job(self, screen: _JobScreen, law_date: date, run: _Run) -> JobView | None:
        if run.findings is not None:
            run.findings += [_with_job(finding, screen.index) for finding in screen.law.findings]
            run.findings += situations(screen.job, screen.index)
        if run.missing is not None:
            for fact, decides in screen.law.missing.items():
                run.missing.setdefault(fact, set()).update(decides)
        indicators = self._indicators(screen, law_date, run)
        if screen.job is None:
            # No work yet: no ICLS test, and so no forced-labour purpose inferred from the
            # journey alone (the trafficking test reads it as unknown).
            screen.set_derived("forced_labour", Answer.UNKNOWN)
            screen.set_derived("debt_bondage_at_work", Answer.UNKNOWN)
            return None
        involuntary, menace, forced = self._icls(screen, law_date, run)
        screen.set_derived("forced_labour", forced)
        screen.set_derived("debt_bondage_at_work", self._work_debt_bondage(screen))
        # A risk the law check notes (a sector the law leaves out of a rule, coverage that is
        # contested) is said on the page; it is not a violation of the law.
        violations = [f for f in screen.law.findings if f.kind == "violation"]
        level, reasons = _job_level(indicators, involuntary, menace, forced, violations, screen)
        return JobView(screen.index, screen.job.country, law_date, level, tuple(reasons))

    def _indicators(self, screen: _JobScreen, on: date, run: _Run) -> set[str]:
        present: set[str] = set()
        no_job = screen.job is None
        findings, missing, facts = run.findings, run.missing, screen.facts
        rules = self._compiled.indicators
        held, _, _ = self._compiled.indicator_run(facts, missing, not no_job)
        for index, support in held:
            code, stage, _, _ = rules[index]
            present.add(code)
            if findings is not None:
                findings.append(self._indicator_finding(code, stage, support, screen, on))
        return present

    def _indicator_finding(
        self, code: str, stage: str, support: Sequence[str], screen: _JobScreen, on: date
    ) -> Finding:
        """An indicator's finding, shared between results with the same evidence (frozen)."""
        job = None if screen.job is None else screen.index
        evidence = _evidence(support, screen)
        key = ("indicator", code, stage, job, evidence, on)
        found = self._elements.get(key)
        if found is not None:
            return found
        source = self._framework("ilo_indicators", code, on)
        name = _indicator_name(source, code)
        if len(self._elements) > 50_000:
            self._elements.clear()
        found = self._elements[key] = Finding(
            "indicator",
            code,
            stage,
            job,
            evidence,
            f"ILO indicator of forced labour: {name}",  # m.INDICATOR, filled
            _cites(source),
            m.INDICATOR,
            {"indicator": name},
        )
        return found

    def _work_debt_bondage(self, screen: _JobScreen) -> Answer:
        return _or([rule.answer(screen.facts) for rule in self._compiled.work_debt_bondage])

    def _icls(self, screen: _JobScreen, on: date, run: _Run) -> tuple[list[str], list[str], Answer]:
        """The hits for each ICLS element and the forced-labour answer for this job."""
        results = {
            element: self._element_hits("icls", element, circumstances, screen, on, run)
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
        on its own, and so are the worst forms of C182 art. 3(a)-(c), without proof of
        involuntariness: the sale of a child and debt bondage (a), sexual exploitation (b) and
        illicit activities (c)."""
        if screen.job is None or not self.account_child(screen):
            return False
        job, transit = screen.job, screen.account.transit
        sold = job.sold_or_handed_over.yes or (
            screen.index == 0 and transit.sold_or_handed_over.yes
        )
        bonded = self._work_debt_bondage(screen) is Answer.YES
        worst = job.sexual_exploitation.yes or job.forced_criminal_activity.yes or sold or bonded
        return bool(menace) or worst

    @staticmethod
    def account_child(screen: _JobScreen) -> bool:
        return screen.account.person.under_18.yes

    def _element_hits(
        self, kind: str, element: str, conditions: Group, screen: _JobScreen, on: date, run: _Run
    ) -> tuple[list[str], Answer, bool]:
        """Facts supporting an element, its tri-state answer, and whether any part is open."""
        hits: list[str] = []
        findings, missing, facts = run.findings, run.missing, screen.facts
        held, unknown, none = self._compiled.runners[id(conditions)](facts, missing, True)
        for index, support in held:
            hits += support
            if findings is not None:
                code, _, term = conditions[index]
                finding = self._element_finding((kind, element, code, term), support, screen, on)
                findings.append(finding)
        total = Answer.YES if hits else (Answer.NO if none else Answer.UNKNOWN)
        return hits, total, unknown

    def _element_finding(
        self, what: tuple[str, str, str, str], support: Sequence[str], screen: _JobScreen, on: date
    ) -> Finding:
        """The finding for a legal element's condition that holds (`what`: kind, element, code,
        knowledge term); the same (frozen) finding is shared between results with the same
        evidence, as building it was a tenth of the time."""
        evidence = _evidence(support, screen)
        key = (*what, screen.index if screen.job else None, evidence, on)
        found = self._elements.get(key)
        if found is None:
            if len(self._elements) > 50_000:
                self._elements.clear()
            found = self._elements[key] = self._new_element_finding(what, support, screen, on)
        return found

    def _new_element_finding(
        self, what: tuple[str, str, str, str], support: Sequence[str], screen: _JobScreen, on: date
    ) -> Finding:
        kind, element, code, term = what
        if kind == "palermo":
            source = self._framework("palermo", "acts", on)
            return _element_finding(kind, element, code, support, screen, _cites(source))
        # ICLS: name the circumstance or element of coercion, cite it and the definition.
        name, cites = self._icls_term(element, term, on)
        message = m.ICLS_CIRCUMSTANCE[element]
        finding = _element_finding(kind, element, code, support, screen, cites)
        return Finding(
            finding.kind,
            finding.code,
            finding.stage,
            finding.job,
            finding.because,
            message.format(circumstance=name),
            finding.cites,
            message,
            {"circumstance": name},
        )

    def _icls_term(self, element: str, term: str, on: date) -> tuple[str, tuple[Cite, ...]]:
        """The name of an ICLS term on `on`, and the citations of its list and the definition."""
        key = (element, term, on)
        found = self._terms.get(key)
        if found is None:
            terms = self._framework("icls_2018", element, on)
            definition = self._framework("icls_2018", "definition", on)
            found = self._terms[key] = (_term_name(terms, term), _cites(terms) + _cites(definition))
        return found

    def _palermo(
        self,
        account: Account,
        screens: list[tuple[_JobScreen, date]],
        run: _Run,
        as_of: date,
    ) -> LegalTest:
        child = account.person.under_18.answer
        best: LegalTest | None = None
        for screen, _ in screens:
            test = self._palermo_for(screen, run, child, as_of)
            if best is None or _rank(test.result) > _rank(best.result):
                best = test
        assert best is not None
        return best

    def _palermo_for(self, screen: _JobScreen, run: _Run, child: Answer, on: date) -> LegalTest:
        def element(name: str, conditions: Group) -> Answer:
            return self._element_hits("palermo", name, conditions, screen, on, run)[1]

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
        screens: list[tuple[_JobScreen, date]],
        run: _Run,
    ) -> Level:
        if jobs:
            return max(job.level for job in jobs)
        red_flags = account.recruitment.job_offer_red_flags
        if red_flags.yes and run.findings is not None:
            run.findings.append(_red_flags_finding(red_flags.note))
        if run.missing is not None:
            run.missing.setdefault("work.country", set()).add("the work itself")
        law = [f for screen, _ in screens for f in screen.law.findings]
        if any(f.kind == "violation" and f.stage in ("recruitment", "transit") for f in law):
            return Level.LABOUR_RIGHTS_VIOLATION  # e.g. a fee paid before departure
        return Level.INSUFFICIENT_INFORMATION


def _law_key(
    account: Account, job: Work, recruitment: Recruitment | None, on: date
) -> tuple[Any, ...]:
    """Everything `check_job` reads (see labour_law.py): two jobs alike in these get the same
    labour-law check."""
    person = account.person
    fees = (
        (recruitment.fees_paid.answer, recruitment.country, recruitment.date, person.nationality)
        if recruitment is not None
        else None
    )
    return (
        on,
        job.country,
        job.province,
        job.sector,
        job.pay,
        job.pay_compared,
        job.hours_per_day,
        job.days_per_week,
        job.overtime_worked.answer,
        job.overtime_premium_paid.answer,
        job.overtime_under_threat.answer,
        job.wages_withheld.answer,
        job.documents_held_by,
        job.hazardous_without_protection.answer,
        person.age,
        person.under_18.answer,
        fees,
    )


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
    # A labour-law check that could not run (no province, no hours...) leaves decent work unproven,
    # and so does a country whose law is not on file.
    unknown += sorted(set(screen.law.missing) - set(unknown))
    unknown += [] if screen.law.national else ["national_law"]
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
    if result is not Answer.NO:
        return LegalTest(result, elements, rule)
    ruled_out = _ruled_out(elements, child)
    return LegalTest(result, elements, rule, ruled_out, m.TRAFFICKING_RULED_OUT[ruled_out])


def _ruled_out(elements: dict[str, Answer], child: Answer) -> str:
    """The element whose absence concluded "no": the act, the purpose, or (for an adult) the
    means, in that order. Means are paired with acts, so "means" is no when no act is."""
    if elements["act"] is Answer.NO:
        return "act"
    if elements["purpose"] is Answer.NO:
        return "purpose"
    assert child is not Answer.YES
    assert elements["means"] is Answer.NO
    return "means"


def _rank(answer: Answer) -> int:
    return {Answer.NO: 0, Answer.UNKNOWN: 1, Answer.YES: 2}[answer]


# Evidence by (fact, job, answer, note): frozen, and the same few recur on every screening, so
# results share them (building them was a tenth of screening time). Bounded.
_EVIDENCE: dict[tuple[str, int, Answer, str | None], Evidence] = {}


def _evidence(refs: Sequence[str], screen: _JobScreen) -> tuple[Evidence, ...]:
    result = []
    known = _EVIDENCE
    if len(known) > 50_000:
        known.clear()
    for ref in refs:
        name = ref[4:] if ref[:4] == "not:" else ref
        key = (name, screen.index, screen.answer(name), screen.note(name))
        found = known.get(key)
        if found is None:
            fact = name if name[:5] != "work." else f"work[{screen.index}].{name[5:]}"
            found = known[key] = Evidence(fact, key[2], key[3])
        result.append(found)
    return tuple(result)


def _element_finding(
    kind: str,
    element: str,
    code: str,
    support: Sequence[str],
    screen: _JobScreen,
    cites: tuple[Cite, ...],
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
        cites,
        text,
    )


def _cites(source: Resolved | None) -> tuple[Cite, ...]:
    return (cite(source),) if source is not None else ()


def _term_name(source: Resolved | None, term: str) -> str:
    """The name of term `term` in a knowledge term list (a message id: see
    messages.knowledge_words), or the id in words where the list lacks it."""
    terms = source.value.value if source is not None else None
    for item in terms or ():
        if getattr(item, "id", None) == term:
            return str(item.name)
    return term.replace("_", " ")


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
