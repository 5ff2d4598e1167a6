"""Read YAML strictly: duplicate keys are errors, and every key remembers its line.

PyYAML's loaders silently keep the last of two duplicate keys and forget where keys were, so we
compose the node tree (in C when libyaml is present) and build the Python data ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from .problems import KeyPath, Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing; the pure-Python loader is slower
    _Loader = yaml.SafeLoader

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """One parsed YAML file: its data, the line of every key path, and the problems found."""

    file: str
    data: Any = None
    lines: dict[KeyPath, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def problem(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.file, self.line_of(path), tuple(path), message))


def parse_yaml(text: str, file: str) -> Document:
    """Parse `text`; syntax errors and duplicate keys become problems, never exceptions."""
    doc = Document(file=file)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        reason = exc.problem or "invalid YAML"
        doc.problems.append(
            Problem(file, line, (), f"YAML syntax error: {reason}; fix the syntax at this line")
        )
        return doc
    except yaml.YAMLError as exc:
        doc.problems.append(Problem(file, None, (), f"YAML error: {exc}; fix the file"))
        return doc
    if node is None:
        doc.problem((), "the file is empty; add `description` and `parameters`")
        return doc
    doc.lines[()] = node.start_mark.line + 1
    doc.data = _build(node, (), doc)
    return doc


def _build(node: yaml.Node, path: KeyPath, doc: Document) -> Any:
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, doc)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            doc.lines[(*path, index)] = child.start_mark.line + 1
            items.append(_build(child, (*path, index), doc))
        return items
    return _scalar(node, doc)


def _build_mapping(node: yaml.MappingNode, path: KeyPath, doc: Document) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            doc.problems.append(Problem(doc.file, line, path, "a key must be plain text"))
            continue
        key = _scalar(key_node, doc)
        if key == "<<":
            doc.problems.append(
                Problem(
                    doc.file,
                    line,
                    (*path, "<<"),
                    "merge keys (<<) are not supported; write keys out",
                )
            )
            continue
        if key in result:
            first = doc.lines.get((*path, key))
            doc.problems.append(
                Problem(
                    doc.file,
                    line,
                    (*path, key),
                    f"duplicate key (first at line {first}); remove one of them",
                )
            )
            continue
        doc.lines[(*path, key)] = line
        result[key] = _build(value_node, (*path, key), doc)
    return result


def _scalar(node: yaml.Node, doc: Document) -> Any:
    if node.tag == _STR_TAG:  # most scalars: skip the generic constructor (a third of load time)
        return node.value
    # Dates stay dates only when written the ISO way; anything else stays text so that
    # validation can say "write it as YYYY-MM-DD" instead of guessing what was meant.
    if node.tag == _TIMESTAMP_TAG:
        if _ISO_DATE.fullmatch(node.value):
            try:
                return date.fromisoformat(node.value)
            except ValueError:
                return node.value
        return node.value
    if node.tag == _MERGE_TAG:
        return "<<"
    if node.tag not in _PLAIN_TAGS:
        line = node.start_mark.line + 1
        doc.problems.append(
            Problem(doc.file, line, (), f"unsupported YAML tag {node.tag}; remove it")
        )
        return node.value
    return _constructor.construct_object(node, deep=True)
