"""A network of organisations: each sends its release's noisy counts, never rows; the merged
release shows what no single organisation's could (a pattern under k in each), passes the same
privacy gate, and protects each organisation's people as their own release did."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safepassage.core.analytics.dashboard import release_build
from safepassage.core.analytics.facts import FactRow
from safepassage.core.analytics.network import (
    NoNoise,
    SamePackages,
    network_merge,
    network_package,
)

from .test_release import BASE

K = 11


def _cases(prefix: str, n: int, **values: object) -> list[FactRow]:
    data = {**BASE, "country": "TH", "sector": "fishing", "indicators": (), **values}
    return [FactRow(case=f"{prefix}{i}", job=0, **data) for i in range(n)]


LEVELS = ("insufficient_information", "decent_work", "labour_rights_violation",
          "labour_exploitation", "forced_labour")  # fmt: skip


def _organisation(prefix: str) -> list[FactRow]:
    """12 construction cases and 7 fishing cases at each level: too few fishing to show."""
    made = []
    for level in LEVELS:
        made += _cases(f"{prefix}c-{level}", 12, sector="construction", level=level)
        made += _cases(f"{prefix}f-{level}", 7, level=level)
    return made


def _cell(data, table_id: str, row: str, col: str) -> int | None:
    table = data.table(table_id)
    if row not in table.rows or col not in table.cols:
        return None
    return table.cells[table.rows.index(row)][table.cols.index(col)]


def test_it_shows_across_organisations_what_none_shows_alone():
    releases = [release_build(_organisation(p), k=K, budget=2000.0) for p in ("a", "b")]
    for data in releases:  # seven cases each: hidden
        assert _cell(data, "level_by_place", "TH|fishing", "forced_labour") is None
    merged = network_merge(
        [network_package(d, name) for d, name in zip(releases, "ab", strict=True)], K
    )
    for level in LEVELS:
        assert _cell(merged, "level_by_place", "TH|fishing", level) == pytest.approx(14, abs=2)
    assert merged.epsilon == pytest.approx(sum(d.epsilon for d in releases))


def test_it_refuses_two_packages_of_one_organisation():
    data = release_build(_organisation("a"), k=K, budget=10.0)
    with pytest.raises(SamePackages):
        network_merge([network_package(data, "a", "1"), network_package(data, "a", "2")], K)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(0, 30), min_size=2, max_size=3), st.integers(0, 20))
def test_it_publishes_no_merged_count_under_k(sizes: list[int], fishing: int):
    packages = [
        network_package(
            release_build(
                _cases(f"o{i}c", n, sector="construction") + _cases(f"o{i}f", fishing),
                k=K,
                budget=5.0,
            ),
            f"o{i}",
        )
        for i, n in enumerate(sizes)
    ]
    merged = network_merge(packages, K)
    assert all(v >= K for table in merged.tables for v in table.published())


def test_it_sends_nothing_from_a_release_without_noise():
    with pytest.raises(NoNoise):
        network_package(release_build(_organisation("a"), k=K, budget=None), "a")


def test_it_sends_counts_and_no_case():
    data = release_build(_organisation("secret-key-"), k=K, budget=10.0)
    package = network_package(data, "a").model_dump_json()
    assert "secret-key-" not in package
    assert '"cells"' in package
