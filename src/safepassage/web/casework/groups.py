"""Group cases: people exploited together (a boat crew, a compound) linked in one group.

The facts they share are entered once, in one member's case, and copied into each member's
account where that member has no answer of their own: a person's own answer always wins, and
each keeps their own account, consent and plan. Every copy is an answer recorded through
`case_record_answer`, so it is screened again and audited in that member's case like any other.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from ...core.account import Account
from . import core_edge
from .access import Action, cases_for, require
from .crypto import UnreadableDict
from .models import Case, CaseGroup
from .services import audit_record, case_record_answer, case_touch

# What people exploited together share: the place and its conditions, and who recruited and
# moved them. Never what happened to one person (violence, documents, pay, debt, deception):
# those are each person's own account, and copied they would become another's indicators.
GROUP_FACTS = (
    "work.country", "work.province", "work.sector", "work.beyond_national_waters",
    "work.locked_in", "work.movement_restricted", "work.isolation", "work.hours_per_day",
    "work.days_per_week", "work.overtime_worked", "work.overtime_premium_paid",
    "work.degrading_living_conditions", "work.hazardous_without_protection",
    "recruitment.recruited_by", "transit.transported_by", "transit.confined",
)  # fmt: skip


def group_members(*, user: Any, group: CaseGroup) -> QuerySet[Case]:
    return cases_for(user).filter(group=group).order_by("reference")


def shareable(*, case: Case) -> list[str]:
    """The group facts (see GROUP_FACTS) the case has an answer to, in the interview's order:
    what it can share."""
    if isinstance(case.account, UnreadableDict):
        return []
    account = core_edge.account_from(case.account)
    return [
        qid
        for qid in core_edge.all_questions()
        if qid in GROUP_FACTS and core_edge.answer_of(account, qid) is not None
    ]


@transaction.atomic
def group_create(*, user: Any, case: Case, kind: str, description: str) -> CaseGroup:
    """A new group with the case as its first member."""
    require(user, Action.CHANGE)
    group = CaseGroup.objects.create(
        organisation=case.organisation,
        reference=f"new-{secrets.token_hex(8)}",
        kind=kind,
        description=description,
        created_by=user,
    )
    group.reference = f"{case.organisation.slug[:6].upper()}-G{group.pk:05d}"
    CaseGroup.objects.filter(pk=group.pk).update(reference=group.reference)
    _join(user, case, group)
    return group


@transaction.atomic
def group_join(*, user: Any, case: Case, reference: str) -> CaseGroup:
    """The case joins the organisation's group of that reference, and receives its shared
    answers. A reference of another organisation is not found."""
    require(user, Action.CHANGE)
    group = CaseGroup.objects.get(
        organisation_id=case.organisation_id, reference__iexact=reference.strip()
    )
    _join(user, case, group)
    source = group.shared_from
    if (
        source is not None
        and source.pk != case.pk
        and not isinstance(source.account, UnreadableDict)
    ):
        _fill(user, case, core_edge.account_from(source.account), group.shared_questions)
    return group


def _join(user: Any, case: Case, group: CaseGroup) -> None:
    Case.objects.filter(pk=case.pk).update(group=group)
    case.group = group
    case_touch(case=case)
    audit_record(user=user, case=case, action="change", what=f"group {group.reference} joined")


@transaction.atomic
def group_leave(*, user: Any, case: Case) -> None:
    """The case leaves its group; the answers it received stay (they are its account now)."""
    require(user, Action.CHANGE)
    group = case.group
    if group is None:
        return
    Case.objects.filter(pk=case.pk).update(group=None)
    if group.shared_from_id == case.pk:
        CaseGroup.objects.filter(pk=group.pk).update(shared_from=None, shared_questions=[])
    case.group = None
    audit_record(user=user, case=case, action="change", what=f"group {group.reference} left")


@transaction.atomic
def group_share(*, user: Any, group: CaseGroup, source: Case, questions: list[str]) -> int:
    """Share the source member's answers to `questions` with the group: copied now into every
    other member without an answer of their own, and into each member who joins later. Returns
    the number of answers copied."""
    require(user, Action.CHANGE)
    if source.group_id != group.pk:
        raise Http404
    chosen = [q for q in shareable(case=source) if q in set(questions)]
    CaseGroup.objects.filter(pk=group.pk).update(shared_from=source, shared_questions=chosen)
    what = f"group {group.reference} shared: {', '.join(chosen) or 'nothing'}"
    audit_record(user=user, case=source, action="change", what=what)
    given = core_edge.account_from(source.account)  # read once for every member
    copied = 0
    for member in group_members(user=user, group=group).exclude(pk=source.pk).select_for_update():
        if not isinstance(member.account, UnreadableDict):  # no key reads it: left as it is
            copied += _fill(user, member, given, chosen)
    return copied


def _fill(user: Any, member: Case, given: Account, questions: list[str]) -> int:
    """Copy the answers of the `given` account into the member where the member has none and
    was not asked (a "don't know" the member gave is their answer too)."""
    copied = 0
    for qid in questions:
        own = core_edge.account_from(member.account)
        value = core_edge.answer_of(given, qid)
        if value is None or qid in member.asked or core_edge.answer_of(own, qid) is not None:
            continue
        member = case_record_answer(
            user=user, case=member, version=member.version, qid=qid, value=value
        )
        copied += 1
    return copied
