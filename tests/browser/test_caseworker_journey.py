"""A case worker logs in, takes an intake for a scam-compound account, sees the determination and
the plan, makes a referral and records its outcome."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from safepassage.core.account import Fact, Money
from safepassage.core.interview import read
from safepassage.web.casework import core_edge
from safepassage.web.casework.models import Referral

from ..web.conftest import PASSWORD, example, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker(db: None) -> Any:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    return make_user("alice", org, "case_worker")


def _answer(page: Page, truth: Any, qid: str) -> None:
    value = read(truth, qid)
    form = page.locator("form.question")
    if isinstance(value, Fact) or value in (None, "unknown"):
        answer = value.answer.value if isinstance(value, Fact) else "unknown"
        form.locator(f'button[name="answer"][value="{answer}"]').click()
    elif isinstance(value, Money):
        form.locator('input[name="amount"]').fill(str(value.amount))
        form.locator('select[name="currency"]').select_option(value.currency)
        form.locator('select[name="per"]').select_option(value.per)
        form.get_by_role("button", name="Next").click()
    elif isinstance(value, int | float):
        form.locator('input[name="number"]').fill(str(value))
        form.get_by_role("button", name="Next").click()
    elif form.locator('input[name="text"]').count():
        form.locator('input[name="text"]').fill(str(value))
        form.get_by_role("button", name="Next").click()
    else:
        form.locator(f'button[name="answer"][value="{value}"]').click()


def test_it_takes_a_scam_compound_intake_to_a_referral_outcome(
    page: Page, live_server: Any, worker: Any
):
    truth = core_edge.account_from(example("scam_compound_cambodia"))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Cases")).to_be_visible()

    page.get_by_role("link", name="New case").first.click()
    page.get_by_label("Name").fill("Dara")
    page.get_by_role("button", name="Create the case and start the interview").click()
    for _ in range(60):
        if page.locator('input[name="question"]').count() == 0:
            break
        _answer(page, truth, page.locator('input[name="question"]').get_attribute("value") or "")
    # Settled: the intake hands over to the overview for the details kept for the record.
    expect(page.get_by_text("For the record, please also ask")).to_be_visible()
    page.get_by_role("link", name="See the case").click()
    expect(page.locator(".determination [data-level]")).to_have_attribute(
        "data-level", "forced_labour"
    )
    first_step = page.locator("ol.steps > li").first
    assert first_step.get_attribute("data-kind") in (
        "information_and_safety_planning",
        "shelter_and_protection",
    )

    first_step.get_by_role("button", name="Make a referral").click()
    page.locator("select[name=status]").select_option("closed")
    page.get_by_label("The migrant agrees that their details are shared with", exact=False).check()
    page.locator("select[name=outcome]").select_option("repatriated")
    page.get_by_label("What happened").fill("Returned home with help from the shelter")
    page.get_by_role("button", name="Save the referral").click()
    expect(page.locator("section.referrals")).to_contain_text("Repatriated home")
    assert Referral.objects.get().outcome == "repatriated"
