"""A release's tables count cases, not jobs, and pass the privacy gate."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.analytics.facts import FactRow
from safepassage.core.analytics.release import crosstab

K = 11
BASE = {
    "month": "2025-11", "origin": "MM", "province": "", "stages": (),
    "level": "labour_exploitation", "trafficking": "no", "forced_labour": False,
    "violations": (), "channel": "broker", "fees": "paid", "legal_status": "irregular",
    "sex": "female", "age_band": "25_34", "referrals": (), "outcomes": (),
    "criminal_justice": False, "time_to_outcome": "",
}  # fmt: skip


def _row(case: str, job: int = 0, **values: object) -> FactRow:
    data = {**BASE, "country": "TH", "sector": "fishing", "indicators": (), **values}
    return FactRow(case=case, job=job, **data)


def test_it_counts_a_case_with_two_jobs_once_per_cell():
    facts = [_row(f"c{i}", j) for i in range(12) for j in (0, 1)]
    table = crosstab(facts, "sector", "country", k=K)
    assert table.cells[("fishing", "TH")] == 12
    assert table.total == 12


def test_it_puts_a_case_in_each_indicator_found():
    facts = [_row(f"c{i}", indicators=("debt_bondage", "withholding_of_wages")) for i in range(11)]
    table = crosstab(facts, "indicators", "country", k=K)
    assert table.cells[("debt_bondage", "TH")] == 11
    assert table.cells[("withholding_of_wages", "TH")] == 11
    assert table.total == 11


def test_it_shows_unknowns_as_their_own_category():
    facts = [_row(f"c{i}", sector="unknown") for i in range(11)]
    assert crosstab(facts, "sector", "country", k=K).cells[("unknown", "TH")] == 11


SECTORS = st.sampled_from(["fishing", "garment", "domestic_work", "unknown"])
COUNTRIES = st.sampled_from(["TH", "MY", "KH"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(SECTORS, COUNTRIES, st.integers(1, 3)), max_size=120))
def test_it_publishes_no_count_under_k(cases: list[tuple[str, str, int]]):
    facts = [
        _row(f"c{i}", j, sector=sector, country=country)
        for i, (sector, country, jobs) in enumerate(cases)
        for j in range(jobs)
    ]
    table = crosstab(facts, "sector", "country", k=K)
    assert all(value >= K for value in table.published())
    if table.total is not None:
        assert table.total == len(cases)


def test_it_never_names_a_value_of_fewer_than_k_cases():
    facts = [_row(f"c{i}", province="Chon Buri") for i in range(30)]
    facts.append(_row("lone", province="Ranong", country="KH"))
    table = crosstab(facts, "province", "country", k=K)
    assert "Ranong" not in table.rows
    assert "KH" not in table.cols
    assert set(table.rows) == {"Chon Buri", "other"}
