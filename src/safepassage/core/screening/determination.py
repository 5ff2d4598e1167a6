"""What screening concludes, with the chain from facts to rules to sources."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import IntEnum
from typing import Any

from ...i18n import N_
from ..account import Answer

CONSTRUCT_NOTE = N_(
    "'Labour exploitation' is SafePassage's own construct, not a legal term: no binding "
    "international definition exists. SafePassage uses it for serious or multiple labour-rights "
    "violations, for two or more ILO indicators of forced labour, or for one element of the ICLS "
    "forced-labour test (involuntary work, or a threat or menace of penalty) without the other."
)
# Template parameters whose values are message ids themselves (a period such as "per month", a
# sector, a country, an indicator's name, a law's text): translated before they fill a template.
WORD_PARAMS = frozenset(
    {
        "per",
        "pay_per",
        "sector",
        "country",
        "country2",
        "indicator",
        "law",
        "holder",
        "circumstance",
        "option",
    }
)
# Evidence notes may also be laid out by a template that is no message (no words, only
# placeholders, the same in every language): gettext leaves it as it is, and its words translate.


def _same(text: str) -> str:
    return text


def _render(
    message: str, params: dict[str, str], english: str, translate: Callable[[str], str]
) -> str:
    """`message` translated and filled with `params` (their words translated); `english` where
    the translation's placeholders do not match the template's."""
    template = translate(message)
    words = {k: translate(v) if k in WORD_PARAMS else v for k, v in params.items()}
    try:
        return template.format(**words)
    except (KeyError, IndexError, ValueError):
        return english


class Level(IntEnum):
    """The spectrum, in order. Trafficking is a parallel legal test, reported beside it."""

    INSUFFICIENT_INFORMATION = 0
    DECENT_WORK = 1
    LABOUR_RIGHTS_VIOLATION = 2
    LABOUR_EXPLOITATION = 3
    FORCED_LABOUR = 4

    @property
    def code(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Evidence:
    """A fact from the account that supports a conclusion.

    The note is the migrant's own words, or one screening wrote (the pay, the age): then
    `message` is its template and `params` fill it, as for a Finding."""

    fact: str
    answer: Answer
    note: str | None = None
    message: str = ""
    params: dict[str, str] | None = field(default=None, hash=False)

    def text(self, translate: Callable[[str], str] = _same) -> str | None:
        """The note through `translate` (gettext) when screening wrote it; the migrant's own
        words as they are."""
        if not self.message or self.note is None:
            return self.note
        return _render(self.message, self.params or {}, self.note, translate)


@dataclass(frozen=True)
class Cite:
    """The source of a rule, and the date of the version applied."""

    title: str
    section: str | None
    url: str | None
    in_force_from: date
    verified: bool
    layer: str


@dataclass(frozen=True)
class Finding:
    """One conclusion: an ILO indicator, a labour-law violation, or a legal element.

    `rule` is the English text; `message` the template it was made from (its gettext message id,
    see messages.py) and `params` the values filling it, so that
    `rule == message.format(**params)`. `text(gettext)` gives it in the reader's language."""

    kind: str  # indicator | violation | icls | palermo | risk
    code: str
    stage: str
    job: int | None
    because: tuple[Evidence, ...]
    rule: str
    cites: tuple[Cite, ...] = ()
    message: str = ""
    params: dict[str, str] = field(default_factory=dict, hash=False)

    def text(self, translate: Callable[[str], str] = _same) -> str:
        """The rule through `translate` (gettext): the template and its word parameters
        translated, then filled; the English rule where the translation's placeholders do not
        match the template's."""
        if not self.message:
            return translate(self.rule)
        return _render(self.message, self.params, self.rule, translate)


@dataclass(frozen=True)
class Missing:
    """A fact still unknown that could change the result, and what it would decide."""

    fact: str
    decides: tuple[str, ...]


@dataclass(frozen=True)
class LegalTest:
    """A legal test with tri-state elements (Palermo: act, means, purpose).

    `explanation` states the test; where the result is "no", `ruled_out` names the element the
    facts rule out and `reason` says so in words (a message id)."""

    result: Answer
    elements: dict[str, Answer]
    explanation: str
    ruled_out: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class JobView:
    index: int
    country: str | None
    law_date: date
    level: Level
    reasons: tuple[str, ...]


@dataclass
class Determination:
    level: Level
    trafficking: LegalTest
    jobs: list[JobView]
    findings: list[Finding]
    missing: list[Missing]
    explanation: list[str]
    notes: list[str] = field(default_factory=lambda: [CONSTRUCT_NOTE])
    # Derived facts still undecided (held in a compound, paid below the minimum...): not asked
    # themselves, but the answers they are made from are (the interview reads this).
    undecided: tuple[Missing, ...] = ()

    def stage(self, name: str) -> list[Finding]:
        return [f for f in self.findings if f.stage == name]

    def codes(self, kind: str) -> set[str]:
        return {f.code for f in self.findings if f.kind == kind}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["level"] = self.level.code
        for job in data["jobs"]:
            job["level"] = Level(job["level"]).code
        data["stages"] = {
            stage: sorted({f.code for f in self.findings if f.stage == stage})
            for stage in ("recruitment", "transit", "work", "return")
        }
        plain: dict[str, Any] = _plain(data)
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Answer):
        return value.value
    return value
