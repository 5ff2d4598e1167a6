"""Which question to ask next, and when to stop: one rule for every door (the CLI interview, the
web intake and the self-check).

The interview stops when the result is settled (see `settle`): no answers to the questions not
yet asked can change the level or the trafficking result. "Don't know" is an answer: the question
is not asked again and the fact stays unknown. Until settled, the safety-critical questions
(confinement, violence, threats, a child's age) come first while they can change the result;
within and after that tier, questions are ranked by how much of the result they decide: the
undecided ILO indicators and legal elements their fact can settle (from one screening), with the
answers that would move the result on their own tried for the best few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..account import Account, Answer
from ..screening import Determination, Level, Screener
from ..screening.determination import Missing
from .decisions import Decider
from .questions import Question, apply, gate_of, is_unknown, plain, questions, read
from .settle import TOP, Outcome, open_questions, options, scenarios

LOOKAHEAD = 4  # the best few by weight are tried answer by answer


@dataclass(frozen=True)
class Progress:
    """Where an interview stands: the result so far, whether it is settled, and how many of the
    questions not yet asked could still change it (0 once settled)."""

    outcome: Outcome
    settled: bool
    could_change: int


def settled(
    screener: Screener, account: Account, asked: Iterable[str] = (), job: int | None = None
) -> bool:
    decider = Decider(screener, account, job)
    open_qs = open_questions(account, frozenset(asked), job, decider.unknown)
    return _settled(decider, account, open_qs, decider.decide(), job)


def _settled(
    decider: Decider, account: Account, open_qs: list[Question], now: Outcome, job: int | None
) -> bool:
    if not open_qs:
        return True
    if any(q.essential for q in open_qs):
        return False  # the country: without it no law applies
    if now == TOP:
        return True
    for values in scenarios(decider.screener, account, open_qs, job):
        if decider.decide(values) != now:
            return False
    return True


def progress(
    screener: Screener, account: Account, asked: Iterable[str] = (), job: int | None = None
) -> Progress:
    done = frozenset(asked)
    decider = Decider(screener, account, job)
    open_qs = open_questions(account, done, job, decider.unknown)
    now = decider.decide()
    if _settled(decider, account, open_qs, now, job):
        return Progress(now, True, 0)
    return Progress(now, False, len(_candidates(decider, open_qs)))


def next_questions(
    screener: Screener,
    account: Account,
    n: int = 1,
    skip: Iterable[str] = (),
    job: int | None = None,
) -> list[Question]:
    """The `n` questions, not yet asked, best first; none once the result is settled.

    Work questions are about job `job` (by default the current job, see `current_job`)."""
    return step(screener, account, skip, job, n)[0]


def step(
    screener: Screener,
    account: Account,
    skip: Iterable[str] = (),
    job: int | None = None,
    n: int = 1,
) -> tuple[list[Question], Progress]:
    """The next `n` questions and where the interview stands, from one settledness check (a
    door shows both: the question, and the result so far labelled provisional)."""
    decider = Decider(screener, account, job)
    open_qs = open_questions(account, frozenset(skip), job, decider.unknown)
    now = decider.decide()
    if _settled(decider, account, open_qs, now, job):
        return [], Progress(now, True, 0)
    candidates = _candidates(decider, open_qs)
    essential = [q for q in open_qs if q.essential]
    ranked = _rank(decider, account, candidates, now, job)
    first = _follow_ups(decider, ranked, frozenset(skip))
    firsts = {q.id for q in first}
    ranked = [*first, *(q for q in ranked if q.id not in firsts)]
    chosen = {q.id for q in (*essential, *ranked)}
    rest = [q for q in open_qs if q.id not in chosen]
    return [*essential, *ranked, *rest][:n], Progress(now, False, len(candidates))


def _follow_ups(decider: Decider, ranked: list[Question], asked: frozenset[str]) -> list[Question]:
    """The candidate facts of a filter question already answered yes (or "don't know") whose
    facts are not yet resolved: asked straight after it, as an interviewer follows up "you said
    someone threatened you: how?", until one of them is adverse."""
    pending = {
        fact
        for gid in asked
        if (gate := gate_of(gid)) is not None and decider.unknown(gid)
        for fact in gate.covers
    }
    return [q for q in ranked if q.id in pending]


def _candidates(decider: Decider, open_qs: list[Question]) -> dict[str, float]:
    """The open questions that could change the result, with their weight: the undecided parts
    of the result their fact would decide (from one screening's missing facts)."""
    result = decider.gaps()
    weights = _weights(result.outcome, result.missing)
    # A derived fact is not asked; the questions it is made from carry its weight.
    for name, weight in _weights(result.outcome, result.undecided).items():
        for qid in FEEDS.get(name, ()):
            weights[qid] = weights.get(qid, 0.0) + weight
    found = {q.id: weights[q.id] for q in open_qs if q.id in weights}
    for q in open_qs:
        if q.id not in found and q.id in ALWAYS:
            found[q.id] = 0.5
        elif q.covers:
            # A gate is worth asking while two or more of its facts could change the result:
            # one "no" then rules them all out.
            covered = [found.get(fact, weights.get(fact, 0.0)) for fact in q.covers]
            if sum(1 for weight in covered if weight) >= 2:
                found[q.id] = sum(covered)
    return found


def _weights(outcome: Outcome, live: Iterable[Missing]) -> dict[str, float]:
    """Each missing fact's weight: for every part of the result it would decide that can still
    change `outcome`, its weight and one over the number of open facts that part waits on. A
    part that waits on few facts is close to being settled either way, so its facts come
    first."""
    live = list(live)
    parts: dict[str, int] = {}
    for item in live:
        for part in item.decides:
            if _can_change(part, outcome):
                parts[part] = parts.get(part, 0) + 1
    weights: dict[str, float] = {}
    for item in live:
        weight = sum(
            WEIGHTS.get(part.partition(":")[0], 1.0) * (1 + 1 / parts[part])
            for part in item.decides
            if part in parts
        )
        if weight:
            weights[item.fact] = weight
    return weights


