"""The route rule for case pages: `case(action)`, as `common.routes.staff`, and the case in the
URL must be the organisation's (else 404); the view receives the case instead of its id."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from ..common.routes import View
from .access import Action, access_case


def case(action: Action = Action.VIEW) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, case_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            found = access_case(request.user, case_id, action)
            return view(request, found, *args, **kwargs)

        wrapper.access_rule = f"case:{action}"  # type: ignore[attr-defined]
        return wrapper

    return decorate
