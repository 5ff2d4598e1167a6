"""The demo that `make run` starts with: a clearly marked demo organisation, its users and cases.

The demo cases are the example accounts shipped in `examples/accounts/` with invented names; the
demo password is printed, so it is refused in production.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from ...core.account_file import read_account
from . import core_edge, services
from .models import Membership, Organisation, Role

EXAMPLES = Path(__file__).resolve().parents[4] / "examples" / "accounts"
PASSWORD = "demo-safepassage-2026"
USERS: tuple[tuple[str, str], ...] = (
    ("demo-caseworker", "case_worker"),
    ("demo-colleague", "case_worker"),
    ("demo-supervisor", "supervisor"),
    ("demo-analyst", "analyst"),
    ("demo-admin", "administrator"),
)
NAMES = ("Demo Person A", "Demo Person B", "Demo Person C", "Demo Person D", "Demo Person E")


@transaction.atomic
def seed_demo() -> list[tuple[str, str]]:
    """Create the demo once; return the demo logins (username, role)."""
    if settings.PRODUCTION:
        raise ImproperlyConfigured("The demo, with its printed password, never runs in production.")
    organisation, created = Organisation.objects.get_or_create(
        slug="demo",
        defaults={
            "name": "DEMO Migrant Worker Help Centre (demonstration data)",
            "country": "TH",
            "accepts_self_check": True,
            "is_demo": True,
        },
    )
    users = [_user(organisation, username, role) for username, role in USERS]
    if created:
        _cases(organisation, users[0])
    return [(username, str(Role(role).label)) for username, role in USERS]


def _user(organisation: Organisation, username: str, role: str) -> object:
    model = get_user_model()
    user, created = model.objects.get_or_create(username=username)
    if created:
        user.set_password(PASSWORD)
        user.save()
        Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def _cases(organisation: Organisation, user: object) -> None:
    for number, path in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        account = read_account(path)
        services.case_create(
            user=user,
            organisation=organisation,
            name=f"{NAMES[number % len(NAMES)]} ({path.stem.replace('_', ' ')})",
            phone=f"+66 80 000 {number:04d}",
            account=core_edge.account_data(account),
        )
