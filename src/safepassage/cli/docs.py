"""Write docs/cli.md from the commands' own --help, so the reference cannot drift from the code."""

from __future__ import annotations

from typing import Any

import typer.main
from typer.testing import CliRunner

from . import app

HEADER = (
    "# The `safepassage` command\n\n"
    "Generated from `--help` by `make docs`; a test fails when it is out of date.\n"
)
_ENV = {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}


def render() -> str:
    runner = CliRunner()
    sections = [HEADER]
    for path in _paths(typer.main.get_command(app), []):
        result = runner.invoke(app, [*path, "--help"], env=_ENV, prog_name="safepassage")
        text = "\n".join(line.rstrip() for line in result.output.strip().splitlines())
        title = " ".join(["safepassage", *path])
        sections.append(f"\n## `{title}`\n\n```\n{text}\n```\n")
    return "".join(sections)


def _paths(command: Any, path: list[str]) -> list[list[str]]:
    found = [path]
    for name in sorted(getattr(command, "commands", {}) or {}):
        found += _paths(command.commands[name], [*path, name])
    return found


if __name__ == "__main__":
    print(render(), end="")
