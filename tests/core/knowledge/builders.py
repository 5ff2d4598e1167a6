"""Small YAML documents for knowledge tests: one valid topic, and ways to break it."""

from __future__ import annotations

import textwrap
from pathlib import Path

CITATION = (
    "{title: Test Act 2020, section: s. 1, url: https://example.org/act, retrieved: 2026-11-28}"
)

VALID_TOPIC = textwrap.dedent(
    f"""\
    description: Minimum wage for tests
    parameters:
      minimum_wage:
        description: Daily minimum wage by province
        type: amount
        where:
          Bangkok:
            kind: province
            aliases: [Krung Thep]
            values:
              2024-01-01:
                value: {{amount: 363, currency: THB, per: day}}
                citation: {CITATION}
                verified: true
              2025-01-01:
                value: {{amount: 372, currency: THB, per: day}}
                citation: {CITATION}
                verified: true
          default:
            values:
              2024-01-01:
                value: {{amount: 330, currency: THB, per: day}}
                citation: {CITATION}
                verified: false
                note: Checked only against a news report.
    """
)


def write_layer(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (relative path -> YAML text) under `root` and return `root`."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root
