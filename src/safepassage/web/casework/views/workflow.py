"""A team's work on cases: the inbox, assignment, follow-ups, legal deadlines and closure.

Thin: the access rule in the decorator, reads in `queues`, writes in `workflow`. A refused form
shows the case page again with what was typed and the reason (status 400), never a 500.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ...common.routes import staff
from .. import queues, services, workflow
from ..access import Action, can, colleagues
from ..forms import AssignForm, ClosureDecisionForm, ClosureForm, DeadlineTaskForm, TaskForm
from ..models import Case, Task
from ..routes import case
from ..services import StaleEdit
from .cases import detail_context, refused_as_stale


@staff(Action.ASSIGN)
def inbox(request: HttpRequest) -> HttpResponse:
    """The requests waiting, 50 a page, oldest first; one list of colleagues serves every
    request's assign form."""
    page = Paginator(queues.inbox(user=request.user), 50).get_page(request.GET.get("page"))
    people = AssignForm(people=colleagues(request.user)).fields["assignee"].choices
    for found in page:  # each request shows how to reach the person: a read of personal data
        services.audit_record(user=request.user, case=found, action="view", what="inbox")
    personal = can(request.user, Action.VIEW_PERSONAL)
    context = {"page": page, "people": people, "show_personal": personal}
    return render(request, "casework/inbox.html", context)


def _again(request: HttpRequest, found: Case, **forms: object) -> HttpResponse:
    """The case page with the refused form as it was filled in."""
    context = detail_context(request, found)
    context.update(forms)
    return render(request, "casework/case_detail.html", context, status=400)


@case(Action.CHANGE)
def case_assign(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    if not workflow.may_assign(request.user, found):
        raise PermissionDenied
    form = AssignForm(request.POST, people=colleagues(request.user))
    if not form.is_valid():
        return _again(request, found, assign_form=form)
    try:
        workflow.case_assign(
            user=request.user,
            case=found,
            version=form.cleaned_data["version"],
            assignee_id=form.cleaned_data["assignee"],
        )
    except StaleEdit:
        refused_as_stale(form, Case.objects.get(pk=found.pk).version)
        return _again(request, found, assign_form=form)
    messages.success(request, _("The case was assigned."))
    if request.POST.get("next") == "inbox":
        return redirect("casework:inbox")
    return redirect("casework:detail", case_id=found.pk)


@case(Action.CHANGE)
def task_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = TaskForm(request.POST)
    if not form.is_valid():
        return _again(request, found, task_form=form)
    data = form.cleaned_data
    workflow.task_create(user=request.user, case=found, title=data["title"], due_on=data["due_on"])
    messages.success(request, _("The follow-up was added."))
    return redirect("casework:detail", case_id=found.pk)


@case(Action.CHANGE)
def task_done(request: HttpRequest, found: Case, task_id: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    done = request.POST.get("done", "1") != "0"
    try:
        workflow.task_complete(user=request.user, case=found, task_id=task_id, done=done)
    except Task.DoesNotExist:
        raise Http404 from None
    return redirect("casework:detail", case_id=found.pk)


@case(Action.CHANGE)
def deadline_task(request: HttpRequest, found: Case) -> HttpResponse:
    """A legal deadline that applies, as a follow-up due on the last day."""
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = DeadlineTaskForm(request.POST)
    # The law on the day the time starts to run (the window to change employer was 60 days in
    # 2021-2023), not today's.
    on = form.cleaned_data["start"] if form.is_valid() else None
    offers = {o.deadline.key: o for o in queues.deadline_offers(case=found, on=on)}
    if form.is_valid() and form.cleaned_data["deadline"] not in offers:
        form.add_error("deadline", _("This deadline does not apply to the case as it stands."))
    if not form.is_valid():
        return _again(request, found, deadline_form=form)
    deadline = offers[form.cleaned_data["deadline"]].deadline
    workflow.task_create_deadline(
        user=request.user, case=found, deadline=deadline, start=form.cleaned_data["start"]
    )
    messages.success(request, _("The deadline was added as a follow-up."))
    return redirect("casework:detail", case_id=found.pk)


@case(Action.CHANGE)
def closure_request(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = ClosureForm(request.POST)
    if form.is_valid():
        try:
            workflow.case_request_closure(
                user=request.user,
                case=found,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
            )
        except StaleEdit:
            refused_as_stale(form, Case.objects.get(pk=found.pk).version)
        except workflow.NotAllowed:
            form.add_error(None, _("This case is already closed or waiting for approval."))
        else:
            messages.success(request, _("Closure was asked for: a supervisor will decide."))
            return redirect("casework:detail", case_id=found.pk)
    return _again(request, found, closure_form=form)


@case(Action.APPROVE)
def closure_decision(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:detail", case_id=found.pk)
    form = ClosureDecisionForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        try:
            workflow.case_decide_closure(
                user=request.user, case=found, version=form.cleaned_data["version"], approve=approve
            )
        except StaleEdit:
            refused_as_stale(form, Case.objects.get(pk=found.pk).version)
        except workflow.NotAllowed:
            form.add_error(None, _("Nobody has asked to close this case."))
        else:
            done = _("The case was closed.") if approve else _("The case stays open.")
            messages.success(request, done)
            return redirect("casework:detail", case_id=found.pk)
    return _again(request, found, decision_form=form)
