"""The REST API: a token per user (shown once, stored as a digest, revocable), scoped exactly as
the web is (an outsider's case is 404, an analyst gets no case data, no token is 401), every
call audited, the schema at /api/openapi.json."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from safepassage.web.api.models import ApiToken
from safepassage.web.api.tokens import token_create
from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case, Organisation

from .conftest import PERSONAL_NAME, client_for, example

pytestmark = pytest.mark.django_db


def call(method: str, path: str, token: str | None, body: Any = None) -> Any:
    """One API call as a client makes it: a JSON body, the token as a bearer token."""
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is None:
        return Client().generic(method, path, **headers)
    data = json.dumps(body)
    return Client().generic(method, path, data, content_type="application/json", **headers)


def _get(path: str, token: str | None) -> Any:
    return call("GET", path, token)


def token_for(user: Any) -> str:
    return token_create(user=user, name="the hotline")[1]


@pytest.fixture
def vietnam(org: Organisation, alice: Any) -> Case:
    account = example("vietnam_factory_overtime")
    return services.case_create(user=alice, organisation=org, account=account)


def test_it_shows_a_new_token_once_and_keeps_only_its_digest(alice: Any):
    client = client_for(alice)
    page = client.post("/accounts/tokens/", {"name": "the hotline"}).content.decode()
    [plain] = re.findall(r'data-token="1">(sp_[\w-]+)<', page)
    stored = ApiToken.objects.get(user=alice)
    assert plain not in (stored.digest, stored.prefix)
    assert plain.startswith(stored.prefix)
    assert plain not in client.get("/accounts/tokens/").content.decode()
    assert _get("/api/cases", plain).status_code == 200


def test_it_stops_a_revoked_token(alice: Any, bob: Any, case: Case):
    token, plain = token_create(user=alice, name="a script")
    # Another person's token is not theirs to revoke.
    assert client_for(bob).post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert _get("/api/cases", plain).status_code == 200
    client_for(alice).post(f"/accounts/tokens/{token.pk}/revoke/")
    assert _get("/api/cases", plain).status_code == 401


def test_it_lists_the_organisations_cases_filtered_and_paginated(
    case: Case, vietnam: Case, alice: Any, other_org: Organisation
):
    services.case_create(
        user=alice, organisation=other_org, account=example("fishing_vessel_thailand")
    )
    token = token_for(alice)
    listed = _get("/api/cases", token).json()
    assert listed["count"] == 2
    assert {c["reference"] for c in listed["items"]} == {case.reference, vietnam.reference}
    thai = _get("/api/cases?country=TH", token).json()
    assert [c["reference"] for c in thai["items"]] == [case.reference]
    event = AuditEvent.objects.filter(action="view", username="alice").first()
    assert event is not None
    assert event.what == "api case list; filter: country=TH"


def test_it_refuses_a_filter_it_does_not_know_naming_it(case: Case, alice: Any):
    response = _get("/api/cases?country=Thailand&page=two", token_for(alice))
    assert response.status_code == 422
    problems = {tuple(p["loc"]): p["msg"] for p in response.json()["detail"]}
    assert "not a country code; use one of: " in problems[("query", "country")]
    assert ("query", "page") in problems


def test_it_gives_a_case_with_its_determination_as_the_web_would(case: Case, sue: Any):
    found = _get(f"/api/cases/{case.pk}", token_for(sue)).json()
    assert found["reference"] == case.reference
    assert found["name"] == PERSONAL_NAME
    assert found["determination"]["level"] == case.level
    assert found["account"] == case.account
    assert AuditEvent.objects.filter(case_id=case.pk, what="api case", username="sue").exists()


def test_it_hides_another_organisations_case(case: Case, charlie: Any):
    response = _get(f"/api/cases/{case.pk}", token_for(charlie))
    assert response.status_code == 404
    assert _get("/api/cases", token_for(charlie)).json()["count"] == 0


def test_it_gives_an_analyst_no_case_data(case: Case, ann: Any):
    token = token_for(ann)
    for url in ("/api/cases", f"/api/cases/{case.pk}"):
        response = _get(url, token)
        assert response.status_code == 403
        assert PERSONAL_NAME not in response.content.decode()


def test_it_publishes_its_schema_and_pages(case: Case):
    schema = json.loads(Client().get("/api/openapi.json").content)
    assert {"/api/cases", "/api/cases/{case_id}"} <= set(schema["paths"])
    assert (
        "BearerAuth" in json.dumps(schema["components"]["securitySchemes"])
        or schema["components"]["securitySchemes"]
    )
    page = Client().get("/api/docs")
    assert page.status_code == 200
    assert "cdn." not in page.content.decode()  # the page's scripts come from the server itself


def _post(path: str, token: str, body: dict[str, Any]) -> Any:
    return call("POST", path, token, body)


def test_it_adds_a_note_as_the_web_would(case: Case, alice: Any):
    token = token_for(alice)
    made = _post(
        f"/api/cases/{case.pk}/notes", token, {"text": "Called her sister.", "kind": "call"}
    )
    assert made.status_code == 201
    assert (made.json()["text"], made.json()["kind"], made.json()["author"]) == (
        "Called her sister.", "call", "alice"
    )  # fmt: skip
    assert list(case.notes.values_list("text", flat=True)) == ["Called her sister."]
    listed = _get(f"/api/cases/{case.pk}/notes", token).json()
    assert [n["text"] for n in listed] == ["Called her sister."]
    assert AuditEvent.objects.filter(case_id=case.pk, what="note added").exists()


def test_it_refuses_a_note_the_web_would_refuse_naming_the_field(case: Case, alice: Any):
    token = token_for(alice)
    future = _post(
        f"/api/cases/{case.pk}/notes", token, {"text": "x", "contacted_on": "2999-01-01"}
    )
    assert future.status_code == 422
    assert [p["loc"][-1] for p in future.json()["detail"]] == ["contacted_on"]
    empty = _post(f"/api/cases/{case.pk}/notes", token, {"text": ""})
    assert [p["loc"][-1] for p in empty.json()["detail"]] == ["text"]
    assert not case.notes.exists()


def test_it_lets_no_analyst_or_outsider_add_a_note(case: Case, ann: Any, charlie: Any):
    path = f"/api/cases/{case.pk}/notes"
    assert _post(path, token_for(ann), {"text": "x"}).status_code == 403
    assert _post(path, token_for(charlie), {"text": "x"}).status_code == 404
    assert _get(path, token_for(charlie)).status_code == 404
    assert not case.notes.exists()
