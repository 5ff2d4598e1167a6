"""A case worker disagrees with the engine and records why; the case page shows both, and the
supervisor finds the case in the list of disagreements."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from safepassage.web.casework import services

from ..web.conftest import example, make_user
from .staff import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def team(db: None) -> dict[str, Any]:
    from safepassage.web.casework.models import Organisation

    org = Organisation.objects.create(name="Helping Hands", slug="hh", country="TH")
    worker = make_user("alice", org, "case_worker")
    make_user("sue", org, "supervisor")
    case = services.case_create(
        user=worker, organisation=org, account=example("irregular_threatened_denunciation")
    )
    return {"case": case}


def test_a_differing_professional_determination_reaches_the_supervisor(
    page: Page, live_server: Any, team: dict[str, Any]
):
    case = team["case"]
    log_in(page, live_server.url, "alice")
    page.get_by_role("link", name=case.reference).click()
    engine = page.locator(".determination [data-level]")
    expect(engine).to_have_attribute("data-level", "labour_exploitation")
    section = page.locator("section.professional")
    section.get_by_label("Your level").select_option("forced_labour")
    section.get_by_label("Your view on trafficking").select_option("unknown")
    section.get_by_label("Why (what the engine missed or over-read)").fill(
        "The threat to call immigration is what keeps him: he cannot leave."
    )
    section.get_by_role("button", name="Record my determination").click()
    mine = page.locator("section.professional article[data-differs]")
    expect(mine).to_have_attribute("data-level", "forced_labour")
    expect(mine).to_contain_text("The engine said: Labour exploitation")
    expect(engine).to_have_attribute("data-level", "labour_exploitation")  # kept apart

    page.context.clear_cookies()
    log_in(page, live_server.url, "sue")
    page.get_by_role("link", name="Where professionals disagree with the engine").click()
    row = page.locator(f'table.disagreements tr[data-case="{case.reference}"]')
    expect(row).to_contain_text("Forced labour")
    expect(page.locator("table.by-rule")).to_contain_text("Labour exploitation")
    expect(page.locator("table.by-finding")).to_contain_text("Abuse of vulnerability")
