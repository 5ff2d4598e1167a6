"""Meta-tests: the knowledge SafePassage ships is complete, dated, cited and valid."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from safepassage.core.knowledge import SHIPPED, LookupProblem, check_knowledge, load_knowledge
from safepassage.core.knowledge.contracts import COUNTRIES, COUNTRY_TOPICS, FRAMEWORK_TOPICS

from .builders import write_layer


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(env={})


def test_it_has_no_problems():
    assert [str(p) for p in check_knowledge(env={})] == []


def test_every_value_has_an_effective_date_and_a_cited_source(knowledge):
    values = list(knowledge.values())
    assert len(values) > 200
    for value in values:
        assert isinstance(value.effective, date)
        assert value.citation.title.strip()
        assert value.citation.retrieved <= date.today()
        assert value.verified or value.note, f"{value.file}:{value.line} unverified, no note"


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_every_topic(knowledge, country):
    required = [
        topic
        for topic, contract in COUNTRY_TOPICS.items()
        if contract.required_in is None or country in contract.required_in
    ]
    assert set(required) <= set(knowledge.topics(country))
    assert set(knowledge.topics(country)) <= set(COUNTRY_TOPICS)


def test_the_frameworks_have_every_topic(knowledge):
    assert knowledge.topics("frameworks") == sorted(FRAMEWORK_TOPICS)


def test_the_ilo_indicators_are_the_eleven_in_order(knowledge):
    numbers = [
        knowledge.at("frameworks", "ilo_indicators", name, date(2026, 1, 1)).number
        for name in FRAMEWORK_TOPICS["ilo_indicators"].required
    ]
    assert numbers == list(range(1, 12))


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_country_has_help_channels_with_a_phone_number(knowledge, country):
    today = date(2026, 11, 28)
    phones = []
    for param in knowledge.topic(country, "help_channels"):
        try:
            channel = param.at(today).value.value
        except LookupProblem:
            continue
        if channel is not None and channel.phone:
            phones.append(channel.phone)
    assert phones, f"{country} has no help channel with a phone number"


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SHIPPED, tmp_path / "data"))


def test_it_fails_when_a_country_lacks_a_topic(shipped_copy: Path):
    (shipped_copy / "countries" / "KH" / "child_age.yaml").unlink()
    [problem] = check_knowledge(env={}, base=shipped_copy)
    assert problem.file.endswith("countries/KH/child_age.yaml")
    assert "the topic 'child_age' is missing for KH; add this file" in problem.message


def test_it_fails_when_a_value_lacks_a_citation(shipped_copy: Path):
    path = shipped_copy / "countries" / "LA" / "weekly_rest.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(iter(data["parameters"]["weekly_rest_days"]["values"].values()))
    del entry["citation"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    [problem] = check_knowledge(env={}, base=shipped_copy)
    assert problem.path[-1] == "citation"
    assert "'citation' is required here; add it" in problem.message


def test_it_fails_when_a_value_lacks_an_effective_date(shipped_copy: Path):
    path = shipped_copy / "countries" / "VN" / "weekly_rest.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    values = data["parameters"]["weekly_rest_days"]["values"]
    values["in force"] = values.pop(next(iter(values)))
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = check_knowledge(env={}, base=shipped_copy)
    assert any("'in force' is not an ISO date" in p.message for p in problems), problems


def test_it_fails_when_an_overlay_introduces_an_unknown_key(tmp_path: Path):
    overlay = write_layer(
        tmp_path / "org",
        {
            "countries/MM/weekly_rest.yaml": """\
        description: Overlay with a typo
        parameters:
          weekly_rest_days:
            values:
              2030-01-01:
                value: 1
                citation: {title: Our notes, retrieved: 2026-11-28}
                verified: true
                sauce: tomato
        """
        },
    )
    [problem] = check_knowledge([overlay], env={})
    assert problem.path[-1] == "sauce"
    assert "unknown key 'sauce'" in problem.message
