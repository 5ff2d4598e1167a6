"""`safepassage screen`: a readable explanation, or JSON, or field-level errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from safepassage.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples" / "accounts"


def test_it_explains_the_scam_compound_case():
    result = runner.invoke(
        app, ["screen", str(EXAMPLES / "scam_compound_cambodia.yaml")], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "Position on the spectrum: forced labour" in result.output
    assert "Trafficking in persons (Palermo): yes" in result.output
    assert "because: Are you locked in at work or where you sleep" in result.output
    assert "source: ILO Indicators of Forced Labour" in result.output
    assert "SafePassage's own construct" in result.output


def test_it_prints_json_with_the_level_and_stages():
    result = runner.invoke(app, ["screen", "--json", str(EXAMPLES / "recruitment_fee_only.yaml")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["level"] == "labour_rights_violation"
    assert "recruitment_fees_charged" in data["stages"]["recruitment"]
    assert data["findings"][0]["cites"][0]["in_force_from"]


def test_it_applies_the_law_of_the_date_given(tmp_path: Path):
    account = tmp_path / "a.yaml"
    account.write_text(
        "work:\n  country: TH\n  province: Bangkok\n  pay: {amount: 380, currency: THB, per: day}\n"
        "  hours_per_day: 8\n  days_per_week: 6\n",
        encoding="utf-8",
    )
    before = json.loads(
        runner.invoke(app, ["screen", "--json", "--as-of", "2025-03-01", str(account)]).output
    )
    after = json.loads(
        runner.invoke(app, ["screen", "--json", "--as-of", "2025-08-01", str(account)]).output
    )
    codes = lambda data: {f["code"] for f in data["findings"]}  # noqa: E731
    assert "below_minimum_wage" not in codes(before)  # 380 >= 372 in March 2025
    assert "below_minimum_wage" in codes(after)  # 380 < 400 from July 2025


def test_it_gives_field_level_errors_for_a_malformed_account(tmp_path: Path):
    account = tmp_path / "a.yaml"
    account.write_text("person:\n  age: old\nwork:\n  locked_in: perhaps\n", encoding="utf-8")
    result = runner.invoke(app, ["screen", str(account)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "a.yaml:2: person.age:" in result.output
    assert "a.yaml:4: work[0].locked_in: 'perhaps' is not an answer; use yes, no or unknown" in (
        result.output
    )


def test_it_says_when_the_file_is_missing(tmp_path: Path):
    result = runner.invoke(app, ["screen", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_its_json_gives_each_rule_as_a_template_and_its_parameters():
    """So that another program can show the rule in the reader's language (see messages.py)."""
    result = runner.invoke(app, ["screen", "--json", str(EXAMPLES / "recruitment_fee_only.yaml")])
    [fee] = [f for f in json.loads(result.output)["findings"] if f["kind"] == "violation"]
    assert fee["params"] == {"country": "Cambodia", "country2": "Thailand"}
    assert fee["message"].format(**fee["params"]) == fee["rule"]
    assert "the law of Cambodia allows some costs only within limits" in fee["rule"]
