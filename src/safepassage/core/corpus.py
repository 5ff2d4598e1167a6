"""A corpus of public decisions: what an authority decided, and the facts its source states.

Each case file under `corpus/cases/` holds one decision from the region (a court judgment, a
labour-court award, an agency finding, an NGO case report), the public source it comes from, the
authority's outcome in the spectrum's terms, and the account as the source states it. Every fact
in the account quotes the sentence of the source it rests on, so a reviewer can check the encoding
without re-reading the source. `engine` records the engine's current answer: the rule tests keep it
in step, so a change that flips a case is seen in review, and `bench/agreement.py` compares it with
the authority's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from .account import Account, _to_answer
from .account_file import AccountError, account_problems
from .knowledge.problems import Problem, format_key_path
from .knowledge.yamlsource import parse_yaml
from .screening import Screener

LevelCode = Literal[
    "decent_work", "labour_rights_violation", "labour_exploitation", "forced_labour"
]
YesNo = Annotated[Literal["yes", "no"], BeforeValidator(_to_answer)]
SourceKind = Literal[
    "court_judgment",
    "court_press_release",
    "government_press_release",
    "labour_court_award",
    "agency_finding",
    "case_law_database",
    "ilo_casebook",
    "ngo_report",
    "news_report",
]
AuthorityType = Literal[
    "criminal_court",
    "labour_court",
    "civil_court",
    "labour_inspectorate",
    "human_rights_commission",
    "customs_agency",
    "anti_trafficking_authority",
    "ngo",
]
NOT_QUOTED = frozenset({"reported_on"})  # the decision's date, from `source.date`


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    citation: Annotated[str, Field(min_length=5)]  # case number or title as the source names it
    publisher: Annotated[str, Field(min_length=2)]
    url: Annotated[str, Field(pattern=r"^https?://")]
    date: dt.date | None = None  # of the decision, or of the publication where that is unknown
    kind: SourceKind
    # True when the source reports someone else's decision (a news story, an NGO's summary).
    secondary: bool


class Authority(_Model):
    type: AuthorityType
    name: Annotated[str, Field(min_length=2)]
    forum: Annotated[str, Field(min_length=5)]  # what the forum could decide


class Outcome(_Model):
    """The authority's outcome, in the spectrum's terms; None where it did not decide that."""

    summary: Annotated[str, Field(min_length=10)]
    quote: Annotated[str, Field(min_length=10)]  # the source's sentence stating the outcome
    level: LevelCode | None = None
    trafficking: YesNo | None = None
    # The forum could only give a narrower label (a labour court awards wages, it does not find
    # forced labour): `facts_level` is the label the facts it found support, with the reason.
    forum_limits_label: bool = False
    facts_level: LevelCode | None = None
    facts_reason: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> Outcome:
        if self.level is None and self.trafficking is None:
            raise ValueError("an outcome needs a level, a trafficking result, or both")
        if self.forum_limits_label and (self.facts_level is None or not self.facts_reason):
            raise ValueError("where the forum limits the label, give facts_level and facts_reason")
        if not self.forum_limits_label and self.facts_level is not None:
            raise ValueError("facts_level is only for a forum that limits the label")
        return self


class EngineAnswer(_Model):
    level: LevelCode | Literal["insufficient_information"]
    trafficking: Annotated[Literal["yes", "no", "unknown"], BeforeValidator(_to_answer)]


class Case(_Model):
    id: Annotated[str, Field(pattern=r"^[a-z]{2}-\d{4}-[a-z0-9-]+$")]
    title: Annotated[str, Field(min_length=5)]
    source: Source
    authority: Authority
    outcome: Outcome
    account: Account
    quotes: dict[str, Annotated[str, Field(min_length=10)]]
    notes: str | None = None
    engine: EngineAnswer | None = None


class CorpusError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_case(path: Path) -> Case:
    """One case file, with every fact's quote checked against the facts it encodes."""
    doc = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    if doc.problems:
        raise CorpusError(doc.problems)
    try:
        case = Case.model_validate(doc.data)
    except ValidationError as exc:
        raise CorpusError(account_problems(exc, doc.data, str(path), doc.lines)) from None
    problems = _quote_problems(case, doc.data, str(path))
    if case.id != path.stem:
        problems.append(Problem(str(path), 1, ("id",), "the id must be the file name"))
    if problems:
        raise CorpusError(problems)
    return case


