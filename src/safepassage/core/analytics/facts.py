"""The anonymised fact table: one row per case and job, holding only what statistics need.

No name, phone, document number, free text, note, exact date or exact age ever enters a row:
a month, bands and codes only. The case is an opaque key the web edge chooses (never the
case's reference), so that a case with several jobs counts once per cell (see releases).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict

from ..account import Account, Work
from ..screening.determination import Determination, Finding

# Recruitment channels as the research compares them (MOU against broker against irregular).
AGENCY = frozenset({"licensed_agency", "unlicensed_agency"})
BROKER = frozenset({"broker", "online_contact"})
RELATIVE = frozenset({"relative", "friend_or_neighbour"})
DIRECT = frozenset({"employer", "government"})
AGE_BANDS = ((18, "under_18"), (25, "18_24"), (35, "25_34"), (50, "35_49"))
DAY_BANDS = ((30, "under_30_days"), (90, "30_89_days"), (180, "90_179_days"))
FEES = {"yes": "paid", "no": "none", "unknown": "unknown"}
CRIMINAL_JUSTICE = frozenset({"criminal_complaint", "victim_identification"})
REPEAT = 3  # cases naming one recruiter that make it a repeat recruiter


class ReferralFact(BaseModel):
    """What a referral adds to the statistics: its kind, whether it was sent, the outcome, and
    how many days the outcome took from the first contact (never the dates themselves)."""

    model_config = ConfigDict(frozen=True)

    kind: str
    sent: bool
    outcome: str = ""
    days_to_outcome: int | None = None


class FactRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    case: str
    job: int
    month: str  # of the report, "2025-11"; "" when unknown
    origin: str
    country: str
    province: str
    sector: str
    stages: tuple[str, ...]  # stages of the migration cycle with a finding
    level: str
    trafficking: str
    forced_labour: bool
    indicators: tuple[str, ...]
    violations: tuple[str, ...]
    channel: str
    fees: str  # "paid", "none" or "unknown": amounts differ by currency and are not banded yet
    legal_status: str
    sex: str
    age_band: str
    referrals: tuple[str, ...]  # kinds of the referrals sent
    outcomes: tuple[str, ...]
    criminal_justice: bool  # a criminal complaint or a victim identification was sent
    time_to_outcome: str
    # Forms of exploitation, as CTDC and UNODC count them, so that cases can be put beside
    # theirs: forced labour, sexual exploitation, labour exploitation short of forced labour.
    forms: tuple[str, ...] = ()
    # Whether a recruiter the case names (an agency, a broker) is named in at least REPEAT of
    # the organisation's cases: "yes", "no", or "" when the case names none.
    repeat_recruiter: str = ""


def fact_rows(
    case: str,
    account: Account,
    result: Determination,
    referrals: Sequence[ReferralFact] = (),
    repeat_recruiter: str = "",
) -> list[FactRow]:
    """The case's rows: one per job (one with no job details when the account has none)."""
    sent = [r for r in referrals if r.sent]
    shared = {**_case_columns(account, sent), "repeat_recruiter": repeat_recruiter}
    rows = []
    for index in range(max(1, len(account.work))):
        job = account.work[index] if index < len(account.work) else None
        found = [f for f in result.findings if f.job is None or f.job == index]
        view = next((j for j in result.jobs if j.index == index), None)
        rows.append(
            FactRow(
                case=case,
                job=index,
                country=(job.country if job else None) or "",
                province=_place(job.province if job else None),
                sector=job.sector if job else "unknown",
                stages=tuple(
                    sorted({f.stage for f in found if f.kind in ("indicator", "violation")})
                ),
                level=(view.level if view else result.level).code,
                trafficking=result.trafficking.result.value,
                forced_labour=(view.level if view else result.level).code == "forced_labour",
                indicators=_codes(found, "indicator"),
                violations=_codes(found, "violation"),
                forms=_forms(job, (view.level if view else result.level).code),
                **shared,
            )
        )
    return rows


def _case_columns(account: Account, sent: Sequence[ReferralFact]) -> dict[str, object]:
    person, recruitment = account.person, account.recruitment
    days = [r.days_to_outcome for r in sent if r.outcome and r.days_to_outcome is not None]
    return {
        "month": _month(account.reported_on),
        "origin": person.nationality or "",  # where recruited is not where someone is from
        "channel": channel(recruitment.recruited_by, person.legal_status),
        "fees": FEES[recruitment.fees_paid.answer.value],
        "legal_status": person.legal_status,
        "sex": person.sex,
        "age_band": age_band(person.age),
        "referrals": tuple(sorted({r.kind for r in sent})),
        "outcomes": tuple(sorted({r.outcome for r in sent if r.outcome})),
        "criminal_justice": any(r.kind in CRIMINAL_JUSTICE for r in sent),
        "time_to_outcome": day_band(min(days)) if days else "",
    }


def _forms(job: Work | None, level: str) -> tuple[str, ...]:
    found = set()
    if level == "forced_labour":
        found.add("forced_labour")
    elif level == "labour_exploitation":
        found.add("labour_exploitation")
    if job is not None and (job.sexual_exploitation.yes or job.sector == "sex_industry"):
        found.add("sexual_exploitation")
    return tuple(sorted(found))


def channel(recruited_by: str, legal_status: str) -> str:
    """MOU, agency, broker, relative, direct, irregular or unknown."""
    if legal_status == "mou":
        return "mou"
    if recruited_by in AGENCY:
        return "agency"
    if recruited_by in BROKER:
        return "broker"
    if recruited_by in RELATIVE:
        return "relative"
    if recruited_by in DIRECT:
        return "direct"
    return "irregular" if legal_status == "irregular" else "unknown"


def age_band(age: int | None) -> str:
    if age is None:
        return "unknown"
    return next((band for limit, band in AGE_BANDS if age < limit), "50_plus")


def day_band(days: int) -> str:
    return next((band for limit, band in DAY_BANDS if days < limit), "180_days_plus")


def _month(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else ""


def _place(province: str | None) -> str:
    """A province as a code-like key: case and spacing do not split a cell, and the separator
    of a table's row keys ("|") cannot appear in one."""
    return " ".join((province or "").replace("|", "/").split()).title()


def _codes(findings: list[Finding], kind: str) -> tuple[str, ...]:
    return tuple(sorted({f.code for f in findings if f.kind == kind}))
