"""An organisation's administrator adds users with a role, sends them a password set-up link
(the password policy applies), changes roles and deactivates; nobody else can."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from safepassage.web.casework.models import AuditEvent, Membership

from .conftest import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(org: Any) -> Any:
    return make_user("ada", org, "administrator")


def _add(admin: Any, **data: str) -> Any:
    form = {"username": "dara", "full_name": "Dara Sok", "email": "", "role": "case_worker"}
    return client_for(admin).post("/cases/team/", {**form, **data})


def _link(response: Any) -> str:
    page = response.content.decode()
    return page.split("<code>")[1].split("</code>")[0].replace("http://testserver", "")


def test_it_adds_a_user_who_sets_a_password_from_the_link(admin: Any, org: Any):
    response = _add(admin)
    assert response.status_code == 200
    dara = get_user_model().objects.get(username="dara")
    assert not dara.has_usable_password()
    assert Membership.objects.get(user=dara).organisation == org
    link = _link(response)
    visitor = Client()
    form = visitor.get(link, follow=True)
    assert "Set your password" in form.content.decode()
    target = form.redirect_chain[-1][0] if form.redirect_chain else link
    weak = visitor.post(target, {"new_password1": "12345678", "new_password2": "12345678"})
    assert "too short" in weak.content.decode()
    strong = "lotus river morning 27"
    done = visitor.post(target, {"new_password1": strong, "new_password2": strong}, follow=True)
    assert "Your password is set" in done.content.decode()
    dara.refresh_from_db()
    assert dara.check_password(strong)
    assert AuditEvent.objects.filter(what="user dara created as case_worker").exists()


def test_it_refuses_a_used_link(admin: Any):
    link = _link(_add(admin))
    visitor = Client()
    target = visitor.get(link, follow=True).redirect_chain[-1][0]
    strong = "lotus river morning 27"
    visitor.post(target, {"new_password1": strong, "new_password2": strong})
    again = Client().get(link, follow=True).content.decode()
    assert "has been used already or is too old" in again


def test_it_changes_a_role_and_deactivates(admin: Any, alice: Any):
    client = client_for(admin)
    client.post(f"/cases/team/{alice.pk}/", {"action": "role", "role": "supervisor"})
    assert Membership.objects.get(user=alice).role == "supervisor"
    client.post(f"/cases/team/{alice.pk}/", {"action": "deactivate"})
    alice.refresh_from_db()
    assert not alice.is_active
    assert client_for(alice).get("/cases/").status_code == 302  # no longer signed in


def test_it_will_not_lock_the_administrator_out(admin: Any):
    client = client_for(admin)
    response = client.post(f"/cases/team/{admin.pk}/", {"action": "deactivate"})
    assert response.status_code == 400
    assert "cannot deactivate yourself" in response.content.decode()
    client.post(f"/cases/team/{admin.pk}/", {"action": "role", "role": "case_worker"})
    assert Membership.objects.get(user=admin).role == "administrator"


def test_it_refuses_a_taken_username_keeping_the_form(admin: Any, alice: Any):
    response = _add(admin, username="alice", full_name="Another Alice")
    assert response.status_code == 400
    assert "is taken already" in response.content.decode()
    assert 'value="Another Alice"' in response.content.decode()


def test_it_is_for_administrators_only(sue: Any, alice: Any, admin: Any, charlie: Any):
    assert client_for(sue).get("/cases/team/").status_code == 403
    assert client_for(alice).get("/cases/team/").status_code == 403
    # Another organisation's administrator cannot touch this organisation's users.
    response = client_for(charlie).post(f"/cases/team/{admin.pk}/", {"action": "deactivate"})
    assert response.status_code == 404
    admin.refresh_from_db()
    assert admin.is_active


def test_it_makes_no_link_for_someone_with_a_password(admin: Any, alice: Any):
    response = client_for(admin).post(f"/cases/team/{alice.pk}/", {"action": "link"})
    assert response.status_code == 400
    assert "has set a password already" in response.content.decode()
    assert "<code>" not in response.content.decode()


def test_it_gives_a_deactivated_workers_cases_back(admin: Any, org: Any, alice: Any):
    from safepassage.web.casework import services

    mine = services.case_create(user=alice, organisation=org, name="A case")
    assert mine.assigned_to == alice
    client_for(admin).post(f"/cases/team/{alice.pk}/", {"action": "deactivate"})
    mine.refresh_from_db()
    assert mine.assigned_to is None
