"""`safepassage interview` in a terminal: questions, answers, and the determination at the end."""

from __future__ import annotations

from typer.testing import CliRunner

from safepassage.cli import app

runner = CliRunner()


def test_it_asks_and_ends_with_the_determination_marked_provisional_when_stopped_early():
    # Thailand; then the safety questions come first: nothing bad on the journey, then stop.
    result = runner.invoke(app, ["interview"], input="TH\nn\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "In which country do (or did) you work?" in result.output
    assert "On the journey, did anything bad happen to you" in result.output
    assert "Position on the spectrum: insufficient information" in result.output
    assert "Provisional:" in result.output
    assert "more questions could still change this result" in result.output


def test_it_explains_a_bad_answer_and_asks_again():
    result = runner.invoke(app, ["interview"], input="Thailand\nTH\n2\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Type a two-letter country code, e.g. TH." in result.output
    assert "Answer y (yes), n (no) or ? (don't know)." in result.output
    assert "Position on the spectrum: insufficient information" in result.output


def test_it_stops_by_itself_once_the_result_is_settled():
    # Yes to every question reaches forced labour and trafficking, the top of the spectrum,
    # which no answer still to come can change: the interview ends without being told to.
    answers = "TH\ny\n" + "y\n" * 30
    result = runner.invoke(app, ["interview"], input=answers, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Position on the spectrum: forced labour" in result.output
    assert "Provisional:" not in result.output
