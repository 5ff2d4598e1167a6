"""Services for an organisation's users: an administrator creates them, gives and changes
their role, deactivates and reactivates them, and makes a password set-up link (shown once, to
send by a safe channel; it stops working once used or after PASSWORD_RESET_TIMEOUT). Every
change is in the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .access import ALLOWED, Action, membership, require
from .models import AuditEvent, Case, CaseStatus, Membership, Task


class SelfLockout(Exception):
    """An administrator tried to deactivate themselves or give up their own role."""


class HasPassword(Exception):
    """The user has set a password already: only they can change it (no link is made)."""


class UsernameTaken(Exception):
    """The username is already someone's (in any organisation)."""


def members(*, user: Any) -> Any:
    member = require(user, Action.ADMINISTER)
    return (
        Membership.objects.filter(organisation_id=member.organisation_id)
        .select_related("user")
        .order_by("user__username")
    )


def _audit(user: Any, what: str) -> None:
    member = membership(user)
    assert member is not None  # `require` checked it
    AuditEvent.objects.create(
        organisation_id=member.organisation_id, user=user, username=user.username,
        action="change", what=what[:200],
    )  # fmt: skip


@transaction.atomic
def user_create(*, user: Any, username: str, full_name: str, email: str, role: str) -> Any:
    """A new member of the administrator's organisation, without a password until they set one
    from their link."""
    member = require(user, Action.ADMINISTER)
    model = get_user_model()
    if model.objects.filter(username__iexact=username).exists():
        raise UsernameTaken
    first, _, last = full_name.strip().partition(" ")
    created = model.objects.create(username=username, email=email, first_name=first, last_name=last)
    created.set_unusable_password()
    created.save()
    Membership.objects.create(user=created, organisation_id=member.organisation_id, role=role)
    _audit(user, f"user {username} created as {role}")
    return created


def _member_of_mine(user: Any, user_id: int) -> Membership:
    found = members(user=user).filter(user_id=user_id).first()
    if found is None:
        raise Membership.DoesNotExist
    return found


@transaction.atomic
def user_set_role(*, user: Any, user_id: int, role: str) -> Membership:
    found = _member_of_mine(user, user_id)
    if found.user_id == user.pk and role != "administrator":
        raise SelfLockout
    Membership.objects.filter(pk=found.pk).update(role=role)
    if Action.CHANGE not in ALLOWED.get(role, frozenset()):
        _release(user, found)
    _audit(user, f"user {found.user.username}: role {role}")
    found.refresh_from_db()
    return found


@transaction.atomic
def user_set_active(*, user: Any, user_id: int, active: bool) -> Membership:
    """Deactivate (their sessions end: an inactive user is never authenticated) or reactivate."""
    found = _member_of_mine(user, user_id)
    if found.user_id == user.pk and not active:
        raise SelfLockout
    get_user_model().objects.filter(pk=found.user_id).update(is_active=active)
    if not active:
        _release(user, found)
    _audit(user, f"user {found.user.username}: {'reactivated' if active else 'deactivated'}")
    found.user.refresh_from_db()
    return found


def _release(user: Any, found: Membership) -> None:
    """Someone who no longer works cases gives theirs back: their open cases and follow-ups go
    to nobody (self-check requests to the inbox, the rest to the "nobody yet" filter)."""
    cases = Case.objects.filter(organisation_id=found.organisation_id, assigned_to_id=found.user_id)
    count = cases.exclude(status=CaseStatus.CLOSED).update(assigned_to=None, assigned_at=None)
    Task.objects.filter(
        case__organisation_id=found.organisation_id, assigned_to_id=found.user_id,
        done_at__isnull=True,
    ).update(assigned_to=None)  # fmt: skip
    _audit(user, f"user {found.user.username}: {count} cases given back")


def user_setup_link(*, user: Any, user_id: int) -> str:
    """The path of a one-time link where the user sets their password (under the policy)."""
    found = _member_of_mine(user, user_id)
    if found.user.has_usable_password():
        # A link would let the administrator set a colleague's password and act as them.
        raise HasPassword
    uid = urlsafe_base64_encode(force_bytes(found.user_id))
    token = default_token_generator.make_token(found.user)
    _audit(user, f"user {found.user.username}: password set-up link made")
    return reverse("password_setup", kwargs={"uidb64": uid, "token": token})
