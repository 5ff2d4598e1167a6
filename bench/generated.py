"""Accounts as a migrant who knows their own situation would give them: every question answered,
most facts benign, a few adverse, values around the law's thresholds. Seeded, so runs compare."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from safepassage.core.account import Account
from safepassage.core.interview import apply, questions

PLACES = {
    "TH": ["Bangkok", "Rayong", "Tak", "Samut Sakhon", "Chiang Mai"],
    "KH": [],
    "VN": ["Region I", "Region II", "Region III"],
    "MM": [],
    "LA": [],
}
PAY = {"TH": ("THB", "day", 400), "KH": ("USD", "month", 208), "VN": ("VND", "month", 4_960_000),
       "MM": ("MMK", "day", 5_800), "LA": ("LAK", "month", 2_500_000)}  # fmt: skip


def complete_account(rng: random.Random, adverse: float = 0.1) -> Account:
    """An account with every question answered: each fact adverse with chance `adverse`."""
    country = rng.choice(["TH", "TH", "TH", "KH", "VN", "MM", "LA"])
    account = Account(reported_on=date(2025, 9, 1), person={"nationality": "KH"})
    for qid, question in questions().items():
        value = _answer(rng, qid, question, country, adverse)
        if value is not None:
            account = apply(account, qid, value)
    return account


def _answer(rng: random.Random, qid: str, question: Any, country: str, adverse: float) -> Any:
    if question.covers:
        return None  # a filter question: its facts are answered one by one
    if qid == "work.country":
        return country
    if qid == "work.province":
        return rng.choice(PLACES[country]) if PLACES[country] else None
    if question.kind == "fact":
        benign = "no" if qid not in ("work.free_to_leave", "work.documents_returned_on_request",
                                     "work.overtime_premium_paid") else "yes"  # fmt: skip
        flipped = "yes" if benign == "no" else "no"
        return flipped if rng.random() < adverse else benign
    if question.kind == "choice":
        return rng.choice(question.options)
    if qid == "person.age":
        return rng.choice([15, 16, 17]) if rng.random() < adverse else rng.randint(18, 50)
    if qid == "work.hours_per_day":
        return rng.choice([8, 9, 10, 12, 14])
    if qid == "work.days_per_week":
        return rng.choice([5, 6, 6, 7])
    if qid == "work.pay":
        currency, per, minimum = PAY[country]
        return {"amount": round(minimum * rng.uniform(0.3, 1.4)), "currency": currency, "per": per}
    return None
