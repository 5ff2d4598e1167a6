"""Remedies up the supply chain: a grievance letter to a buyer (or the employer) and a claim to
pay back recruitment fees, each written from a case and kept as a referral to the actor, so its
answer and outcome are tracked like any referral.

Naming an actor outside the organisation needs a supervisor's recorded legal review of it
(defamation suits against migrants and their advocates are a real risk in the region); the
letter names the worker only with their consent to be named in that letter (the referral's
consent to share), and is anonymous otherwise. What it reports is what the worker's account
says, cited to the ILO indicators and the law, and labelled as reported.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ...core.account import Account
from ...core.knowledge import default_knowledge
from ...core.screening.determination import Determination
from ...core.screening.labour_law import framework_at
from ..common import present
from ..common.answers import money_words
from ..common.labels import ANSWERS, OPTIONS, RESPONSE_KINDS, label
from ..documents.dates import long_date
from ..documents.pdf import document_pdf
from . import referral_services, selectors, services
from .access import Action, can, require
from .actor_models import Alias
from .letterhead import letterhead
from .models import Attachment, Case, Referral

GRIEVANCE, FEE_CLAIM = "supply_chain_grievance", "recruitment_fee_reimbursement"
TEMPLATES = {GRIEVANCE: "documents/grievance_letter.html", FEE_CLAIM: "documents/fee_claim.html"}
RECIPIENTS = frozenset({"buyer", "employer", "workplace", "licensed_agency"})  # firms, not people
PREFIX = referral_services.ACTOR  # a referral's provider id when the letter goes to an actor


class ReviewMissing(Exception):
    """The actor has no recorded legal review: it may not be named outside the organisation."""


@transaction.atomic
def chain_letter_create(
    *, user: Any, case: Case, version: int, alias: Alias, kind: str, named: bool
) -> Referral:
    """A letter of `kind` to the actor of `alias` (an alias on `case`), as a proposed referral;
    `named`: the worker agreed to be named in this letter."""
    require(user, Action.CHANGE)
    if kind not in TEMPLATES or alias.kind not in RECIPIENTS or alias.case_id != case.pk:
        raise ValueError(kind)
    if alias.actor.reviewed_at is None:
        raise ReviewMissing
    referral = referral_services.referral_create(
        user=user, case=case, version=version, response_id=_step(case, kind), kind=kind,
        provider_id=f"{PREFIX}{alias.actor_id}", provider_name=str(alias.name),
    )  # fmt: skip
    if named:
        referral_services.share_consent_give(user=user, referral=referral)
    return referral


def _step(case: Case, kind: str) -> str:
    """The plan's step of that kind, where the plan has one (the country's route)."""
    steps = selectors.case_assessment(case=case).plan.steps
    return next((step.response for step in steps if step.kind == kind), kind)


def is_chain_letter(referral: Referral) -> bool:
    return referral.provider_id.startswith(PREFIX) and referral.kind in TEMPLATES


def chain_letter_languages(referral: Referral) -> list[str]:
    """English, and the language the recipient reads where the case recorded one."""
    alias = _recipient(referral)
    spoken = alias.details.get("language") if alias is not None else None
    return list(dict.fromkeys(["en", *([spoken] if spoken else [])]))


def _recipient(referral: Referral) -> Alias | None:
    actor_id = referral.provider_id.removeprefix(PREFIX)
    found = referral.case.aliases.filter(actor_id=int(actor_id)) if actor_id.isdigit() else None
    return found.select_related("actor").first() if found is not None else None


def chain_letter_context(
    *, user: Any, referral: Referral, language: str, today: date
) -> dict[str, Any]:
    case = referral.case
    assessment = selectors.case_assessment(case=case)
    named = referral_services.share_consent(referral) is not None and can(
        user, Action.VIEW_PERSONAL
    )
    return {
        **letterhead(user=user, case=case, language=language, today=today),
        "title": label(RESPONSE_KINDS, referral.kind),
        "recipient": referral.provider_name,
        "worker": str(case.name) if named else "",
        "suppliers": _named(case, {"employer", "workplace"}),
        "recruiters": _named(case, {"licensed_agency", "broker"}),
        "sector": label(OPTIONS, case.sector) if case.sector else "",
        "findings": _findings(assessment.determination),
        "fees": _fees(assessment.account, language),
        "receipts": _receipts(case, language),
        "employer_pays": _employer_pays(today),
    }


def _named(case: Case, kinds: set[str]) -> list[str]:
    """The case's parties of those kinds as the letter may name them: by name where a legal
    review is recorded, else by what they are."""
    aliases = case.aliases.filter(kind__in=kinds).select_related("actor").order_by("pk")
    withheld = _("%(kind)s (name withheld until it has been legally reviewed)")
    return [
        str(a.name) if a.actor.reviewed_at else withheld % {"kind": a.get_kind_display()}
        for a in aliases
    ]


KINDS = ("indicator", "violation")


def _findings(result: Determination) -> list[dict[str, Any]]:
    """The ILO indicators and the labour-law violations, with their sources: what a buyer's
    code of conduct answers to (not the legal tests, which are for the authorities)."""
    shown = present.determination(result)
    return [f for s in shown["stages"] for f in s["findings"] if f["kind"] in KINDS]


def _fees(account: Account, language: str) -> list[tuple[str, str]]:
    recruitment = account.recruitment
    rows = [(_("Fees paid for the job"), label(ANSWERS, recruitment.fees_paid.answer.value))]
    if recruitment.fee_amount is not None:
        rows.append((_("Amount paid"), money_words(recruitment.fee_amount)))
    if recruitment.fees_paid_to != "unknown":
        rows.append((_("Paid to"), label(OPTIONS, recruitment.fees_paid_to)))
    if recruitment.date is not None:
        rows.append((_("Recruited on"), long_date(recruitment.date, language)))
    if not recruitment.debt_for_migration.unknown:
        debt = label(ANSWERS, recruitment.debt_for_migration.answer.value)
        rows.append((_("Borrowed to pay for the migration"), debt))
    return rows


def _receipts(case: Case, language: str) -> list[str]:
    """The receipts and other evidence the organisation holds (kind and date, not the file)."""
    kept = Attachment.objects.filter(case=case, kind__in=("receipt", "evidence", "payslip"))
    return [
        _("%(kind)s, kept since %(date)s")
        % {"kind": a.get_kind_display(), "date": long_date(a.uploaded_at.date(), language)}
        for a in kept.defer("content").order_by("uploaded_at")
    ]


def _employer_pays(today: date) -> dict[str, Any]:
    found = framework_at(default_knowledge(), "fair_recruitment", "employer_pays_principle", today)
    if found is None:
        return {}
    value, citation = found.value, found.value.citation
    source = ", ".join(part for part in (citation.title, citation.publisher) if part)
    return {"text": _(str(value.value)), "source": source, "verified": value.verified}


def chain_letter_pdf(*, user: Any, referral: Referral, language: str, today: date) -> bytes:
    """The letter, if its recipient's legal review still stands (a merge since asks for it
    again); ReviewMissing otherwise."""
    recipient = _recipient(referral)
    if recipient is None or recipient.actor.reviewed_at is None:
        raise ReviewMissing
    with translation.override(language):
        context = chain_letter_context(user=user, referral=referral, language=language,
                                       today=today)  # fmt: skip
    pdf = document_pdf(template=TEMPLATES[referral.kind], context=context, language=language)
    named = "naming the worker" if context["worker"] else "without the worker's name"
    services.audit_record(
        user=user, case=referral.case, action="export",
        what=f"{referral.kind} letter PDF, referral {referral.pk} ({language}), {named}",
    )  # fmt: skip
    return pdf
