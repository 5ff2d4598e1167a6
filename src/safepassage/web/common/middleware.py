"""What every signed-in page gets (issue 17): no copy kept in any cache, and a session that ends
after a while without use and after a fixed time however busy.

Staff pages show case data (names, accounts, notes) on phones and computers that are shared or
lost; a browser's or a proxy's cache must not keep them (`Cache-Control: no-store`), and a
session left open on a shared machine must not stay usable for a working day.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

Handler = Callable[[HttpRequest], HttpResponse]
SEEN, SIGNED_IN = "safepassage_seen_at", "safepassage_signed_in_at"
NOTED_EVERY = 60  # seconds: the last use is written at most this often (one session write)


class PrivatePages:
    """`Cache-Control: no-store` on every response to a signed-in user, unless the view said
    otherwise (static files never reach here: WhiteNoise answers them first)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response


class SessionLimits:
    """Sign the user out after `SAFEPASSAGE_IDLE_MINUTES` without a request, and after
    `SESSION_COOKIE_AGE` since signing in, whatever happened in between."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        session = request.session
        signed_in = session.setdefault(SIGNED_IN, now)
        seen = session.get(SEEN, now)
        if now - seen > settings.IDLE_SECONDS or now - signed_in > settings.SESSION_COOKIE_AGE:
            logout(request)
            return redirect_to_login(request.get_full_path())
        if now - seen >= NOTED_EVERY or SEEN not in session:
            session[SEEN] = now
        return self.get_response(request)
