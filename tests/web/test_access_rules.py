"""Access control over every route, found automatically: a new route without a rule fails here."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safepassage.web.api.tokens import token_create
from safepassage.web.casework import services
from safepassage.web.casework.models import Case

from .conftest import (
    PERSONAL_NAME,
    PERSONAL_PHONE,
    alias_for,
    attachment_for,
    client_for,
    refer,
    release_for,
    share_consent_for,
    task_for,
)
from .routes import routes

pytestmark = pytest.mark.django_db


def _urls(case: Case, referral_id: int) -> list[tuple[str, str]]:
    task = task_for(case)
    note = services.note_create(user=case.created_by, case=case, text="A note")
    alias = alias_for(case)
    ids = {"case_id": case.pk, "referral_id": referral_id, "task_id": task.pk, "note_id": note.pk,
           "user_id": case.created_by_id, "attachment_id": attachment_for(case).pk,
           "consent_id": share_consent_for(case).pk, "table_id": "level_by_place", "fmt": "csv",
           "release_id": release_for(case.organisation).pk,
           "token_id": token_create(user=case.created_by, name="a script")[0].pk,
           "alias_id": alias.pk, "actor_id": alias.actor_id}  # fmt: skip
    return [(r.rule or "", r.url(**ids)) for r in routes()]


@pytest.fixture
def referral(case: Case, alice: Any) -> int:
    created = refer(alice, case)
    return created.pk


def test_it_gives_every_route_an_access_rule():
    missing = [r.name for r in routes() if not r.rule]
    assert missing == []


def test_it_knows_the_routes_it_checks():
    names = {r.name for r in routes()}
    assert {"casework:detail", "casework:referral", "selfcheck:question", "login"} <= names


def test_it_hides_every_case_url_from_an_outsider(case: Case, referral: int, charlie: Any):
    client = client_for(charlie)
    checked = 0
    for rule, url in _urls(case, referral):
        if rule.startswith("case:"):
            assert client.get(url).status_code == 404, url
            assert client.post(url, {"version": 1, "text": "x"}).status_code == 404, url
            checked += 1
    assert checked >= 13
    before = case.version  # the referral made the case "referred" (version 2)
    case.refresh_from_db()
    assert case.version == before
    assert list(case.notes.values_list("text", flat=True)) == ["A note"]  # the fixture's only


def test_it_sends_an_anonymous_visitor_to_log_in_from_every_staff_page(case: Case, referral: int):
    client = Client()
    for rule, url in _urls(case, referral):
        if rule.startswith(("case:", "staff:")):
            for response in (client.get(url), client.post(url, {"version": 1})):
                assert response.status_code == 302, url
                assert response["Location"].startswith("/accounts/login/"), url


def test_it_lets_an_anonymous_visitor_reach_only_public_pages(case: Case, referral: int):
    public = [url for rule, url in _urls(case, referral) if rule == "public"]
    assert "/check/" in public
    assert all(not url.startswith("/cases/") for url in public)
    assert Client().get("/check/").status_code == 200


def test_it_refuses_an_analyst_every_case_page(case: Case, referral: int, ann: Any):
    client = client_for(ann)
    refused = 0
    for rule, url in _urls(case, referral):
        if rule.startswith(("case:", "staff:")) and rule != "staff:analyse":
            response = client.get(url)
            assert response.status_code in (403, 405), url
            assert PERSONAL_NAME not in response.content.decode(), url
            refused += 1
    assert refused >= 20


def test_it_shows_an_analyst_the_statistics_and_no_personal_data(
    case: Case, referral: int, ann: Any
):
    client = client_for(ann)
    seen = 0
    for rule, url in _urls(case, referral):
        if rule == "staff:analyse":
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode("utf-8", "replace")
            assert PERSONAL_NAME not in text, url
            assert PERSONAL_PHONE not in text, url
            assert case.reference not in text, url
            seen += 1
    assert seen >= 4


def test_it_refuses_changes_by_an_analyst(case: Case, referral: int, ann: Any):
    client = client_for(ann)
    for rule, url in _urls(case, referral):
        if rule in ("case:change", "staff:change"):
            assert client.post(url, {"version": 1, "text": "x"}).status_code == 403, url


def test_it_shows_a_colleague_the_case(case: Case, bob: Any):
    response = client_for(bob).get(f"/cases/{case.pk}/")
    assert response.status_code == 200
    assert PERSONAL_NAME in response.content.decode()


def test_it_marks_demo_data_on_every_staff_page(org: Any, alice: Any, case: Case):
    org.is_demo = True
    org.save()
    assert "Demonstration data" in client_for(alice).get(f"/cases/{case.pk}/").content.decode()
    assert "Demonstration data" in client_for(alice).get("/cases/").content.decode()
