"""The API's referrals of a case: read them, propose one (from a step of the case's plan, or to a
provider of the catalogue, as the case page does), and record its progress (sent, answered,
closed with an outcome), checked by the web's own referral forms and under the same consent
rules (`casework.referral_services`): a referral is sent only with the migrant's consent to
share their details with that provider, and a step that rests on a consent (the police, the
embassy, identification) only while that consent is in force."""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict, Field

from ..casework import queues, referral_services, selectors, services
from ..casework.access import Action, access_case, can
from ..casework.forms import (
    CURRENCY_NAMES,
    CatalogueReferralForm,
    ReferralForm,
    ReferralUpdateForm,
)
from ..casework.models import Case, Outcome, Referral, ReferralStatus
from ..common.labels import RESPONSE_KINDS, label
from .schemas import (
    MAX_VERSION,
    REFUSALS,
    STALE,
    VERSIONED_WRITE,
    cleaned,
    problem,
    refuse,
)

router = Router(tags=["referrals"])
CATALOGUE = "catalogue"  # the `response_id` of a referral to a provider no plan step offers


class ReferralOut(Schema):
    id: int
    response_id: str  # the plan step referred from, or "catalogue"
    kind: str
    kind_label: str
    provider_id: str
    provider_name: str
    status: str
    status_label: str
    outcome: str
    outcome_label: str
    amount: float | None  # recovered, in `currency`
    currency: str
    shared: bool  # the migrant's consent to share their details with the provider is in force
    sent_on: date | None
    due_on: date | None  # when an answer is expected
    responded_on: date | None
    outcome_on: date | None
    # As on the referral's own page: only for roles that may change it.
    contact_person: str | None
    outcome_note: str | None
    version: int
    created_at: datetime
    updated_at: datetime


def _out(referral: Referral, shared: set[str], full: bool) -> dict[str, Any]:
    amount = referral.amount
    return {
        **{name: getattr(referral, name) for name in (
            "id", "response_id", "kind", "provider_id", "provider_name", "status", "outcome",
            "currency", "sent_on", "due_on", "responded_on", "outcome_on", "version",
            "created_at", "updated_at")},
        "kind_label": label(RESPONSE_KINDS, referral.kind),
        "status_label": str(referral.get_status_display()),
        "outcome_label": str(referral.get_outcome_display()),
        "amount": float(amount) if amount is not None else None,
        "shared": referral.provider_id in shared,
        "contact_person": str(referral.contact_person) if full else None,
        "outcome_note": str(referral.outcome_note) if full else None,
    }  # fmt: skip


def _shared(found: Case) -> set[str]:
    return {consent.with_whom for consent, _name in referral_services.share_consents(case=found)}


@router.get("/cases/{case_id}/referrals", response={200: list[ReferralOut], **REFUSALS})
def referrals_list(request: HttpRequest, case_id: int) -> Any:
    """The case's referrals, newest first, as the case page lists them."""
    found = access_case(request.user, case_id)
    services.audit_record(user=request.user, case=found, action="view", what="api referrals")
    full = can(request.user, Action.CHANGE)
    shared = _shared(found)
    return [_out(r, shared, full) for r in found.referrals.order_by("-created_at", "-id")]


class ReferralIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"version": 2, "response_id": "th_information_and_safety_planning",
                 "provider_id": "doe_hotline_1694"},
                {"version": 2, "response_id": "catalogue", "provider_id": "TH/hrdf"},
            ]
        }
    )  # fmt: skip

    version: int = Field(ge=1, le=MAX_VERSION, description="The case's version, as last read.")
    response_id: str = Field(
        min_length=1, max_length=80,
        description='A step of the case\'s plan (its `response`), or "catalogue".',
    )  # fmt: skip
    provider_id: str = Field(
        min_length=1, max_length=80,
        description='One of the step\'s providers (its `id`); for "catalogue", a provider of '
        'the catalogue as country and id ("TH/hrdf").',
    )  # fmt: skip


@router.post("/cases/{case_id}/referrals", response={201: ReferralOut, **VERSIONED_WRITE})
def referral_add(request: HttpRequest, case_id: int, payload: ReferralIn) -> Any:
    """Propose a referral (roles that may change cases): to a provider of a step of the case's
    plan as it is now, or to any provider of the catalogue. It is proposed, not sent: sending
    it needs the migrant's consent to share (see the update)."""
    found = access_case(request.user, case_id, Action.CHANGE)
    data = payload.dict()
    if data["response_id"] == CATALOGUE:
        choices = queues.provider_choices(case=found)
        form = CatalogueReferralForm(
            {"provider": data["provider_id"], "version": data["version"]}, choices=choices
        )
        chosen = cleaned(form, names={"provider": "provider_id"})["provider"]
        step = {
            "response_id": CATALOGUE,
            "kind": "other_provider",
            "provider_id": chosen.partition("/")[2],
            "provider_name": dict(choices)[chosen],
        }
    else:
        cleaned(ReferralForm(data))
        step = _step(found, data["response_id"], data["provider_id"])
    try:
        referral = referral_services.referral_create(
            user=request.user, case=found, version=data["version"], **step
        )
    except services.StaleEdit:
        version = Case.objects.values_list("version", flat=True).get(pk=found.pk)
        return Status(409, {"detail": STALE, "version": version})
    except referral_services.ConsentMissing as missing:
        refuse([problem(["response_id"], _consent_words(str(missing)))])
    return Status(201, _out(referral, _shared(found), True))


