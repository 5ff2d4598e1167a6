"""Template context for every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def organisation(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's organisation, so demo data is marked as such on every page."""
    member = getattr(request.user, "membership", None) if request.user.is_authenticated else None
    org = member.organisation if member is not None else None
    return {"organisation": org, "is_demo": bool(org and org.is_demo)}
