"""One broker on two cases, in the browser: a case worker names him in Burmese script on one
case and in Latin letters on another, is offered the two as one actor, confirms, and each case
page then says the broker is named in one other case."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from safepassage.web.casework import services
from safepassage.web.casework.models import Case, LinkDecision

from ..web.conftest import make_user
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cases(db: None) -> list[Case]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    alice = make_user("alice", org, "case_worker")
    return [services.case_create(user=alice, organisation=org, name=n) for n in ("A", "B")]


def _name(page: Page, url: str, case: Case, name: str) -> None:
    page.goto(f"{url}/cases/{case.pk}/parties/")
    page.get_by_label("Who they are").select_option(label="Broker or informal recruiter")
    page.get_by_label("When they were involved").select_option(label="Recruitment")
    page.get_by_label("Name, as the worker or a document writes it (any script)").fill(name)
    page.get_by_role("button", name="Add to the case").click()
    expect(page.get_by_text("The party was added to the case.")).to_be_visible()


def test_a_case_worker_confirms_one_broker_across_two_scripts(
    page: Page, live_server: Any, cases: list[Case]
):
    log_in(page, live_server.url, "alice")
    _name(page, live_server.url, cases[0], "ကိုဇော်မင်းထွန်း")
    _name(page, live_server.url, cases[1], "Ko Zaw Min Htun")
    expect(page.get_by_role("heading", name="Possibly the same actor")).to_be_visible()
    page.get_by_role("button", name="The same actor").click()
    expect(page.get_by_text("The two were joined as one actor.")).to_be_visible()
    assert LinkDecision.objects.get().verdict == "same"
    for case in cases:
        page.goto(f"{live_server.url}/cases/{case.pk}/")
        expect(page.locator("#parties").get_by_text("Named in 1 other case.")).to_be_visible()
