"""`safepassage interview` in a terminal: questions, answers, and the determination at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from safepassage.cli import app
from safepassage.core.account import Account, Fact, Money
from safepassage.core.account_file import read_account
from safepassage.core.interview import apply, is_unknown, next_questions, questions, read
from safepassage.core.interview.questions import plain
from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener

from ..web.doors import project

EXAMPLES = Path(__file__).parents[2] / "examples" / "accounts"

runner = CliRunner()


def test_it_asks_and_ends_with_the_determination_marked_provisional_when_stopped_early():
    # Thailand; then the safety questions come first: no force before the job, then stop.
    result = runner.invoke(app, ["interview"], input="TH\nn\nq\n", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "In which country do (or did) you work?" in result.output
    assert "Before you started this job, did anyone force you to come" in result.output
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


def _typed(truth: Account, qid: str) -> str:
    """What a person types at the prompt for `truth`'s answer to `qid`."""
    value, question = read(truth, qid), questions()[qid]
    if isinstance(value, Fact):
        return {"yes": "y", "no": "n", "unknown": "?"}[value.answer.value]
    if value is None or value == "unknown":
        return "?"
    if isinstance(value, Money):
        return f"{value.amount:g} {value.currency} {value.per}"
    if question.kind == "choice":
        return str(question.options.index(value) + 1)
    return f"{value:g}" if isinstance(value, int | float) else str(value)


@pytest.mark.parametrize("name", ["scam_compound_cambodia", "child_entertainment_venue"])
def test_it_settles_on_the_full_accounts_result(name: str):
    truth = project(read_account(EXAMPLES / f"{name}.yaml"))
    screener = Screener(load_knowledge(env={}))
    account, asked, typed = Account(), list[str](), []
    while found := next_questions(screener, account, skip=asked):  # the questions it will ask
        asked.append(found[0].id)
        typed.append(_typed(truth, found[0].id))
        if not is_unknown(truth, found[0].id):
            account = apply(account, found[0].id, plain(read(truth, found[0].id)))
    result = runner.invoke(
        app, ["interview"], input="\n".join(typed) + "\n", env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    want = screener.screen(truth)
    assert f"Position on the spectrum: {want.level.code.replace('_', ' ')}" in result.output
    assert f"Trafficking in persons (Palermo): {want.trafficking.result.value}" in result.output
    assert "Provisional:" not in result.output
