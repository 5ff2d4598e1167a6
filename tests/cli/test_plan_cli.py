"""`safepassage plan`: goals and consent in, a ranked plan out; bad values listed clearly."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from safepassage.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parents[2] / "examples" / "accounts"
FEE = str(EXAMPLES / "recruitment_fee_only.yaml")


def test_it_prints_a_ranked_plan_with_providers_and_reasons():
    result = runner.invoke(app, ["plan", FEE, "--goal", "recover_wages"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1. " in result.output
    assert "why: " in result.output
    assert "→ " in result.output
    assert "Not chosen, and why:" in result.output


def test_it_refuses_an_unknown_goal_and_lists_the_valid_ones():
    result = runner.invoke(app, ["plan", FEE, "--goal", "get_rich"])
    assert result.exit_code == 2
    assert "Unknown goal 'get_rich'. Use one of: recover_wages, leave_job, go_home" in result.output


def test_it_refuses_an_unknown_consent_and_country():
    bad_consent = runner.invoke(app, ["plan", FEE, "--consent", "everyone"])
    assert bad_consent.exit_code == 2
    consents = "police, authorities, embassy, victim_identification"
    assert f"Unknown consent 'everyone'. Use one of: {consents}." in (bad_consent.output)
    bad_country = runner.invoke(app, ["plan", FEE, "--located-in", "FR"])
    assert bad_country.exit_code == 2
    assert "Unknown country 'FR'. Use one of: TH, KH, LA, VN, MM." in bad_country.output


def test_police_steps_need_consent():
    scam = str(EXAMPLES / "fishing_vessel_thailand.yaml")
    without = json.loads(runner.invoke(app, ["plan", scam, "--json"]).output)
    assert "criminal_complaint" not in {s["kind"] for s in without["steps"]}
    assert "criminal_complaint" in {s["kind"] for s in without["not_chosen"]}
    agreed = json.loads(runner.invoke(app, ["plan", scam, "--json", "--consent", "police"]).output)
    assert "criminal_complaint" in {s["kind"] for s in agreed["steps"]}
