"""A boat crew in the browser: a case worker starts a group from one crew member's case, adds a
second member by the group's reference, and shares the first member's work answers, which the
second member's case then shows, with its determination screened again."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from safepassage.web.casework import core_edge, services
from safepassage.web.casework.models import Case

from ..web.conftest import example, make_user
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def crew(db: None) -> dict[str, Case]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    alice = make_user("alice", org, "case_worker")
    first = services.case_create(
        user=alice, organisation=org, name="Ko Aung", account=example("fishing_vessel_thailand")
    )
    second = services.case_create(user=alice, organisation=org, name="Ko Min")
    return {"first": first, "second": second}


def test_a_crew_shares_its_answers(page: Page, live_server: Any, crew: dict[str, Case]):
    first, second = crew["first"], crew["second"]
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/cases/{first.pk}/")
    page.get_by_role("link", name="Group", exact=True).click()
    page.get_by_label("Who the group is").select_option(label="A boat crew")
    page.get_by_role("button", name="Start the group").click()
    first.refresh_from_db()
    assert first.group is not None
    reference = first.group.reference
    expect(page.get_by_role("heading", name=f"A boat crew: group {reference}")).to_be_visible()

    page.goto(f"{live_server.url}/cases/{second.pk}/group/")
    page.get_by_label("Reference of the group").fill(reference)
    page.get_by_role("button", name="Add to the group").click()
    expect(page.locator(f'tr[data-member="{first.pk}"]')).to_be_visible()

    page.goto(f"{live_server.url}/cases/{first.pk}/group/")
    page.get_by_label("What kind of work is it?").check()
    page.get_by_role("button", name="Share the chosen answers").click()
    expect(page.get_by_text("1 answer was copied to the other members.")).to_be_visible()
    second.refresh_from_db()
    account = core_edge.account_from(second.account)
    assert core_edge.answer_of(account, "work.sector") == "fishing"
    assert second.sector == "fishing"  # screened again: the list columns follow
