"""Bad data is refused with one line per problem: file:line, key path, what to do."""

from __future__ import annotations

from safepassage.core.knowledge.validate import validate_document
from safepassage.core.knowledge.yamlsource import parse_yaml

from .builders import VALID_TOPIC


def problems_in(text: str) -> list[str]:
    doc = parse_yaml(text, "countries/TH/minimum_wage.yaml")
    validate_document(doc)
    return [str(p) for p in doc.problems]


def test_it_accepts_the_valid_topic():
    assert problems_in(VALID_TOPIC) == []


def test_it_refuses_unknown_keys_and_suggests_a_spelling():
    text = VALID_TOPIC.replace("        kind: province", "        kind: province\n        knd: x")
    assert problems_in(text) == [
        "countries/TH/minimum_wage.yaml:9: parameters.minimum_wage.where.Bangkok.knd: "
        "unknown key 'knd'; remove it or correct its spelling (did you mean 'kind'?)"
    ]


def test_it_refuses_a_number_written_as_text():
    text = VALID_TOPIC.replace("amount: 372,", 'amount: "372",')
    [problem] = problems_in(text)
    assert problem.startswith("countries/TH/minimum_wage.yaml:16: ")
    assert "parameters.minimum_wage.where.Bangkok.values.2025-01-01.value.amount" in problem
    assert "expected a number, got str '372'; write a number without quotes" in problem


def test_it_refuses_wrong_types_of_each_kind():
    text = VALID_TOPIC.replace("verified: true", "verified: yes please", 1)
    text = text.replace("per: day}", "per: fortnight}", 1)
    problems = problems_in(text)
    assert len(problems) == 2
    assert any("value.per: 'fortnight' is not allowed; use one of 'hour'" in p for p in problems)
    assert any("verified: expected true or false" in p for p in problems)


def test_it_refuses_non_iso_dates():
    text = VALID_TOPIC.replace("2025-01-01:", "2025-1-1:")
    [problem] = problems_in(text)
    assert ":15: parameters.minimum_wage.where.Bangkok.values.2025-1-1: " in problem
    assert "'2025-1-1' is not an ISO date; write the effective date as YYYY-MM-DD" in problem


def test_it_refuses_an_impossible_date():
    text = VALID_TOPIC.replace("retrieved: 2026-11-28}", "retrieved: 2026-02-30}", 1)
    [problem] = problems_in(text)
    assert "citation.retrieved: '2026-02-30' is not an ISO date" in problem


def test_it_refuses_unordered_periods():
    text = VALID_TOPIC.replace("2024-01-01:", "2026-01-01:", 1)
    [problem] = problems_in(text)
    assert ":15: parameters.minimum_wage.where.Bangkok.values.2025-01-01: " in problem
    assert "dates out of order (after 2026-01-01); sort them ascending" in problem


def test_it_refuses_overlapping_periods():
    text = VALID_TOPIC.replace(
        "verified: true\n", "verified: true\n            until: 2025-06-30\n", 1
    )
    [problem] = problems_in(text)
    assert "values.2024-01-01.until: overlaps the period from 2025-01-01" in problem


def test_it_refuses_a_citation_without_a_title():
    text = VALID_TOPIC.replace("{title: Test Act 2020, ", "{", 1)
    [problem] = problems_in(text)
    assert ":13: parameters.minimum_wage.where.Bangkok.values.2024-01-01.citation.title" in problem
    assert "'title' is required here; add it" in problem


def test_it_refuses_a_value_without_a_citation():
    lines = VALID_TOPIC.splitlines(keepends=True)
    text = "".join(line for i, line in enumerate(lines) if i != 12)
    [problem] = problems_in(text)
    assert "values.2024-01-01.citation: 'citation' is required here; add it" in problem


def test_it_requires_a_note_on_unverified_values():
    text = VALID_TOPIC.replace("        note: Checked only against a news report.\n", "")
    [problem] = problems_in(text)
    assert "default.values.2024-01-01.verified: unverified: add a `note`" in problem


def test_it_refuses_an_unknown_type_listing_the_known_ones():
    [problem] = problems_in(VALID_TOPIC.replace("type: amount", "type: money"))
    assert "parameters.minimum_wage: unknown or missing `type` 'money'; use one of" in problem
    assert "'amount'" in problem


def test_it_requires_a_unit_on_quantities():
    text = VALID_TOPIC.replace("type: amount", "type: quantity")
    text = text.replace("{amount: 363, currency: THB, per: day}", "8")
    text = text.replace("{amount: 372, currency: THB, per: day}", "8")
    text = text.replace("{amount: 330, currency: THB, per: day}", "8")
    assert problems_in(text) == [
        "countries/TH/minimum_wage.yaml:3: parameters.minimum_wage.unit: "
        "a quantity parameter: add a `unit`"
    ]


def test_it_reports_every_problem_at_once():
    text = VALID_TOPIC.replace("amount: 372,", 'amount: "372",').replace("kind: province", "kd: x")
    assert len(problems_in(text)) == 2


def test_it_refuses_a_placeholder_effective_date_marked_verified():
    """A value dated the day its source was read has no known start: it cannot be verified."""
    first = VALID_TOPIC.index("2025-01-01:")
    retrieved = VALID_TOPIC.index("retrieved: ", first)
    day = VALID_TOPIC[retrieved + len("retrieved: ") : retrieved + len("retrieved: ") + 10]
    text = VALID_TOPIC.replace("2025-01-01:", f"{day}:", 1)
    problems = problems_in(text)
    assert any(
        "the effective date is the day the source was read, a placeholder" in p for p in problems
    )