def read_corpus(folder: Path) -> list[Case]:
    return [read_case(path) for path in sorted(folder.glob("*.yaml"))]


def encoded_paths(raw: Any, prefix: tuple[Any, ...] = ()) -> list[str]:
    """The dotted path of every fact the account file states (what needs a quote)."""
    if isinstance(raw, dict) and not {"amount", "currency"} <= raw.keys():
        found = []
        for key, value in raw.items():
            if key == "note" and prefix:
                continue
            if key == "answer" and prefix:
                return [format_key_path(prefix)]
            found += encoded_paths(value, (*prefix, key))
        return found
    if isinstance(raw, list) and prefix[-1:] == ("work",):
        return [p for i, job in enumerate(raw) for p in encoded_paths(job, (*prefix, i))]
    return [format_key_path(prefix)]


def _quote_problems(case: Case, data: dict[str, Any], file: str) -> list[Problem]:
    raw = data.get("account") or {}
    if isinstance(raw.get("work"), dict):
        raw = {**raw, "work": [raw["work"]]}
    stated = {p for p in encoded_paths(raw) if p.split(".")[0] not in NOT_QUOTED}
    problems = [
        Problem(file, None, ("quotes",), f"{path}: quote the source's sentence for this fact")
        for path in sorted(stated - set(case.quotes))
    ]
    problems += [
        Problem(file, None, ("quotes", path), "this quote is for no fact in the account")
        for path in sorted(set(case.quotes) - stated)
    ]
    return problems


def engine_answer(screener: Screener, case: Case) -> EngineAnswer:
    """The engine's level and trafficking answer for the case, under the law of its date."""
    on = case.account.reported_on or case.source.date
    level, trafficking = screener.decide(case.account, on)
    return EngineAnswer(level=level.code, trafficking=trafficking.value)


@dataclass
class Tally:
    """Agreement with one authority type: cases, and agreeing / compared per question."""

    cases: int = 0
    level: list[int] = field(default_factory=lambda: [0, 0])
    trafficking: list[int] = field(default_factory=lambda: [0, 0])
    facts_level: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, case: Case, answer: EngineAnswer) -> None:
        self.cases += 1
        outcome = case.outcome
        for tally, want, got in (
            (self.level, outcome.level, answer.level),
            (self.trafficking, outcome.trafficking, answer.trafficking),
            (self.facts_level, outcome.facts_level, answer.level),
        ):
            if want is not None:
                tally[0] += want == got
                tally[1] += 1


def agreement(screener: Screener, cases: list[Case]) -> dict[str, Tally]:
    """Per authority type (and "all"), how often the engine's answer is the authority's."""
    tallies: dict[str, Tally] = {}
    for case in cases:
        answer = engine_answer(screener, case)
        for key in (case.authority.type, "all"):
            tallies.setdefault(key, Tally()).add(case, answer)
    return tallies


def record(path: Path, answer: EngineAnswer) -> bool:
    """Write the engine's answer into the case file (its last line); True if it changed."""
    text = path.read_text(encoding="utf-8")
    line = f"engine: {{level: {answer.level}, trafficking: {answer.trafficking}}}\n"
    kept = [row for row in text.splitlines(keepends=True) if not row.startswith("engine:")]
    body = "".join(kept)
    new = body + ("" if body.endswith("\n") else "\n") + line
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


__all__ = [
    "AccountError",
    "Case",
    "CorpusError",
    "Tally",
    "agreement",
    "encoded_paths",
    "engine_answer",
    "read_case",
    "read_corpus",
    "record",
]


if __name__ == "__main__":  # python -m safepassage.core.corpus corpus/cases/*.yaml
    import sys

    failed = 0
    for name in sys.argv[1:]:
        try:
            read_case(Path(name))
            print(f"ok  {name}")
        except CorpusError as exc:
            failed += 1
            print(f"BAD {name}\n{exc}")
    sys.exit(1 if failed else 0)
