"""A case's record as one JSON file: for the migrant's own copy, a transfer, or a legal file."""

from __future__ import annotations

import base64
import json
from typing import Any

from django.http import HttpRequest, HttpResponse

from .. import selectors, services
from ..access import Action
from ..crypto import Unreadable
from ..models import Case
from ..parties import parties_joined
from ..routes import case


@case(Action.EXPORT)
def case_export(request: HttpRequest, found: Case) -> HttpResponse:
    assessment = selectors.case_assessment(case=found)
    attachments = list(found.attachments.order_by("uploaded_at"))
    record = {
        "reference": found.reference,
        "status": found.status,
        "source": found.source,
        "created_at": found.created_at.isoformat(),
        **_workflow(found),
        "person": {
            "name": found.name,
            "phone": found.phone,
            "document_number": found.document_number,
        },
        "account": parties_joined(case=found, data=found.account),  # the parties named
        "determination": assessment.determination.to_dict(),
        "plan": assessment.plan.to_dict(),
        "referrals": [_referral(r) for r in found.referrals.order_by("created_at")],
        "notes": [_note(n) for n in found.notes.order_by("created_at")],
        "follow_ups": [_task(t) for t in found.tasks.order_by("due_on", "id")],
        "attachments": [_attachment(a) for a in attachments],
        "consents": [_consent(c) for c in found.consent_records.order_by("given_at", "id")],
        "professional_determinations": [
            _professional(p) for p in found.professional_determinations.order_by("created_at")
        ],
        "versions": {"knowledge": found.knowledge_version, "engine": found.engine_version},
        # Parts no configured key decrypts: shown empty above, named here.
        "unreadable": [str(part) for part in selectors.case_unreadable(case=found)]
        + [f"attachment {a.pk}" for a in attachments if isinstance(a.content, Unreadable)],
    }
    services.audit_record(user=request.user, case=found, action="export", what="JSON record")
    response = HttpResponse(
        json.dumps(record, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{found.reference}.json"'
    response["Cache-Control"] = "no-store"
    return response


def _referral(referral: Any) -> dict[str, Any]:
    return {
        "provider": referral.provider_name,
        "kind": referral.kind,
        "status": referral.status,
        "outcome": referral.outcome,
        "amount": str(referral.amount) if referral.amount is not None else None,
        "currency": referral.currency,
        "note": referral.outcome_note,
        "sent_on": _at(referral.sent_on),
        "contact_person": referral.contact_person,
        "due_on": _at(referral.due_on),
        "responded_on": _at(referral.responded_on),
        "outcome_on": _at(referral.outcome_on),
        "share_consent_given_at": _at(referral.share_consent.given_at)
        if referral.share_consent
        else None,
    }


def _workflow(found: Case) -> dict[str, Any]:
    """Who has the case and since when, and where its closure stands."""
    return {
        "assignment": {"to": _who(found.assigned_to), "at": _at(found.assigned_at)},
        "closure": {
            "reason": found.closure_reason,
            "requested_by": _who(found.closure_requested_by),
            "requested_at": _at(found.closure_requested_at),
            "closed_by": _who(found.closed_by),
            "closed_at": _at(found.closed_at),
        },
    }


def _who(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def _at(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _note(note: Any) -> dict[str, Any]:
    """A note as it reads now, with every earlier wording (its history)."""
    revisions = note.revisions.order_by("replaced_at", "id")
    return {
        "at": note.created_at.isoformat(),
        "author": _who(note.author),
        "kind": note.kind,
        "contacted_on": _at(note.contacted_on),
        "text": note.text,
        "edited_at": _at(note.edited_at),
        "earlier": [
            {
                "text": r.text,
                "kind": r.kind,
                "contacted_on": _at(r.contacted_on),
                "written_by": _who(r.written_by),
                "replaced_at": _at(r.replaced_at),
            }
            for r in revisions
        ],
    }


def _task(task: Any) -> dict[str, Any]:
    return {
        "title": task.title,
        "due_on": _at(task.due_on),
        "assigned_to": _who(task.assigned_to),
        "source": task.source,
        "citation": task.citation,
        "done_at": _at(task.done_at),
    }


def _attachment(attachment: Any) -> dict[str, Any]:
    """The file itself travels with the record (base64): a transfer or a legal file needs it."""
    return {
        "kind": attachment.kind,
        "filename": attachment.filename,
        "content_type": attachment.content_type,
        "size": attachment.size,
        "uploaded_by": _who(attachment.uploaded_by),
        "uploaded_at": _at(attachment.uploaded_at),
        # None where no configured key decrypts the file (named under "unreadable").
        "content_base64": None
        if isinstance(attachment.content, Unreadable)
        else base64.b64encode(bytes(attachment.content)).decode("ascii"),
    }


def _consent(consent: Any) -> dict[str, Any]:
    return {
        "scope": consent.scope,
        "with_whom": consent.with_whom,
        "step": consent.step,
        "given_at": consent.given_at.isoformat(),
        "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
    }


def _professional(found: Any) -> dict[str, Any]:
    return {
        "at": found.created_at.isoformat(),
        "level": found.level,
        "trafficking": found.trafficking,
        "reason": found.reason,
        "engine": {"level": found.engine_level, "trafficking": found.engine_trafficking},
        "versions": {"knowledge": found.knowledge_version, "engine": found.engine_version},
    }
