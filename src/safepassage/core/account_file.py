"""Read an account from YAML, with field-level errors (path, what was expected)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .account import Account
from .knowledge.problems import Problem, format_key_path
from .knowledge.yamlsource import parse_yaml


class AccountError(ValueError):
    """The account cannot be read; `problems` names each field and what it expects."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the account:\n{lines}")


def account_problems(error: ValidationError, data: Any, file: str, lines: Any) -> list[Problem]:
    problems = []
    for item in error.errors():
        path = tuple(item["loc"])
        # A fact written as a bare answer: point at the fact (not at a field named "answer"
        # where none belongs, which would leave no field named at all).
        if len(path) > 1 and path[-1] == "answer" and item["type"] != "extra_forbidden":
            path = path[:-1]
        problems.append(Problem(file, _line(path, data, lines), path, _message(item)))
    return problems


def _line(path: tuple[Any, ...], data: Any, lines: Any) -> int | None:
    # `work:` may be one mapping (read as a list of one job): look the line up without the index.
    single_job = isinstance(data, dict) and isinstance(data.get("work"), dict)
    if single_job and path[:2] == ("work", 0):
        path = ("work", *path[2:])
    for end in range(len(path), -1, -1):
        line = lines.get(tuple(path[:end]))
        if line is not None:
            return int(line)
    return None


def _message(item: Any) -> str:
    kind, given = item["type"], item.get("input")
    if kind == "extra_forbidden":
        return "unknown field; remove it or correct its spelling"
    if kind == "enum":
        return f"{given!r} is not an answer; use yes, no or unknown"
    if kind == "literal_error":
        return f"{given!r} is not allowed; use one of {item['ctx']['expected']}"
    return f"{item['msg']} (got {given!r})"


def parse_account(text: str, file: str = "<account>", key: str | None = None) -> Account:
    """Parse YAML text into an Account; `key` picks a sub-mapping (e.g. a rule test's account)."""
    doc = parse_yaml(text, file)
    if doc.problems:
        raise AccountError(doc.problems)
    data = doc.data.get(key) if key and isinstance(doc.data, dict) else doc.data
    lines = {k[1:]: v for k, v in doc.lines.items() if k[:1] == (key,)} if key else doc.lines
    try:
        return Account.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise AccountError(account_problems(exc, data, file, lines)) from None


def read_account(path: Path) -> Account:
    """An account file, or a rule test or corpus case whose `account:` holds the account."""
    text = path.read_text(encoding="utf-8")
    doc = parse_yaml(text, str(path))
    # No account has a field named `account`, so a mapping that has one wraps the account.
    wrapped = isinstance(doc.data, dict) and "account" in doc.data
    return parse_account(text, str(path), "account" if wrapped else None)


__all__ = ["AccountError", "format_key_path", "parse_account", "read_account"]
