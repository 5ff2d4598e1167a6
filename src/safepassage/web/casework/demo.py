"""The demo that `make run` starts with: a clearly marked demo organisation, its users and cases.

The demo cases are the example accounts shipped in `examples/accounts/` with invented names,
and a few thousand generated from them (`core.analytics.synthetic`: who, where and when varied,
with referrals and outcomes) so that the statistics show patterns above their threshold. The
demo password is printed, so it is refused in production.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from ...core.account_file import read_account
from ...core.analytics.synthetic import demo_accounts, demo_referrals
from . import core_edge, services
from .models import Case, Membership, Organisation, Referral, ReferralStatus, Role

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
GENERATED = 2000  # enough for the statistics' tables to show cells above k = 11


@transaction.atomic
def seed_demo(generated: int = GENERATED) -> list[tuple[str, str]]:
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
        _generated(organisation, users[0], generated)
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


def _generated(organisation: Organisation, user: object, n: int) -> None:
    """`n` generated demo cases, reported over the last two years, with referrals."""
    templates = [(p.stem, read_account(p)) for p in sorted(EXAMPLES.glob("*.yaml"))]
    today = timezone.localdate()
    rnd = random.Random(n)
    for number, made in enumerate(demo_accounts(templates, n, until=today)):
        case = services.case_create(
            user=user,
            organisation=organisation,
            name=f"Demo Generated {number + 1:04d} ({made.template.replace('_', ' ')})",
            # Generated people name nobody: the example accounts' parties stay with them.
            account=core_edge.account_data(made.account.model_copy(update={"parties": []})),
        )
        reported = made.account.reported_on or today
        Case.objects.filter(pk=case.pk).update(
            created_at=timezone.make_aware(dt.datetime.combine(reported, dt.time(9)))
        )
        _referrals(case, case.level, reported, today, rnd)


def _referrals(
    case: Case, level: str, reported: dt.date, today: dt.date, rnd: random.Random
) -> None:
    for sent in demo_referrals(level, rnd):
        outcome_on = None
        if sent.days_to_outcome is not None:
            outcome_on = min(today, reported + dt.timedelta(days=sent.days_to_outcome))
        Referral.objects.create(
            case=case,
            response_id=f"demo.{sent.kind}",
            kind=sent.kind,
            provider_id="demo-provider",
            provider_name="Demo service provider",
            status=ReferralStatus.CLOSED if sent.outcome else ReferralStatus.MADE,
            outcome=sent.outcome,
            sent_on=reported,
            outcome_on=outcome_on,
        )
