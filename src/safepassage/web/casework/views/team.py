"""The organisation's users, for its administrator: add, give a role, deactivate, and make a
password set-up link (shown once, on this page)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ...common.routes import staff
from .. import team
from ..access import Action
from ..forms import RoleForm, UserCreateForm
from ..models import Membership


def _page(request: HttpRequest, status: int = 200, **extra: Any) -> HttpResponse:
    context = {
        "members": [
            (m, RoleForm(initial={"role": m.role}, auto_id=f"role{m.user_id}_%s"))
            for m in team.members(user=request.user)
        ],
        "form": extra.pop("form", None) or UserCreateForm(),
        **extra,
    }
    return render(request, "casework/team.html", context, status=status)


@never_cache
@staff(Action.ADMINISTER)
def team_list(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    form = UserCreateForm(request.POST)
    if not form.is_valid():
        return _page(request, 400, form=form)
    try:
        created = team.user_create(user=request.user, **form.cleaned_data)
    except team.UsernameTaken:
        form.add_error("username", _("“%(field)s” is taken already: choose another."))
        return _page(request, 400, form=form)
    link = team.user_setup_link(user=request.user, user_id=created.pk)
    return _page(request, link=request.build_absolute_uri(link), link_for=created.username)


@never_cache
@staff(Action.ADMINISTER)
def team_member(request: HttpRequest, user_id: int) -> HttpResponse:
    """One member: a new role, deactivation or reactivation, or a new set-up link."""
    if request.method != "POST":
        return redirect("casework:team")
    action = request.POST.get("action", "")
    try:
        if action == "link":
            link = team.user_setup_link(user=request.user, user_id=user_id)
            found = team.members(user=request.user).get(user_id=user_id)
            uri = request.build_absolute_uri(link)
            return _page(request, link=uri, link_for=found.user.username)
        if action in ("deactivate", "reactivate"):
            active = action == "reactivate"
            team.user_set_active(user=request.user, user_id=user_id, active=active)
        else:
            form = RoleForm(request.POST)
            if not form.is_valid():
                return _page(request, 400, refused=_("Choose one of the roles shown."))
            team.user_set_role(user=request.user, user_id=user_id, role=form.cleaned_data["role"])
    except Membership.DoesNotExist:
        raise Http404 from None
    except team.HasPassword:
        refused = _(
            "This person has set a password already, so no set-up link is made: only they can "
            "change it. If they have lost it, deactivate the account and add them again."
        )
        return _page(request, 400, refused=refused)
    except team.SelfLockout:
        refused = _("You cannot deactivate yourself or give up your own administrator role.")
        return _page(request, 400, refused=refused)
    messages.success(request, _("The change was saved."))
    return redirect("casework:team")
