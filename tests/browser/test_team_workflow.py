"""A team's day: a supervisor assigns a self-check request from the inbox to a case worker, who
corrects an answer from the overview, makes a referral with the migrant's consent and records an
outcome in baht; the case status follows. On a phone the case list is cards, and a case worker
never sees a menu entry that leads to a refusal."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from safepassage.web.casework import services
from safepassage.web.casework.models import Case, Referral

from ..web.conftest import example, make_user
from .conftest import PHONE
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def team(db: None) -> dict[str, Any]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    make_user("alice", org, "case_worker")
    make_user("sue", org, "supervisor")
    request = services.case_create(
        user=None,
        organisation=org,
        name="Ma Aye",
        phone="+66 81 234 5678",
        account=example("deported_wages_owed"),
        source="self_check",
        contact_consent=True,
        language="my",
        safe_contact={"how": "line", "when": "evening", "leave_message": "no", "code_word": ""},
    )
    return {"case": request}


def test_a_request_goes_from_the_inbox_to_an_outcome(
    page: Page, live_server: Any, team: dict[str, Any]
):
    case: Case = team["case"]
    log_in(page, live_server.url, "sue")
    page.get_by_role("link", name="Inbox (1 new)").click()
    request = page.locator(f'article[data-case="{case.pk}"]')
    expect(request).to_contain_text("Burmese")
    expect(request).to_contain_text("LINE")
    request.get_by_label("Assign to").select_option(label="alice")
    request.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("No request is waiting.")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    log_in(page, live_server.url, "alice")
    page.get_by_role("link", name="My cases").click()
    page.get_by_role("link", name=case.reference).click()
    page.get_by_role("link", name="All answers").first.click()
    row = page.locator('[data-question="work.days_per_week"]')
    expect(row).to_contain_text("6")
    row.get_by_role("link", name="Correct").click()
    page.locator('input[name="number"]').fill("7")
    page.get_by_role("button", name="Next").click()
    expect(page.locator('[data-question="work.days_per_week"]')).to_contain_text("7")

    page.get_by_role("link", name="See the case").click()
    page.locator("ol.steps > li").first.get_by_role("button", name="Make a referral").click()
    page.locator("select[name=status]").select_option("made")
    page.get_by_label("Contact person at the provider").fill("Khun Somchai")
    page.get_by_role("button", name="Save the referral").click()
    expect(page.locator(".errorlist").first).to_contain_text("consent")  # refused, then consent
    expect(page.get_by_label("Contact person at the provider")).to_have_value("Khun Somchai")
    page.get_by_label("The migrant agrees that their details are shared with", exact=False).check()
    page.get_by_role("button", name="Save the referral").click()
    expect(page.locator("main")).to_contain_text("Referred")

    page.locator("section.referrals a").first.click()
    page.locator("select[name=status]").select_option("closed")
    page.locator("select[name=outcome]").select_option("wages_recovered")
    page.get_by_label("Amount recovered").fill("45000")
    page.get_by_label("Currency").select_option("THB")
    page.get_by_role("button", name="Save the referral").click()
    expect(page.locator("section.referrals")).to_contain_text("45,000 THB")
    case.refresh_from_db()
    assert case.status == "open"  # the referral closed with its outcome: the case is open again
    assert case.account["work"][-1]["days_per_week"] == 7
    referral = Referral.objects.get()
    assert referral.share_consent is not None
    assert (referral.outcome, referral.currency) == ("wages_recovered", "THB")


def test_a_case_worker_sees_no_menu_entry_that_refuses(
    page: Page, live_server: Any, team: dict[str, Any]
):
    log_in(page, live_server.url, "alice")
    links = page.locator("nav.staff a").evaluate_all("(links) => links.map((a) => a.href)")
    assert len(links) >= 3
    for href in links:
        assert page.request.get(href).status < 400, href


def test_the_case_list_is_cards_on_a_phone(
    browser: Browser, live_server: Any, team: dict[str, Any]
):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    log_in(page, live_server.url, "sue")
    page.goto(f"{live_server.url}/cases/")
    row = page.locator("table.cards tbody tr").first
    assert row.evaluate("(tr) => getComputedStyle(tr).display") == "block"
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    expect(page.locator("details.filters-fold")).not_to_have_attribute("open", "")
    context.close()
