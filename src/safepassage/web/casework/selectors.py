"""Selectors: every read of case data, scoped to the user's organisation through `access`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case as CaseWhen
from django.db.models import Exists, F, Min, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...core.account import Account
from ...core.interview import Progress, Question
from ...core.responses.plan import Plan, PlanRequest
from ...core.screening import Determination
from ..common.labels import LEVELS
from . import core_edge
from .access import Action, can, cases_for, require
from .crypto import blind_index, phone_indexes, unreadable_fields
from .models import AuditEvent, Case, CaseStatus, Consent, ProfessionalDetermination, Task

REFERENCE = re.compile(r"^[A-Za-z0-9]{1,6}-\d{1,6}$")
PART_OF_REFERENCE = re.compile(r"^[A-Za-z0-9-]{3,13}$")  # e.g. "0042" or "MYORG-00"


class SearchRefused(PermissionDenied):
    """A search by personal identifiers from a role without access to personal data."""


# The orders a case list can be sorted in (a leading "-" is descending): every one ends on the
# id, so that pages never repeat or skip a case.
SORTS = {
    "updated": ("-updated_at", "-id"),
    "reference": ("reference", "id"),
    "level": ("-level_rank", "-updated_at", "-id"),
    "follow_up": (F("next_due").asc(nulls_last=True), "-updated_at", "-id"),
    "status": ("status", "-updated_at", "-id"),
}
LEVEL_RANK = {code: rank for rank, code in enumerate(LEVELS)}


def case_list(
    *,
    user: Any,
    query: str = "",
    assigned: str = "",
    sort: str = "",
    overdue: bool = False,
    **filters: str,
) -> QuerySet[Case]:
    """The organisation's cases, newest first; `query` matches part of a reference, or exactly
    a name, phone number or document number (through their keyed hashes: nothing is decrypted). Only
    roles that may see personal data may search: a match would re-identify the person.

    `assigned` is "me", "nobody" or a colleague's id; `overdue` keeps the cases with a
    follow-up past its date (a page's rows get their next follow-up from `next_follow_ups`)."""
    require(user, Action.VIEW)
    if query.strip() and not can(user, Action.VIEW_PERSONAL):
        raise SearchRefused
    cases = cases_for(user)
    # Computed only for the sort that needs it: a join over the follow-ups on every list made
    # the list several times slower (bench/web_latency.py).
    if sort == "follow_up":
        cases = cases.annotate(next_due=Subquery(_open_tasks().values("due_on")[:1]))
    if sort == "level":
        ranks = (When(level=code, then=Value(rank)) for code, rank in LEVEL_RANK.items())
        cases = cases.annotate(level_rank=CaseWhen(*ranks, default=-1))
    for field in ("country", "sector", "stage", "level", "status"):
        if filters.get(field):
            cases = cases.filter(**{field: filters[field]})
    cases = _assigned(cases, user, assigned)
    if overdue:  # a closed case has nothing left to do: its old follow-ups are not overdue
        late = _open_tasks().filter(due_on__lt=timezone.localdate())
        cases = cases.filter(Exists(late)).exclude(status=CaseStatus.CLOSED)
    query = query.strip()
    if query:
        member = require(user, Action.VIEW)
        cases = cases.filter(_search(query, member.organisation.country))
    return cases.order_by(*SORTS.get(sort, SORTS["updated"]))


def _open_tasks() -> QuerySet[Task]:
    return Task.objects.filter(case=OuterRef("pk"), done_at__isnull=True).order_by("due_on")


def next_follow_ups(cases: list[Case]) -> None:
    """Give each case of a list page its earliest open follow-up's date (`next_due`, the list's
    reminder), in one query for the page."""
    due = dict(
        Task.objects.filter(case_id__in=[c.pk for c in cases], done_at__isnull=True)
        .values("case_id")
        .annotate(first=Min("due_on"))
        .values_list("case_id", "first")
    )
    for found in cases:
        found.next_due = None if found.status == CaseStatus.CLOSED else due.get(found.pk)


def _assigned(cases: QuerySet[Case], user: Any, assigned: str) -> QuerySet[Case]:
    if assigned == "me":
        return cases.filter(assigned_to_id=user.pk)
    if assigned == "nobody":
        return cases.filter(assigned_to__isnull=True)
    if assigned.isdigit():
        return cases.filter(assigned_to_id=int(assigned))
    return cases


def _search(query: str, region: str) -> Q:
    found = Q(reference__iexact=query) if REFERENCE.match(query) else Q(pk__in=[])
    if PART_OF_REFERENCE.match(query) and any(ch.isdigit() for ch in query):
        found |= Q(reference__icontains=query)
    digest = blind_index("name", query)
    if digest:
        found |= Q(name_index=digest)
    if any(ch.isdigit() for ch in query):
        found |= Q(phone_index__in=phone_indexes(query, region))
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
        consent=consent_scopes(case=case),
        located_in=case.located_in or None,
        audience="worker",  # the case page speaks to the case worker about the worker
    )
    plan = core_edge.plan(account, result, request)
    return Assessment(account, result, plan, core_edge.interview_progress(account, case.asked))


