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


def test_it_edits_a_note_and_keeps_what_it_said_before(case: Case, alice: Any, bob: Any):
    client_for(alice).post(
        f"/cases/{case.pk}/notes/", {"kind": "call", "text": "Called: no answer"}
    )
    note = Note.objects.get()
    data = {"kind": "call", "contacted_on": "2026-11-30", "text": "Called: she answered",
            "version": note.version}  # fmt: skip
    response = client_for(bob).post(f"/cases/{case.pk}/notes/{note.pk}/", data)
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "Called: she answered"
    assert note.edited_by == bob
    old = note.revisions.get()
    assert (old.text, old.written_by, old.replaced_by) == ("Called: no answer", alice, bob)
    page = client_for(alice).get(f"/cases/{case.pk}/notes/{note.pk}/").content.decode()
    assert "What the note said before" in page
    assert "Called: no answer" in page


def test_it_refuses_an_edit_from_a_stale_form_keeping_the_text(case: Case, alice: Any, bob: Any):
    client_for(alice).post(f"/cases/{case.pk}/notes/", {"kind": "call", "text": "First"})
    note = Note.objects.get()
    stale = note.version
    url = f"/cases/{case.pk}/notes/{note.pk}/"
    client_for(bob).post(url, {"kind": "call", "text": "Bob's", "version": stale})
    response = client_for(alice).post(url, {"kind": "call", "text": "Alice's", "version": stale})
    assert response.status_code == 400
    assert "Alice&#x27;s" in response.content.decode() or "Alice's" in response.content.decode()
    note.refresh_from_db()
    assert note.text == "Bob's"


def test_it_hides_a_note_of_another_case(case: Case, org: Any, alice: Any):
    from safepassage.web.casework import services

    other = services.case_create(user=alice, organisation=org)
    note = services.note_create(user=alice, case=other, text="Theirs")
    assert client_for(alice).get(f"/cases/{case.pk}/notes/{note.pk}/").status_code == 404


def test_it_accepts_saving_again_after_a_stale_refusal(case: Case, alice: Any, bob: Any):
    client_for(alice).post(f"/cases/{case.pk}/notes/", {"kind": "call", "text": "First"})
    note = Note.objects.get()
    url = f"/cases/{case.pk}/notes/{note.pk}/"
    client_for(bob).post(url, {"kind": "call", "text": "Bob's", "version": note.version})
    refused = client_for(alice).post(url, {"kind": "call", "text": "Mine", "version": note.version})
    current = Note.objects.get().version
    assert f'name="version" value="{current}"' in refused.content.decode()
    again = client_for(alice).post(url, {"kind": "call", "text": "Mine", "version": current})
    assert again.status_code == 302
    assert Note.objects.get().text == "Mine"
