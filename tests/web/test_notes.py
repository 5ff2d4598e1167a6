"""Notes say what the contact was, when it happened and who wrote them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from safepassage.web.casework.models import Case, Note

from .conftest import client_for

pytestmark = pytest.mark.django_db


def test_it_records_the_kind_the_date_and_the_author(case: Case, alice: Any):
    response = client_for(alice).post(
        f"/cases/{case.pk}/notes/",
        {"kind": "visit", "contacted_on": "2026-11-30", "text": "Met her at the shelter"},
        follow=True,
    )
    assert response.status_code == 200
    note = Note.objects.get()
    assert (note.kind, note.contacted_on, note.author) == ("visit", dt.date(2026, 11, 30), alice)
    page = response.content.decode()
    assert "Visit</strong>, 2026-11-30, alice" in page


def test_it_takes_today_when_no_date_is_given(case: Case, alice: Any):
    client_for(alice).post(f"/cases/{case.pk}/notes/", {"kind": "call", "text": "Called back"})
    assert Note.objects.get().contacted_on == timezone.localdate()


def test_it_refuses_a_contact_in_the_future_keeping_the_note(case: Case, alice: Any):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = client_for(alice).post(
        f"/cases/{case.pk}/notes/", {"kind": "call", "contacted_on": tomorrow, "text": "Typed"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "“Date of the contact” cannot be in the future." in page
    assert "Typed" in page
    assert not Note.objects.exists()
