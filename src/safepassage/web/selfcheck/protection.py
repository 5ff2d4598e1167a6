"""The contact form without cookies: a signed, time-limited form token instead of a CSRF
cookie, and a limit on requests per address, counted in the shared cache (Redis where several
processes serve, see settings.CACHES), so a burst cannot fill an organisation's inbox."""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

from ..common.throttle import hit

SALT = "safepassage.selfcheck.contact"
TOKEN_MAX_AGE = 2 * 60 * 60  # a contact form left open longer is shown again


def form_token() -> str:
    """A token the contact form carries: signed by the server, so another site cannot post a
    request it did not fetch from here (it cannot read the page to get one)."""
    return signing.dumps({"t": int(time.time())}, salt=SALT)


def token_valid(token: str | None) -> bool:
    if not token:
        return False
    try:
        signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return True


def allowed(request: HttpRequest) -> bool:
    """Count this request against its address's limit; False once the limit is passed."""
    window = settings.SAFEPASSAGE_CONTACT_WINDOW
    return hit("selfcheck:contact", request, window) <= settings.SAFEPASSAGE_CONTACT_LIMIT
