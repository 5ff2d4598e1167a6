from __future__ import annotations

from datetime import date

from safepassage.core.knowledge.yamlsource import parse_yaml


def test_it_refuses_duplicate_keys_with_both_lines():
    doc = parse_yaml("description: a\nparameters: {}\ndescription: b\n", "f.yaml")
    assert len(doc.problems) == 1
    problem = doc.problems[0]
    assert (problem.file, problem.line, problem.path) == ("f.yaml", 3, ("description",))
    assert "duplicate key (first at line 1)" in problem.message


def test_it_finds_duplicates_deep_in_the_tree():
    text = "a:\n  b:\n    2025-01-01: 1\n    2025-01-01: 2\n"
    doc = parse_yaml(text, "f.yaml")
    assert [str(p) for p in doc.problems] == [
        "f.yaml:4: a.b.2025-01-01: duplicate key (first at line 3); remove one of them"
    ]


def test_it_reports_syntax_errors_with_their_line():
    doc = parse_yaml("a: 1\nb: [unclosed\nc: 2\n", "f.yaml")
    assert len(doc.problems) == 1
    assert doc.problems[0].line is not None
    assert doc.problems[0].line >= 2
    assert "YAML syntax error" in doc.problems[0].message


def test_it_keeps_iso_dates_as_dates_and_other_dates_as_text():
    doc = parse_yaml("a: 2025-03-01\nb: 2025-3-1\nc: 2025-02-30\n", "f.yaml")
    assert doc.data == {"a": date(2025, 3, 1), "b": "2025-3-1", "c": "2025-02-30"}


def test_it_remembers_the_line_of_every_key():
    doc = parse_yaml("a:\n  b:\n    - x\n    - y\n", "f.yaml")
    assert doc.lines[("a", "b", 1)] == 4
    assert doc.line_of(("a", "b", 1, "missing")) == 4


def test_it_refuses_merge_keys():
    doc = parse_yaml("base: &b {x: 1}\nother:\n  <<: *b\n", "f.yaml")
    assert "merge keys" in doc.problems[0].message


def test_it_reports_an_empty_file():
    doc = parse_yaml("", "f.yaml")
    assert "empty" in doc.problems[0].message
