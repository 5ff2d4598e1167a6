"""The API's notes on a case: read them, add one (validated by the web's own note form, so the
same input is refused for the same reason, naming the field)."""

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Schema, Status
from pydantic import Field

from ..casework import services
from ..casework.access import Action, access_case
from ..casework.forms import NoteForm
from ..casework.models import Note
from .schemas import cleaned

Kind = Literal["call", "visit", "meeting", "message", "other"]


class NoteOut(Schema):
    id: int
    kind: str
    contacted_on: date | None
    text: str
    created_at: datetime
    author: str | None


class NoteIn(Schema):
    # As the note form takes it: some text that is not only spaces, no NUL character.
    text: str = Field(min_length=1, max_length=5000, pattern=r"^[^\x00]*\S[^\x00]*$")
    kind: Kind = "other"
    contacted_on: date | None = None  # the day of the contact; today if left out


def _out(note: Note) -> dict[str, Any]:
    author = note.author
    return {
        "id": note.pk, "kind": note.kind, "contacted_on": note.contacted_on,
        "text": str(note.text), "created_at": note.created_at,
        "author": (author.get_full_name() or author.username) if author else None,
    }  # fmt: skip


def notes_list(request: HttpRequest, case_id: int) -> Any:
    """The case's notes, oldest first (roles that see personal data, as on the case page)."""
    found = access_case(request.user, case_id, Action.VIEW_PERSONAL)
    services.audit_record(user=request.user, case=found, action="view", what="api notes")
    return [_out(note) for note in found.notes.select_related("author").order_by("created_at")]


def note_add(request: HttpRequest, case_id: int, payload: NoteIn) -> Any:
    """Add a note to the case (roles that may change cases)."""
    found = access_case(request.user, case_id, Action.CHANGE)
    data = cleaned(NoteForm(payload.dict()))
    note = services.note_create(
        user=request.user, case=found, text=data["text"], kind=data["kind"],
        contacted_on=data["contacted_on"],
    )  # fmt: skip
    return Status(201, _out(note))
