"""docs/cli.md is generated from --help and must not drift from the code (datasette's way)."""

from __future__ import annotations

from pathlib import Path

from safepassage.cli.docs import render

DOCS = Path(__file__).parents[2] / "docs" / "cli.md"


def test_it_documents_every_command_as_it_is():
    assert DOCS.read_text(encoding="utf-8") == render(), "docs/cli.md is stale: run `make docs`"


def test_it_covers_each_knowledge_command():
    text = render()
    for command in ("knowledge check", "knowledge show", "knowledge sources", "serve"):
        assert f"## `safepassage {command}`" in text
