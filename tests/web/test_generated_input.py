"""No input ever produces a server error: every form route gets generated input (Hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safepassage.web.casework import services
from safepassage.web.casework.models import Case

from .conftest import alias_for, attachment_for, client_for, refer, share_consent_for, task_for
from .routes import routes

pytestmark = pytest.mark.django_db

FIELDS = [
    "name", "phone", "document_number", "status", "version", "question", "answer", "number",
    "amount", "currency", "per", "text", "goals", "consents", "located_in", "response_id",
    "provider_id", "outcome", "outcome_note", "state", "send", "organisation", "consent",
    "finish", "q", "country", "level", "stage", "sector", "page", "assignee", "title", "due_on",
    "deadline", "start", "reason", "decision", "done", "next", "assigned", "overdue", "sort",
    "correct", "share_agreed", "sent_on", "contact_person", "due_on", "responded_on",
    "outcome_on", "provider", "username", "full_name", "email", "role", "action",
    "new_password1", "new_password2", "kind", "file", "phones", "licence", "workplace",
    "registration", "flag", "job", "suggestion", "same", "note",
]  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "1", "-1", "0", "1e309", "NaN", "yes", "unknown", "KH", "work.country",
                     "person.age", "work.pay", "9" * 40, "\x00", "null", "<script>"]),
)  # fmt: skip
FORMS = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8)


@pytest.fixture
def urls(case: Case, alice: Any) -> list[str]:
    referral = refer(alice, case)
    note = services.note_create(user=alice, case=case, text="A note")
    alias = alias_for(case)
    ids = {"case_id": case.pk, "referral_id": referral.pk, "task_id": task_for(case).pk,
           "note_id": note.pk, "user_id": alice.pk,
           "attachment_id": attachment_for(case).pk,
           "consent_id": share_consent_for(case).pk, "alias_id": alias.pk,
           "actor_id": alias.actor_id}  # fmt: skip
    found = [r.url(**ids) for r in routes()]
    return [url for url in found if "<" not in url and not url.startswith("/i18n/")]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=FORMS)
def test_it_never_fails_with_a_server_error(urls: list[str], alice: Any, data: dict[str, str]):
    staff, anonymous = client_for(alice), Client(raise_request_exception=False)
    staff.raise_request_exception = False
    for url in urls:
        for client in (staff, anonymous):
            assert client.post(url, data).status_code < 500, (url, data)
            assert client.get(url, data).status_code < 500, (url, data)


BASES = {
    "intake": {"question": "person.age", "number": "30", "version": "1"},
    "edit": {"name": "A", "phone": "0812345678", "version": "1"},
    "plan": {"goals": "go_home", "consents": "police", "located_in": "KH", "version": "1"},
    "referrals/1": {"status": "closed", "outcome": "repatriated", "amount": "1", "currency": "THB",
                    "version": "1"},
    "notes": {"text": "note"},
    "tasks": {"title": "Call back", "due_on": "2030-01-01"},
    "deadlines": {"deadline": "deadlines.employer_change_window", "start": "2025-01-01"},
    "closure": {"reason": "resolved", "version": "1"},
    "assign": {"assignee": "1", "version": "1", "next": "inbox"},
    "referrals/other": {"provider": "TH/hrdf", "version": "1"},
    "answers": {},
    "parties": {"kind": "broker", "stage": "recruitment", "name": "Ko Aung", "version": "1",
                "phones": "081 234 5678", "flag": "TH", "job": "0"},
}  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=st.sampled_from(sorted(BASES)), field=st.sampled_from(FIELDS), value=VALUES)
def test_it_never_fails_when_one_field_of_a_valid_form_is_wrong(
    case: Case, alice: Any, target: str, field: str, value: str
):
    client = client_for(alice)
    client.raise_request_exception = False
    if target.startswith("referrals") and not case.referrals.exists():
        refer(alice, case, kind="k")
    referral = case.referrals.first()
    path = target.replace("referrals/1", f"referrals/{referral.pk}" if referral else "referrals/0")
    data = {**BASES[target], field: value}
    response = client.post(f"/cases/{case.pk}/{path}/", data)
    assert response.status_code < 500, (target, data)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=FORMS, target=st.sampled_from(["/cases/team/", "member"]))
def test_it_never_fails_on_the_administrators_forms(
    org: Any, alice: Any, data: dict[str, str], target: str
):
    from .conftest import make_user

    admin = get_user_model().objects.filter(username="ada").first() or make_user(
        "ada", org, "administrator"
    )
    client = client_for(admin)
    client.raise_request_exception = False
    url = f"/cases/team/{alice.pk}/" if target == "member" else target
    assert client.post(url, data).status_code < 500, (url, data)


STATISTICS_FIELDS = st.dictionaries(
    st.sampled_from(["k", "noise", "budget_per_release", "budget_per_quarter", "country",
                     "sector", "release", "file"]),
    VALUES,
    max_size=6,
)  # fmt: skip
STATISTICS_URLS = (
    "/statistics/", "/statistics/policy/", "/statistics/compare/", "/statistics/methods/",
    "/statistics/htcds/import/", "/statistics/htcds/export.csv",
    "/statistics/releases/{id}/level_by_place.csv", "/statistics/releases/{id}/funnel.xlsx",
    "/statistics/releases/{id}/indicators_by_sector.svg",
)  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=STATISTICS_FIELDS, target=st.sampled_from(STATISTICS_URLS))
def test_it_never_fails_on_the_statistics_forms(
    case: Case, sue: Any, ann: Any, data: dict[str, str], target: str
):
    from safepassage.web.analytics.models import Release

    from .conftest import release_for

    release = Release.objects.first() or release_for(case.organisation)
    url = target.format(id=release.pk)
    for user in (sue, ann):
        client = client_for(user)
        client.raise_request_exception = False
        assert client.get(url, data).status_code < 500, (url, data)
        assert client.post(url, data).status_code < 500, (url, data)
