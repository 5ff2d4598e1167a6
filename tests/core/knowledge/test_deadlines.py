"""Legal deadlines are dated, cited time spans: what a case must keep, and from when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from safepassage.core.knowledge import LookupProblem, Value, check_knowledge, load_knowledge
from safepassage.core.knowledge.contracts import COUNTRY_TOPICS, DEADLINES

from .builders import write_layer

TOPIC = "deadlines"


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(env={})


def on(knowledge, country: str, name: str, day: str) -> Value:
    """What `knowledge show COUNTRY deadlines --on DAY` shows for one parameter."""
    return knowledge.parameter(country, TOPIC, name).at(date.fromisoformat(day)).value


def test_it_gives_thailand_two_years_from_each_payday_for_a_wage_claim(knowledge):
    param = knowledge.parameter("TH", TOPIC, "wage_claim_time_limit")
    assert (param.type, param.unit) == ("quantity", "years")
    assert "each payment was due" in param.description
    value = on(knowledge, "TH", "wage_claim_time_limit", "2025-03-01")
    assert value.value == 2
    assert value.effective == date(1992, 6, 8)
    assert value.citation.title.startswith("Civil and Commercial Code")
    assert "193/34(9)" in (value.citation.section or "")
    assert "labour.go.th" in (value.citation.url or "")
    assert value.verified


def test_it_finds_no_thai_wage_claim_limit_before_the_1992_code(knowledge):
    param = knowledge.parameter("TH", TOPIC, "wage_claim_time_limit")
    with pytest.raises(LookupProblem, match="first from 1992-06-08"):
        param.at(date(1992, 6, 7))


@pytest.mark.parametrize(
    ("day", "days", "since"),
    [
        ("2017-06-23", 30, "2017-06-23"),
        ("2020-01-01", 30, "2017-06-23"),
        ("2021-07-13", 60, "2021-07-13"),
        ("2023-02-13", 60, "2021-07-13"),
        ("2023-02-14", 30, "2023-02-14"),
        ("2026-12-02", 30, "2023-02-14"),
    ],
)
def test_it_dates_the_thai_window_to_register_a_new_employer(knowledge, day, days, since):
    param = knowledge.parameter("TH", TOPIC, "employer_change_window")
    assert (param.type, param.unit) == ("quantity", "days")
    value = on(knowledge, "TH", "employer_change_window", day)
    assert (value.value, value.effective) == (days, date.fromisoformat(since))
    assert value.citation.url is not None
    assert not value.verified  # the instrument and its dates were not found
    assert value.note


def test_it_ends_the_covid_window_on_13_february_2023(knowledge):
    value = on(knowledge, "TH", "employer_change_window", "2022-06-01")
    assert value.until == date(2023, 2, 13)
    assert "Cabinet" in value.citation.title


def test_it_finds_no_thai_employer_change_window_before_the_2017_ordinance(knowledge):
    param = knowledge.parameter("TH", TOPIC, "employer_change_window")
    with pytest.raises(LookupProblem, match="first from 2017-06-23"):
        param.at(date(2017, 6, 22))


def test_it_gives_cambodia_three_years_under_labour_law_article_120(knowledge):
    param = knowledge.parameter("KH", TOPIC, "wage_claim_time_limit")
    assert param.unit == "years"
    value = on(knowledge, "KH", "wage_claim_time_limit", "2026-12-02")
    assert (value.value, value.effective) == (3, date(1997, 3, 13))
    assert value.citation.section == "art. 120"
    assert value.verified
    with pytest.raises(LookupProblem):
        param.at(date(1997, 3, 12))


def test_it_gives_vietnam_six_months_to_ask_a_labour_mediator(knowledge):
    param = knowledge.parameter("VN", TOPIC, "wage_claim_time_limit")
    assert param.unit == "months"
    assert "labour mediator" in param.description
    value = on(knowledge, "VN", "wage_claim_time_limit", "2026-12-02")
    assert (value.value, value.effective) == (6, date(2021, 1, 1))
    assert value.citation.title == "Labour Code 2019 (Law No. 45/2019/QH14)"
    assert "art. 190(1)" in (value.citation.section or "")
    assert value.verified
    with pytest.raises(LookupProblem, match="first from 2021-01-01"):
        param.at(date(2020, 12, 31))


@pytest.mark.parametrize("country", ["KH", "VN"])
def test_it_has_no_employer_change_window_for_countries_of_origin(knowledge, country):
    with pytest.raises(LookupProblem, match="no parameter"):
        knowledge.parameter(country, TOPIC, "employer_change_window")


@pytest.mark.parametrize("country", ["LA", "MM"])
def test_it_has_no_deadlines_where_none_were_found(knowledge, country):
    with pytest.raises(LookupProblem, match="no topic 'deadlines'"):
        knowledge.topic(country, TOPIC)


def test_it_holds_every_shipped_deadline_as_whole_days_months_or_years(knowledge):
    found = [p for key, p in knowledge.parameters.items() if key[1] == TOPIC]
    assert {p.scope for p in found} == {"TH", "KH", "VN"}
    assert set(COUNTRY_TOPICS[TOPIC].required_in or ()) == {"TH", "KH", "VN"}
    for param in found:
        assert param.name in DEADLINES
        assert param.type == "quantity"
        assert param.unit in ("days", "months", "years")
        for series in param.all_series():
            for value in series.entries:
                assert float(value.value).is_integer()
                assert value.citation.title
                assert value.verified or value.note


def overlay_deadline(tmp_path: Path, country: str, body: str) -> Path:
    text = (
        "description: Our deadlines\n"
        "parameters:\n"
        "  wage_claim_time_limit:\n"
        "    description: Our reading of the time limit for wage claims\n" + body
    )
    return write_layer(tmp_path / "org", {f"countries/{country}/deadlines.yaml": text})


ONE_YEAR = """\
    type: quantity
    unit: {unit}
    values:
      2020-01-01:
        value: {value}
        citation: {{title: Our legal adviser's memo, retrieved: 2026-12-02}}
        verified: false
        note: From our legal adviser, not checked against the law.
"""


def test_it_lets_an_overlay_add_a_deadline_the_shipped_data_lacks(tmp_path: Path):
    layer = overlay_deadline(tmp_path, "LA", ONE_YEAR.format(unit="years", value=1))
    assert [str(p) for p in check_knowledge([layer], env={})] == []
    value = load_knowledge([layer], env={}).parameter("LA", TOPIC, "wage_claim_time_limit")
    assert value.unit == "years"
    assert value.at(date(2026, 1, 1)).value.layer == str(layer)


def test_it_refuses_a_deadline_not_in_days_months_or_years(tmp_path: Path):
    layer = overlay_deadline(tmp_path, "LA", ONE_YEAR.format(unit="hours", value=48))
    [problem] = check_knowledge([layer], env={})
    assert problem.file.endswith("countries/LA/deadlines.yaml")
    assert "'wage_claim_time_limit' is a time span" in problem.message
    assert "one of: days, months, years" in problem.message


def test_it_refuses_a_deadline_that_is_not_a_whole_number(tmp_path: Path):
    layer = overlay_deadline(tmp_path, "MM", ONE_YEAR.format(unit="years", value=1.5))
    [problem] = check_knowledge([layer], env={})
    assert "1.5 years is not a whole number; give it in a smaller unit" in problem.message


def test_it_refuses_a_deadline_of_another_type_once(tmp_path: Path):
    body = ONE_YEAR.format(unit="years", value="One year").replace("    unit: years\n", "")
    layer = overlay_deadline(tmp_path, "LA", body.replace("type: quantity", "type: text"))
    [problem] = check_knowledge([layer], env={})
    assert "'wage_claim_time_limit' must be of type 'quantity'" in problem.message


def test_it_refuses_an_overlay_inventing_another_deadline(tmp_path: Path):
    text = ONE_YEAR.format(unit="days", value=15)
    layer = write_layer(
        tmp_path / "org",
        {
            "countries/TH/deadlines.yaml": "description: Ours\nparameters:\n"
            "  appeal_window:\n    description: Days to appeal\n" + text
        },
    )
    problems = check_knowledge([layer], env={})
    [unknown] = [p for p in problems if p.path == ("parameters", "appeal_window")]
    assert "unknown parameter 'appeal_window'" in unknown.message
