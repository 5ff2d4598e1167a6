"""Access rules on views. Every route must carry one (a test walks the URL map and fails when a
view has none), so a new page cannot be added without deciding who may open it.

- `public`: anyone, including an anonymous visitor (the self-check, login, health).
- `staff(action)`: a member of an organisation whose role allows `action`.
- `case(action)` (in `casework.routes`, since which case a user may open is case work's rule):
  as `staff`, and the case in the URL must be the organisation's (else 404); the view
  receives the case instead of its id.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from .roles import Action, require

View = Callable[..., HttpResponse]


def public(view: View) -> View:
    view.access_rule = "public"  # type: ignore[attr-defined]
    return view


def staff(action: Action = Action.VIEW) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, action)
            return view(request, *args, **kwargs)

        wrapper.access_rule = f"staff:{action}"  # type: ignore[attr-defined]
        return wrapper

    return decorate
