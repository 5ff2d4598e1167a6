"""What the migrant reported, stage by stage of the labour migration cycle.

Every fact is tri-state: yes, no or unknown (the default). Unknown is never read as no. A fact
may carry a note in the migrant's words. Events carry dates so that the law in force at the
time applies.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


def _to_fact(raw: Any) -> Any:
    # YAML 1.1 reads yes/no as booleans; accept both spellings, and a bare answer or a mapping.
    if isinstance(raw, BaseModel):
        return raw
    if isinstance(raw, dict):
        return {**raw, "answer": _to_answer(raw.get("answer", "unknown"))}
    return {"answer": _to_answer(raw)}


def _to_answer(raw: Any) -> Any:
    if raw is True:
        return "yes"
    if raw is False:
        return "no"
    if raw is None:
        return "unknown"
    return raw.strip().lower() if isinstance(raw, str) else raw


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fact(_Model):
    """One thing the migrant said: yes, no or unknown, with an optional note."""

    answer: Answer = Answer.UNKNOWN
    note: str | None = None

    @property
    def yes(self) -> bool:
        return self.answer is Answer.YES

    @property
    def no(self) -> bool:
        return self.answer is Answer.NO

    @property
    def unknown(self) -> bool:
        return self.answer is Answer.UNKNOWN


F = Annotated[Fact, BeforeValidator(_to_fact)]
UNKNOWN = Fact()


class Money(_Model):
    amount: Annotated[float, Field(ge=0)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    per: Literal["hour", "day", "week", "month", "year", "piece", "once"] = "once"


Recruiter = Literal[
    "relative",
    "friend_or_neighbour",
    "broker",
    "licensed_agency",
    "unlicensed_agency",
    "employer",
    "online_contact",
    "government",
    "self",
    "unknown",
]
ContactChannel = Literal[
    "in_person",
    "phone",
    "facebook",
    "telegram",
    "line",
    "whatsapp",
    "tiktok",
    "wechat",
    "other",
]
Sector = Literal[
    "fishing",
    "seafood_processing",
    "agriculture",
    "construction",
    "manufacturing",
    "garment",
    "domestic_work",
    "hospitality",
    "entertainment",
    "online_scam",
    "sex_industry",
    "brick_kiln",
    "food_processing",
    "warehouse",
    "electronics",
    "plantation",
    "other",
    "unknown",
]
Holder = Literal["self", "employer", "recruiter", "broker", "other", "unknown"]
PayCompared = Literal[
    "nothing",
    "below_the_minimum",
    "less_than_promised",
    "as_promised",
    "at_least_the_minimum",
    "unknown",
]
Isolation = Literal["at_sea", "compound", "live_in", "remote_site", "none", "unknown"]
LegalStatus = Literal[
    "mou",
    "registered",
    "border_pass",
    "irregular",
    "tourist_visa",
    "citizen",
    "unknown",
]


class Promise(_Model):
    job: str | None = None
    country: CountryCode | None = None
    place: str | None = None
    wage: Money | None = None
    hours_per_day: Annotated[float, Field(ge=0, le=24)] | None = None


class Recruitment(_Model):
    """Recruitment and pre-departure."""

    date: dt.date | None = None
    country: CountryCode | None = None
    recruited_by: Recruiter = "unknown"
    contacted_via: list[ContactChannel] = []
    promised: Promise = Promise()
    fees_paid: F = UNKNOWN
    fee_amount: Money | None = None
    fees_paid_to: Recruiter = "unknown"
    debt_for_migration: F = UNKNOWN
    debt_to: Literal["recruiter", "employer", "moneylender", "family", "bank", "unknown"] = (
        "unknown"
    )
    contract_signed: F = UNKNOWN
    contract_understood: F = UNKNOWN
    contract_substituted: F = UNKNOWN
    deceived_about_job: F = UNKNOWN
    deceived_about_wage: F = UNKNOWN
    deceived_about_conditions: F = UNKNOWN
    deceived_about_employer: F = UNKNOWN
    deceived_about_place: F = UNKNOWN
    deceived_about_legal_status: F = UNKNOWN
    forced_or_abducted: F = UNKNOWN
    documents_taken: F = UNKNOWN
    job_offer_red_flags: F = UNKNOWN  # e.g. high pay, no skills, travel paid, via social media
    taken_up: F = UNKNOWN  # has the migrant accepted and left yet?


class Transit(_Model):
    date: dt.date | None = None
    irregular_route: F = UNKNOWN
    transported_by: Recruiter = "unknown"
    confined: F = UNKNOWN
    sold_or_handed_over: F = UNKNOWN
    documents_taken: F = UNKNOWN
    violence: F = UNKNOWN
    threatened: F = UNKNOWN


class Work(_Model):
    """Work at destination, with one employer (a second employer is a second `work` entry)."""

    start: dt.date | None = None
    end: dt.date | None = None
    country: CountryCode | None = None
    province: str | None = None
    sector: Sector = "unknown"
    pay: Money | None = None
    # What the worker can say of the pay when the amount is not known (the amount wins).
    pay_compared: PayCompared = "unknown"
    months_unpaid: Annotated[int, Field(ge=0, le=240)] | None = None  # months of pay owed
    hours_per_day: Annotated[float, Field(ge=0, le=24)] | None = None
    days_per_week: Annotated[float, Field(ge=0, le=7)] | None = None
    overtime_worked: F = UNKNOWN
    overtime_premium_paid: F = UNKNOWN
    overtime_under_threat: F = UNKNOWN
    unexplained_deductions: F = UNKNOWN
    wages_withheld: F = UNKNOWN
    wages_owed: Money | None = None
    documents_held_by: Holder = "unknown"
    documents_returned_on_request: F = UNKNOWN
    locked_in: F = UNKNOWN
    movement_restricted: F = UNKNOWN
    isolation: Isolation = "unknown"
    no_contact_with_family: F = UNKNOWN
    threatened_violence: F = UNKNOWN
    threatened_denunciation: F = UNKNOWN
    threatened_family: F = UNKNOWN
    threatened_fines_or_debt: F = UNKNOWN
    threatened_dismissal: F = UNKNOWN
    physical_violence: F = UNKNOWN
    sexual_violence: F = UNKNOWN
    debt_to_employer_or_recruiter: F = UNKNOWN
    debt_cannot_be_repaid: F = UNKNOWN
    free_to_leave: F = UNKNOWN
    degrading_living_conditions: F = UNKNOWN
    hazardous_without_protection: F = UNKNOWN
    forced_criminal_activity: F = UNKNOWN
    sexual_exploitation: F = UNKNOWN
    different_job_than_agreed: F = UNKNOWN
    different_employer_than_agreed: F = UNKNOWN
    longer_than_agreed: F = UNKNOWN  # kept working past the agreed period (ICLS involuntariness)
    # After arrival: sold or handed over to another employer, boat or compound (its own event).
    sold_or_handed_over: F = UNKNOWN
    exit_payment_demanded: F = UNKNOWN  # a ransom or payment demanded to be let go
    coworkers_threatened_or_hurt: F = UNKNOWN  # violence or threats against co-workers or the group
    stays_out_of_fear: F = UNKNOWN  # of arrest, of losing documents or owed wages: not free to go
    leaving_refused: F = UNKNOWN  # asked to leave, and refused or punished for it
    phone_taken: F = UNKNOWN  # phone taken, or calls and messages watched
    # Passport or ID taken against the worker's will (not handed over for safekeeping).
    documents_confiscated: F = UNKNOWN
    fined: F = UNKNOWN  # fines imposed, or pay cut as a punishment
    family_working_alongside: F = UNKNOWN  # a spouse, parent or relative works at the same place
    children_working_alongside: F = UNKNOWN  # the worker's or the family's children work there too
    # Fishing or working on a vessel outside the national waters of `country` (the flag state's
    # law, and the port state's, may be all that reaches the worker there).
    beyond_national_waters: F = UNKNOWN
    rights_denied_as_penalty: F = UNKNOWN  # food, rest, pay or leave taken away as a punishment


class Return(_Model):
    date: dt.date | None = None
    returned: F = UNKNOWN
    deported: F = UNKNOWN
    detained: F = UNKNOWN
    fined: F = UNKNOWN
    wages_still_owed: F = UNKNOWN
    wages_owed: Money | None = None


class Person(_Model):
    """Only what screening needs: no names, no document numbers."""

    age: Annotated[int, Field(ge=0, le=120)] | None = None
    under_18: F = UNKNOWN
    nationality: CountryCode | None = None
    sex: Literal["female", "male", "other", "unknown"] = "unknown"
    legal_status: LegalStatus = "unknown"
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = []

    @model_validator(mode="after")
    def _age_decides_minority(self) -> Person:
        if self.age is not None and self.under_18.unknown:
            answer = Answer.YES if self.age < 18 else Answer.NO
            object.__setattr__(self, "under_18", Fact(answer=answer))
        return self


PartyKind = Literal["licensed_agency", "broker", "employer", "workplace", "buyer"]
Workplace = Literal["factory", "farm", "vessel", "compound", "other"]
PARTY_STAGES = ("recruitment", "transit", "work")
Text = Annotated[str, Field(min_length=1, max_length=300)]


class Party(_Model):
    """Someone the account names: who recruited or moved the migrant, who employed them, where
    they worked (a factory, a farm, a boat, a compound) or who buys what they made. As the
    migrant or a document reported it, not as established. The web edge keeps the name, phones
    and details of each mention as an alias of an actor it links across cases (`alias`), and
    the stored account then holds only the reference."""

    kind: PartyKind
    stage: Literal["recruitment", "transit", "work"] = "work"
    # The work entry, for a work-stage party. Not checked against the jobs: an error there would
    # name no field of the file, and a party outliving its job loses nothing.
    job: Annotated[int, Field(ge=0)] | None = None
    name: Text | None = None
    phones: list[Annotated[str, Field(min_length=1, max_length=40)]] = []
    licence: Text | None = None  # a licensed agency's licence number
    workplace: Workplace | None = None
    registration: Text | None = None  # a vessel's registration number
    flag: CountryCode | None = None  # a vessel's flag state
    address: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")] | None = None  # letters to them
    alias: Annotated[str, Field(min_length=1, max_length=40)] | None = None

    @property
    def identified(self) -> bool:
        """Named (here, or in the alias the web edge keeps)."""
        return bool(self.name or self.alias)


def _legacy_parties(raw: dict[str, Any]) -> dict[str, Any]:
    """Accounts written before parties named the employer and the buyer as free text on the
    promise and on each job: read them as parties, so no old file or row loses a name."""
    if not isinstance(raw.get("parties") or [], list):
        return raw  # refused as it is, by the field's own message
    parties = list(raw.get("parties") or [])
    recruitment = raw.get("recruitment")
    if isinstance(recruitment, dict) and isinstance(recruitment.get("promised"), dict):
        promised = dict(recruitment["promised"])
        if name := promised.pop("employer", None):
            parties.append({"kind": "employer", "stage": "recruitment", "name": name})
        raw = {**raw, "recruitment": {**recruitment, "promised": promised}}
    if isinstance(raw.get("work"), list):
        jobs = [_job_parties(i, job, parties) for i, job in enumerate(raw["work"])]
        raw = {**raw, "work": jobs}
    return {**raw, "parties": parties} if parties else raw


def _job_parties(i: int, job: Any, parties: list[Any]) -> Any:
    if not isinstance(job, dict):
        return job
    job = dict(job)
    for kind in ("employer", "buyer"):
        if name := job.pop(kind, None):
            parties.append({"kind": kind, "stage": "work", "job": i, "name": name})
    return job


class Account(_Model):
    """The migrant's account, stage by stage: recruitment, transit, work, return."""

    reported_on: dt.date | None = None
    person: Person = Person()
    recruitment: Recruitment = Recruitment()
    transit: Transit = Transit()
    work: list[Work] = []
    return_: Return = Field(default=Return(), alias="return")
    parties: list[Party] = []

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _one_job_or_many(cls, raw: Any) -> Any:
        if isinstance(raw, dict) and isinstance(raw.get("work"), dict):
            raw = {**raw, "work": [raw["work"]]}
        return _legacy_parties(raw) if isinstance(raw, dict) else raw
