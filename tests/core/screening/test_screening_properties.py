"""Properties: screening never raises, is deterministic, and unknown is never read as yes."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.core.account import Account, Answer, Fact, Person, Recruitment, Transit, Work
from safepassage.core.screening import Level, Screener

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
    end=st.none() | st.dates(date(2020, 1, 1), date(2026, 11, 1)),
    **_fact_fields(Work),
)
accounts = st.builds(
    Account,
    person=st.builds(Person, age=st.none() | st.integers(0, 90)),
    recruitment=st.builds(Recruitment, **_fact_fields(Recruitment)),
    transit=st.builds(Transit, **_fact_fields(Transit)),
    work=st.lists(works, max_size=2),
    reported_on=st.none() | st.dates(date(2015, 1, 1), date(2026, 11, 28)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(accounts)
def test_it_never_raises_and_is_deterministic(screener: Screener, account: Account):
    first = screener.screen(account, as_of=date(2026, 1, 1))
    second = screener.screen(account, as_of=date(2026, 1, 1))
    assert first.to_dict() == second.to_dict()
    assert isinstance(first.level, Level)


# Facts where "yes" is the good answer: for these, "no" is the adverse one.
PROTECTIVE = {"free_to_leave", "overtime_premium_paid", "documents_returned_on_request"}


@settings(max_examples=150, deadline=None)
@given(works)
def test_unknown_never_counts_as_yes(screener: Screener, work: Work):
    """Settling unknown facts the harmless way never raises the level."""
    harmless = {
        name: Fact(answer=Answer.YES if name in PROTECTIVE else Answer.NO)
        for name, value in work
        if isinstance(value, Fact) and value.unknown
    }
    original = screener.screen(Account(work=[work]))
    settled = screener.screen(Account(work=[work.model_copy(update=harmless)]))
    assert settled.level <= max(original.level, Level.DECENT_WORK)
    for finding in original.findings:
        assert all(e.answer is not Answer.UNKNOWN for e in finding.because)


def test_an_account_with_nothing_known_is_insufficient_information(screener: Screener):
    result = screener.screen(Account(work=[Work(country="TH")]))
    assert result.level is Level.INSUFFICIENT_INFORMATION
    assert result.trafficking.result is Answer.UNKNOWN
    assert result.missing
