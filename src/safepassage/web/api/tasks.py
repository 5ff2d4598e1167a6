"""The API's follow-ups on a case (tasks): read them, add one (checked by the case page's own
follow-up form), mark one done or not done again, as the case page does."""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from pydantic import ConfigDict, Field

from ..casework import queues, services, workflow
from ..casework.access import Action, access_case
from ..casework.forms import TaskForm
from ..casework.models import Task
from .schemas import REFUSALS, WRITE, cleaned

router = Router(tags=["tasks"])


class TaskOut(Schema):
    id: int
    title: str
    due_on: date
    overdue: bool
    done: bool
    done_at: datetime | None
    done_by: str | None
    assigned_to: str | None
    source: str  # what made it, when not a person: a legal deadline ("deadlines.…"), a referral
    citation: str  # a legal deadline's source
    created_at: datetime


def _name(user: Any) -> str | None:
    return (user.get_full_name() or user.username) if user is not None else None


def _out(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk, "title": str(task.title), "due_on": task.due_on, "overdue": task.overdue,
        "done": task.done_at is not None, "done_at": task.done_at, "done_by": _name(task.done_by),
        "assigned_to": _name(task.assigned_to), "source": task.source, "citation": task.citation,
        "created_at": task.created_at,
    }  # fmt: skip


@router.get("/cases/{case_id}/tasks", response={200: list[TaskOut], **REFUSALS})
def tasks_list(request: HttpRequest, case_id: int) -> Any:
    """The case's follow-ups, open ones by due date, then those done (roles that see personal
    data: a follow-up may name the person)."""
    found = access_case(request.user, case_id, Action.VIEW_PERSONAL)
    services.audit_record(user=request.user, case=found, action="view", what="api tasks")
    return [_out(task) for task in queues.task_list(case=found).select_related("done_by")]


class TaskIn(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"title": "Call back about the wages", "due_on": "2026-12-01"}]
        }
    )

    # As the follow-up form takes it: some text that is not only spaces, no NUL character.
    title: str = Field(min_length=1, max_length=300, pattern=r"^[^\x00]*\S[^\x00]*$")
    due_on: date


@router.post("/cases/{case_id}/tasks", response={201: TaskOut, **WRITE})
def task_add(request: HttpRequest, case_id: int, payload: TaskIn) -> Any:
    """Add a follow-up, for the case's worker (roles that may change cases)."""
    found = access_case(request.user, case_id, Action.CHANGE)
    data = cleaned(TaskForm(payload.dict()))
    task = workflow.task_create(
        user=request.user, case=found, title=data["title"], due_on=data["due_on"]
    )
    return Status(201, _out(task))


class TaskChange(Schema):
    done: bool = Field(True, description="Done (true), or not done again (false).")


@router.patch("/cases/{case_id}/tasks/{task_id}", response={200: TaskOut, **WRITE})
def task_change(request: HttpRequest, case_id: int, task_id: int, payload: TaskChange) -> Any:
    """Mark a follow-up done, or not done again (roles that may change cases)."""
    found = access_case(request.user, case_id, Action.CHANGE)
    try:
        task = workflow.task_complete(
            user=request.user, case=found, task_id=task_id, done=payload.done
        )
    except Task.DoesNotExist:
        raise Http404 from None
    return _out(task)
