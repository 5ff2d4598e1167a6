"""The contact form without cookies: a signed, time-limited form token instead of a CSRF
cookie, and a limit on requests per address, counted in the shared cache (Redis where several
processes serve, see settings.CACHES), so a burst cannot fill an organisation's inbox."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

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
    """Count this request against its address's limit; False once the limit is passed. The
    address is kept only as a keyed hash, for the length of the window."""
    limit = settings.SAFEPASSAGE_CONTACT_LIMIT
    window = settings.SAFEPASSAGE_CONTACT_WINDOW
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.blake2b(
        address.encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16
    ).hexdigest()
    key = f"selfcheck:contact:{digest}:{int(time.time()) // window}"
    if cache.add(key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit
