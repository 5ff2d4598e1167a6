"""Counting requests per address in the shared cache (Redis where several processes serve,
see settings.CACHES), in fixed windows. The address is kept only as a keyed hash, and only
for the length of the window."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _key(scope: str, request: HttpRequest, window: int) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.blake2b(
        address.encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16
    ).hexdigest()
    return f"{scope}:{digest}:{int(time.time()) // window}"


def hit(scope: str, request: HttpRequest, window: int) -> int:
    """Count one more for the request's address in this window; the count so far."""
    key = _key(scope, request, window)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=window)
        return 1


def seen(scope: str, request: HttpRequest, window: int) -> int:
    """How many the request's address counted in this window."""
    return int(cache.get(_key(scope, request, window), 0))
