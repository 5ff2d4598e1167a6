"""The REST API (django-ninja): version 1. Cases, their accounts (read and answered, checked as
the intake checks answers), determinations, plans, referrals, notes and follow-ups (tasks).

Every call needs a token (`Authorization: Bearer sp_…`, made on the token page) and is scoped
exactly as the web is: the user's organisation and role (`casework.access`), so an outsider's
case is 404, an analyst's request for case data 403, a call without a token 401. Every call is
audited. Errors are JSON: `{"detail": ...}`, or for bad input the field and what is wrong; a
change sent with a version someone else's change has passed is 409, with the version now.
OpenAPI at /api/openapi.json, its pages at /api/docs.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Query, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer
from pydantic import Field, ValidationInfo, field_validator

from ..casework import core_edge, selectors, services
from ..casework.access import Action, access_case, can, require
from ..casework.forms import CaseFilterForm
from ..casework.models import Case
from ..casework.parties import parties_joined
from . import accounts, referrals, results, tasks
from .notes import NoteOut, note_add, notes_list
from .schemas import REFUSALS, WRITE, Invalid, Problem
from .tokens import token_user

__all__ = ["REFUSALS", "Invalid", "Problem", "api"]


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = token_user(token)
        if user is not None:
            request.user = user  # what the web's access rules read
        return user


api = NinjaAPI(
    title="SafePassage API",
    version="1",
    description=__doc__ or "",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=TokenAuth(),
)


@api.exception_handler(PermissionDenied)
def refused(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "Your role may not do this (an analyst sees releases only)."},
        status=403,
    )


class CaseOut(Schema):
    id: int
    reference: str
    status: str
    level: str
    trafficking: str
    country: str
    sector: str
    stage: str
    version: int  # what a change to the case sends back (a change made since is refused)
    updated_at: datetime


class Determination(Schema):
    level: str
    trafficking: str
    findings: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    knowledge_version: str
    engine_version: str


class CaseDetail(CaseOut):
    name: str | None = None  # personal fields: only for roles that may see them
    phone: str | None = None
    document_number: str | None = None
    account: dict[str, Any]
    determination: Determination


# The codes of the list page's own filters (its form's choices, "any" left out).
FILTER_CODES: dict[str, list[str]] = {
    name: [str(code) for code, _label in CaseFilterForm.base_fields[name].choices if code]
    for name in ("country", "sector", "stage", "level", "status")
}


class CaseFilter(Schema):
    """The list page's filters; a value that is none of a filter's codes is refused, naming the
    filter and its codes (never an empty list that looks like an answer)."""

    country: str = Field("", json_schema_extra={"enum": ["", *FILTER_CODES["country"]]})
    sector: str = Field("", json_schema_extra={"enum": ["", *FILTER_CODES["sector"]]})
    stage: str = Field("", json_schema_extra={"enum": ["", *FILTER_CODES["stage"]]})
    level: str = Field("", json_schema_extra={"enum": ["", *FILTER_CODES["level"]]})
    status: str = Field("", json_schema_extra={"enum": ["", *FILTER_CODES["status"]]})

    @field_validator("country", "sector", "stage", "level", "status")
    @classmethod
    def _known(cls, value: str, info: ValidationInfo) -> str:
        codes = FILTER_CODES[str(info.field_name)]
        if value and value not in codes:
            raise ValueError(f"not a {info.field_name} code; use one of: {', '.join(codes)}")
        return value


class Pages(PageNumberPagination):
    """Pages of at most 100 cases, numbered from 1 to a million: a page far past the end is an
    empty page, never an offset the database cannot hold (a 500 schemathesis found)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=100)


@api.get("/cases", response={200: list[CaseOut], **REFUSALS}, tags=["cases"])
@paginate(Pages, page_size=50, max_page_size=100)
def case_list(request: HttpRequest, filters: Query[CaseFilter]) -> Any:
    """The organisation's cases, newest change first, 50 a page, filtered as on the list page."""
    member = require(request.user, Action.VIEW)
    chosen = filters.dict()
    cases = selectors.case_list(user=request.user, **chosen)
    what = f"api case list; filter: {services.filter_words(chosen)}"
    services.audit_organisation(
        user=request.user, organisation_id=member.organisation_id, action="view", what=what
    )
    return cases


@api.get("/cases/{case_id}", response={200: CaseDetail, **REFUSALS}, tags=["cases"])
def case_detail(request: HttpRequest, case_id: int) -> Any:
    """One case with its account and the engine's determination (personal fields only for a
    role that may see them)."""
    found: Case = access_case(request.user, case_id)
    services.audit_record(user=request.user, case=found, action="view", what="api case")
    result = core_edge.screen(core_edge.account_from(found.account)).to_dict()
    personal = can(request.user, Action.VIEW_PERSONAL)
    return {
        **{field: getattr(found, field) for field in CaseOut.model_fields},
        "name": found.name if personal else None,
        "phone": found.phone if personal else None,
        "document_number": found.document_number if personal else None,
        "account": parties_joined(case=found, data=found.account) if personal else found.account,
        "determination": {
            "level": result["level"],
            "trafficking": result["trafficking"]["result"],
            "findings": result["findings"],
            "missing": result["missing"],
            "knowledge_version": found.knowledge_version,
            "engine_version": found.engine_version,
        },
    }


# Notes: the web's note form validates what is sent (see notes.py).
api.get("/cases/{case_id}/notes", response={200: list[NoteOut], **REFUSALS}, tags=["notes"])(
    notes_list
)
api.post("/cases/{case_id}/notes", response={201: NoteOut, **WRITE}, tags=["notes"])(note_add)

# Accounts, determinations and plans, referrals, tasks: each module's operations.
for module in (accounts, results, referrals, tasks):
    api.add_router("", module.router)
