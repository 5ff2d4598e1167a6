"""A formula reads "the law as of date D": the value in force on that day, at that place."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.core.knowledge import LookupProblem
from safepassage.core.knowledge.model import Parameter, Place, Series, Value
from safepassage.core.knowledge.schema import Citation

CITE = Citation(title="Act", retrieved=date(2026, 11, 28))


def value(on: str, amount: float, until: str | None = None) -> Value:
    return Value(
        effective=date.fromisoformat(on),
        value=amount,
        citation=CITE,
        verified=True,
        layer="shipped",
        file="f.yaml",
        line=1,
        until=date.fromisoformat(until) if until else None,
    )


def series(*values: Value) -> Series:
    result = Series()
    for item in values:
        result.put(item)
    return result


def wage() -> Parameter:
    param = Parameter("TH", "minimum_wage", "minimum_wage", "Wage", "quantity", "count")
    param.places = {
        "Bangkok": Place(
            "Bangkok",
            "province",
            ["Krung Thep"],
            series(value("2025-01-01", 372), value("2025-07-01", 400)),
        ),
        "default": Place("default", None, [], series(value("2025-01-01", 337))),
    }
    return param


def test_it_answers_the_value_in_force_on_the_day():
    param = wage()
    assert param.at(date(2025, 3, 1), "Bangkok").value.value == 372
    assert param.at(date(2025, 6, 30), "Bangkok").value.value == 372
    assert param.at(date(2025, 7, 1), "Bangkok").value.value == 400
    assert param.at(date(2030, 1, 1), "Bangkok").value.value == 400


def test_it_matches_places_by_alias_ignoring_case():
    resolved = wage().at(date(2025, 3, 1), "krung thep")
    assert resolved.place is not None
    assert resolved.place.name == "Bangkok"


def test_it_falls_back_to_the_default_place_and_says_so():
    resolved = wage().at(date(2025, 3, 1), "Yala")
    assert resolved.value.value == 337
    assert resolved.place is not None
    assert resolved.place.name == "default"


def test_it_refuses_a_date_before_the_first_value():
    with pytest.raises(LookupProblem, match="no value in force on 2024-12-31"):
        wage().at(date(2024, 12, 31), "Bangkok")


def test_it_refuses_an_unknown_place_when_there_is_no_default():
    param = wage()
    del param.places["default"]
    with pytest.raises(LookupProblem, match="no value for 'Yala'; known places: Bangkok"):
        param.at(date(2025, 3, 1), "Yala")


def test_it_ends_a_value_at_its_until_date():
    param = Parameter("TH", "laws", "old_act", "Act", "quantity", "count")
    param.series = series(value("2000-01-01", 1, until="2010-12-31"), value("2015-01-01", 2))
    assert param.at(date(2010, 12, 31)).value.value == 1
    with pytest.raises(LookupProblem):
        param.at(date(2011, 1, 1))
    assert param.at(date(2015, 1, 1)).value.value == 2


def test_a_later_layer_replaces_the_value_at_the_same_date():
    result = series(value("2025-01-01", 372), value("2025-07-01", 400))
    result.put(value("2025-07-01", 401))
    assert [v.value for v in result.entries] == [372, 401]
