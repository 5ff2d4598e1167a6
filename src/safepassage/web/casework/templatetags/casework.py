"""Words for case-work templates: legal deadlines by name, their lengths and start dates."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from ....core.responses.deadlines import Deadline
from ...common.labels import DEADLINES, duration, label

register = template.Library()

# The day each deadline's time runs from, as its date field asks for it.
STARTS = {
    "wage_claim_time_limit": _("Date the wages fell due (or, if later, the job ended)"),
    "employer_change_window": _("Date the job ended"),
}


@register.filter
def deadline_label(name: str) -> str:
    return label(DEADLINES, name)


@register.filter
def deadline_length(deadline: Deadline) -> str:
    return duration(deadline.length, deadline.unit)


@register.filter
def deadline_start(name: str) -> str:
    return str(STARTS.get(name, _("Date the time starts to run")))


@register.filter
def money(amount: Decimal | None, currency: str = "") -> str:
    """An amount as the reader's locale writes numbers (grouped thousands), with its currency
    code: "12,500.50 THB"; whole amounts without decimals."""
    if amount is None:
        return ""
    places = 0 if amount == amount.to_integral_value() else 2
    number = formats.number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    return f"{number} {currency}".strip()
