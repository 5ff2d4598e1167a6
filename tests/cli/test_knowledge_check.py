"""`safepassage knowledge check`: one line per problem, and a failing exit code."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from safepassage.cli import app

from ..core.knowledge.builders import CITATION, write_layer

runner = CliRunner()

BROKEN = f"""\
description: Broken overlay
parameters:
  minimum_wage:
    where:
      Bangkok:
        values:
          2031-1-1:
            value: {{amount: 999, currency: THB, per: day}}
            citation: {CITATION}
            verified: true
          2031-02-01:
            value: {{amount: 999, currency: thb, per: day}}
            citation: {CITATION}
            verified: true
            verified: false
"""


def test_it_passes_the_shipped_knowledge():
    result = runner.invoke(app, ["knowledge", "check"], env={"SAFEPASSAGE_KNOWLEDGE_PATH": ""})
    assert result.exit_code == 0, result.output
    assert "The knowledge base is valid." in result.output


def test_it_prints_one_line_per_problem_and_fails(tmp_path: Path):
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": BROKEN})
    result = runner.invoke(app, ["knowledge", "check", str(layer)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "minimum_wage.yaml:" in line]
    assert len(lines) == 3, result.output
    assert (
        ":15: parameters.minimum_wage.where.Bangkok.values.2031-02-01.verified: duplicate"
        in (lines[0])
    )
    assert (
        ":7: parameters.minimum_wage.where.Bangkok.values.2031-1-1: '2031-1-1' is not an ISO"
        in (lines[1])
    )
    assert (
        ":12: parameters.minimum_wage.where.Bangkok.values.2031-02-01.value.currency: 'thb'"
        in (lines[2])
    )
    assert "3 problem(s) found." in result.output


def test_it_names_a_text_no_catalogue_translates(tmp_path):
    from typer.testing import CliRunner

    from safepassage.cli import app

    folder = tmp_path / "locale"
    folder.mkdir()  # no catalogue at all: every shipped text is untranslated
    import safepassage.cli.knowledge as cli_knowledge

    original = cli_knowledge.LOCALE_DIR
    cli_knowledge.LOCALE_DIR = folder
    try:
        result = CliRunner().invoke(app, ["knowledge", "check"])
        skipped = CliRunner().invoke(app, ["knowledge", "check", "--no-translations"])
    finally:
        cli_knowledge.LOCALE_DIR = original
    assert result.exit_code == 1
    assert "no Thai translation" in result.output
    assert "help_channels.yaml" in result.output
    assert skipped.exit_code == 0
