"""The fixed cast (after healthchecks): a case worker, a colleague in the same organisation, a
supervisor, an analyst, an outsider from another organisation, and an anonymous visitor."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepassage.core.account_file import read_account
from safepassage.web.casework import core_edge, referral_services, services
from safepassage.web.casework.models import Case, Membership, Organisation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "accounts"
PERSONAL_NAME = "Sokha Chan-Personal"
PERSONAL_PHONE = "+855 12 345 678"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate limits count in the cache: every test starts with none spent."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english() -> None:
    """Every test starts in English: a request to a page in another language leaves that
    language active in the thread (Django does not reset it), and a test that renders words
    without a request would read them in it."""
    from django.utils import translation

    translation.activate("en")


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any, tmp_path: Path) -> None:
    # Password hashing is tested on its own; elsewhere it would only slow every login down.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def org(db: None) -> Organisation:
    return Organisation.objects.create(
        name="Helping Hands", slug="hh", country="TH", accepts_self_check=True
    )


@pytest.fixture
def other_org(db: None) -> Organisation:
    return Organisation.objects.create(name="Elsewhere", slug="else", country="KH")


def make_user(username: str, organisation: Organisation, role: str) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def alice(org: Organisation) -> Any:
    return make_user("alice", org, "case_worker")


@pytest.fixture
def bob(org: Organisation) -> Any:
    return make_user("bob", org, "case_worker")


@pytest.fixture
def sue(org: Organisation) -> Any:
    return make_user("sue", org, "supervisor")


@pytest.fixture
def ann(org: Organisation) -> Any:
    return make_user("ann", org, "analyst")


@pytest.fixture
def charlie(other_org: Organisation) -> Any:
    return make_user("charlie", other_org, "administrator")


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def example(name: str) -> dict[str, Any]:
    return core_edge.account_data(read_account(EXAMPLES / f"{name}.yaml"))


@pytest.fixture
def case(org: Organisation, alice: Any) -> Case:
    return services.case_create(
        user=alice,
        organisation=org,
        name=PERSONAL_NAME,
        phone=PERSONAL_PHONE,
        document_number="AB 123456",
        account=example("manufacturing_thailand"),
    )


def refer(user: Any, case: Case, kind: str = "legal_aid") -> Any:
    """A referral made through the service, from the case as it is now (its current version)."""
    return referral_services.referral_create(
        user=user,
        case=case,
        version=Case.objects.get(pk=case.pk).version,
        response_id="r",
        kind=kind,
        provider_id="p",
        provider_name="P",
    )


def attachment_for(case: Case) -> Any:
    """A file kept with the case, for routes that name one."""
    from safepassage.web.casework.models import Attachment

    return Attachment.objects.create(
        case=case, kind="payslip", filename="p.pdf", content_type="application/pdf", size=5,
        content=b"%PDF-",
    )  # fmt: skip


def alias_for(case: Case) -> Any:
    from safepassage.web.casework import actors

    party = {"kind": "broker", "stage": "recruitment", "name": "Ko Aung Naing"}
    alias = actors.party_add(user=case.created_by, case=case, version=case.version, party=party)
    case.refresh_from_db()
    return alias


def share_consent_for(case: Case) -> Any:
    """A consent to share the migrant's details with one provider, for routes that name one."""
    from safepassage.web.casework.models import Consent

    return Consent.objects.create(case=case, scope="share_details", with_whom="p")


def task_for(case: Case) -> Any:
    """A follow-up on the case (made by the case's creator), for routes that name one."""
    from datetime import date

    from safepassage.web.casework.models import Task

    return Task.objects.create(case=case, title="Call back", due_on=date(2026, 1, 5))


def release_for(organisation: Organisation) -> Any:
    """A release of the organisation's cases, made on schedule (no user)."""
    from safepassage.web.analytics.models import ReleaseKind
    from safepassage.web.analytics.services import release_make

    return release_make(organisation=organisation, kind=ReleaseKind.SCHEDULED)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What the API schema tests covered (tests/web/test_api_schema.py), when they ran."""
    module = sys.modules.get("tests.web.test_api_schema")
    covered = getattr(module, "COVERED", None)
    if covered:
        operations = {key.split(" ", 1)[1] for key in covered}
        terminalreporter.write_line(
            f"API schema tests: {len(operations)} operations, {sum(covered.values())} calls "
            f"as {len({k.split(' ', 1)[0] for k in covered})} roles"
        )
