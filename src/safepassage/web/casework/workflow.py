"""Services for a team's daily work on cases: who works a case, what is due when, and closing.

Keyword-only `<entity>_<action>` functions like those in `services`; each is audit-logged in
the same transaction. The case status is never set by hand: it follows the referrals (referred
while one is made or accepted) and the closure (a case worker asks with a reason, a supervisor
approves or sends it back).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ...core.responses.deadlines import Deadline
from ..common.labels import DEADLINES, duration, label
from .access import Action, can, colleagues, require
from .models import Case, CaseStatus, Task
from .referral_services import status_after_referrals
from .services import audit_record, case_touch, save_checked


class NotAColleague(Exception):
    """The user to assign is not a case worker of the same organisation (or is inactive)."""


class NotAllowed(Exception):
    """The change is not one this user may make on this case now (say, closing an open case)."""


def may_assign(user: Any, case: Case) -> bool:
    """Supervisors assign and reassign; the worker a case is assigned to may transfer it."""
    if can(user, Action.ASSIGN):
        return True
    return can(user, Action.CHANGE) and case.assigned_to_id == getattr(user, "pk", None)


@transaction.atomic
def case_assign(*, user: Any, case: Case, version: int, assignee_id: int) -> Case:
    """Give the case to a case worker of the organisation (assign, reassign or transfer); their
    open follow-ups that were the previous worker's go with it."""
    require(user, Action.CHANGE)
    if not may_assign(user, case):
        raise NotAllowed
    assignee = colleagues(user).filter(pk=assignee_id).first()
    if assignee is None:
        raise NotAColleague
    before = case.assigned_to_id
    case = save_checked(case, version, assigned_to=assignee, assigned_at=timezone.now())
    open_tasks = case.tasks.filter(done_at__isnull=True)
    open_tasks.filter(assigned_to_id=before).update(assigned_to=assignee)
    open_tasks.filter(assigned_to__isnull=True).update(assigned_to=assignee)
    audit_record(user=user, case=case, action="change", what=f"assigned to {assignee.username}")
    return case


@transaction.atomic
def case_request_closure(*, user: Any, case: Case, version: int, reason: str) -> Case:
    require(user, Action.CHANGE)
    if case.status not in (CaseStatus.OPEN, CaseStatus.REFERRED):
        raise NotAllowed
    case = save_checked(
        case,
        version,
        status=CaseStatus.CLOSING,
        closure_reason=reason,
        closure_requested_by=user,
        closure_requested_at=timezone.now(),
    )
    audit_record(user=user, case=case, action="change", what=f"closure asked: {reason}")
    return case


@transaction.atomic
def case_decide_closure(*, user: Any, case: Case, version: int, approve: bool) -> Case:
    """A supervisor closes the case, or sends the request back (the case reopens as its
    referrals say); a closed case may be reopened the same way."""
    require(user, Action.APPROVE)
    if approve:
        # Asked by one, approved by another: nobody closes a case on their own word.
        if case.status != CaseStatus.CLOSING or case.closure_requested_by_id == user.pk:
            raise NotAllowed
        case = save_checked(
            case, version, status=CaseStatus.CLOSED, closed_by=user, closed_at=timezone.now()
        )
        audit_record(user=user, case=case, action="change", what="closure approved")
        return case
    if case.status not in (CaseStatus.CLOSING, CaseStatus.CLOSED):
        raise NotAllowed
    status = status_after_referrals(case)
    case = save_checked(
        case, version, status=status, closure_reason="", closed_by=None, closed_at=None
    )
    audit_record(user=user, case=case, action="change", what="closure sent back")
    return case


@transaction.atomic
def task_create(
    *,
    user: Any,
    case: Case,
    title: str,
    due_on: date,
    assigned_to_id: int | None = None,
    source: str = "",
    citation: str = "",
) -> Task:
    """A follow-up on the case, for `assigned_to_id` (by default the case's worker)."""
    require(user, Action.CHANGE)
    assignee = case.assigned_to_id
    if assigned_to_id is not None:
        found = colleagues(user).filter(pk=assigned_to_id).first()
        if found is None:
            raise NotAColleague
        assignee = found.pk
    task = Task.objects.create(
        case=case,
        title=title,
        due_on=due_on,
        assigned_to_id=assignee,
        source=source,
        citation=citation[:300],
        created_by=user,
    )
    case_touch(case=case)
    audit_record(user=user, case=case, action="change", what=f"follow-up added for {due_on}")
    return task


@transaction.atomic
def task_complete(*, user: Any, case: Case, task_id: int, done: bool = True) -> Task:
    """Mark a follow-up done (or not done again)."""
    require(user, Action.CHANGE)
    task = case.tasks.filter(pk=task_id).first()
    if task is None:
        raise Task.DoesNotExist
    stamp = (timezone.now(), user) if done else (None, None)
    Task.objects.filter(pk=task.pk).update(done_at=stamp[0], done_by=stamp[1])
    task.refresh_from_db()
    case_touch(case=case)
    state = "done" if done else "not done"
    audit_record(user=user, case=case, action="change", what=f"follow-up {task.pk} {state}")
    return task


@transaction.atomic
def task_create_deadline(*, user: Any, case: Case, deadline: Deadline, start: date) -> Task:
    """A legal deadline as a follow-up due on its last day, with its source; once per case (a
    second start date moves the open follow-up's due date, and says so in the audit log)."""
    require(user, Action.CHANGE)
    due = deadline.due(start)
    title = _("%(what)s: the legal time limit is %(length)s from %(start)s.") % {
        "what": label(DEADLINES, deadline.name),
        "length": duration(deadline.length, deadline.unit),
        "start": start.isoformat(),
    }
    cite = deadline.cite
    citation = ", ".join(part for part in (cite.title, cite.section or "") if part)
    if not cite.verified:
        citation += " " + str(_("(not verified)"))
    existing = case.tasks.filter(source=deadline.key, done_at__isnull=True).first()
    if existing is not None:
        Task.objects.filter(pk=existing.pk).update(due_on=due, title=title, citation=citation)
        audit_record(user=user, case=case, action="change", what=f"deadline moved to {due}")
        existing.refresh_from_db()
        return existing
    return task_create(
        user=user, case=case, title=title, due_on=due, source=deadline.key, citation=citation
    )
