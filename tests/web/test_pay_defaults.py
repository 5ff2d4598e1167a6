"""The pay question starts from how the country of work pays (its currency, by the day or the
month), from the knowledge base's minimum wage, not from Thai baht by the hour."""

from __future__ import annotations

import pytest

from safepassage.core.interview import questions
from safepassage.web.common.answers import AnswerForm, pay_basis

PAY = questions()["work.pay"]


@pytest.mark.parametrize(
    ("country", "expected"),
    [("TH", ("THB", "day")), ("KH", ("USD", "month")), ("VN", ("VND", "month")),
     ("MM", ("MMK", "day")), ("LA", ("LAK", "month"))],
)  # fmt: skip
def test_it_asks_pay_as_the_country_pays_it(country: str, expected: tuple[str, str]):
    assert pay_basis(country) == expected
    form = AnswerForm(question=PAY, country=country)
    assert (form.fields["currency"].initial, form.fields["per"].initial) == expected
    html = str(form["currency"]) + str(form["per"])
    assert f'value="{expected[0]}" selected' in html
    assert f'value="{expected[1]}" selected' in html


def test_it_leaves_the_choice_open_where_no_law_is_on_file():
    assert pay_basis("MY") is None
    form = AnswerForm(question=PAY, country="MY")
    assert form.fields["currency"].initial is None


def test_it_keeps_what_was_typed_when_an_answer_is_refused():
    form = AnswerForm(
        {"amount": "-5", "currency": "USD", "per": "month"}, question=PAY, country="TH"
    )
    assert not form.is_valid()
    assert 'value="USD" selected' in str(form["currency"])  # not reset to the country's default
