"""The anonymous self-check: adaptive tap questions, a plain result with help channels, nothing
stored unless the person asks to be contacted."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safepassage.web.casework.models import AuditEvent, Case
from safepassage.web.selfcheck.state import State

pytestmark = pytest.mark.django_db

SCAM = {  # a scam-compound worker's answers, by question
    "work.country": "KH", "work.sector": "online_scam", "work.locked_in": "yes",
    "work.forced_criminal_activity": "yes", "work.free_to_leave": "no",
    "work.physical_violence": "yes", "work.threatened_violence": "yes",
    "recruitment.deceived_about_job": "yes", "work.documents_held_by": "employer",
    "person.age": 24,
}  # fmt: skip


def _field(page: str, name: str) -> str:
    return page.split(f'name="{name}" value="')[1].split('"')[0]


def walk(client: Client, answers: dict[str, Any], prefix: str = "") -> tuple[str, int]:
    """Answer every question from `answers` (else "don't know") until the result page."""
    page = client.post(f"{prefix}/check/question/", {"state": State().dumps()}).content.decode()
    asked = 0
    while 'name="question"' in page and asked < 40:
        qid, state = _field(page, "question"), _field(page, "state")
        value = answers.get(qid, "unknown")
        data: dict[str, Any] = {"state": state, "question": qid}
        data["number" if isinstance(value, int) else "answer"] = value
        response = client.post(f"{prefix}/check/question/", data)
        assert response.status_code == 200, response.content.decode()[-400:]
        page = response.content.decode()
        asked += 1
    return page, asked


def test_it_reaches_a_result_with_help_channels_for_the_country():
    page, asked = walk(Client(), SCAM)
    assert 'data-level="forced_labour"' in page
    assert "data-channel=" in page
    assert 'href="tel:' in page
    assert asked <= 25


def test_it_stores_nothing_and_sets_no_cookie():
    client = Client()
    walk(client, SCAM)
    assert Case.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert not client.cookies


def test_it_tells_the_browser_not_to_cache_answers():
    response = Client().post("/check/question/", {"state": State().dumps()})
    assert "no-store" in response["Cache-Control"]


def test_it_shows_the_quick_exit_on_every_page():
    client = Client()
    pages = [client.get("/check/").content.decode()]
    pages.append(client.post("/check/question/", {"state": State().dumps()}).content.decode())
    pages.append(walk(client, SCAM)[0])
    assert all('id="quick-exit"' in page for page in pages)


def test_it_ignores_a_tampered_state():
    state = State(answers={"work.country": "KH"}, asked=["work.country"]).dumps()
    forged = state[:-3] + ("aaa" if not state.endswith("aaa") else "bbb")
    page = Client().post("/check/question/", {"state": forged}).content.decode()
    assert _field(page, "question") == "work.country"


def test_it_refuses_a_bad_age_naming_the_field_and_keeping_the_state():
    state = State(answers={"work.country": "TH"}, asked=["work.country"]).dumps()
    response = Client().post(
        "/check/question/", {"state": state, "question": "person.age", "number": "two hundred"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "must be a number" in text
    assert _field(text, "state") == state


def test_it_creates_a_case_only_with_consent(org: Any):
    client = Client()
    page, _ = walk(client, SCAM)
    state = _field(page, "state")
    form = client.post("/check/contact/", {"state": state}).content.decode()
    sent = {"state": state, "send": "1", "token": _field(form, "token"), "phone": "0812345678"}
    sent |= {"organisation": org.pk, "how": "call", "when": "any", "leave_message": "no"}
    refused = client.post("/check/contact/", sent)
    assert refused.status_code == 400
    assert Case.objects.count() == 0
    assert "0812345678" in refused.content.decode()  # what was typed stays on the form
    client.post("/check/contact/", {**sent, "consent": "on"})
    case = Case.objects.get()
    assert case.source == "self_check"
    assert case.contact_consent_at is not None
    assert case.level == "forced_labour"
    assert case.phone == "0812345678"


@pytest.mark.parametrize("code", ["th", "km", "lo", "my", "vi"])
def test_it_runs_in_each_language(code: str):
    page, _ = walk(Client(), SCAM, prefix=f"/{code}")
    assert f'<html lang="{code}">' in page
    assert 'data-level="forced_labour"' in page


def test_it_shows_only_the_migrant_own_embassy():
    from safepassage.web.selfcheck.help_channels import channels_for

    shown_to_mm = {c["id"] for c in channels_for("TH", "my", "MM")}
    shown_to_vn = {c["id"] for c in channels_for("TH", "vi", "VN")}
    unknown = {c["id"] for c in channels_for("TH", "en", None)}
    assert "embassy_vietnam_bangkok" in shown_to_vn
    assert "embassy_vietnam_bangkok" not in shown_to_mm
    assert not any(c.startswith("embassy_") for c in unknown)  # no embassy until it is known
