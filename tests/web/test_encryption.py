"""Names, phone numbers, document numbers and accounts are encrypted at rest, searchable only by
exact match through keyed hashes, and re-encryptable under a new key."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from safepassage.web.casework import crypto, services
from safepassage.web.casework.models import Case

from .conftest import PERSONAL_NAME, client_for

pytestmark = pytest.mark.django_db


def _raw(case: Case) -> tuple[str, ...]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, phone, document_number, account FROM casework_case WHERE id = %s",
            [case.pk],
        )
        return tuple(cursor.fetchone())


def test_it_stores_no_personal_data_in_the_clear(case: Case):
    raw = _raw(case)
    joined = " ".join(raw)
    assert PERSONAL_NAME not in joined
    assert "345 678" not in joined
    assert "123456" not in joined
    assert raw[3].startswith("gAAAAA")  # a Fernet token, not JSON
    assert "manufacturing" not in raw[3]
    assert case.name == PERSONAL_NAME  # and reads back in the clear


@pytest.mark.parametrize(
    "query", ["+855 12 345 678", "012345678", "sokha chan-personal", "AB123456", "ab-123456"]
)
def test_it_finds_a_case_by_exact_phone_name_or_document(case: Case, alice: Any, query: str):
    page = client_for(alice).get("/cases/", {"q": query}).content.decode()
    assert case.reference in page


def test_it_does_not_find_a_partial_name(case: Case, alice: Any):
    page = client_for(alice).get("/cases/", {"q": "Sokha"}).content.decode()
    assert case.reference not in page


def test_it_rotates_to_a_new_key(case: Case, monkeypatch: pytest.MonkeyPatch):
    old = crypto.keys()
    new_key = Fernet.generate_key().decode()
    old_keys = ",".join(_fernet_keys(old))
    monkeypatch.setenv("SAFEPASSAGE_FIELD_KEYS", f"{new_key},{old_keys}")
    monkeypatch.setenv("SAFEPASSAGE_HASH_KEY", old.hash_key.decode())
    crypto.keys.cache_clear()
    try:
        call_command("rotate_keys")
        monkeypatch.setenv("SAFEPASSAGE_FIELD_KEYS", new_key)  # the old key is gone
        crypto.keys.cache_clear()
        assert Case.objects.get(pk=case.pk).name == PERSONAL_NAME
    finally:
        crypto.keys.cache_clear()


def _fernet_keys(keys: crypto.Keys) -> list[str]:
    # The keys as configured (cryptography 46 moved MultiFernet's list of keys into Rust).
    return list(keys.field_keys)


def test_it_rotates_every_encrypted_field(case: Case, sue: Any, monkeypatch: pytest.MonkeyPatch):
    """Each encrypted column of every model, filled, still reads after the old key is gone."""
    import datetime as dt

    from safepassage.web.casework import referral_services, services, workflow
    from safepassage.web.casework.management.commands.rotate_keys import encrypted_fields
    from safepassage.web.casework.models import Note, ProfessionalDetermination, Referral, Task

    Case.objects.filter(pk=case.pk).update(safe_contact={"how": "line", "code_word": "lotus"})
    note = services.note_create(user=sue, case=case, text="First words")
    case.refresh_from_db()
    services.note_update(
        user=sue, note=note, version=1, text="Later", kind="call", contacted_on=None
    )
    workflow.task_create(user=sue, case=case, title="Call back", due_on=dt.date(2030, 1, 1))
    services.professional_determination_record(
        user=sue, case=case, level="forced_labour", trafficking="unknown", reason="Because"
    )
    referral = referral_services.referral_create(
        user=sue, case=case, version=Case.objects.get(pk=case.pk).version, response_id="r",
        kind="legal_aid", provider_id="p", provider_name="P",
    )  # fmt: skip
    Referral.objects.filter(pk=referral.pk).update(outcome_note="Paid", contact_person="Somchai")
    assert sum(len(columns) for columns in encrypted_fields().values()) >= 12
    old = crypto.keys()
    new_key = Fernet.generate_key().decode()
    monkeypatch.setenv("SAFEPASSAGE_FIELD_KEYS", f"{new_key},{','.join(_fernet_keys(old))}")
    monkeypatch.setenv("SAFEPASSAGE_HASH_KEY", old.hash_key.decode())
    crypto.keys.cache_clear()
    try:
        call_command("rotate_keys")
        monkeypatch.setenv("SAFEPASSAGE_FIELD_KEYS", new_key)
        crypto.keys.cache_clear()
        stored = Case.objects.get(pk=case.pk)
        assert stored.safe_contact["code_word"] == "lotus"
        assert Note.objects.get().revisions.get().text == "First words"
        assert Task.objects.get().title == "Call back"
        assert ProfessionalDetermination.objects.get().reason == "Because"
        assert Referral.objects.get().contact_person == "Somchai"
    finally:
        crypto.keys.cache_clear()


def test_it_tells_apart_numbers_of_two_countries_with_the_same_digits(org: Any, alice: Any):
    thai = services.case_create(user=alice, organisation=org, phone="+66 12 345 678")
    khmer = services.case_create(user=alice, organisation=org, phone="+855 12 345 678")
    assert thai.phone_index != khmer.phone_index
    page = client_for(alice).get("/cases/", {"q": "+855 12 345 678"}).content.decode()
    assert khmer.reference in page
    assert thai.reference not in page
