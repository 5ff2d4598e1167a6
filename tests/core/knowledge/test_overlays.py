"""An organisation layers its own YAML over the shipped data, validated by the same schema."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from safepassage.core.knowledge import ENV_VAR, KnowledgeError, check_knowledge, load_knowledge

from .builders import CITATION, write_layer

NEW_WAGE = f"""\
description: Our correction
parameters:
  minimum_wage:
    where:
      Bangkok:
        values:
          2031-01-01:
            value: {{amount: 999, currency: THB, per: day}}
            citation: {CITATION}
            verified: true
"""

LOCAL_SHELTER = f"""\
description: Our local services
parameters:
  our_shelter:
    description: Our shelter in Mae Sot
    type: channel
    values:
      2026-01-01:
        value:
          name: Example shelter
          kind: shelter
          audience: [migrants]
          phone: "+66 55 000 000"
          languages: [my, th]
        citation: {CITATION}
        verified: true
"""


def test_it_adds_a_new_dated_value_and_says_which_layer_it_came_from(tmp_path: Path):
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": NEW_WAGE})
    knowledge = load_knowledge([layer], env={})
    resolved = knowledge.parameter("TH", "minimum_wage", "minimum_wage").at(
        date(2031, 6, 1), "Bangkok"
    )
    assert resolved.value.value.amount == 999
    assert resolved.value.layer == str(layer)
    older = knowledge.parameter("TH", "minimum_wage", "minimum_wage").at(
        date(2025, 3, 1), "Bangkok"
    )
    assert older.value.layer == "shipped"


def test_it_adds_a_local_service_to_a_record_topic(tmp_path: Path):
    layer = write_layer(tmp_path / "org", {"countries/TH/help_channels.yaml": LOCAL_SHELTER})
    knowledge = load_knowledge([layer], env={})
    shelter = knowledge.at("TH", "help_channels", "our_shelter", date(2026, 2, 1))
    assert shelter.kind == "shelter"
    assert shelter.languages == ["my", "th"]


def test_it_reads_layers_from_the_environment_in_order(tmp_path: Path):
    first = write_layer(tmp_path / "a", {"countries/TH/minimum_wage.yaml": NEW_WAGE})
    later = NEW_WAGE.replace("amount: 999", "amount: 1000")
    second = write_layer(tmp_path / "b", {"countries/TH/minimum_wage.yaml": later})
    knowledge = load_knowledge(env={ENV_VAR: f"{first}{os.pathsep}{second}"})
    assert knowledge.layers == ["shipped", str(first), str(second)]
    wage = knowledge.at("TH", "minimum_wage", "minimum_wage", date(2031, 1, 1), "Bangkok")
    assert wage.amount == 1000


def test_it_reports_a_missing_overlay_folder(tmp_path: Path):
    [problem] = check_knowledge(env={ENV_VAR: str(tmp_path / "missing")})
    assert "not a folder" in problem.message


def test_it_refuses_an_unknown_key_in_an_overlay(tmp_path: Path):
    text = NEW_WAGE.replace("        values:", "        valeus:")
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": text})
    problems = [str(p) for p in check_knowledge([layer], env={})]
    assert len(problems) == 2, problems
    assert any(
        "minimum_wage.yaml:6: parameters.minimum_wage.where.Bangkok.valeus: unknown key 'valeus';"
        " remove it or correct its spelling (did you mean 'values'?)" in p
        for p in problems
    )
    assert any("where.Bangkok.values: 'values' is required here; add it" in p for p in problems)


def test_it_refuses_a_parameter_the_shipped_data_does_not_define(tmp_path: Path):
    text = NEW_WAGE.replace(
        "  minimum_wage:\n", "  minimum_wag:\n    type: amount\n    description: typo\n"
    )
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": text})
    problems = check_knowledge([layer], env={})
    unknown = [p for p in problems if p.path == ("parameters", "minimum_wag")]
    assert len(unknown) == 1, problems
    assert "unknown parameter 'minimum_wag'" in unknown[0].message
    assert "(did you mean 'minimum_wage'?)" in unknown[0].message


def test_it_refuses_an_unknown_topic_or_country(tmp_path: Path):
    layer = write_layer(
        tmp_path / "org",
        {
            "countries/TH/minimum_wages.yaml": NEW_WAGE,
            "countries/XX/minimum_wage.yaml": NEW_WAGE,
        },
    )
    messages = sorted(p.message for p in check_knowledge([layer], env={}))
    assert len(messages) == 2
    assert messages[0].startswith("unknown country 'XX'")
    assert messages[1].startswith("unknown topic file 'minimum_wages.yaml'")


def test_it_refuses_a_changed_type(tmp_path: Path):
    text = NEW_WAGE.replace("  minimum_wage:\n", "  minimum_wage:\n    type: text\n")
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": text})
    problems = check_knowledge([layer], env={})
    assert problems
    assert all("minimum_wage.yaml" in p.file for p in problems)


def test_load_raises_with_every_problem_listed(tmp_path: Path):
    text = NEW_WAGE.replace("amount: 999", 'amount: "999"').replace("verified: true", "verified: 1")
    layer = write_layer(tmp_path / "org", {"countries/TH/minimum_wage.yaml": text})
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge([layer], env={})
    assert len(raised.value.problems) == 2
    assert "2 problem(s)" in str(raised.value)
