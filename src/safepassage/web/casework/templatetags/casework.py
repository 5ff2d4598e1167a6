"""Words for case-work templates: legal deadlines by name, their lengths and start dates."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ....core.responses.deadlines import Deadline
from ...common import present
from ...common.labels import CONSENTS, DEADLINES, duration, label
from ..models import ClosureReason, Outcome, ReferralStatus, Role

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


# What an audit entry records is kept as written (stable, searchable); what the page shows names
# questions, consents, reasons, statuses and roles in words, never by their codes.
AUDIT_PATTERNS = (
    (re.compile(r"^answer corrected (?P<q>[a-z_]+\.[a-z_]+)$"), _("Answer corrected: %(what)s")),
    (re.compile(r"^answer (?P<q>[a-z_]+\.[a-z_]+)$"), _("Answer: %(what)s")),
    (re.compile(r"^correction of (?P<q>[a-z_]+\.[a-z_]+)$"), _("Correction opened: %(what)s")),
    (re.compile(r"^consent given: (?P<c>[a-z_]+)(?: with \S+)?$"), _("Consent given: %(what)s")),
    (
        re.compile(r"^consent withdrawn: (?P<c>[a-z_]+)(?: with \S+)?$"),
        _("Consent withdrawn: %(what)s"),
    ),
    (re.compile(r"^closure asked: (?P<r>[a-z_]+)$"), _("Closure asked: %(what)s")),
    (re.compile(r"^group (?P<g>\S+) joined$"), _("Added to group %(what)s")),
    (re.compile(r"^group (?P<g>\S+) left$"), _("Taken out of group %(what)s")),
    (re.compile(r"^group (?P<g>\S+) shared: .*$"), _("Answers shared with group %(what)s")),
    (
        re.compile(r"^referral (?P<n>\d+): (?P<s>[a-z_]+)(?: (?P<o>[a-z_]+))?$"),
        _("Referral updated: %(what)s"),
    ),
    (
        re.compile(r"^user (?P<u>\S+)(?: created as|: role) (?P<role>[a-z_]+)$"),
        _("User changed: %(what)s"),
    ),
    (re.compile(r"^release (?P<rel>\d+) made$"), _("Statistics release %(what)s made")),
    (re.compile(r"^release (?P<rel>\d+) viewed$"), _("Statistics release %(what)s viewed")),
    (
        re.compile(r"^release (?P<rel>\d+) downloaded$"),
        _("Statistics release %(what)s downloaded"),
    ),
    (
        re.compile(r"^release (?P<rel>\d+) packaged$"),
        _("Statistics release %(what)s sent to the network"),
    ),
    (
        re.compile(r"^privacy policy k=(?P<k>\d+) noise=(?P<noise>on|off)$"),
        _("Privacy policy changed: %(what)s"),
    ),
    (
        re.compile(r"^htcds export of (?P<cases>\d+) cases.*$"),
        _("Cases exported in HTCDS: %(what)s"),
    ),
    (
        re.compile(r"^htcds import of (?P<cases>\d+) cases$"),
        _("Cases imported from HTCDS: %(what)s"),
    ),
    (
        re.compile(r"^comparison with published data viewed$"),
        _("Comparison with published data viewed"),
    ),
    (
        re.compile(r"^case summary PDF \((?P<lang>[a-z]+)\)$"),
        _("Case summary made as PDF: %(what)s"),
    ),
    (
        re.compile(
            r"^referral letter PDF to \S+ \((?P<lang>[a-z]+)\), "
            r"(?P<named>with the worker's details|without personal details)$"
        ),
        _("Referral letter made as PDF: %(what)s"),
    ),
    (
        re.compile(
            r"^[a-z_]+ letter PDF, referral (?P<n_letter>\d+) \((?P<lang>[a-z]+)\), "
            r"(?P<named>naming the worker|without the worker's name)$"
        ),
        _("Letter up the supply chain made as PDF: %(what)s"),
    ),
    (re.compile(r"^party added: alias (?P<id>\d+)$"), _("Someone involved named: %(what)s")),
    (re.compile(r"^party removed: alias (?P<id>\d+)$"), _("Someone involved taken off: %(what)s")),
    (
        re.compile(r"^aliases (?P<a>\d+) and (?P<b>\d+) decided one actor \(actor \d+\)$"),
        _("Two spellings joined as one actor: %(what)s"),
    ),
    (
        re.compile(r"^aliases (?P<a>\d+) and (?P<b>\d+) decided not one actor \(actor \d+\)$"),
        _("Two spellings kept apart: %(what)s"),
    ),
    (re.compile(r"^actor (?P<id>\d+)$"), _("Actor viewed: %(what)s")),
    (re.compile(r"^actor (?P<id>\d+) legal review$"), _("Legal review recorded: actor %(what)s")),
    (re.compile(r"^actor network$"), _("Network of actors viewed")),
    (re.compile(r"^case list page (?P<id>\d+); filter: .*$"), _("Case list viewed, page %(what)s")),
    (
        re.compile(r"^(?P<refused>403|404) [A-Z]+ \S+(?P<ids>(?: \S+=\d+,?)*)$"),
        _("Refused: %(what)s"),
    ),
)


@register.filter
def audit_words(what: str) -> str:
    for pattern, sentence in AUDIT_PATTERNS:
        found = pattern.match(what)
        if found:
            return str(sentence) % {"what": _audit_part(found.groupdict())}
    return what


def _audit_part(parts: dict[str, str | None]) -> str:
    if not parts:
        return ""
    if parts.get("refused"):
        why = _("not found") if parts["refused"] == "404" else _("not allowed")
        ids = re.findall(r"\d+", str(parts.get("ids") or ""))
        return ", ".join([str(why), *ids])
    if parts.get("a"):
        return f"{parts['a']}, {parts['b']}"
    if parts.get("id"):
        return str(parts["id"])
    if parts.get("lang"):
        language = str(get_language_info(str(parts["lang"]))["name_translated"])
        if not parts.get("named"):
            return language
        named = parts["named"] in ("with the worker's details", "naming the worker")
        who = _("the worker named") if named else _("the worker not named")
        return f"{language}, {who}"
    if parts.get("rel") or parts.get("cases"):
        return str(parts.get("rel") or parts.get("cases"))
    if parts.get("k"):
        noise = _("noise on") if parts["noise"] == "on" else _("noise off")
        return f"k = {parts['k']}, {noise}"
    if parts.get("g"):
        return str(parts["g"])
    if parts.get("q"):
        return present.fact_text(str(parts["q"]))
    if parts.get("c"):
        return label(CONSENTS, str(parts["c"]))
    if parts.get("r"):
        return str(dict(ClosureReason.choices).get(str(parts["r"]), parts["r"]))
    if parts.get("n"):
        status = str(dict(ReferralStatus.choices).get(str(parts["s"]), parts["s"]))
        outcome = str(dict(Outcome.choices).get(str(parts["o"] or ""), "")) if parts["o"] else ""
        return ", ".join(p for p in (str(parts["n"]), status, outcome) if p)
    return f"{parts['u']}, {dict(Role.choices).get(str(parts['role']), parts['role'])}"
