"""Generated demo accounts, so that the dashboard of a new installation shows patterns above k.

Each is one of the shipped example accounts (`examples/accounts/`) with who, where and when
varied: nationality, sex, age, province, sector, recruitment channel, legal status, fees and
the month of the report. What happened stays the template's, so each is screened as the
example is, and the mix of levels follows the examples. Random but repeatable (a seed);
nothing is real.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..account import Account, Answer

PROVINCES = {
    "TH": ("Bangkok", "Samut Sakhon", "Chiang Mai", "Tak", "Rayong", "Songkhla", "Chonburi"),
    "KH": ("Preah Sihanouk", "Phnom Penh", "Koh Kong"),
    "VN": ("Region I", "Bac Ninh", "Binh Duong"),
    "LA": ("Vientiane", "Bokeo"),
    "MM": ("Yangon", "Myawaddy", "Shan"),
}
NATIONALITIES = {
    "TH": ("MM", "MM", "MM", "KH", "KH", "LA", "VN"),
    "KH": ("MM", "VN", "LA", "TH", "KH"),
    "VN": ("VN",),
    "LA": ("LA", "MM", "VN"),
    "MM": ("MM",),
}
# Sectors a demo job may be moved to (the template's own is kept in half of them), so that
# each sector shows the whole spectrum rather than the level of one example.
SECTORS = {
    "TH": ("fishing", "seafood_processing", "agriculture", "construction", "manufacturing",
           "garment", "domestic_work", "hospitality"),
    "KH": ("online_scam", "construction", "garment"),
    "VN": ("manufacturing", "garment", "electronics"),
}  # fmt: skip
RECRUITERS = ("relative", "friend_or_neighbour", "broker", "licensed_agency", "online_contact")
STATUSES = ("mou", "registered", "irregular", "irregular", "border_pass", "unknown")
SEXES = ("female", "male", "female", "male", "unknown")
FEES = ("yes", "yes", "no", "unknown")


# What a demo case was referred to, by its level, and what came of it: (kind, outcome, share
# of cases so referred). Invented proportions, for a dashboard that shows something.
REFERRALS = {
    "forced_labour": (
        ("victim_identification", "sheltered", 0.5),
        ("shelter_and_protection", "sheltered", 0.4),
        ("criminal_complaint", "", 0.2),
        ("repatriation_and_reintegration", "repatriated", 0.3),
    ),
    "labour_exploitation": (
        ("wage_or_compensation_claim", "wages_recovered", 0.5),
        ("labour_inspection_complaint", "", 0.3),
        ("embassy_or_labour_attache", "documents_returned", 0.2),
    ),
    "labour_rights_violation": (
        ("mediation", "wages_recovered", 0.4),
        ("recruitment_fee_reimbursement", "fees_reimbursed", 0.2),
    ),
}


@dataclass(frozen=True)
class DemoReferral:
    kind: str
    outcome: str  # "" while there is none
    days_to_outcome: int | None


@dataclass(frozen=True)
class Variation:
    template: str
    account: Account


def demo_referrals(level: str, rnd: random.Random) -> list[DemoReferral]:
    """Referrals a demo case of `level` was sent, each with an outcome or none yet."""
    found = []
    for kind, outcome, share in REFERRALS.get(level, ()):
        if rnd.random() < share:
            done = bool(outcome) and rnd.random() < 0.6
            found.append(
                DemoReferral(kind, outcome if done else "", rnd.randint(5, 240) if done else None)
            )
    return found


def demo_accounts(
    templates: Sequence[tuple[str, Account]], n: int, *, seed: int = 2026, until: date
) -> list[Variation]:
    """`n` accounts varied from `templates` (name, account), reported in the 24 months up to
    `until`; templates whose country of work is the same are picked alike, so every country of
    work the examples hold appears."""
    rnd = random.Random(seed)
    return [
        Variation(name, _vary(account, rnd, until))
        for name, account in (templates[rnd.randrange(len(templates))] for _ in range(n))
    ]


def _vary(account: Account, rnd: random.Random, until: date) -> Account:
    country = (account.work[0].country if account.work else None) or "TH"
    person = account.person.model_copy(
        update={
            "nationality": rnd.choice(NATIONALITIES.get(country, ("MM",))),
            "sex": rnd.choice(SEXES),
            "age": account.person.age if _minor(account) else rnd.randint(18, 55),
            "legal_status": rnd.choice(STATUSES),
        }
    )
    recruitment = account.recruitment.model_copy(
        update={
            "recruited_by": rnd.choice(RECRUITERS),
            "fees_paid": account.recruitment.fees_paid.model_copy(
                update={"answer": Answer(rnd.choice(FEES))}
            ),
        }
    )
    provinces = PROVINCES.get(country, ("",))
    sectors = SECTORS.get(country, ())
    work = [
        job.model_copy(
            update={
                "province": rnd.choice(provinces),
                "sector": rnd.choice(sectors) if sectors and rnd.random() < 0.5 else job.sector,
            }
        )
        for job in account.work
    ]
    months_back = rnd.randrange(24)
    year, month = divmod(until.year * 12 + until.month - 1 - months_back, 12)
    return account.model_copy(
        update={
            "person": person,
            "recruitment": recruitment,
            "work": work,
            "reported_on": date(year, month + 1, rnd.randint(1, 28)),
        }
    )


def _minor(account: Account) -> bool:
    """A child's account stays a child's: the age is what it is about."""
    return account.person.age is not None and account.person.age < 18
