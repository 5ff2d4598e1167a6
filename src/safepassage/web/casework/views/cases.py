"""Case pages. Thin: access rules in the decorators, reads in selectors, writes in services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ...common import present
from ...common.routes import staff
from .. import (
    actor_selectors,
    actors,
    queues,
    referral_services,
    searches,
    selectors,
    services,
    workflow,
)
from ..access import Action, can, colleagues, membership
from ..forms import (
    AssignForm,
    AttachmentForm,
    CaseDetailsForm,
    CaseFilterForm,
    CatalogueReferralForm,
    ClosureDecisionForm,
    ClosureForm,
    DeadlineTaskForm,
    NoteEditForm,
    NoteForm,
    PlanRequestForm,
    ProfessionalDeterminationForm,
    TaskForm,
)
from ..models import Case, Note
from ..routes import case


def stale_message() -> str:
    return str(
        _(
            "Someone else changed this case while you were editing it, so your changes were not "
            "saved. They are still in the form below: check the case as it is now, then save again."
        )
    )


def refused_as_stale(form: Any, current: int) -> None:
    """Refuse a stale form, keeping what was typed, and carry the record's current version, so
    that saving again (after checking the record as it is now) is accepted."""
    form.data = form.data.copy()
    form.data["version"] = str(current)
    form.add_error(None, stale_message())


@dataclass
class Listed:
    """The case list as its filters select it (the page and its downloads share it)."""

    form: CaseFilterForm
    filters: dict[str, Any]
    cases: QuerySet[Case]
    refused: str = ""


def listed(request: HttpRequest) -> Listed:
    personal = can(request.user, Action.VIEW_PERSONAL)
    people = colleagues(request.user)
    data = request.GET.copy()
    if words := searches.search_words(request):  # the words behind `?search=`, not in it
        data["q"] = words
    form = CaseFilterForm(data or None, personal=personal, people=people)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    query = filters.get("q", "") if personal else data.get("q", "")
    try:
        cases = selectors.case_list(
            user=request.user, query=query, **{k: v for k, v in filters.items() if k != "q"}
        )
    except selectors.SearchRefused:
        refused = _(
            "Searching by name, phone number or document number needs access to personal data, "
            "which your role does not have. Filter by country, sector, stage, level or status."
        )
        return Listed(form, filters, selectors.case_list(user=request.user).none(), refused)
    return Listed(form, filters, cases)


@staff(Action.VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":  # the search form: its words go into the session, not the URL
        address = searches.list_address(request=request)
        return redirect(f"{request.path}?{address}" if address else request.path)
    found = listed(request)
    form, cases, refused = found.form, found.cases, found.refused
    status = 403 if refused else 200
    page = Paginator(cases.select_related("assigned_to").only(*LIST_COLUMNS), 50).get_page(
        request.GET.get("page")
    )
    selectors.next_follow_ups(list(page.object_list))
    member = membership(request.user)
    if member is not None:  # every read of case data is audited, a list page as much as a case
        what = f"case list page {page.number}; filter: {services.filter_words(found.filters)}"
        services.audit_organisation(user=request.user, organisation_id=member.organisation_id,
                                    action="view", what=what)  # fmt: skip
    context = {
        "form": form,
        "refused": refused,
        "page": page,
        "show_personal": can(request.user, Action.VIEW_PERSONAL),
        "can_change": can(request.user, Action.CHANGE),
        "can_review": can(request.user, Action.REVIEW),
        "can_export": can(request.user, Action.EXPORT),
        "query": _without_page(request),
        "today": timezone.localdate(),
    }
    return render(request, "casework/case_list.html", context, status=status)


def _without_page(request: HttpRequest) -> str:
    kept = request.GET.copy()
    kept.pop("page", None)
    return kept.urlencode()


LIST_COLUMNS = (
    "id", "reference", "name", "status", "country", "sector", "stage", "level", "trafficking",
    "updated_at", "organisation_id", "assigned_to__username", "assigned_to__first_name",
    "assigned_to__last_name",
)  # fmt: skip


@staff(Action.CHANGE)
def case_new(request: HttpRequest) -> HttpResponse:
    form = CaseDetailsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = membership(request.user)
        assert member is not None  # the decorator checked it
        created = services.case_create(
            user=request.user,
            organisation=member.organisation,
            name=form.cleaned_data["name"],
            phone=form.cleaned_data["phone"],
            document_number=form.cleaned_data["document_number"],
        )
        return redirect("casework:intake", case_id=created.pk)
    return render(request, "casework/case_new.html", {"form": form})


def detail_context(request: HttpRequest, found: Case) -> dict[str, object]:
    assessment = selectors.case_assessment(case=found)
    return {
        "case": found,
        "determination": present.determination(assessment.determination),
        "progress": assessment.progress,
        "plan": present.plan(assessment.plan),
        "show_personal": can(request.user, Action.VIEW_PERSONAL),
        "can_change": can(request.user, Action.CHANGE),
        "can_audit": can(request.user, Action.AUDIT),
        "referrals": found.referrals.order_by("-created_at"),
        "notes": found.notes.order_by("-created_at")
        if can(request.user, Action.VIEW_PERSONAL)
        else [],
        "audit": selectors.audit_list(user=request.user, case=found)[:20]
        if can(request.user, Action.AUDIT)
        else [],
        "plan_form": PlanRequestForm(
            initial={
                "goals": found.goals,
                "consents": sorted(selectors.consent_scopes(case=found)),
                "located_in": found.located_in,
                "version": found.version,
            }
        ),
        "note_form": NoteForm(),
        "consents": selectors.consent_history(case=found),
        "share_consents": referral_services.share_consents(case=found)
        if can(request.user, Action.CHANGE)
        else [],
        "professional": found.professional_determinations.select_related("author")[:10],
        # Starts from the engine's view: the worker changes what they disagree with.
        "professional_form": ProfessionalDeterminationForm(
            initial={
                "level": assessment.determination.level.code,
                "trafficking": assessment.determination.trafficking.result.value,
            }
        ),
        "changed_since": selectors.changed_since(case=found),
        "unreadable": selectors.case_unreadable(case=found),
        **work_context(request, found, assessment),
        **_party_context(request, found),
    }


def _party_context(request: HttpRequest, found: Case) -> dict[str, object]:
    if not can(request.user, Action.VIEW_PERSONAL):
        return {}
    return {
        "parties": actor_selectors.case_parties(user=request.user, case=found),
        "party_suggestions": len(actors.suggestions_for(user=request.user, case=found)),
    }


def work_context(
    request: HttpRequest, found: Case, assessment: selectors.Assessment
) -> dict[str, object]:
    """The case page's "work on this case" part: who has it, what is due, legal deadlines, and
    closure; each form starts from the case as it is now (its version)."""
    if not can(request.user, Action.CHANGE):
        return {"tasks": queues.task_list(case=found) if can(request.user, Action.VIEW_PERSONAL)
                else []}  # fmt: skip
    version = {"version": found.version}
    return {
        "tasks": queues.task_list(case=found),
        "may_assign": workflow.may_assign(request.user, found),
        "assign_form": AssignForm(people=colleagues(request.user), initial=version),
        "task_form": TaskForm(),
        "deadlines": queues.deadline_offers(
            case=found, account=assessment.account, result=assessment.determination
        ),
        "deadline_form": DeadlineTaskForm(),
        "closure_form": ClosureForm(initial=version),
        "can_approve": can(request.user, Action.APPROVE),
        "decision_form": ClosureDecisionForm(initial=version),
        "catalogue_form": CatalogueReferralForm(
            choices=queues.provider_choices(case=found, account=assessment.account)
        ),
        "attachment_form": AttachmentForm(),
        "attachments": found.attachments.defer("content").select_related("uploaded_by"),
    }


@case(Action.VIEW)
def case_detail(request: HttpRequest, found: Case) -> HttpResponse:
    services.audit_record(user=request.user, case=found, action="view", what="case page")
    context = detail_context(request, found)
    unreadable = context["unreadable"]
    if isinstance(unreadable, list) and unreadable:  # administrators see it in the audit log
        what = "could not decrypt: " + ", ".join(str(part) for part in unreadable)
        services.audit_record(user=request.user, case=found, action="unreadable", what=what)
    return render(request, "casework/case_detail.html", context)


@case(Action.CHANGE)
def case_edit(request: HttpRequest, found: Case) -> HttpResponse:
    initial = {
        "name": found.name,
        "phone": found.phone,
        "document_number": found.document_number,
        "version": found.version,
    }
    form = CaseDetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.case_update_details(
                user=request.user,
                case=found,
                version=data["version"] or 0,
                name=data["name"],
                phone=data["phone"],
                document_number=data["document_number"],
            )
        except services.StaleEdit:
            refused_as_stale(form, Case.objects.get(pk=found.pk).version)
        else:
            messages.success(request, _("The case was saved."))
            return redirect("casework:detail", case_id=found.pk)
    else:
        services.audit_record(user=request.user, case=found, action="view", what="edit form")
    return render(request, "casework/case_edit.html", {"case": found, "form": form})


@case(Action.CHANGE)
def plan_request(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = PlanRequestForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.case_set_plan_request(
                user=request.user,
                case=found,
                version=data["version"],
                goals=data["goals"],
                consents=data["consents"],
                located_in=data["located_in"],
            )
        except services.StaleEdit:
            refused_as_stale(form, Case.objects.get(pk=found.pk).version)
        else:
            messages.success(request, _("The plan was updated to the migrant's goals and consent."))
            return redirect("casework:detail", case_id=found.pk)
    context = detail_context(request, found)
    context["plan_form"] = form
    return render(request, "casework/case_detail.html", context, status=400)


@case(Action.CHANGE)
def note_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        services.note_create(
            user=request.user,
            case=found,
            text=data["text"],
            kind=data["kind"],
            contacted_on=data["contacted_on"],
        )
        messages.success(request, _("The note was added."))
        return redirect("casework:detail", case_id=found.pk)
    context = detail_context(request, found)
    context["note_form"] = form
    return render(request, "casework/case_detail.html", context, status=400)


@case(Action.CHANGE)
def note_edit(request: HttpRequest, found: Case, note_id: int) -> HttpResponse:
    """Edit a note; what it said before stays in its history, shown below the form."""
    note = found.notes.filter(pk=note_id).first()
    if note is None:
        raise Http404
    initial = {"kind": note.kind, "contacted_on": note.contacted_on, "text": note.text,
               "version": note.version}  # fmt: skip
    form = NoteEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.note_update(
                user=request.user, note=note, version=data["version"], text=data["text"],
                kind=data["kind"], contacted_on=data["contacted_on"],
            )  # fmt: skip
        except services.StaleEdit:
            refused_as_stale(form, Note.objects.get(pk=note.pk).version)
        except services.UnreadableAccount:
            form.add_error(None, _unreadable_note())
        else:
            messages.success(request, _("The note was saved; what it said before is kept."))
            return redirect("casework:detail", case_id=found.pk)
    elif request.method == "GET":
        services.audit_record(user=request.user, case=found, action="view", what="note edit")
    history = note.revisions.select_related("written_by", "replaced_by")
    context = {"case": found, "note": note, "form": form, "history": history}
    return render(request, "casework/note_edit.html", context, status=400 if form.errors else 200)


def _unreadable_note() -> str:
    return str(
        _(
            "This note cannot be read (it was encrypted with a key that is no longer "
            "configured), so it cannot be edited. Add a new note instead."
        )
    )
