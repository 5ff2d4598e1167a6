"""Selectors: every read of case data, scoped to the user's organisation through `access`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from ...core.account import Account
from ...core.interview import Progress
from ...core.responses.plan import Plan, PlanRequest
from ...core.screening import Determination
from . import core_edge
from .access import Action, cases_for, require
from .crypto import blind_index
from .models import AuditEvent, Case

REFERENCE = re.compile(r"^[A-Za-z0-9]{1,6}-\d{1,6}$")


def case_list(*, user: Any, query: str = "", **filters: str) -> QuerySet[Case]:
    """The organisation's cases, newest first; `query` matches a reference, or exactly a name,
    phone number or document number (through their keyed hashes: nothing is decrypted)."""
    cases = cases_for(user).order_by("-updated_at", "-id")
    for field in ("country", "sector", "stage", "level", "status"):
        if filters.get(field):
            cases = cases.filter(**{field: filters[field]})
    query = query.strip()
    if query:
        cases = cases.filter(_search(query))
    return cases


def _search(query: str) -> Q:
    found = Q(reference__iexact=query) if REFERENCE.match(query) else Q(pk__in=[])
    for kind, column in (("name", "name_index"), ("phone", "phone_index")):
        digest = blind_index(kind, query)
        if digest:
            found |= Q(**{column: digest})
    digest = blind_index("document", query)
    if digest:
        found |= Q(document_index=digest)
    return found


def audit_list(*, user: Any, case: Case | None = None) -> QuerySet[AuditEvent]:
    member = require(user, Action.AUDIT)
    events = AuditEvent.objects.filter(organisation_id=member.organisation_id)
    if case is not None:
        events = events.filter(case_id=case.pk)
    return events.order_by("-at", "-id")


@dataclass(frozen=True)
class Assessment:
    """A case as the core sees it: the account, its determination and the plan for its request."""

    account: Account
    determination: Determination
    plan: Plan
    progress: Progress


def case_assessment(*, case: Case) -> Assessment:
    """Screen and plan a case the caller has already obtained through `access_case`."""
    account = core_edge.account_from(case.account)
    result = core_edge.screen(account)
    request = PlanRequest(
        goals=tuple(case.goals),
        consent=frozenset(case.consents),
        located_in=case.located_in or None,
    )
    plan = core_edge.plan(account, result, request)
    return Assessment(account, result, plan, core_edge.interview_progress(account, case.asked))
