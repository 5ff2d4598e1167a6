"""Actors seen from a case (its parties, what other cases report of them, the suggestions to
confirm or reject) and the actor's own page (see `casework.actors`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ...common.labels import COUNTRIES, OPTIONS, label
from ...common.routes import staff
from .. import actor_selectors, actors, chain_letters, services
from ..access import Action, can, require
from ..actor_forms import ChainLetterForm, LinkDecisionForm, PartyForm, ReviewForm
from ..actor_models import Actor
from ..models import Case
from ..routes import case
from .cases import stale_message


def _jobs(found: Case) -> list[tuple[str, str]]:
    jobs = found.account.get("work") or []  # an unreadable account reads as empty
    return [(str(i), _job_words(i, job)) for i, job in enumerate(jobs)]


def _job_words(i: int, job: dict[str, object]) -> str:
    sector = label(OPTIONS, str(job.get("sector") or "unknown"))
    country = label(COUNTRIES, str(job["country"])) if job.get("country") else ""
    place = ", ".join(part for part in (sector, country) if part)
    return _("Job %(number)d: %(place)s") % {"number": i + 1, "place": place}


def _page(request: HttpRequest, found: Case, status: int = 200, **forms: object) -> HttpResponse:
    context = {
        "case": found,
        "parties": actor_selectors.case_parties(user=request.user, case=found),
        "suggestions": actors.suggestions_for(user=request.user, case=found),
        "can_change": can(request.user, Action.CHANGE),
        "recipients": chain_letters.RECIPIENTS,
        "letter_form": ChainLetterForm(initial={"version": found.version}),
        "form": forms.get("form")
        or PartyForm(jobs=_jobs(found), initial={"version": found.version}),
    }
    return render(request, "casework/parties.html", context, status=status)


@case(Action.VIEW_PERSONAL)
def case_parties(request: HttpRequest, found: Case) -> HttpResponse:
    """The case's parties; a POST names one more."""
    if request.method != "POST":
        services.audit_record(user=request.user, case=found, action="view", what="parties")
        return _page(request, found)
    require(request.user, Action.CHANGE)
    form = PartyForm(request.POST, jobs=_jobs(found), country=found.country)
    if not form.is_valid():
        return _page(request, found, 400, form=form)
    try:
        actors.party_add(user=request.user, case=found, version=form.cleaned_data["version"],
                         party=form.party())  # fmt: skip
    except services.StaleEdit:
        messages.error(request, stale_message())
        return _page(request, found, 409, form=form)
    messages.success(request, _("The party was added to the case."))
    return redirect("casework:parties", case_id=found.pk)


@case(Action.CHANGE)
def party_remove(request: HttpRequest, found: Case, alias_id: int) -> HttpResponse:
    if request.method == "POST":
        try:
            actors.party_remove(user=request.user, case=found, version=found.version,
                                alias_id=alias_id)  # fmt: skip
            messages.success(request, _("The party was removed from the case."))
        except services.StaleEdit:
            messages.error(request, stale_message())
    return redirect("casework:parties", case_id=found.pk)


@case(Action.CHANGE)
def link_decision(request: HttpRequest, found: Case) -> HttpResponse:
    form = LinkDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        same = form.cleaned_data["same"]
        try:
            actors.link_decide(user=request.user, suggestion_id=form.cleaned_data["suggestion"],
                               same=same)  # fmt: skip
        except Http404:  # answered by a colleague meanwhile, or no longer offered
            messages.error(request, _("That suggestion is no longer open: see the list as it "
                                      "is now."))  # fmt: skip
            return redirect("casework:parties", case_id=found.pk)
        messages.success(
            request,
            _("The two were joined as one actor.") if same
            else _("They will not be suggested as one actor again."),
        )  # fmt: skip
    return redirect("casework:parties", case_id=found.pk)


@case(Action.CHANGE)
def chain_letter_new(request: HttpRequest, found: Case, alias_id: int) -> HttpResponse:
    """A letter up the supply chain to the party `alias_id` of the case, as a referral."""
    alias = found.aliases.filter(pk=alias_id).select_related("actor").first()
    if alias is None or alias.kind not in chain_letters.RECIPIENTS:
        raise Http404
    form = ChainLetterForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return _page(request, found, 400 if form.errors else 200)
    try:
        referral = chain_letters.chain_letter_create(
            user=request.user, case=found, version=form.cleaned_data["version"], alias=alias,
            kind=form.cleaned_data["kind"], named=form.cleaned_data["named"],
        )  # fmt: skip
    except chain_letters.ReviewMissing:
        messages.error(request, _("A supervisor must record a legal review of this actor, on "
                                  "its page, before a letter may name it."))  # fmt: skip
        return _page(request, found, 409)
    except services.StaleEdit:
        messages.error(request, stale_message())
        return _page(request, found, 409)
    messages.success(request, _("The letter is ready as a proposed referral: download it "
                                "there, and record the answer when it comes."))  # fmt: skip
    return redirect("casework:referral", case_id=found.pk, referral_id=referral.pk)


@staff(Action.VIEW_PERSONAL)
def actor_detail(request: HttpRequest, actor_id: int) -> HttpResponse:
    """One actor across the organisation's cases; a supervisor records the legal review."""
    actor = actor_selectors.access_actor(request.user, actor_id)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        require(request.user, Action.APPROVE)
        if form.is_valid():
            _review(request, actor, form.cleaned_data["note"])
            return redirect("casework:actor", actor_id=actor.pk)
    services.audit_organisation(user=request.user, organisation_id=actor.organisation_id,
                                action="view", what=f"actor {actor.pk}")  # fmt: skip
    context = {
        "profile": actor_selectors.actor_profile(actor=actor),
        "can_review": can(request.user, Action.APPROVE),
        "review_form": form,
    }
    return render(request, "casework/actor.html", context, status=400 if form.errors else 200)


def _review(request: HttpRequest, actor: Actor, note: str) -> None:
    actors.actor_review(user=request.user, actor=actor, note=note)
    messages.success(request, _("The legal review was recorded."))


@staff(Action.REVIEW)
def actor_network(request: HttpRequest) -> HttpResponse:
    """Supervisors: the organisation's actors linked through shared cases and phone numbers."""
    network = actor_selectors.actor_network(user=request.user)
    member = require(request.user, Action.REVIEW)
    services.audit_organisation(user=request.user, organisation_id=member.organisation_id,
                                action="view", what="actor network")  # fmt: skip
    return render(request, "casework/actor_network.html", {"network": network})
