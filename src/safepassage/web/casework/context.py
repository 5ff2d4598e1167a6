"""Template context for case-work pages: which menu entries the user's role can open, so that
no entry leads to a refusal."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .access import Action, can


def menu(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "menu_audit": can(user, Action.AUDIT),
        "menu_change": can(user, Action.CHANGE),
        "menu_review": can(user, Action.REVIEW),
    }