def _can_change(part: str, outcome: Outcome) -> bool:
    """Whether settling `part` (an indicator, an ICLS or Palermo element, a labour-law check)
    can still change the level or the trafficking result."""
    kind = part.partition(":")[0]
    level, trafficking = outcome
    if kind == "palermo":
        return trafficking is Answer.UNKNOWN
    if kind == "icls":
        return level < Level.FORCED_LABOUR
    # Indicators and labour-law checks raise the level up to labour exploitation; they also
    # feed the ICLS and Palermo tests through derived facts.
    return level < Level.LABOUR_EXPLOITATION or trafficking is Answer.UNKNOWN


# What a part of the result weighs: a legal element (ICLS, Palermo) more than an indicator or a
# labour-law check, since it decides forced labour or trafficking.
WEIGHTS = {"icls": 3.0, "palermo": 3.0}

# The questions whose answers a derived fact is made from (see screening/engine.py and
# labour_law.py): while the derived fact is undecided, they can change the result.
FEEDS: dict[str, tuple[str, ...]] = {
    "held_in_compound": ("work.isolation", "work.sector"),
    "documents_held_by_others": ("work.documents_held_by",),
    "irregular_status": ("person.legal_status",),
    "recruited_by_third_party": ("recruitment.recruited_by",),
    "transported_by_third_party": ("transit.transported_by",),
    "child_in_hazardous_work": ("person.age", "work.sector"),
    "paid_far_below_minimum": (
        "work.pay",
        "work.pay_compared",
        "work.days_per_week",
        "work.province",
    ),
    "no_wages": ("work.pay", "work.pay_compared"),
    "paid_less_than_promised": ("work.pay", "work.pay_compared"),
    "unpaid_months": ("work.months_unpaid",),
    "hours_over_legal_limit": ("work.hours_per_day", "work.days_per_week"),
    "no_weekly_rest": ("work.days_per_week",),
    "any_labour_violation": ("work.pay", "work.hours_per_day", "work.days_per_week"),
}
# A child's age changes every test (the ICLS child rule, the Palermo child rule, child labour):
# while it is open it is a candidate.
ALWAYS = frozenset({"person.age"})


def _rank(
    decider: Decider,
    account: Account,
    candidates: dict[str, float],
    now: Outcome,
    job: int | None,
) -> list[Question]:
    every = questions()
    order = {qid: i for i, qid in enumerate(every)}

    def key(item: tuple[str, float]) -> tuple[bool, float, int]:
        qid, weight = item
        return (not every[qid].safety, -weight, order[qid])

    ranked = [every[qid] for qid, _ in sorted(candidates.items(), key=key)]
    head = ranked[:LOOKAHEAD]
    tier = [q for q in head if q.safety == head[0].safety] if head else []
    # Among the best few of the first tier: first those whose answer alone moves the result.
    moving = [q for q in tier if _flips(decider, account, q, now, job)]
    first = {q.id for q in moving}
    return [*moving, *(q for q in ranked if q.id not in first)]


def _flips(
    decider: Decider, account: Account, question: Question, now: Outcome, job: int | None
) -> bool:
    screener = decider.screener
    if question.covers:  # a gate: would its facts, all adverse, move the result?
        adverse = {
            fact: options(screener, account, questions()[fact], job).adverse
            for fact in question.covers
            if decider.unknown(fact)
        }
        return decider.decide(adverse) != now
    found = options(screener, account, question, job)
    for value in (found.adverse, found.benign):
        if value is not None and decider.decide({question.id: value}) != now:
            return True
    return False


def simulate(
    screener: Screener, truth: Account, start: Account | None = None, limit: int = 80
) -> tuple[int, Determination]:
    """Interview someone whose full account is `truth` until the result is settled (or `limit`
    questions); how many questions were asked, and the result.

    Answers the truth does not know are "don't know" (the question is not asked again). Work
    questions are about the current job. `start` is what is known before the first question,
    by default `starting_point(truth)`: the truth without the answers the questions ask for."""
    account = starting_point(truth) if start is None else start
    asked: list[str] = []
    while len(asked) < limit:
        found = next_questions(screener, account, skip=asked)
        if not found:
            break
        question = found[0]
        asked.append(question.id)
        if not is_unknown(truth, question.id):
            account = apply(account, question.id, plain(read(truth, question.id)))
    return len(asked), screener.screen(account)


def starting_point(truth: Account) -> Account:
    """What an interview of `truth` starts from: everything no question asks (dates, the
    nationality, the promise, earlier jobs), with the answers to the questions left unknown."""
    data: dict[str, Any] = truth.model_dump(by_alias=True, exclude_defaults=True)
    for qid, question in questions().items():
        if question.covers:
            continue  # a gate has no field of its own
        stage, _, name = qid.partition(".")
        if stage == "work":
            if data.get("work"):
                data["work"][-1].pop(name, None)
        else:
            data.get(stage, {}).pop(name, None)
    if "age" not in data.get("person", {}):
        data.get("person", {}).pop("under_18", None)
    return Account.model_validate(data)


def learnable(truth: Account) -> Account:
    """What an interview from an empty account can learn of `truth`: its answers to the
    questions, and nothing else (no dates, no earlier jobs). For replaying the doors that start
    empty (the self-check, a new intake)."""
    account = Account()
    for qid in questions():
        if not is_unknown(truth, qid):
            account = apply(account, qid, plain(read(truth, qid)))
    return account
