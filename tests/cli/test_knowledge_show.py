"""`safepassage knowledge show`: the value in force on a date, with its citation and layer."""

from __future__ import annotations

from typer.testing import CliRunner

from safepassage.cli import app

runner = CliRunner()


def show(*args: str):
    return runner.invoke(app, ["knowledge", "show", *args], env={"COLUMNS": "200"})


def test_it_answers_372_baht_in_bangkok_in_march_2025():
    result = show("TH", "minimum_wage", "--on", "2025-03-01", "--where", "Bangkok")
    assert result.exit_code == 0, result.output
    assert "Bangkok (province): 372 THB per day" in result.output
    assert "in force from 2025-01-01" in result.output
    assert "source: " in result.output
    assert "layer: shipped" in result.output


def test_it_answers_400_baht_in_bangkok_in_august_2025():
    result = show("TH", "minimum_wage", "--on", "2025-08-01", "--where", "Bangkok")
    assert result.exit_code == 0, result.output
    assert "Bangkok (province): 400 THB per day" in result.output
    assert "in force from 2025-07-01" in result.output


def test_it_lists_every_place_when_no_place_is_given():
    result = show("TH", "minimum_wage", "--on", "2025-03-01")
    assert result.exit_code == 0, result.output
    assert "Bangkok (province): 372 THB per day" in result.output
    assert result.output.count("(province):") > 5


def test_it_refuses_an_unknown_country_listing_the_valid_ones():
    result = show("XX", "minimum_wage")
    assert result.exit_code == 2
    assert "Unknown country 'XX'. Use one of: frameworks, TH, KH, LA, VN, MM." in result.output


def test_it_refuses_an_unknown_topic_listing_the_valid_ones():
    result = show("TH", "wages")
    assert result.exit_code == 2
    assert "Unknown topic 'wages'. Use one of: minimum_wage, working_hours" in result.output


def test_it_refuses_a_date_that_is_not_iso():
    result = show("TH", "minimum_wage", "--on", "01/03/2025")
    assert result.exit_code == 2
    assert "--on: '01/03/2025' is not a date. Write it as YYYY-MM-DD" in result.output


def test_it_says_when_a_place_is_unknown():
    result = show("TH", "minimum_wage", "--on", "2025-03-01", "--where", "Atlantis")
    assert result.exit_code == 0
    assert "minimum_wage has no value for 'Atlantis' on 2025-03-01" in result.output


def test_it_shows_the_frameworks():
    result = show("frameworks", "ilo_indicators", "--on", "2026-01-01")
    assert result.exit_code == 0, result.output
    assert "Debt bondage" in result.output or "debt bondage" in result.output.lower()


def test_it_lists_unverified_values_with_their_notes():
    result = runner.invoke(app, ["knowledge", "unverified", "LA"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "LA/" in line]
    assert lines
    assert all("countries/LA/" in line and ".yaml:" in line for line in lines)
    assert f"{len(lines)} unverified value(s)." in result.output


def test_it_lists_the_sources_with_how_often_each_is_cited():
    result = runner.invoke(app, ["knowledge", "sources"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "Labour Protection Act" in result.output
    assert "Palermo" in result.output or "Protocol to Prevent" in result.output


def test_it_indents_every_line_of_a_list_value():
    result = show("frameworks", "palermo", "--on", "2026-01-01")
    assert result.exit_code == 0, result.output
    listed = [line for line in result.output.splitlines() if line.lstrip().startswith("- ")]
    assert len(listed) >= 10
    assert all(line.startswith("  - ") for line in listed)


def test_it_shows_vietnams_2022_monthly_overtime_cap_of_60_hours_by_default():
    """Resolution 17/2022 raised the monthly cap to 60 hours for all but its excluded groups
    from 1 April to 31 December 2022; the Code's 40 hours apply before and after."""
    during = show("VN", "overtime", "--on", "2022-06-01")
    assert during.exit_code == 0, during.output
    cap = during.output.split("overtime_max_hours_per_month:")[1]
    assert "default: 60 hours per month" in cap
    assert "Resolution No. 17/2022/UBTVQH15" in cap
    after = show("VN", "overtime", "--on", "2023-06-01")
    assert "default: 40 hours per month" in after.output.split("overtime_max_hours_per_month:")[1]