def consent_scopes(*, case: Case) -> frozenset[str]:
    """The consents in force for a case (given, not withdrawn)."""
    active = case.consent_records.filter(withdrawn_at__isnull=True)
    return frozenset(active.values_list("scope", flat=True))


def consent_history(*, case: Case) -> QuerySet[Consent]:
    return case.consent_records.order_by("-given_at", "-id")


def changed_since(*, case: Case) -> dict[str, bool]:
    """Whether the law (the knowledge base) or the rules (the engine) changed since the case's
    determination was stored."""
    now = core_edge.versions()
    return {
        "knowledge": bool(case.knowledge_version)
        and case.knowledge_version != now["knowledge_version"],
        "engine": bool(case.engine_version) and case.engine_version != now["engine_version"],
    }


@dataclass(frozen=True)
class Disagreements:
    """Where the organisation's professionals disagree with the engine: the latest professional
    determination of each case that differs, and the counts by the engine's rules (level,
    trafficking) and by the findings (ILO indicators, legal elements) behind them."""

    items: list[ProfessionalDetermination]
    by_rule: list[tuple[tuple[str, str, str], int]]  # (level | trafficking, engine, worker)
    by_finding: list[tuple[str, int]]  # "indicator:deception", "icls:involuntariness..."


def disagreement_list(*, user: Any) -> Disagreements:
    member = require(user, Action.REVIEW)
    latest = (
        ProfessionalDetermination.objects.filter(case__organisation_id=member.organisation_id)
        .select_related("case", "author")
        .order_by("case_id", "-created_at", "-id")
    )
    seen: set[int] = set()
    items = []
    for found in latest:
        if found.case_id not in seen:
            seen.add(found.case_id)
            if found.disagrees:
                items.append(found)
    by_rule: Counter[tuple[str, str, str]] = Counter()
    by_finding: Counter[str] = Counter()
    for found in items:
        if found.level != found.engine_level:
            by_rule["level", found.engine_level, found.level] += 1
        if found.trafficking != found.engine_trafficking:
            by_rule["trafficking", found.engine_trafficking, found.trafficking] += 1
        by_finding.update(found.engine_findings)
    return Disagreements(items, by_rule.most_common(), by_finding.most_common())


# The encrypted fields a case page shows, by record, with the words that name them.
CASE_FIELDS = {
    "name": _("Name"),
    "phone": _("Phone number"),
    "document_number": _("Passport or ID number"),
    "account": _("The account"),
}


def case_unreadable(*, case: Case) -> list[str]:
    """The encrypted parts of a case no configured key decrypts, in words (never the data)."""
    found = [str(CASE_FIELDS[name]) for name in unreadable_fields(case, tuple(CASE_FIELDS))]
    if any(unreadable_fields(note, ("text",)) for note in case.notes.all()):
        found.append(str(_("A note")))
    if any(unreadable_fields(r, ("outcome_note",)) for r in case.referrals.all()):
        found.append(str(_("A referral's outcome note")))
    return found


# Asked of every case for the record (and for the statistics of where exploitation recurs),
# even once the result is settled: shown on the overview whether answered or not.
FOR_THE_RECORD = (
    "person.nationality", "work.sector", "person.legal_status", "recruitment.recruited_by",
)  # fmt: skip


def in_overview(qid: str, question: Question, value: Any, asked: set[str]) -> bool:
    """Whether the answers overview (the page and the API) lists a question: asked, answered
    or kept for the record; never a filter question, whose facts are listed on their own."""
    if question.covers:
        return False
    return qid in asked or value is not None or qid in FOR_THE_RECORD
