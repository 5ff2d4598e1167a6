"""What the planner produces: ranked steps with providers, reasons, risks and sources."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, get_args

from ..knowledge.schema import Goal
from ..screening.determination import Cite

GOALS: tuple[str, ...] = get_args(Goal)  # one list: the knowledge schema's
# police: a criminal complaint or a police referral; authorities: state agencies that may share
# data; embassy: contacting the migrant's embassy; victim_identification: being formally
# identified as a victim of trafficking, knowing who takes part (often the police, in a team).
CONSENTS: tuple[str, ...] = ("police", "authorities", "embassy", "victim_identification")


@dataclass(frozen=True)
class PlanRequest:
    goals: tuple[str, ...] = ()
    consent: frozenset[str] = frozenset()
    located_in: str | None = None  # where the migrant is now; guessed from the account if None
    as_of: date | None = None
    # Who reads the plan's reasons: the migrant ("you", the self-check and the CLI) or the case
    # worker ("the worker", the case page). The same plan either way.
    audience: str = "migrant"


@dataclass(frozen=True)
class Contact:
    """A provider and how to reach it."""

    id: str
    name: str
    phone: str | None
    line: str | None
    facebook: str | None
    url: str | None
    email: str | None
    languages: tuple[str, ...]
    country: str | None = None  # where the provider is
    remote: bool = False  # reached from another country than the one the migrant is in
    phone_then: str | None = None  # what to do once through (press 7 for Burmese)
    messenger: str | None = None
    whatsapp: str | None = None
    viber: str | None = None
    zalo: str | None = None
    telegram: str | None = None
    proper_name: bool = False  # `name` is the provider's own name: shown as written


@dataclass(frozen=True)
class Step:
    rank: int
    response: str
    country: str
    kind: str
    name: str
    summary: str
    why: tuple[str, ...]
    providers: tuple[Contact, ...]
    risks: tuple[str, ...]
    risk_notes: str | None
    requires: tuple[str, ...]
    typical_time: str | None
    typical_cost: str | None
    criminal_justice: bool
    mandatory: bool
    cites: tuple[Cite, ...]
    rescue: bool = False  # a request to get the migrant out of the place where they are held
    remote: bool = False  # every provider is in another country: done from where the migrant is
    remote_how: str | None = None  # how it is done from there (knowledge data, cited)


@dataclass(frozen=True)
class NotChosen:
    response: str
    country: str
    kind: str
    name: str
    reason: str


@dataclass
class Plan:
    located_in: str | None
    goals: tuple[str, ...]
    consent: tuple[str, ...]
    safe_now: bool
    steps: list[Step]
    not_chosen: list[NotChosen]
    notices: dict[str, str] = field(default_factory=dict)

    def kinds(self) -> list[str]:
        return [step.kind for step in self.steps]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for step in data["steps"]:
            for cite in step["cites"]:
                cite["in_force_from"] = cite["in_force_from"].isoformat()
        return data
