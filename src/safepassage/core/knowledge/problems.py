"""Problems found in knowledge data, each pointing at a file, a line and a key path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

KeyPath = tuple[Any, ...]


def format_key_path(path: KeyPath) -> str:
    """Render a key path the way a person would type it: parameters.x.values.2025-01-01."""
    parts = []
    for key in path:
        if isinstance(key, date):
            parts.append(key.isoformat())
        elif isinstance(key, int):
            parts.append(f"[{key}]")
        else:
            parts.append(str(key))
    return ".".join(parts).replace(".[", "[")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge data: where it is, what is wrong and what to do."""

    file: str
    line: int | None
    path: KeyPath
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = format_key_path(self.path)
        return f"{where}: {key}: {self.message}" if key else f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge data cannot be used; `problems` says why, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the knowledge data:\n{lines}")


class LookupProblem(LookupError):
    """A value was asked for that the knowledge base does not have (wrong date, place or name)."""
