"""The fact table kept from the cases: a case's rows are rebuilt when it changed since they
were built (an answer, the status, a referral), just before a release is made, so a release
always counts the cases as they stand without every save of case work waiting on it."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Max, Q, QuerySet
from django.utils import timezone

from ...core.analytics.facts import REPEAT, FactRow, ReferralFact, fact_rows
from ..casework import core_edge
from ..casework.actor_models import Alias
from ..casework.crypto import UnreadableDict
from ..casework.models import Case, Organisation, Referral, ReferralStatus
from .models import CaseFact

SENT = frozenset(
    {ReferralStatus.MADE, ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.CLOSED}
)


def stale_cases(organisation: Organisation) -> QuerySet[Case]:
    """The organisation's cases without rows, or changed since their rows were built."""
    return (
        Case.objects.filter(organisation=organisation)
        .annotate(referred_at=Max("referrals__updated_at"))
        .filter(
            Q(facts__isnull=True)
            | Q(updated_at__gt=F("facts__built_at"))
            | Q(referred_at__gt=F("facts__built_at"))
        )
    )


def facts_refresh(
    *, organisation: Organisation, on_case: Callable[[int], None] | None = None
) -> int:
    """Rebuild the rows of the organisation's stale cases; the number rebuilt. A case whose
    account no key decrypts keeps the rows it had (none if it never had any)."""
    done = 0
    for case in stale_cases(organisation).prefetch_related("referrals").iterator(chunk_size=500):
        if isinstance(case.account, UnreadableDict):
            continue
        with transaction.atomic():
            _store(case, _rows(case))
        done += 1
        if on_case is not None:
            on_case(done)
    return done


def _rows(case: Case) -> list[FactRow]:
    account = core_edge.account_from(case.account)
    result = core_edge.screen(account)
    referrals = [_referral(case, r) for r in case.referrals.all()]
    return fact_rows("", account, result, referrals, repeat_recruiter(case))


def repeat_recruiter(case: Case) -> str:
    """ "yes" if a recruiter the case names is named in at least REPEAT of the organisation's
    cases, "no" if every one is named in fewer, "" if the case names none."""
    actors = Alias.objects.filter(case=case, kind__in=RECRUITERS).values("actor_id")
    counts = (
        Alias.objects.filter(actor_id__in=actors)
        .values("actor_id")
        .annotate(cases=Count("case_id", distinct=True))
        .values_list("cases", flat=True)
    )
    found = list(counts)
    return "" if not found else "yes" if max(found) >= REPEAT else "no"


RECRUITERS = ("licensed_agency", "broker")


def _referral(case: Case, referral: Referral) -> ReferralFact:
    days = None
    if referral.outcome and referral.outcome_on:
        days = max(0, (referral.outcome_on - case.created_at.date()).days)
    return ReferralFact(
        kind=referral.kind,
        sent=referral.status in SENT,
        outcome=referral.outcome,
        days_to_outcome=days,
    )


def _store(case: Case, rows: list[FactRow]) -> None:
    found = CaseFact.objects.filter(case=case).first()
    key = found.key if found else secrets.token_hex(16)
    data = [row.model_copy(update={"case": key}).model_dump(mode="json") for row in rows]
    CaseFact.objects.update_or_create(
        case=case,
        defaults={
            "organisation_id": case.organisation_id,
            "key": key,
            "rows": data,
            "built_at": timezone.now(),
        },
    )


def fact_table(organisation: Organisation) -> Iterator[FactRow]:
    """Every row of the organisation's fact table."""
    rows: Any
    for rows in CaseFact.objects.filter(organisation=organisation).values_list("rows", flat=True):
        if not isinstance(rows, list):  # no key decrypts them: the case is left out
            continue
        for row in rows:
            yield FactRow.model_validate(row)
