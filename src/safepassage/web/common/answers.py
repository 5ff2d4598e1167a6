"""One interview question as a form: the same for a case worker's intake and the self-check.

Tap answers (yes / no / don't know, or one button per option) arrive as the `answer` button's
value; numbers, money and text arrive in their own fields. `value()` gives what the core's
`apply` takes, or None for "don't know".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as lazy

from ...core.account import Answer, Fact, Money
from ...core.interview import Question
from ...core.knowledge import LookupProblem, default_knowledge
from .forms import REQUIRED, NamedErrorsForm
from .labels import ANSWERS, COUNTRIES, OPTIONS, PER, label

UNKNOWN = "unknown"
CURRENCIES = ("THB", "KHR", "LAK", "VND", "MMK", "USD")


def pay_basis(country: str) -> tuple[str, str] | None:
    """The currency and the period of the country's minimum wage today (THB a day in Thailand,
    USD a month in Cambodia), from the knowledge base; None for a country it does not hold."""
    try:
        param = default_knowledge().parameter(country, "minimum_wage", "minimum_wage")
    except LookupProblem:
        return None
    today = date.today()
    for series in param.all_series():
        found = series.at(today)
        amount = getattr(found, "value", None)
        if amount is not None and amount.currency in CURRENCIES:
            return amount.currency, amount.per
    return None


def choices_for(question: Question) -> list[tuple[str, str]]:
    """The tap answers offered for a question (don't know is always last)."""
    if question.kind == "fact":
        return [("yes", label(ANSWERS, "yes")), ("no", label(ANSWERS, "no"))]
    if question.kind == "choice":
        return [(option, label(OPTIONS, option)) for option in question.options]
    if question.kind == "country":
        return [(code, str(name)) for code, name in COUNTRIES.items()]
    return []


class AnswerForm(NamedErrorsForm):
    answer = forms.CharField(required=False, max_length=40, label=lazy("Answer"))
    number = forms.FloatField(required=False, label=lazy("Your answer"))
    amount = forms.DecimalField(
        required=False, min_value=0, max_digits=14, decimal_places=2, label=lazy("Amount")
    )
    currency = forms.ChoiceField(
        required=False, choices=[(c, c) for c in CURRENCIES], label=lazy("Currency")
    )
    per = forms.ChoiceField(
        required=False,
        choices=[(k, v) for k, v in PER.items() if k != "once"],
        label=lazy("Paid"),
    )
    text = forms.CharField(required=False, max_length=200, label=lazy("Your answer"))

    def __init__(
        self, *args: Any, question: Question, country: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        if question.kind == "money" and country:
            # Pay is asked as the country pays it: its currency, by the day or the month.
            basis = pay_basis(country)
            if basis is not None:
                self.fields["currency"].initial, self.fields["per"].initial = basis
        number = self.fields["number"]
        if question.min is not None:
            number.validators.append(MinValueValidator(question.min))
        if question.max is not None:
            number.validators.append(MaxValueValidator(question.max))

    def tap_choices(self) -> list[tuple[str, str]]:
        return choices_for(self.question)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors or data.get("answer") == UNKNOWN:
            return data
        kind = self.question.kind
        if kind in ("fact", "choice", "country"):
            allowed = {code for code, _label in choices_for(self.question)}
            if data.get("answer") not in allowed:
                self.add_error("answer", _("Please tap one of the answers."))
        elif kind == "number" and data.get("number") is None:
            self.add_error("number", _("Please enter a number, or tap “I don't know”."))
        elif kind == "money" and (data.get("amount") is None or not data.get("per")):
            self.add_error("amount", _("Please enter the amount and how often it is paid."))
        elif kind == "money" and not data.get("currency"):
            # The page always sends one (the country's is chosen); a hand-made request without
            # one is asked for it, never given a guess (it made a 500 in the core before).
            self.add_error("currency", REQUIRED)
        elif kind == "text" and not (data.get("text") or "").strip():
            self.add_error("text", _("Please write an answer, or tap “I don't know”."))
        return data

    def value(self) -> Any:
        """The answer for the core, or None for "don't know"."""
        data = self.cleaned_data
        if data.get("answer") == UNKNOWN:
            return None
        kind = self.question.kind
        if kind == "number":
            number = data["number"]
            return int(number) if self.question.id == "person.age" else number
        if kind == "money":
            return {
                "amount": float(data["amount"]),
                "currency": data["currency"],
                "per": data["per"],
            }
        if kind == "text":
            return data["text"].strip()
        return data["answer"]


def answer_words(question: Question, value: Any) -> str:
    """An answer as the overview shows it, in the reader's language; "I don't know" for none."""
    if value is None or (isinstance(value, Fact) and value.answer is Answer.UNKNOWN):
        return label(ANSWERS, UNKNOWN)
    if isinstance(value, Fact):
        return label(ANSWERS, value.answer.value)
    if question.kind in ("choice", "country"):
        return dict(choices_for(question)).get(str(value), str(value))
    if isinstance(value, Money):
        return money_words(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def money_words(value: Money) -> str:
    """An amount as people read it: "18,000 THB once", "400 THB per day"."""
    amount = f"{value.amount:,.0f}" if value.amount == int(value.amount) else f"{value.amount:,}"
    return _("%(amount)s %(currency)s %(per)s") % {
        "amount": amount,
        "currency": value.currency,
        "per": label(PER, value.per),
    }


def initial_for(question: Question, value: Any) -> dict[str, Any]:
    """The answer form's fields filled with the current answer, for a correction."""
    if value is None:
        return {}
    if isinstance(value, Fact):
        return {} if value.answer is Answer.UNKNOWN else {"answer": value.answer.value}
    if isinstance(value, Money):
        return {"amount": value.amount, "currency": value.currency, "per": value.per}
    if question.kind == "number":
        return {"number": value}
    if question.kind == "text":
        return {"text": value}
    return {"answer": str(value)}
