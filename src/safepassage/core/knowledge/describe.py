"""Plain-text renderings of knowledge values, for the command line and the web pages."""

from __future__ import annotations

from typing import Any

from ...i18n import N_, _
from .schema import Amount, Channel, Law, MigrationChannel, Term

_PER = {
    "hour": N_("per hour"),
    "day": N_("per day"),
    "week": N_("per week"),
    "month": N_("per month"),
    "year": N_("per year"),
    "once": N_("once"),
}
_UNITS = {
    "hours_per_day": N_("hours per day"),
    "hours_per_week": N_("hours per week"),
    "hours_per_month": N_("hours per month"),
    "hours_per_year": N_("hours per year"),
    "days_per_week": N_("days per week"),
    "days_per_month": N_("days per month"),
    "years": N_("years"),
    "months": N_("months"),
    "days": N_("days"),
    "hours": N_("hours"),
    "count": "",
}
_POLICY = {
    "prohibited": N_("prohibited"),
    "restricted": N_("allowed only within limits"),
    "permitted": N_("permitted"),
    "no_rule": N_("no specific rule found"),
}


def number(value: float) -> str:
    """372 -> '372', 1.5 -> '1.5', 2500000 -> '2,500,000'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def describe(value: Any, type_: str, unit: str | None = None) -> str:
    """One readable line (or a few) for a value of the given parameter type."""
    if value is None:
        return _("no rule in force")
    if isinstance(value, Amount):
        return f"{number(value.amount)} {value.currency} {_(_PER[value.per])}"
    if type_ == "quantity":
        return _quantity(value, unit)
    if type_ == "boolean":
        return _("yes") if value else _("no")
    if type_ == "policy":
        return _(_POLICY[value])
    if isinstance(value, Term):
        examples = "".join(f"\n  - {example}" for example in value.examples)
        return f"{value.name}: {value.description}{examples}"
    if isinstance(value, Law | Channel | MigrationChannel):
        return _record(value)
    if isinstance(value, list):
        return "\n".join(f"- {item.name}: {item.description}" for item in value)
    return str(value)


def _quantity(value: float, unit: str | None) -> str:
    if unit == "multiplier":
        return _("{times}× the normal rate ({percent}%)").format(
            times=number(value), percent=number(value * 100)
        )
    label = _UNITS.get(unit or "", unit or "")
    return f"{number(value)} {_(label)}" if label else number(value)


def _record(value: Law | Channel | MigrationChannel) -> str:
    if isinstance(value, Law):
        return f"{value.title} [{', '.join(value.categories)}]: {value.summary}"
    if isinstance(value, MigrationChannel):
        return f"{value.name} ({', '.join(value.partner_countries)}): {value.summary}"
    contacts = [
        f"{label} {getattr(value, attr)}"
        for attr, label in (("phone", "☎"), ("line", "LINE"), ("facebook", "Facebook"))
        if getattr(value, attr)
    ]
    languages = _("languages: {codes}").format(codes=", ".join(value.languages))
    return "; ".join([value.name, *contacts, languages])
