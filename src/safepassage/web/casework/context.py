"""Template context for case-work pages: which menu entries the user's role can open, so that
no entry leads to a refusal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import Action, can
from .queues import inbox


def menu(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "menu_cases": can(user, Action.VIEW),
        "menu_analytics": can(user, Action.ANALYSE),
        "menu_audit": can(user, Action.AUDIT),
        "menu_change": can(user, Action.CHANGE),
        "menu_review": can(user, Action.REVIEW),
        "menu_assign": can(user, Action.ASSIGN),
        "menu_team": can(user, Action.ADMINISTER),
        "menu_inbox_count": _inbox_count(user),
    }


def _inbox_count(user: Any) -> int:
    """How many self-check requests wait for someone (for the menu of those who assign)."""
    if not can(user, Action.ASSIGN):
        return 0
    return inbox(user=user).count()
