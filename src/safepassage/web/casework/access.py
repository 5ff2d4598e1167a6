"""Who may do what with which case. Every lookup of case data starts here.

A case outside the user's organisation does not exist for them (404, never 403), so that case
references cannot be probed. Within the organisation, the role decides what may be done; an
analyst sees cases without personal data and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from ..common import roles
from ..common.roles import ALLOWED, Action, can
from .models import Case, Membership

__all__ = [
    "ALLOWED",
    "Action",
    "access_case",
    "can",
    "cases_for",
    "colleagues",
    "membership",
    "require",
]


def membership(user: Any) -> Membership | None:
    found: Membership | None = roles.membership(user)
    return found


def require(user: Any, action: Action) -> Membership:
    found: Membership = roles.require(user, action)
    return found


def cases_for(user: Any) -> QuerySet[Case]:
    """Every case the user may see: their organisation's, if their role opens cases (an
    analyst's does not: they see releases only); none for anyone else."""
    member = membership(user)
    if member is None or not can(user, Action.VIEW):
        return Case.objects.none()
    return Case.objects.filter(organisation_id=member.organisation_id)


def colleagues(user: Any) -> QuerySet[Any]:
    """The active members of the user's organisation who work cases: whom a case may be
    assigned or transferred to (never anyone outside it)."""
    member = membership(user)
    if member is None:
        return get_user_model().objects.none()
    roles = [role for role, actions in ALLOWED.items() if Action.CHANGE in actions]
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            membership__organisation_id=member.organisation_id,
            membership__role__in=roles,
        )
        .order_by("username")
    )


def access_case(user: Any, case_id: int | str, action: Action = Action.VIEW) -> Case:
    """The case, if the user may do `action` with it; 404 if it is not theirs to see; 403
    for a role that opens no case (an analyst), whichever case is asked for."""
    require(user, Action.VIEW)
    try:
        case = cases_for(user).get(pk=int(case_id))
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require(user, action)
    return case
