"""Attachments: a payslip, a contract or a photo of a document kept with the case, encrypted at
rest (its name too), typed by its first bytes, limited in size, read back only by roles that see
personal data, and audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from safepassage.web.casework.models import Attachment, AuditEvent, Case

from .conftest import client_for

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"payslip for November" * 10


def _upload(user: Any, case: Case, name: str, data: bytes, kind: str = "payslip") -> Any:
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client_for(user).post(f"/cases/{case.pk}/attachments/", {"kind": kind, "file": upload})


def test_it_keeps_a_file_encrypted_and_gives_it_back(case: Case, alice: Any):
    assert _upload(alice, case, "payslip-nov.pdf", PDF).status_code == 302
    found = Attachment.objects.get()
    assert (found.content_type, found.size, found.filename) == (
        "application/pdf",
        len(PDF),
        "payslip-nov.pdf",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT filename, content FROM casework_attachment")
        stored_name, stored = cursor.fetchone()
    assert b"payslip" not in stored.encode()
    assert "payslip" not in stored_name
    response = client_for(alice).get(f"/cases/{case.pk}/attachments/{found.pk}/")
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(case_id=case.pk, what=f"attachment {found.pk}").exists()


def test_it_types_a_file_by_its_bytes_not_its_name(case: Case, alice: Any):
    assert _upload(alice, case, "photo.pdf", PNG, kind="document").status_code == 302
    assert Attachment.objects.get().content_type == "image/png"
    response = _upload(alice, case, "contract.pdf", b"<html><script>alert(1)</script>")
    assert response.status_code == 400
    assert "must be a PDF, JPEG, PNG or WebP file" in response.content.decode()
    assert Attachment.objects.count() == 1


def test_it_refuses_a_file_over_the_limit_keeping_the_choice(case: Case, alice: Any, settings: Any):
    settings.ATTACHMENT_MAX_BYTES = 1024
    response = _upload(alice, case, "big.pdf", PDF + b"x" * 2048, kind="contract")
    assert response.status_code == 400
    page = response.content.decode()
    assert "is too large" in page
    assert '<option value="contract" selected>' in page
    assert not Attachment.objects.exists()


def test_it_gives_a_file_only_to_roles_that_see_personal_data(
    case: Case, alice: Any, ann: Any, charlie: Any
):
    _upload(alice, case, "payslip.pdf", PDF)
    url = f"/cases/{case.pk}/attachments/{Attachment.objects.get().pk}/"
    assert client_for(ann).get(url).status_code == 403
    assert client_for(charlie).get(url).status_code == 404
    assert _upload(ann, case, "x.pdf", PDF).status_code == 403


def test_it_keeps_an_allowed_upload_in_memory_never_in_a_plain_temporary_file(settings: Any):
    from django.conf import settings as configured

    assert configured.FILE_UPLOAD_MAX_MEMORY_SIZE >= configured.ATTACHMENT_MAX_BYTES
