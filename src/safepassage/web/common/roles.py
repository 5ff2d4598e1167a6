"""What each role may do: the rules every part of the web edge reads (case work, the shared
route decorators, menus), kept here so that shared helpers never import an app.

A user's role is their membership of an organisation (`user.membership`, a case-work model
read through the attribute, never imported here). Which case a user may open is case work's
own rule (`casework.access.access_case`), built on these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied


class Action(StrEnum):
    VIEW = "view"
    VIEW_PERSONAL = "view_personal"
    CHANGE = "change"
    EXPORT = "export"
    AUDIT = "audit"
    REVIEW = "review"  # the organisation's disagreements with the engine
    ASSIGN = "assign"  # give a case to a worker; the inbox of self-check requests
    APPROVE = "approve"  # approve (or send back) a case worker's request to close a case
    ADMINISTER = "administer"  # the organisation's users: create, deactivate, give roles
    ANALYSE = "analyse"  # the organisation's statistics: releases only, never a case
    RELEASE = "release"  # make a release, and set the privacy policy releases follow


ALLOWED: dict[str, frozenset[Action]] = {
    "case_worker": frozenset({Action.VIEW, Action.VIEW_PERSONAL, Action.CHANGE, Action.EXPORT}),
    "supervisor": frozenset(Action) - {Action.ADMINISTER},
    "administrator": frozenset(Action),
    # An analyst sees aggregates only: no case list, no case page, no personal data.
    "analyst": frozenset({Action.ANALYSE}),
}


def membership(user: Any) -> Any:
    """The user's membership of an organisation, or None (anonymous, or no organisation)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.membership
    except ObjectDoesNotExist:
        return None


def can(user: Any, action: Action) -> bool:
    member = membership(user)
    return member is not None and action in ALLOWED.get(member.role, frozenset())


def require(user: Any, action: Action) -> Any:
    """The user's membership, if their role allows `action`; otherwise a refusal (403)."""
    member = membership(user)
    if member is None or action not in ALLOWED.get(member.role, frozenset()):
        raise PermissionDenied
    return member
