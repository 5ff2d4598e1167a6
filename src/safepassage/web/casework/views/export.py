"""A case's record as one JSON file: for the migrant's own copy, a transfer, or a legal file."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse

from .. import selectors, services
from ..access import Action
from ..models import Case
from ..routes import case


@case(Action.EXPORT)
def case_export(request: HttpRequest, found: Case) -> HttpResponse:
    assessment = selectors.case_assessment(case=found)
    record = {
        "reference": found.reference,
        "status": found.status,
        "source": found.source,
        "created_at": found.created_at.isoformat(),
        "person": {
            "name": found.name,
            "phone": found.phone,
            "document_number": found.document_number,
        },
        "account": found.account,
        "determination": assessment.determination.to_dict(),
        "plan": assessment.plan.to_dict(),
        "referrals": [_referral(r) for r in found.referrals.order_by("created_at")],
        "notes": [
            {"at": n.created_at.isoformat(), "text": n.text}
            for n in found.notes.order_by("created_at")
        ],
        "consents": [_consent(c) for c in found.consent_records.order_by("given_at", "id")],
        "professional_determinations": [
            _professional(p) for p in found.professional_determinations.order_by("created_at")
        ],
        "versions": {"knowledge": found.knowledge_version, "engine": found.engine_version},
        # Parts no configured key decrypts: shown empty above, named here.
        "unreadable": [str(part) for part in selectors.case_unreadable(case=found)],
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
