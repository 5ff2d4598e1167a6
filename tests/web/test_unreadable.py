"""A row no configured key decrypts (a token made with another key) never causes a 500: the
case page names the field, shows the rest, and the audit log tells administrators; nothing is
written over it."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.fernet import Fernet

from safepassage.web.casework import services
from safepassage.web.casework.models import AuditEvent, Case

from .conftest import PERSONAL_NAME, client_for

pytestmark = pytest.mark.django_db


def _foreign_token(text: str) -> str:
    return Fernet(Fernet.generate_key()).encrypt(text.encode()).decode()


@pytest.fixture
def broken(case: Case) -> Case:
    # Raw values: the ORM would encrypt them again on the way in.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE casework_case SET phone = %s, account = %s WHERE id = %s",
            [_foreign_token("+66 81 000 0000"), _foreign_token("{}"), case.pk],
        )
    case.refresh_from_db()
    return case


def test_the_case_page_names_what_cannot_be_read_and_shows_the_rest(broken: Case, sue: Any):
    response = client_for(sue).get(f"/cases/{broken.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-unreadable="1"' in page
    assert "Phone number, The account" in page
    assert PERSONAL_NAME in page  # the name still decrypts and is shown
    event = AuditEvent.objects.get(case_id=broken.pk, action="unreadable")
    assert event.what == "could not decrypt: Phone number, The account"
    assert "+66" not in event.what


def test_an_answer_is_not_written_over_an_unreadable_account(broken: Case, alice: Any):
    response = client_for(alice).post(
        f"/cases/{broken.pk}/intake/", {"question": "work.country", "answer": "TH", "version": 1}
    )
    assert response.status_code == 400
    assert "cannot be read" in response.content.decode()
    with pytest.raises(services.UnreadableAccount):
        services.case_record_answer(
            user=alice, case=broken, version=1, qid="work.country", value="TH"
        )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT account FROM casework_case WHERE id = %s", [broken.pk])
        assert cursor.fetchone()[0].startswith("gAAAA")  # the token is still there, untouched


def test_the_case_list_and_the_export_do_not_fail(broken: Case, alice: Any):
    assert client_for(alice).get("/cases/").status_code == 200
    export = client_for(alice).get(f"/cases/{broken.pk}/export/")
    assert export.status_code == 200
    assert export.json()["unreadable"] == ["Phone number", "The account"]