def _step(found: Case, response_id: str, provider_id: str) -> dict[str, str]:
    """The plan step and provider referred to: only what the current plan offers is accepted."""
    for step in selectors.case_assessment(case=found).plan.steps:
        if step.response == response_id:
            for provider in step.providers:
                if provider.id == provider_id:
                    return {"response_id": step.response, "kind": step.kind,
                            "provider_id": provider.id, "provider_name": provider.name}  # fmt: skip
            refuse([problem(["provider_id"], "not a provider of this step of the case's plan")])
    refuse(
        [problem(["response_id"], 'not a step of the case\'s plan as it is now, nor "catalogue"')]
    )


def _consent_words(scope: str) -> str:
    return (
        f"this step needs the migrant's consent ({scope}), which is not in force: ask them, then "
        "record it on the case"
    )


class ReferralChange(Schema):
    """What changes, as the referral's page sets it; what is left out stays as it is. Sending
    it (status made, accepted or declined, from proposed) needs the migrant's consent to share
    their details with the provider: given now (`share_agreed`: true, recorded as a consent of
    its own) or before."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"version": 1, "status": "made", "share_agreed": True,
                 "contact_person": "Khun Somchai", "due_on": "2026-12-15"},
                {"version": 2, "status": "closed", "outcome": "wages_recovered",
                 "amount": 12500.5, "currency": "THB", "outcome_note": "Paid at the labour office"},
            ]
        }
    )  # fmt: skip

    version: int = Field(ge=1, le=MAX_VERSION, description="The referral's version, as read.")
    # A field sent as null is emptied, as on the page (a status cannot be: it is refused).
    status: str | None = Field(None, json_schema_extra={"enum": list(ReferralStatus.values)})
    outcome: str | None = Field(None, json_schema_extra={"enum": list(Outcome.values)})
    amount: float | None = Field(None, allow_inf_nan=False)
    currency: str | None = Field(None, json_schema_extra={"enum": ["", *CURRENCY_NAMES]})
    outcome_note: str | None = None
    share_agreed: bool = False
    sent_on: date | None = None
    contact_person: str | None = None
    due_on: date | None = None
    responded_on: date | None = None
    outcome_on: date | None = None


KEPT = (
    "status", "outcome", "amount", "currency", "outcome_note", "sent_on", "contact_person",
    "due_on", "responded_on", "outcome_on",
)  # fmt: skip


@router.patch(
    "/cases/{case_id}/referrals/{referral_id}", response={200: ReferralOut, **VERSIONED_WRITE}
)
def referral_change(
    request: HttpRequest, case_id: int, referral_id: int, payload: ReferralChange
) -> Any:
    """Record a referral's progress (roles that may change cases), checked by the referral
    page's form: sent (with the consent to share), accepted or declined, closed with an
    outcome. Sending it without the consent to share is refused naming `share_agreed`; a step
    whose own consent was withdrawn since it was proposed is refused naming `status`."""
    found = access_case(request.user, case_id, Action.CHANGE)
    referral = found.referrals.filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    shared = referral_services.share_consent(referral) is not None
    current = {name: getattr(referral, name) for name in KEPT}
    data = {**current, "share_agreed": shared, **payload.dict(exclude_unset=True)}
    form = ReferralUpdateForm(
        data, initial={"share_agreed": shared}, provider=referral.provider_name, shared=shared
    )
    given = cleaned(form)
    given["share_agreed"] = given["share_agreed"] or shared
    try:
        referral = referral_services.referral_update(user=request.user, referral=referral, **given)
    except services.StaleEdit:
        version = Referral.objects.values_list("version", flat=True).get(pk=referral.pk)
        return Status(409, {"detail": STALE, "version": version})
    except referral_services.ShareConsentMissing:
        refuse([problem(["share_agreed"], SHARE_NEEDED)])
    except referral_services.ConsentMissing as missing:
        refuse([problem(["status"], _consent_words(str(missing)))])
    return _out(referral, _shared(found), True)


SHARE_NEEDED = (
    "a referral can be sent only with the migrant's consent to share their details with this "
    "provider: ask them, then send share_agreed: true; or keep the referral proposed"
)
