"""Hypothesis strategies for accounts, shared by the screening and planning property tests."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from safepassage.core.account import (
    Account,
    Answer,
    Fact,
    Party,
    Person,
    Recruitment,
    Return,
    Transit,
    Work,
)

facts = st.builds(Fact, answer=st.sampled_from(list(Answer)))
countries = st.sampled_from(["TH", "KH", "LA", "VN", "MM", None])


def _fact_fields(model: type) -> dict:
    return {
        name: facts
        for name, field in model.model_fields.items()
        if field.annotation is not None and "Fact" in str(field.annotation)
    }


works = st.builds(
    Work,
    country=countries,
    province=st.sampled_from(["Bangkok", "Rayong", "Region I", None]),
    hours_per_day=st.none() | st.floats(0, 24),
    days_per_week=st.none() | st.floats(0, 7),
    documents_held_by=st.sampled_from(["self", "employer", "unknown"]),
    isolation=st.sampled_from(["compound", "at_sea", "none", "unknown"]),
    sector=st.sampled_from(["fishing", "garment", "domestic_work", "online_scam", "unknown"]),
    pay_compared=st.sampled_from(["nothing", "below_the_minimum", "as_promised", "unknown"]),
    months_unpaid=st.none() | st.integers(0, 6),
    end=st.none() | st.dates(date(2020, 1, 1), date(2026, 11, 1)),
    **_fact_fields(Work),
)
accounts = st.builds(
    Account,
    person=st.builds(
        Person,
        age=st.none() | st.integers(0, 90),
        nationality=st.sampled_from(["KH", "LA", "MM", "VN"]),
        legal_status=st.sampled_from(["mou", "irregular", "unknown"]),
    ),
    return_=st.builds(Return, returned=facts, deported=facts),
    recruitment=st.builds(Recruitment, **_fact_fields(Recruitment)),
    transit=st.builds(Transit, **_fact_fields(Transit)),
    work=st.lists(works, max_size=2),
    parties=st.lists(
        st.builds(
            Party,
            kind=st.sampled_from(["broker", "employer", "buyer"]),
            stage=st.just("recruitment"),
            name=st.none() | st.sampled_from(["Example Co.", "Example Brand", "Ko Example"]),
        ),
        max_size=2,
    ),
    reported_on=st.none() | st.dates(date(2015, 1, 1), date(2026, 11, 28)),
)
