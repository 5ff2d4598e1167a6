"""Writes of analytics: releases (made on schedule or by a supervisor) and the privacy policy.
Each is audit-logged; a release never spends more privacy budget than the quarter allows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ...core.analytics.dashboard import ReleaseData, release_build
from ..casework.models import AuditEvent, Organisation
from ..common.roles import Action, require
from .facts import fact_table, facts_refresh
from .models import PrivacyPolicy, Release


class BudgetSpent(Exception):
    """The quarter's privacy budget would be exceeded by one more release with noise."""

    def __init__(self, spent: float, limit: float, needed: float) -> None:
        super().__init__(f"{spent} of {limit} spent; a release needs {needed}")
        self.spent, self.limit, self.needed = spent, limit, needed


def audit_analytics(*, user: Any, organisation: Organisation, action: str, what: str) -> None:
    AuditEvent.objects.create(
        organisation=organisation,
        user=user if getattr(user, "is_authenticated", False) else None,
        username=getattr(user, "username", "") or "",
        action=action,
        what=what[:200],
    )


def policy_of(organisation: Organisation) -> PrivacyPolicy:
    policy, _ = PrivacyPolicy.objects.get_or_create(organisation=organisation)
    return policy


def quarter_start(now: dt.datetime) -> dt.datetime:
    month = (now.month - 1) // 3 * 3 + 1
    return now.replace(month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def budget_spent(organisation: Organisation, now: dt.datetime | None = None) -> float:
    """The privacy budget the organisation's releases spent this calendar quarter."""
    since = quarter_start(timezone.localtime(now or timezone.now()))
    found = Release.objects.filter(organisation=organisation, made_at__gte=since)
    return float(found.aggregate(spent=Sum("epsilon"))["spent"] or 0.0)


@transaction.atomic
def release_make(
    *, organisation: Organisation, user: Any = None, kind: str = "supervisor"
) -> Release:
    """A new release of the organisation's cases as they stand. A supervisor makes one from
    the dashboard; the schedule (`safepassage analytics release`) makes one with no user."""
    if kind == "supervisor":  # the schedule runs as nobody
        require(user, Action.RELEASE)
    policy_of(organisation)  # exists, so that it can be locked
    # Locked until this release is saved: two supervisors at once cannot both spend the rest.
    policy = PrivacyPolicy.objects.select_for_update().get(organisation=organisation)
    budget = policy.budget_per_release if policy.noise else None
    if budget is not None:
        spent = budget_spent(organisation)
        if spent + budget > policy.budget_per_quarter + 1e-9:
            raise BudgetSpent(spent, policy.budget_per_quarter, budget)
    facts_refresh(organisation=organisation)
    data = release_build(fact_table(organisation), k=policy.k, budget=budget)
    release = Release.objects.create(
        organisation=organisation,
        made_by=user if getattr(user, "is_authenticated", False) else None,
        kind=kind,
        k=data.k,
        noise=data.noise,
        epsilon=data.epsilon,
        data=data.model_dump(mode="json"),
    )
    audit_analytics(
        user=user, organisation=organisation, action="create", what=f"release {release.pk} made"
    )
    return release


@transaction.atomic
def network_release(*, organisation: Organisation, data: ReleaseData) -> Release:
    """A release of the network's organisation, merged from its members' packages."""
    release = Release.objects.create(
        organisation=organisation, kind="network", k=data.k, noise=data.noise,
        epsilon=data.epsilon, data=data.model_dump(mode="json"),
    )  # fmt: skip
    audit_analytics(
        user=None, organisation=organisation, action="create", what=f"release {release.pk} made"
    )
    return release


@transaction.atomic
def policy_update(*, user: Any, k: int, noise: bool, budget_per_release: float,
                  budget_per_quarter: float) -> PrivacyPolicy:  # fmt: skip
    """The organisation's privacy choices, for the releases to come (made ones stay)."""
    member = require(user, Action.RELEASE)
    policy = policy_of(member.organisation)
    policy.k, policy.noise = k, noise
    policy.budget_per_release, policy.budget_per_quarter = budget_per_release, budget_per_quarter
    policy.save()
    what = f"privacy policy k={k} noise={'on' if noise else 'off'}"
    audit_analytics(user=user, organisation=member.organisation, action="change", what=what)
    return policy
