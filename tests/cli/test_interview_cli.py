"""`safepassage interview` in a terminal: questions, answers, and the determination at the end."""

from __future__ import annotations

from typer.testing import CliRunner

from safepassage.cli import app

runner = CliRunner()


def test_it_asks_and_ends_with_the_determination():
    # Thailand; the employer keeps the passport (option 2): documents held is a violation there.
    result = runner.invoke(app, ["interview"], input="TH\n2\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "In which country do (or did) you work?" in result.output
    assert "Who keeps your passport or ID card?" in result.output
    assert "Position on the spectrum: labour rights violation" in result.output


def test_it_explains_a_bad_answer_and_asks_again():
    result = runner.invoke(app, ["interview"], input="Thailand\nTH\n9\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Type a two-letter country code, e.g. TH." in result.output
    assert "Type a number from 1 to 5." in result.output
    assert "Position on the spectrum: insufficient information" in result.output
