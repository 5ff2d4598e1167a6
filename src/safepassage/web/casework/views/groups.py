"""Group cases, seen from one member's case: create a group, join one by its reference, leave
it, and share this case's answers with the other members (see `casework.groups`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...common import present
from .. import groups, services
from ..access import Action
from ..group_forms import GroupJoinForm, GroupNewForm, GroupShareForm
from ..models import Case, CaseGroup
from ..routes import case
from .cases import stale_message


def _page(request: HttpRequest, found: Case, status: int = 200, **forms: object) -> HttpResponse:
    group = found.group
    context: dict[str, object] = {"case": found, "group": group}
    if group is None:
        context["new_form"] = forms.get("new_form") or GroupNewForm()
        context["join_form"] = forms.get("join_form") or GroupJoinForm()
    else:
        context["members"] = groups.group_members(user=request.user, group=group)
        context["shared"] = [present.fact_text(q) for q in group.shared_questions]
        context["share_form"] = forms.get("share_form") or GroupShareForm(
            choices=_choices(found),
            initial={
                "questions": group.shared_questions if group.shared_from_id == found.pk else []
            },
        )
    return render(request, "casework/group.html", context, status=status)


def _choices(found: Case) -> list[tuple[str, str]]:
    return [(q, present.fact_text(q)) for q in groups.shareable(case=found)]


@case(Action.CHANGE)
def group_page(request: HttpRequest, found: Case) -> HttpResponse:
    """The case's group (its members, what they share), or how to start or join one; a POST
    shares this case's chosen answers with the other members."""
    services.audit_record(user=request.user, case=found, action="view", what="group")
    if request.method != "POST" or found.group is None:
        return _page(request, found)
    form = GroupShareForm(request.POST, choices=_choices(found))
    if not form.is_valid():
        return _page(request, found, 400, share_form=form)
    try:
        copied = groups.group_share(
            user=request.user, group=found.group, source=found,
            questions=form.cleaned_data["questions"],
        )  # fmt: skip
    except services.StaleEdit:  # a member's case changed meanwhile: nothing was copied
        messages.error(request, stale_message())
        return _page(request, found, 409, share_form=form)
    messages.success(
        request,
        ngettext(
            "%(count)d answer was copied to the other members.",
            "%(count)d answers were copied to the other members.",
            copied,
        )
        % {"count": copied},
    )
    return redirect("casework:group", case_id=found.pk)


def _in_a_group_already(request: HttpRequest, found: Case) -> HttpResponse:
    messages.error(request, _("This case is in a group already: take it out of that one first."))
    return _page(request, found, 400)


@case(Action.CHANGE)
def group_new(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:group", case_id=found.pk)
    if found.group is not None:  # a page opened before the case joined one
        return _in_a_group_already(request, found)
    form = GroupNewForm(request.POST)
    if not form.is_valid():
        return _page(request, found, 400, new_form=form)
    groups.group_create(user=request.user, case=found, **form.cleaned_data)
    return redirect("casework:group", case_id=found.pk)


@case(Action.CHANGE)
def group_join(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method != "POST":
        return redirect("casework:group", case_id=found.pk)
    if found.group is not None:  # a page opened before the case joined one
        return _in_a_group_already(request, found)
    form = GroupJoinForm(request.POST)
    if form.is_valid():
        try:
            groups.group_join(
                user=request.user, case=found, reference=form.cleaned_data["reference"]
            )
        except CaseGroup.DoesNotExist:
            form.add_error(
                "reference",
                _("No group of your organisation has the reference “%(reference)s”. Check it on "
                  "the group's page in another member's case.")
                % {"reference": form.cleaned_data["reference"]},
            )  # fmt: skip
    if not form.is_valid():
        return _page(request, found, 400, join_form=form)
    return redirect("casework:group", case_id=found.pk)


@case(Action.CHANGE)
def group_leave(request: HttpRequest, found: Case) -> HttpResponse:
    if request.method == "POST":
        groups.group_leave(user=request.user, case=found)
        messages.success(request, _("The case left the group; its answers stay as they are."))
    return redirect("casework:group", case_id=found.pk)
