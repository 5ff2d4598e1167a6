"""Schemathesis over the API's own OpenAPI schema, as each role: whatever it sends (generated
from the schema: good and bad ids, filters, pages), no answer is a server error or breaks the
schema. How many operations and calls it covered is printed at the end of the run."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from safepassage.web.api.tokens import token_create
from safepassage.web.casework import services
from safepassage.web.casework.models import Organisation
from safepassage.web.wsgi import application

from .conftest import example, make_user

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
COVERED: Counter[str] = Counter()  # calls per "role operation", read by conftest's summary
ROLES = ("case_worker", "supervisor", "analyst", "administrator")


@pytest.fixture(autouse=True)
def _one_connection() -> Any:
    """Called as a real WSGI server would call it, the app closes the database connection after
    each request; the test's transaction needs it open (Django's test client does the same)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(org: Organisation, alice: Any) -> dict[str, str]:
    """A token per role, and cases for them to read (ids 1 and up, as the schema's examples)."""
    for name in ("manufacturing_thailand", "vietnam_factory_overtime"):
        services.case_create(user=alice, organisation=org, name="Somsak", account=example(name))
    return {
        role: token_create(user=make_user(f"user-{role}", org, role), name="schema")[1]
        for role in ROLES
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_it_answers_every_request_within_its_schema(case: Any, role: str, tokens: dict[str, str]):
    headers = {"Authorization": f"Bearer {tokens[role]}"}
    response = case.call(headers=headers)
    # The checks' own calls carry the token too. Not checked: that "invalid" requests are
    # refused, since the token added here makes a request the schema generated without one
    # valid, and unknown query parameters are ignored by design (as most REST APIs do); nor
    # that every schema-valid request is accepted, since the web's forms check more than a
    # schema can say (a note's date may not be in the future).
    excluded = [negative_data_rejection, positive_data_acceptance]
    case.validate_response(response, headers=headers, excluded_checks=excluded)
    assert response.status_code < 500
    COVERED[f"{role} {case.operation.label}"] += 1
