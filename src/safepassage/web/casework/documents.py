"""What a case's documents show (a case summary, a referral letter), as plain words for the
documents' templates: built here, in the reader's language, so `web.documents` knows no case.

Personal fields are there only for a role that may see them, and in a referral letter only
while the migrant's consent to share their details with that provider is in force."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from ..common import present
from ..common.labels import CONSENTS, GOALS, RESPONSE_KINDS, label
from ..documents.dates import long_date
from ..documents.pdf import document_pdf
from . import core_edge, queues, referral_services, selectors, services
from .access import Action, can
from .chain_letters import chain_letter_languages, is_chain_letter
from .letterhead import letterhead, person
from .models import Case, Referral

SUPPORTED = [code for code, _name in settings.LANGUAGES]


def _personal(case: Case, with_document: bool) -> dict[str, str]:
    found = {"name": str(case.name), "phone": str(case.phone)}
    if with_document:
        found["document_number"] = str(case.document_number)
    return found


def _facts(case: Case) -> list[tuple[str, str]]:
    assigned = case.assigned_to
    return [
        (_("Status"), str(case.get_status_display())),
        (_("Country"), case.country_label),
        (_("Sector"), case.sector_label),
        (_("Stage"), case.stage_label),
        (_("Assigned to"), person(assigned) if assigned else _("Nobody yet")),
    ]


def summary_context(*, user: Any, case: Case, language: str, today: date) -> dict[str, Any]:
    assessment = selectors.case_assessment(case=case)
    referrals = case.referrals.order_by("created_at")
    return {
        **letterhead(user=user, case=case, language=language, today=today),
        "title": _("Case summary"),
        "personal": _personal(case, True) if can(user, Action.VIEW_PERSONAL) else None,
        "facts": _facts(case),
        "determination": present.determination(assessment.determination),
        "plan": present.plan(assessment.plan),
        "referrals": [
            {
                "provider": r.provider_name,
                "status": str(r.get_status_display()),
                "outcome": str(r.get_outcome_display()) if r.outcome else "",
            }
            for r in referrals
        ],
        "consents": [
            label(CONSENTS, scope) for scope in sorted(selectors.consent_scopes(case=case))
        ],
    }


def letter_context(*, user: Any, referral: Referral, language: str, today: date) -> dict[str, Any]:
    case = referral.case
    shared = referral_services.share_consent(referral) is not None
    personal = shared and can(user, Action.VIEW_PERSONAL)
    assessment = selectors.case_assessment(case=case)
    return {
        **letterhead(user=user, case=case, language=language, today=today),
        "title": _("Referral: %(kind)s") % {"kind": label(RESPONSE_KINDS, referral.kind)},
        "kind": label(RESPONSE_KINDS, referral.kind),
        "provider": referral.provider_name,
        "contact_person": str(referral.contact_person) if personal else "",
        "personal": _personal(case, False) if personal else None,
        "facts": _facts(case)[1:4],  # where and in what work; not the case's own workflow
        "goals": [label(GOALS, goal) for goal in case.goals],
        "determination": present.determination(assessment.determination),
        "due_on": long_date(referral.due_on, language) if referral.due_on else "",
    }


def letter_languages(referral: Referral) -> list[str]:
    """The languages a letter may be written in: the provider's (as the catalogue records
    them), then the worker's; English when neither is one of ours. A letter up the chain:
    English and the recipient's (see `chain_letters`)."""
    if is_chain_letter(referral):
        return chain_letter_languages(referral)
    case = referral.case
    spoken: list[str] = []
    countries = queues.referral_countries(case=case)
    for country, pid, channel in core_edge.providers(countries, timezone.localdate()):
        if referral.provider_id in (pid, f"{country}/{pid}"):
            spoken += list(channel.languages)
    found = [code for code in dict.fromkeys([*spoken, case.language]) if code in SUPPORTED]
    return found or ["en"]


def letter_language_names(referral: Referral) -> list[tuple[str, str]]:
    """The letter's languages, each named in the reader's language, for links to them."""
    return [
        (code, str(get_language_info(code)["name_translated"]))
        for code in letter_languages(referral)
    ]


def summary_pdf(*, user: Any, case: Case, language: str, today: date) -> bytes:
    with translation.override(language):  # the labels in the document's language
        context = summary_context(user=user, case=case, language=language, today=today)
    pdf = document_pdf(template="documents/case_summary.html", context=context, language=language)
    services.audit_record(
        user=user, case=case, action="export", what=f"case summary PDF ({language})"
    )
    return pdf


def letter_pdf(*, user: Any, referral: Referral, language: str, today: date) -> bytes:
    with translation.override(language):
        context = letter_context(user=user, referral=referral, language=language, today=today)
    pdf = document_pdf(
        template="documents/referral_letter.html", context=context, language=language
    )
    named = "with the worker's details" if context["personal"] else "without personal details"
    services.audit_record(
        user=user,
        case=referral.case,
        action="export",
        what=f"referral letter PDF to {referral.provider_id} ({language}), {named}",
    )
    return pdf
