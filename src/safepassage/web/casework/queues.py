"""Selectors for a team's queues: the inbox of self-check requests, the follow-ups of a case,
and the legal deadlines that could become follow-ups. Every read is scoped through `access`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from ...core.account import Account
from ...core.responses.deadlines import Deadline
from ...core.screening import Determination
from ..common import present
from ..common.labels import COUNTRIES, label
from . import core_edge
from .access import Action, cases_for, require
from .models import Case, CaseSource, CaseStatus, Task


def inbox(*, user: Any) -> QuerySet[Case]:
    """Requests from the self-check that nobody has taken on yet, oldest first (they waited
    longest). Only those who assign cases see it: it holds how to reach each person."""
    require(user, Action.ASSIGN)
    return (
        cases_for(user)
        .filter(source=CaseSource.SELF_CHECK, assigned_to__isnull=True)
        .exclude(status=CaseStatus.CLOSED)
        .order_by("created_at", "id")
    )


def task_list(*, case: Case) -> QuerySet[Task]:
    """A case's follow-ups: open ones by due date, then those done."""
    return case.tasks.select_related("assigned_to").order_by("done_at", "due_on", "id")


@dataclass(frozen=True)
class DeadlineOffer:
    """A legal deadline that applies, and whether it is already a follow-up on the case."""

    deadline: Deadline
    task: Task | None


def deadline_offers(
    *,
    case: Case,
    on: date | None = None,
    account: Account | None = None,
    result: Determination | None = None,
) -> list[DeadlineOffer]:
    """`account` and `result`, when the caller has them (the case page's assessment), spare a
    second decryption and screening."""
    account = account or core_edge.account_from(case.account)
    result = result or core_edge.screen(account)
    found = core_edge.legal_deadlines(account, result, on or timezone.localdate())
    tasks = {t.source: t for t in case.tasks.filter(source__startswith="deadlines.")}
    return [DeadlineOffer(d, tasks.get(d.key)) for d in found]


def referral_countries(*, case: Case, account: Account | None = None) -> list[str]:
    """The countries whose providers a referral from this case may go to, nearest first: of
    work (the latest job first), the migrant's own, and where they are now."""
    account = account or core_edge.account_from(case.account)
    countries = [job.country for job in reversed(account.work) if job.country]
    return [*countries, *(c for c in (account.person.nationality, case.located_in) if c)]


def provider_choices(*, case: Case, account: Account | None = None) -> list[tuple[str, str]]:
    """The catalogue's providers a referral from this case may go to: those of the country of
    work, the migrant's own country and where they are now ("TH/hrdf" -> "HRDF (Thailand)")."""
    found = core_edge.providers(
        referral_countries(case=case, account=account), timezone.localdate()
    )
    return [
        (
            f"{country}/{pid}",
            f"{present.knowledge_text(channel.name)} ({label(COUNTRIES, country)})",
        )
        for country, pid, channel in found
    ]
