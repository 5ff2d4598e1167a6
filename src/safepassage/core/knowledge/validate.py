"""Turn a parsed document into a validated topic, or into problems a person can act on."""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from .contacts import channel_problems
from .contracts import TopicContract
from .problems import KeyPath
from .schema import Channel, Entry, TopicFile, known_field_names
from .yamlsource import Document

_MISSING = object()
_FIELDS = sorted(known_field_names())


def validate_document(doc: Document) -> TopicFile | None:
    """Validate shape and types, then the rules types cannot express; None if anything is wrong."""
    if doc.data is None:  # a syntax error: nothing to validate
        return None
    try:
        topic = TopicFile.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors():
            path, key_error = _resolve_loc(doc.data, error["loc"])
            doc.problem(path, _explain(error, path, key_error))
        return None
    _check_rules(topic, doc)
    return None if doc.problems else topic


def check_records(topic: TopicFile, contract: TopicContract, doc: Document, scope: str) -> None:
    """Record topics hold records of one type only; help channels have contacts that work."""
    for name, param in topic.parameters.items():
        if param.type != contract.record_type:
            doc.problem(
                ("parameters", name, "type"),
                f"this topic holds '{contract.record_type}' records; change the type",
            )
        for path, values in _series(("parameters", name), param):
            for start, entry in values.items():
                if isinstance(entry.value, Channel):
                    for key, message in channel_problems(entry.value, scope):
                        doc.problem((*path, start, "value", key), message)


def _check_rules(topic: TopicFile, doc: Document) -> None:
    for name, param in topic.parameters.items():
        base: KeyPath = ("parameters", name)
        if (param.values is None) == (param.where is None):
            doc.problem(base, "give either `values` or `where`, exactly one of them")
        if (param.type == "quantity") != (param.unit is not None):
            fix = "add a `unit`" if param.type == "quantity" else "remove `unit`"
            doc.problem((*base, "unit"), f"a {param.type} parameter: {fix}")
        for path, values in _series(base, param):
            _check_series(values, path, doc)
        for place, spec in (param.where or {}).items():
            if place != "default" and spec.kind is None:
                doc.problem((*base, "where", place), "add `kind` (province, region, sector, ...)")


def _series(base: KeyPath, param: Any) -> Iterator[tuple[KeyPath, Mapping[date, Entry[Any]]]]:
    if param.values is not None:
        yield (*base, "values"), param.values
    for place, spec in (param.where or {}).items():
        yield (*base, "where", place, "values"), spec.values


def _check_series(values: Mapping[date, Entry[Any]], path: KeyPath, doc: Document) -> None:
    if not values:
        doc.problem(path, "no values; add at least one dated value")
    dates = list(values)
    for earlier, later in itertools.pairwise(dates):
        if later <= earlier:
            message = f"dates out of order (after {earlier}); sort them ascending"
            doc.problem((*path, later), message)
    for index, start in enumerate(dates):
        entry = values[start]
        if entry.until is not None:
            if entry.until < start:
                doc.problem((*path, start, "until"), "`until` is before the effective date; fix it")
            elif index + 1 < len(dates) and entry.until >= dates[index + 1]:
                doc.problem(
                    (*path, start, "until"),
                    f"overlaps the period from {dates[index + 1]}; end it before that date",
                )
        if not entry.verified and entry.note is None:
            message = "unverified: add a `note` saying what is unchecked"
            doc.problem((*path, start, "verified"), message)
        if entry.verified and entry.citation.retrieved == start:
            message = (
                "the effective date is the day the source was read, a placeholder: give the date "
                "the value took effect, or set `verified: false` and say in `note` that the start "
                "date is unknown"
            )
            doc.problem((*path, start, "verified"), message)


def _resolve_loc(data: Any, loc: tuple[Any, ...]) -> tuple[KeyPath, bool]:
    """Map pydantic's location (stringified keys, union tags) back to the keys in the file."""
    path: list[Any] = []
    current = data
    key_error = False
    for element in loc:
        if element == "[key]":
            key_error = True
            continue
        if isinstance(current, dict):
            key = _match_key(current, element)
            if key is _MISSING:
                if element == current.get("type"):
                    continue  # the discriminator tag pydantic inserts for a union member
                path.append(element)
                current = None
                continue
            path.append(key)
            current = current[key]
        elif isinstance(current, list) and isinstance(element, int) and element < len(current):
            path.append(element)
            current = current[element]
        else:
            path.append(element)
            current = None
    return tuple(path), key_error


def _match_key(mapping: dict[Any, Any], element: Any) -> Any:
    if element in mapping:
        return element
    for key in mapping:
        if str(key) == str(element) or repr(key) == str(element):
            return key
    return _MISSING


def _explain(error: Any, path: KeyPath, key_error: bool) -> str:
    kind, given = error["type"], error.get("input")
    name = str(path[-1]) if path else ""
    if key_error and kind.startswith("date"):
        return f"'{given}' is not an ISO date; write the effective date as YYYY-MM-DD"
    if key_error:
        return f"the key '{given}' is not allowed here: {error['msg']}; use a snake_case name"
    if kind == "extra_forbidden":
        return f"unknown key '{name}'; remove it or correct its spelling{_suggest(name)}"
    if kind == "missing":
        return f"'{name}' is required here; add it"
    if kind.startswith("union_tag"):
        ctx = error.get("ctx", {})
        tag = ctx.get("tag", "")
        return f"unknown or missing `type` {tag!r}; use one of {ctx.get('expected_tags', '')}"
    if kind.startswith("date"):
        return f"{given!r} is not an ISO date; write it as YYYY-MM-DD"
    return _explain_value(kind, error, name, given)


def _explain_value(kind: str, error: Any, name: str, given: Any) -> str:
    got = f"{type(given).__name__} {given!r}"
    if kind in ("float_type", "int_type"):
        return f"expected a number, got {got}; write a number without quotes"
    if kind == "string_type":
        return f"expected text, got {got}; put it in quotes"
    if kind == "bool_type":
        return f"expected true or false, got {got}"
    if kind in ("dict_type", "model_type"):
        return f"expected a mapping of keys, got {got}; see docs/knowledge-format.md"
    if kind == "list_type":
        return f"expected a list, got {got}; write it as [a, b] or one item per line"
    if kind == "literal_error":
        return f"{given!r} is not allowed; use one of {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not valid for `{name}`; {_PATTERN_HINTS.get(name, error['msg'])}"
    if kind == "too_short":
        return "must not be empty; add a value"
    return f"{error['msg']} (got {given!r}); fix the value"


_PATTERN_HINTS = {
    "url": "it must start with http:// or https://",
    "currency": "use a 3-letter ISO 4217 code such as THB or USD",
    "id": "use a snake_case id such as debt_bondage",
    "partner_countries": "use ISO 3166 alpha-2 codes such as TH",
}


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, _FIELDS, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
