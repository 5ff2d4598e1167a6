"""The shape of a knowledge file, validated strictly (unknown keys and wrong types are errors).

One topic file holds named parameters; each parameter holds values keyed by their effective date,
directly or per place or sector (`where`). The value's type is chosen by the parameter's `type`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..account import Recruiter

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SnakeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]

Per = Literal["hour", "day", "week", "month", "year", "once"]
Unit = Literal[
    "hours_per_day",
    "hours_per_week",
    "hours_per_month",
    "hours_per_year",
    "days_per_week",
    "days_per_month",
    "multiplier",
    "years",
    "months",
    "days",
    "hours",
    "count",
]
Policy = Literal["prohibited", "restricted", "permitted", "no_rule"]
PlaceKind = Literal["province", "region", "sector", "district", "city"]
LawCategory = Literal[
    "labour",
    "anti_trafficking",
    "forced_labour",
    "migration",
    "recruitment",
    "penal",
    "child",
    "fisheries",
    "domestic_work",
]
ChannelKind = Literal[
    "hotline",
    "government_agency",
    "embassy",
    "ngo",
    "union",
    "police",
    "legal_aid",
    "shelter",
]
# Who a help channel is for: the self-check shows a migrant only those for migrants (or children).
Audience = Literal["migrants", "children", "employers", "brands", "professionals"]
MigrationKind = Literal["mou", "regularisation", "border_pass", "bilateral", "other"]
ResponseKind = Literal[
    "information_and_safety_planning",
    "wage_or_compensation_claim",
    "labour_inspection_complaint",
    "mediation",
    "labour_court",
    "recruitment_agency_complaint",
    "legal_aid",
    "shelter_and_protection",
    "health_care",
    "embassy_or_labour_attache",
    "repatriation_and_reintegration",
    "union_or_migrant_network",
    "supply_chain_grievance",
    "recruitment_fee_reimbursement",
    "victim_identification",
    "criminal_complaint",
]
Goal = Literal[
    "recover_wages",
    "leave_job",
    "go_home",
    "stay_and_work",
    "get_documents",
    "be_safe_now",
    "prosecution",
    "protect_others",
]
Risk = Literal[
    "detention",
    "deportation",
    "retaliation",
    "job_loss",
    "cost",
    "delay",
    "exposure",
    "loss_of_status",
]
LevelCode = Literal[
    "insufficient_information",
    "decent_work",
    "labour_rights_violation",
    "labour_exploitation",
    "forced_labour",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Citation(Strict):
    title: Text
    section: Text | None = None
    url: Url | None = None
    publisher: Text | None = None
    retrieved: date


class Amount(Strict):
    amount: Annotated[float, Field(ge=0)]
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    per: Per


class Term(Strict):
    name: Text
    description: Text
    number: int | None = None
    examples: list[Text] = []


class TermItem(Strict):
    id: SnakeId
    name: Text
    description: Text


class Law(Strict):
    title: Text
    short_title: Text | None = None
    number: Text | None = None
    categories: Annotated[list[LawCategory], Field(min_length=1)]
    adopted: date | None = None
    in_force: date | None = None
    summary: Text


class Channel(Strict):
    name: Text
    # A proper name (an organisation's own name, as it writes it): shown as written in every
    # language, not translated. Other names ("Department of Employment hotline") are translated.
    proper_name: bool = False
    kind: ChannelKind
    audience: Annotated[list[Audience], Field(min_length=1)]
    # Exactly one number or short code (a tel: link dials it); what to do once through (press 7
    # for Burmese, an extension) goes in `phone_then`, other numbers in the entry's note.
    phone: Text | None = None
    phone_then: Text | None = None
    # Chat contacts, each a link or an id of that app (`knowledge check` validates the shape).
    line: Text | None = None
    messenger: Text | None = None
    facebook: Text | None = None
    whatsapp: Text | None = None
    viber: Text | None = None
    zalo: Text | None = None
    telegram: Text | None = None
    email: Text | None = None
    url: Url | None = None
    languages: Annotated[list[LanguageCode], Field(min_length=1)]
    serves: list[Text] = []
    location: Text | None = None
    free: bool | None = None
    hours: Text | None = None
    # Where the provider can be reached in person or on a local line, when not (only) in the
    # country of the catalogue that lists it (a Myanmar workers' group in Mae Sot, listed under
    # MM, is in TH). Empty: the catalogue's country.
    countries: list[CountryCode] = []
    # Embassies and consular services serve only their own nationals.
    nationals_of: list[CountryCode] = []


class MigrationChannel(Strict):
    name: Text
    kind: MigrationKind
    partner_countries: list[CountryCode] = []
    summary: Text
    max_years: Annotated[float, Field(gt=0)] | None = None


# Where the migrant must be, relative to the catalogue's country C: `destination` in C, where they
# worked; `origin` back home in C after working abroad; `in_country` in C, for whatever reason;
# `abroad` C is home and they are elsewhere; `left` C is where they worked and they have left
# (only through the response's `remote` providers).
Located = Literal["destination", "origin", "in_country", "abroad", "left"]


class Eligibility(Strict):
    """When a response fits: every condition given must hold (unset conditions always hold)."""

    level_at_least: LevelCode | None = None
    any_finding: list[Annotated[str, StringConstraints(pattern=r"^[a-z]+:[a-z_.]+$")]] = []
    trafficking: list[Literal["yes", "no", "unknown"]] = []
    child: bool | None = None
    located: Located | Annotated[list[Located], Field(min_length=1)] = "in_country"
    legal_status: list[Text] = []
    sectors: list[Text] = []
    party_identified: list[Literal["employer", "recruiter", "buyer"]] = []
    recruited_by: list[Recruiter] = []  # the account's recruitment.recruited_by

    def places(self) -> tuple[str, ...]:
        return (self.located,) if isinstance(self.located, str) else tuple(self.located)


class Remote(Strict):
    """How a response can be pursued from outside the country of its providers, cited."""

    providers: Annotated[list[SnakeId], Field(min_length=1)]
    how: Text
    citation: Citation
    verified: bool
    note: Text | None = None


class Response(Strict):
    name: Text
    kind: ResponseKind
    summary: Text
    providers: Annotated[list[SnakeId], Field(min_length=1)]
    goals: Annotated[list[Goal], Field(min_length=1)]
    eligibility: Eligibility = Eligibility()
    requires: list[Text] = []
    risks: list[Risk] = []
    risk_notes: Text | None = None
    typical_time: Text | None = None
    typical_cost: Text | None = None
    criminal_justice: bool = False
    mandatory_for_children: bool = False
    # Who takes part (formal victim identification): the migrant consents to exactly that.
    takes_part: Text | None = None
    rescue: bool = False  # a request to get someone out of the place where they are held
    remote: Remote | None = None
    political_economy: Text | None = None


T = TypeVar("T")


class Entry(Strict, Generic[T]):
    """One value in force from its date (the key it is stored under)."""

    value: T | None
    citation: Citation
    verified: bool
    note: Text | None = None
    until: date | None = None


class Place(Strict, Generic[T]):
    kind: PlaceKind | None = None
    aliases: list[Text] = []
    values: dict[date, Entry[T]]


class _Parameter(Strict, Generic[T]):
    description: Text
    unit: Unit | None = None
    values: dict[date, Entry[T]] | None = None
    where: dict[str, Place[T]] | None = None


class AmountParameter(_Parameter[Amount]):
    type: Literal["amount"]


class QuantityParameter(_Parameter[Annotated[float, Field(ge=0)]]):
    type: Literal["quantity"]


class BooleanParameter(_Parameter[bool]):
    type: Literal["boolean"]


class PolicyParameter(_Parameter[Policy]):
    type: Literal["policy"]


class TextParameter(_Parameter[Text]):
    type: Literal["text"]


class TermParameter(_Parameter[Term]):
    type: Literal["term"]


class TermListParameter(_Parameter[Annotated[list[TermItem], Field(min_length=1)]]):
    type: Literal["term_list"]


class LawParameter(_Parameter[Law]):
    type: Literal["law"]


class ChannelParameter(_Parameter[Channel]):
    type: Literal["channel"]


class MigrationChannelParameter(_Parameter[MigrationChannel]):
    type: Literal["migration_channel"]


class ResponseParameter(_Parameter[Response]):
    type: Literal["response"]


Parameter = Annotated[
    AmountParameter
    | QuantityParameter
    | BooleanParameter
    | PolicyParameter
    | TextParameter
    | TermParameter
    | TermListParameter
    | LawParameter
    | ChannelParameter
    | MigrationChannelParameter
    | ResponseParameter,
    Field(discriminator="type"),
]


class TopicFile(Strict):
    description: Text
    parameters: Annotated[dict[SnakeId, Parameter], Field(min_length=1)]


def known_field_names() -> frozenset[str]:
    """Every key the schema knows, to suggest a spelling for an unknown one."""
    models: list[type[BaseModel]] = [
        Citation,
        Amount,
        Term,
        TermItem,
        Law,
        Channel,
        MigrationChannel,
        Eligibility,
        Remote,
        Response,
        TopicFile,
        Entry[Any],
        Place[Any],
        AmountParameter,
    ]
    return frozenset(name for model in models for name in model.model_fields) | {"type"}
