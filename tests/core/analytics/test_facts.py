"""The fact table: a row per case and job, holding codes, bands and a month, never anything
that names or dates the person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepassage.core.account_file import read_account
from safepassage.core.analytics.facts import ReferralFact, age_band, channel, fact_rows
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "accounts"
SCREENER = Screener(load_knowledge(env={}))
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def _rows(name: str, referrals: tuple[ReferralFact, ...] = ()) -> list:
    account = read_account(EXAMPLES / f"{name}.yaml")
    return fact_rows("k1", account, SCREENER.screen(account), referrals)


@pytest.mark.parametrize("name", NAMES)
def test_it_keeps_no_note_date_or_age_of_the_account(name: str):
    account = read_account(EXAMPLES / f"{name}.yaml")
    text = json.dumps([row.model_dump() for row in _rows(name)])
    raw = account.model_dump(mode="json")
    provinces = {job.province for job in account.work}
    # Free text (notes, employers, promises) has spaces; codes never do. Provinces are kept.
    notes = [n for n in _strings(raw) if " " in n and n not in provinces]
    assert not [n for n in notes if n in text]
    if account.reported_on:
        assert account.reported_on.isoformat() not in text
        assert f"{account.reported_on:%Y-%m}" in text  # the month only
    if account.person.age is not None:
        assert f'"age_band": "{age_band(account.person.age)}"' in text


@pytest.mark.parametrize("name", NAMES)
def test_it_gives_a_row_per_job(name: str):
    account = read_account(EXAMPLES / f"{name}.yaml")
    rows = _rows(name)
    assert len(rows) == max(1, len(account.work))
    assert {row.case for row in rows} == {"k1"}


def test_it_reads_the_findings_of_a_forced_labour_account():
    [row] = _rows("fishing_vessel_thailand")
    assert row.forced_labour
    assert (row.country, row.sector) == ("TH", "fishing")
    assert row.indicators  # the ILO indicators found, by code
    assert "work" in row.stages


def test_it_counts_only_referrals_sent_and_bands_the_time_to_outcome():
    referrals = (
        ReferralFact(
            kind="labour_complaint", sent=True, outcome="wages_recovered", days_to_outcome=45
        ),
        ReferralFact(kind="criminal_complaint", sent=False),
    )
    [row] = _rows("manufacturing_thailand", referrals)
    assert row.referrals == ("labour_complaint",)
    assert row.outcomes == ("wages_recovered",)
    assert not row.criminal_justice
    assert row.time_to_outcome == "30_89_days"


@pytest.mark.parametrize(
    ("recruited_by", "status", "expected"),
    [("licensed_agency", "mou", "mou"), ("broker", "irregular", "broker"),
     ("unknown", "irregular", "irregular"), ("relative", "registered", "relative"),
     ("online_contact", "unknown", "broker"), ("self", "unknown", "unknown")],
)  # fmt: skip
def test_it_names_the_recruitment_channel(recruited_by: str, status: str, expected: str):
    assert channel(recruited_by, status) == expected


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
