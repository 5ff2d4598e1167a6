"""A case's JSON record carries the whole case work: who has it and since when, follow-ups,
notes with their earlier wordings, attachments with their content, and each referral's dates
and the consent it was sent under."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safepassage.web.casework import referral_services, services, workflow
from safepassage.web.casework.models import Case

from .conftest import client_for, refer

pytestmark = pytest.mark.django_db


def _record(user: Any, case: Case) -> dict[str, Any]:
    response = client_for(user).get(f"/cases/{case.pk}/export/")
    assert response.status_code == 200
    return json.loads(response.content)


def test_it_exports_the_assignment(case: Case, alice: Any):
    record = _record(alice, case)
    assert record["assignment"]["to"] == "alice"
    assert record["closure"] == {
        "reason": "", "requested_by": None, "requested_at": None, "closed_by": None,
        "closed_at": None,
    }  # fmt: skip


def test_it_exports_follow_ups(case: Case, alice: Any):
    workflow.task_create(
        user=alice, case=case, title="Call Ma Aye back", due_on=dt.date(2027, 1, 5)
    )
    [task] = _record(alice, case)["follow_ups"]
    assert (task["title"], task["due_on"], task["done_at"]) == (
        "Call Ma Aye back",
        "2027-01-05",
        None,
    )


def test_it_exports_a_notes_history(case: Case, alice: Any):
    note = services.note_create(user=alice, case=case, text="First wording")
    services.note_update(
        user=alice, note=note, version=note.version, text="Second wording", kind="call",
        contacted_on=dt.date(2026, 11, 30),
    )  # fmt: skip
    [exported] = _record(alice, case)["notes"]
    assert (exported["text"], exported["kind"], exported["author"]) == (
        "Second wording",
        "call",
        "alice",
    )
    assert exported["contacted_on"] == "2026-11-30"
    assert [e["text"] for e in exported["earlier"]] == ["First wording"]


def test_it_exports_attachments_with_their_content(case: Case, alice: Any):
    upload = SimpleUploadedFile("payslip.pdf", b"%PDF-1.4 pay")
    services.attachment_add(
        user=alice, case=case, kind="payslip", upload=upload, content_type="application/pdf"
    )
    [exported] = _record(alice, case)["attachments"]
    assert (exported["filename"], exported["size"], exported["kind"]) == (
        "payslip.pdf",
        12,
        "payslip",
    )
    assert base64.b64decode(exported["content_base64"]) == b"%PDF-1.4 pay"


def test_it_exports_a_referrals_dates_and_consent(case: Case, alice: Any):
    referral = refer(alice, case)
    referral_services.referral_update(
        user=alice, referral=referral, version=referral.version, status="made", outcome="",
        amount=None, currency="", outcome_note="", sent_on=dt.date(2026, 11, 28),
        contact_person="Khun Somchai", due_on=dt.date(2026, 12, 9), share_agreed=True,
    )  # fmt: skip
    [exported] = _record(alice, case)["referrals"]
    assert (exported["sent_on"], exported["due_on"]) == ("2026-11-28", "2026-12-09")
    assert exported["contact_person"] == "Khun Somchai"
    assert exported["share_consent_given_at"] is not None


def test_it_names_an_attachment_no_key_reads_and_still_exports(case: Case, alice: Any):
    from cryptography.fernet import Fernet
    from django.db import connection

    upload = SimpleUploadedFile("contract.pdf", b"%PDF-1.4 contract")
    found = services.attachment_add(
        user=alice, case=case, kind="contract", upload=upload, content_type="application/pdf"
    )
    foreign = Fernet(Fernet.generate_key()).encrypt(b"%PDF-").decode()
    with connection.cursor() as cursor:  # raw: the ORM would encrypt it again
        cursor.execute(
            "UPDATE casework_attachment SET content = %s WHERE id = %s", [foreign, found.pk]
        )
    record = _record(alice, case)
    assert record["attachments"][0]["content_base64"] is None
    assert f"attachment {found.pk}" in record["unreadable"]
