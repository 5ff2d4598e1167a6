"""Tokens: made (shown once), looked up by digest, revoked. Services write, selectors read."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from .models import ApiToken

PREFIX = "sp_"


def _digest(plain: str) -> str:
    # A token is 256 random bits: a plain SHA-256 cannot be reversed or guessed from the table.
    return hashlib.sha256(plain.encode()).hexdigest()


def token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its text: shown once, never stored."""
    plain = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100], digest=_digest(plain), prefix=plain[:10]
    )
    return token, plain


def token_revoke(*, user: Any, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (another's is not theirs to find: 404)."""
    try:
        token = ApiToken.objects.get(pk=token_id, user=user, revoked_at__isnull=True)
    except ApiToken.DoesNotExist:
        raise Http404 from None
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


def token_user(plain: str) -> Any:
    """The active user a token in force belongs to, or None; marks the token used."""
    if not plain.startswith(PREFIX):
        return None
    found = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(plain), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None:
        return None
    ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
    return found.user


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
