"""Every case-work page fits a 360 px phone with long Burmese and Khmer names and notes: no
sideways scroll, and the case page folds its sections so it fits in a few screens."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser

from safepassage.web.casework import referral_services, services, workflow
from safepassage.web.casework.models import Case

from ..web.conftest import example, make_user
from .conftest import PHONE
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)

BURMESE = "ဒေါ်ခင်မြင့်မြင့်အေးသန္တာထွန်းလှိုင်ဝင်းမြတ်နိုးစန္ဒာကျော်ကျော်ဦးနှင့်အမျိုးသမီးအလုပ်သမားများအဖွဲ့"
KHMER = "សុខចាន់ដារ៉ាវិចិត្រសុវណ្ណារិទ្ធិបុប្ផាកញ្ញាចន្ទ្រាពេជ្ររតនាសម្បត្តិមង្គលប្រសើរ"
SCREENS = 3  # the folded case page, in phone screens at most (1,547 px measured)


@pytest.fixture
def cast(db: None) -> dict[str, Any]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    sue = make_user("sue", org, "supervisor")
    case = services.case_create(
        user=sue, organisation=org, name=BURMESE * 2, phone="+66 81 234 5678",
        account=example("live_in_domestic_worker"),
    )  # fmt: skip
    services.note_create(user=sue, case=case, text=(KHMER + " " + BURMESE) * 4, kind="call")
    workflow.task_create(user=sue, case=case, title=KHMER * 2, due_on=case.created_at.date())
    referral_services.referral_create(
        user=sue, case=case, version=Case.objects.get(pk=case.pk).version, response_id="r",
        kind="legal_aid", provider_id="p", provider_name=KHMER,
    )  # fmt: skip
    services.case_create(
        user=None, organisation=org, name=KHMER * 3, account=example("scam_compound_cambodia"),
        source="self_check", language="km", safe_contact={"how": "line", "code_word": KHMER},
    )  # fmt: skip
    return {"case": Case.objects.get(pk=case.pk)}


def test_no_case_work_page_scrolls_sideways_on_a_phone(
    browser: Browser, live_server: Any, cast: dict[str, Any]
):
    case = cast["case"]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    log_in(page, live_server.url, "sue")
    referral = case.referrals.get()
    paths = [
        "/cases/", "/cases/?assigned=me", "/cases/inbox/", "/cases/new/", f"/cases/{case.pk}/",
        f"/cases/{case.pk}/edit/", f"/cases/{case.pk}/answers/", f"/cases/{case.pk}/intake/",
        f"/cases/{case.pk}/intake/?q=person.age&next=answers",
        f"/cases/{case.pk}/referrals/{referral.pk}/", "/cases/audit/", "/cases/disagreements/",
    ]  # fmt: skip
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None, path
        assert response.status == 200, path
        wide = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert wide[0] <= wide[1], (path, wide)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= SCREENS * PHONE["height"], height
    notes = page.locator("#notes .fold-toggle")
    assert notes.get_attribute("aria-expanded") == "false"
    notes.click()
    assert page.locator("#notes .fold-body").is_visible()
    context.close()
