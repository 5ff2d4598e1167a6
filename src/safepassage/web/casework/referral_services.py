"""Services for referrals: proposed from a plan step or to any provider in the catalogue, sent
only with the migrant's consent to share their details with that provider, then accepted or
declined and closed with an outcome. The case status follows them (see `case_follow_referrals`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import Action, require
from .models import Case, CaseStatus, Consent, Referral, ReferralStatus, Task
from .services import StaleEdit, audit_record, case_touch, save_checked

# The consent a referral to a step of this kind rests on.
CONSENT_FOR_KIND = {
    "criminal_complaint": "police",
    "victim_identification": "victim_identification",
    "embassy_or_labour_attache": "embassy",
}
SHARE = "share_details"  # the consent to share the migrant's details with one provider
# Under way, so the case is "referred": sent and not yet answered no or closed.
ACTIVE_REFERRALS = (ReferralStatus.MADE, ReferralStatus.ACCEPTED)
PROPOSED = "proposed"  # ReferralStatus values, as the forms give them
SENT = frozenset({"made", "accepted", "declined"})
RESPONDED = frozenset({"accepted", "declined"})


class ConsentMissing(Exception):
    """The step needs a consent the migrant has not given (or has withdrawn)."""


class ShareConsentMissing(ConsentMissing):
    """A referral is marked sent without the consent to share with its provider."""


@transaction.atomic
def referral_create(
    *,
    user: Any,
    case: Case,
    version: int,
    response_id: str,
    kind: str,
    provider_id: str,
    provider_name: str,
) -> Referral:
    """A referral proposed to a provider (not yet sent: that needs the consent to share). It
    goes through the case's version check, so a page opened before another change cannot
    propose it; the case becomes 'referred' once it is sent."""
    require(user, Action.CHANGE)
    consent = None
    scope = CONSENT_FOR_KIND.get(kind)
    if scope is not None:
        consent = case.consent_records.filter(scope=scope, withdrawn_at__isnull=True).first()
        if consent is None:
            raise ConsentMissing(scope)
    save_checked(case, version)  # refused here, before anything is written
    referral = Referral.objects.create(
        case=case,
        response_id=response_id,
        kind=kind,
        provider_id=provider_id,
        provider_name=provider_name,
        created_by=user,
        consent=consent,
        status=ReferralStatus.PROPOSED,
    )
    audit_record(user=user, case=case, action="change", what=f"referral to {provider_id}")
    return referral


ACTOR = "actor:"  # the provider id of a letter to an actor (see `chain_letters`)


def share_consent(referral: Referral) -> Consent | None:
    """The consent in force to share the migrant's details with the referral's provider; for
    a letter to an actor, to be named in that letter (asked per letter)."""
    found = referral.case.consent_records.filter(
        scope=SHARE, with_whom=referral.provider_id, withdrawn_at__isnull=True
    )
    if referral.provider_id.startswith(ACTOR):
        found = found.filter(step=_letter_step(referral))
    return found.first()


def _letter_step(referral: Referral) -> str:
    return f"letter.{referral.pk}"


@transaction.atomic
def referral_update(
    *,
    user: Any,
    referral: Referral,
    version: int,
    status: str,
    outcome: str,
    amount: Decimal | None,
    currency: str,
    outcome_note: str,
    sent_on: dt.date | None = None,
    contact_person: str = "",
    due_on: dt.date | None = None,
    responded_on: dt.date | None = None,
    outcome_on: dt.date | None = None,
    share_agreed: bool = False,
) -> Referral:
    """Save a referral's progress. Sending it (made, accepted or declined, from proposed) needs
    the consent to share, given now (`share_agreed`, recorded as its own consent) or before,
    and the consent its step rests on (police, embassy, identification) still in force; a
    proposed referral closed unsent is dropped, and needs neither. A date left empty where the
    status needs one is today."""
    require(user, Action.CHANGE)
    consent = share_consent(referral)
    sending = referral.status == PROPOSED and status in SENT
    if sending:
        _step_consent_in_force(referral)
        # A letter to an actor without the consent is anonymous: nothing of the worker's goes.
        anonymous = referral.provider_id.startswith(ACTOR)
        if consent is None and not share_agreed and not anonymous:
            raise ShareConsentMissing(SHARE)
    if consent is None and share_agreed:
        consent = _give_share_consent(user, referral)
    today = timezone.localdate()
    responded = status in RESPONDED
    sent = sent_on or referral.sent_on or (today if status in SENT else None)
    updated = Referral.objects.filter(pk=referral.pk, version=version).update(
        version=F("version") + 1,
        updated_at=timezone.now(),
        status=status,
        outcome=outcome,
        amount=amount,
        currency=currency,
        outcome_note=outcome_note,
        share_consent=consent if consent is not None else referral.share_consent,
        sent_on=sent,
        contact_person=contact_person,
        due_on=due_on,
        responded_on=responded_on or (today if responded else None),
        outcome_on=outcome_on or (today if outcome else None),
    )
    if not updated:
        raise StaleEdit
    referral.refresh_from_db()
    _follow_up(user, referral)
    case_follow_referrals(case=referral.case)
    what = f"referral {referral.pk}: {status} {outcome}".strip()
    audit_record(user=user, case=referral.case, action="change", what=what)
    return referral


def _step_consent_in_force(referral: Referral) -> None:
    """The consent the referral's step rests on must still be in force when it is sent: one
    withdrawn since the referral was proposed stops it."""
    scope = CONSENT_FOR_KIND.get(referral.kind)
    if (
        scope
        and not referral.case.consent_records.filter(
            scope=scope, withdrawn_at__isnull=True
        ).exists()
    ):
        raise ConsentMissing(scope)


def share_consent_give(*, user: Any, referral: Referral) -> Consent:
    """The migrant's consent to share their details with the referral's provider (for a
    letter: to be named in it), recorded now."""
    require(user, Action.CHANGE)
    return _give_share_consent(user, referral)


def _give_share_consent(user: Any, referral: Referral) -> Consent:
    letter = referral.provider_id.startswith(ACTOR)
    consent = Consent.objects.create(
        case=referral.case,
        scope=SHARE,
        with_whom=referral.provider_id,
        step=_letter_step(referral) if letter else referral.response_id,
        given_by=user,
    )
    what = f"consent given: {SHARE} with {referral.provider_id}"
    audit_record(user=user, case=referral.case, action="change", what=what)
    return consent


def _follow_up(user: Any, referral: Referral) -> None:
    """A referral waiting for an answer by a date is a follow-up on the case (moved with the
    date, done once the provider answers)."""
    source = f"referral.{referral.pk}"
    task = referral.case.tasks.filter(source=source).first()
    waiting = referral.due_on is not None and referral.status == "made"
    if task is None and waiting:
        Task.objects.create(
            case=referral.case,
            title=_("Ask %(provider)s for an answer to the referral.")
            % {"provider": referral.provider_name},
            due_on=referral.due_on,
            assigned_to_id=referral.case.assigned_to_id,
            source=source,
            created_by=user,
        )
    elif task is not None and task.done_at is None:
        if waiting:
            Task.objects.filter(pk=task.pk).update(due_on=referral.due_on)
        else:
            Task.objects.filter(pk=task.pk).update(done_at=timezone.now(), done_by=user)


def status_after_referrals(case: Case) -> str:
    """The status the referrals give an open case: referred while one is under way."""
    active = case.referrals.filter(status__in=ACTIVE_REFERRALS).exists()
    return str(CaseStatus.REFERRED if active else CaseStatus.OPEN)


def case_follow_referrals(*, case: Case) -> None:
    """Set an open or referred case's status from its referrals (a closing or closed case keeps
    its own). Not a version bump: no form sets the status, so none can set it back."""
    if case.status in (CaseStatus.OPEN, CaseStatus.REFERRED):
        status = status_after_referrals(case)
        if status != case.status:
            Case.objects.filter(pk=case.pk).update(status=status, updated_at=timezone.now())
            case.status = status


@transaction.atomic
def share_consent_withdraw(*, user: Any, case: Case, consent_id: int) -> Consent:
    """The migrant takes back the consent to share their details with one provider. The record
    stays (given when, withdrawn when); a proposed referral to that provider can no longer be
    sent. No version check: a withdrawal must never be refused because the page is old, and a
    second one changes nothing."""
    require(user, Action.CHANGE)
    consent = case.consent_records.select_for_update().get(pk=consent_id, scope=SHARE)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.withdrawn_by = user
        consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
        case_touch(case=case)
        what = f"consent withdrawn: {SHARE} with {consent.with_whom}"
        audit_record(user=user, case=case, action="change", what=what)
    return consent


def share_consents(*, case: Case) -> list[tuple[Consent, str]]:
    """The consents to share in force, each with the name of the provider it is for (as the
    case's referrals to that provider name it)."""
    names = share_provider_names(case=case)
    in_force = case.consent_records.filter(scope=SHARE, withdrawn_at__isnull=True)
    return [(c, names.get(c.with_whom, c.with_whom)) for c in in_force.order_by("given_at")]


def share_provider_names(*, case: Case) -> dict[str, str]:
    return dict(case.referrals.values_list("provider_id", "provider_name"))
