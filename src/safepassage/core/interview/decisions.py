"""Decision-only screenings for the interview's weighing, each made once.

Choosing the next question tries answers on the account (`assume`) and asks screening only for
the level and the trafficking result (`Screener.decide`). From one step to the next most of those
tries repeat: after a "don't know" the account has not changed; after an adverse answer the
all-adverse scenario is the one tried a step before; two sectors or pay descriptions the law
reads alike give the same account twice. So a decision is remembered by what it was made on:
the answer to every question (the tried answers in place) and a fingerprint of the rest of the
account (dates, nationality, the promise, earlier jobs), and screened only the first time.
Notes in the migrant's words do not enter a decision, so the answers are kept without them.
"""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

from ..account import Account, Answer, Fact, Money
from ..screening import Level, Screener
from ..screening.engine import Gaps
from ..screening.recent import Recent
from .questions import assume, benign, field_of, gate_of, questions

Outcome = tuple[Level, Answer]
LIMIT = 20_000  # decisions remembered per screener (about 10 MB), the oldest forgotten first
UNDER_18 = "person.under_18"  # follows the age in `assume` and `apply`: part of the answers

GAPS_LIMIT = 1_000  # the facts screening waits on, for the accounts asked about (one a step)
_GAPS: weakref.WeakKeyDictionary[Screener, Recent[tuple[Any, ...], Gaps]] = (
    weakref.WeakKeyDictionary()
)
_MEMOS: weakref.WeakKeyDictionary[Screener, Recent[tuple[Any, ...], Outcome]] = (
    weakref.WeakKeyDictionary()
)


# One shared tuple per outcome (there are a dozen), not one per remembered decision.
_OUTCOMES: dict[Outcome, Outcome] = {}


class Decider:
    """The decisions on one account (work questions about job `job`, by default the last)."""

    __slots__ = ("_account", "_answers", "_gaps", "_job", "_key", "_memo", "_rest", "_stages",
                 "screener")  # fmt: skip

    def __init__(self, screener: Screener, account: Account, job: int | None = None) -> None:
        self.screener, self._account, self._job = screener, account, job
        self._memo = _MEMOS.setdefault(screener, Recent(LIMIT))
        self._gaps = _GAPS.setdefault(screener, Recent(GAPS_LIMIT))
        index = (len(account.work) - 1 if job is None else job) if account.work else None
        self._answers = _answers(account, job)
        self._stages: dict[tuple[Any, ...], Any] = {}  # stage copies shared between tries
        self._rest = (_rest(account, index), index)
        self._key = (self._rest, *self._answers.values())  # the account's own, as it is

    def decide(self, values: Mapping[str, Any] | None = None) -> Outcome:
        """The outcome of the account with `values` (question id -> a value, as `assume`
        takes) in place."""
        answers = self._answers
        if values:
            answers = {**answers, **{qid: _plain(value) for qid, value in values.items()}}
            if "person.age" in values:
                answers[UNDER_18] = "yes" if values["person.age"] < 18 else "no"
        key = (self._rest, *answers.values()) if values else self._key
        found = self._memo.get(key)
        if found is None:
            account = (
                assume(self._account, values, self._job, self._stages) if values else self._account
            )
            outcome = self.screener.decide(account)
            found = self._memo.put(key, _OUTCOMES.setdefault(outcome, outcome))
        return found

    def gaps(self) -> Gaps:
        """The account's decision and the facts it waits on (one screening, remembered)."""
        found = self._gaps.get(self._key)
        if found is None:
            found = self._gaps.put(self._key, self.screener.gaps(self._account))
        return found

    def unknown(self, qid: str) -> bool:
        """Whether question `qid` is still unknown on the account (as `is_unknown`, from the
        answers read once): a filter question while none of its facts is adverse and not all
        are benign."""
        gate = gate_of(qid)
        if gate is None:
            return self._answers[qid] in _UNKNOWN
        found = [(self._answers[fact], fact) for fact in gate.covers]
        if any(v not in _UNKNOWN and v != benign(fact).value for v, fact in found):
            return False  # one fact is adverse: the filter reads yes
        return any(v in _UNKNOWN for v, _ in found)


_UNKNOWN = (None, "unknown")


def forget_decisions(screener: Screener) -> None:
    """Forget the decisions remembered for `screener` (a benchmark replaying the same
    interview twice must not reuse the first replay's)."""
    _MEMOS.pop(screener, None)
    _GAPS.pop(screener, None)


def _answers(account: Account, job: int | None) -> dict[str, Any]:
    """Every question's answer on the account, without notes; a filter question has no field
    of its own. Always in the same order: the order is part of a remembered decision's key."""
    found: dict[str, Any] = {}
    for attr, qids, get in _readers():
        if attr == "work":
            holder = (account.work[-1 if job is None else job]) if account.work else None
        else:
            holder = getattr(account, attr)
        if holder is None:
            found.update(dict.fromkeys(qids))
        else:
            found.update(zip(qids, map(_plain, get(holder)), strict=True))
    found[UNDER_18] = account.person.under_18.answer.value
    return found


Reader = Callable[[Any], tuple[Any, ...]]


@lru_cache(maxsize=1)
def _by_stage() -> dict[str, dict[str, str]]:
    """The questions with a field of their own, by stage attribute: question id -> field
    (`questions.field_of`, which also checks that the account has it)."""
    found: dict[str, dict[str, str]] = {}
    for qid, question in questions().items():
        if not question.covers:
            attr, name = field_of(qid)
            found.setdefault(attr, {})[qid] = name
    return found


@lru_cache(maxsize=1)
def _readers() -> tuple[tuple[str, tuple[str, ...], Reader], ...]:
    """For each stage attribute, its questions and a reader of their fields in one call."""
    return tuple(
        (attr, tuple(fields), _reader(list(fields.values())))
        for attr, fields in _by_stage().items()
    )


def _reader(names: list[str]) -> Reader:
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda holder: (get(holder),)
    return get


def _plain(value: Any) -> Any:
    """A value as plain data (text, numbers, tuples): the remembered keys then hold no object
    that Python's garbage collector must walk."""
    if isinstance(value, Fact):
        return value.answer.value
    if isinstance(value, Money):
        return (value.amount, value.currency, value.per)
    return value.value if isinstance(value, Answer) else value


def _rest(account: Account, index: int | None) -> bytes:
    """Everything in the account but the questions' answers and the age's under-18 (those are
    the answers), with the day whose law applies when the account has no date."""
    stages, work = _question_fields()
    exclude: dict[Any, Any] = dict(stages)
    if index is not None:
        exclude["work"] = {index: work}
    dump = account.model_dump_json(exclude=exclude)
    day = "" if account.reported_on else date.today().isoformat()
    # A digest, not the text: the remembered decisions keep none of the migrant's words
    # (employers' names, notes) in memory, and their keys stay small.
    return hashlib.blake2b(f"{day}{dump}".encode(), digest_size=16).digest()


@lru_cache(maxsize=1)
def _question_fields() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """The fields the questions ask, by stage attribute (the person's under-18 with them), and
    those of a job."""
    fields = {attr: frozenset(names.values()) for attr, names in _by_stage().items()}
    fields["person"] = fields.get("person", frozenset()) | {"under_18"}
    return fields, fields.pop("work", frozenset())
