"""What every operation of the API shares: its refusals, the answer to a stale version, and the
web's form errors turned into the API's (each names the field, as the page does)."""

from typing import Any, NoReturn

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from ninja import Schema
from ninja.errors import ValidationError

# The largest version a record can have (a PositiveIntegerField): a larger one is refused as
# input that does not fit, never sent to the database.
MAX_VERSION = 2_147_483_647


class Problem(Schema):
    detail: str


class Invalid(Schema):
    """Bad input: each problem names where (`loc`: ["query", "country"]) and what (`msg`)."""

    detail: list[dict[str, Any]]


class Stale(Schema):
    """The record changed since the version sent was read: nothing was saved. `version` is the
    record's version now: read it as it is, then send the change again with that version."""

    detail: str
    version: int


# What every operation may answer besides its result (documented, so a client and the schema
# tests know them): no token, a role that may not, a case that is not the user's to see, input
# that does not fit.
REFUSALS: dict[int, Any] = {401: Problem, 403: Problem, 404: Problem, 422: Invalid}
# What a write may answer besides: a body that is not JSON at all (400), and, where the record
# carries a version, a change made after someone else's (409).
WRITE: dict[int, Any] = {400: Problem, **REFUSALS}
VERSIONED_WRITE: dict[int, Any] = {409: Stale, **WRITE}

STALE = (
    "Someone else changed this record after the version you sent was read, so your change was "
    "not saved. Read it as it is now, then send your change again with its current version."
)


def problem(where: list[str | int], msg: str) -> dict[str, Any]:
    return {"loc": ["body", "payload", *where], "msg": msg, "type": "invalid"}


def form_problems(
    form: forms.BaseForm, *where: str | int, names: Any = None
) -> list[dict[str, Any]]:
    """A web form's errors as the API's: each at the body's field of the same name (or the one
    `names` maps it to), below `where`; a form-wide error at `where` itself."""
    names = names or {}
    found = []
    for field, errors in form.errors.items():
        at = [] if field == NON_FIELD_ERRORS else [names.get(field, field)]
        found.append(problem([*where, *at], " ".join(str(e) for e in errors)))
    return found


def cleaned(form: forms.BaseForm, names: Any = None) -> dict[str, Any]:
    """The web form's cleaned data, or a 422 naming each field the form refused."""
    if not form.is_valid():
        refuse(form_problems(form, names=names))
    return dict(form.cleaned_data)


def refuse(problems: list[dict[str, Any]]) -> NoReturn:
    """Answer 422 with `problems` (the same shape as the schema's own refusals)."""
    raise ValidationError(problems)
