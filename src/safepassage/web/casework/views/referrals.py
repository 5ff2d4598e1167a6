"""Referrals from plan steps to providers, and their outcomes."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ....core.responses.plan import Contact, Step
from .. import documents, queues, referral_services, selectors, services
from ..access import Action
from ..forms import CatalogueReferralForm, ReferralForm, ReferralUpdateForm
from ..models import Case, Consent, Referral
from ..routes import case
from .cases import detail_context, refused_as_stale, stale_message


@case(Action.CHANGE)
def referral_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = ReferralForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a provider from the plan step to refer to."))
        return redirect("casework:detail", case_id=found.pk)
    step, provider = _find_step(
        found, form.cleaned_data["response_id"], form.cleaned_data["provider_id"]
    )
    try:
        referral = referral_services.referral_create(
            user=request.user,
            case=found,
            version=form.cleaned_data["version"] or 0,
            response_id=step.response,
            kind=step.kind,
            provider_id=provider.id,
            provider_name=provider.name,
        )
    except services.StaleEdit:
        context = detail_context(request, found)
        context["referral_choice"] = form.cleaned_data  # what was chosen, chosen again
        messages.error(request, stale_message())
        return render(request, "casework/case_detail.html", context, status=409)
    except referral_services.ConsentMissing:
        messages.error(
            request,
            _("This step needs the migrant's consent, which is not recorded: ask, then record it."),
        )
        return redirect("casework:detail", case_id=found.pk)
    messages.success(request, _("Referral to {provider} recorded.").format(provider=provider.name))
    return redirect("casework:referral", case_id=found.pk, referral_id=referral.pk)


@case(Action.CHANGE)
def referral_other(request: HttpRequest, found: Case) -> HttpResponse:
    """A referral to a provider of the catalogue that no plan step offers (proposed: sending it
    asks for the consent to share, as any referral does)."""
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    choices = queues.provider_choices(case=found)
    form = CatalogueReferralForm(request.POST, choices=choices)
    if not form.is_valid():
        context = detail_context(request, found)
        context["catalogue_form"] = form
        return render(request, "casework/case_detail.html", context, status=400)
    name = dict(choices)[form.cleaned_data["provider"]]
    try:
        referral = referral_services.referral_create(
            user=request.user,
            case=found,
            version=form.cleaned_data["version"] or 0,
            response_id="catalogue",
            kind="other_provider",
            provider_id=form.cleaned_data["provider"].partition("/")[2],
            provider_name=name,
        )
    except services.StaleEdit:
        messages.error(request, stale_message())
        return redirect("casework:detail", case_id=found.pk)
    messages.success(request, _("Referral to {provider} recorded.").format(provider=name))
    return redirect("casework:referral", case_id=found.pk, referral_id=referral.pk)


def _find_step(found: Case, response_id: str, provider_id: str) -> tuple[Step, Contact]:
    """The plan step and provider referred to: only what the current plan offers is accepted."""
    for step in selectors.case_assessment(case=found).plan.steps:
        if step.response == response_id:
            for provider in step.providers:
                if provider.id == provider_id:
                    return step, provider
    raise Http404


@case(Action.CHANGE)
def referral_edit(request: HttpRequest, found: Case, referral_id: int) -> HttpResponse:
    referral = found.referrals.filter(pk=referral_id).first()
    if referral is None:
        raise Http404
    shared = referral_services.share_consent(referral) is not None
    initial = {name: getattr(referral, name) for name in EDITABLE} | {"share_agreed": shared}
    form = ReferralUpdateForm(
        request.POST or None, initial=initial, provider=referral.provider_name, shared=shared
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "share_agreed": form.cleaned_data["share_agreed"] or shared}
        try:
            referral_services.referral_update(user=request.user, referral=referral, **data)
        except services.StaleEdit:
            refused_as_stale(form, Referral.objects.get(pk=referral.pk).version)
        except referral_services.ShareConsentMissing:
            form.add_error("share_agreed", _share_message())
        except referral_services.ConsentMissing:
            form.add_error(None, _step_consent_message())
        else:
            messages.success(request, _("The referral was updated."))
            return redirect("casework:detail", case_id=found.pk)
    if request.method == "GET":
        services.audit_record(user=request.user, case=found, action="view", what="referral")
    context = {
        "case": found, "referral": referral, "form": form,
        "letter_languages": documents.letter_language_names(referral),
    }  # fmt: skip
    return render(request, "casework/referral.html", context, status=400 if form.errors else 200)


EDITABLE = (
    "status", "outcome", "amount", "currency", "outcome_note", "sent_on", "contact_person",
    "due_on", "responded_on", "outcome_on", "version",
)  # fmt: skip


def _share_message() -> str:
    return str(
        _(
            "A referral can be sent only with the migrant's consent to share their details with "
            "this provider. Ask them, then tick the consent; or keep the referral as proposed."
        )
    )


def _step_consent_message() -> str:
    return str(
        _(
            "This step needs a consent of the migrant's that is no longer in force (it was "
            "withdrawn after the referral was proposed), so the referral cannot be sent."
        )
    )


@case(Action.CHANGE)
def consent_withdraw(request: HttpRequest, found: Case, consent_id: int) -> HttpResponse:
    """The migrant takes back a consent to share their details with one provider; the page
    reminds the worker to tell the provider, since what was already shared is with them."""
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    try:
        consent = referral_services.share_consent_withdraw(
            user=request.user, case=found, consent_id=consent_id
        )
    except Consent.DoesNotExist:
        raise Http404 from None
    provider = referral_services.share_provider_names(case=found).get(
        consent.with_whom, consent.with_whom
    )
    messages.success(
        request,
        _(
            "The consent to share with %(provider)s is withdrawn. Tell %(provider)s that the "
            "migrant's details may no longer be used, and ask them to delete what they hold."
        )
        % {"provider": provider},
    )
    return redirect(reverse("casework:detail", args=[found.pk]) + "#referrals")
