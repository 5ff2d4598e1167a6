"""The API's determination and plan of a case: what the case page shows, as codes and the page's
own words; no words name an internal fact or rule (the codes are in fields of their own)."""

from __future__ import annotations

import html
from typing import Any

import pytest

from safepassage.core.account_file import read_account
from safepassage.web.casework import core_edge, selectors, services
from safepassage.web.casework.models import AuditEvent, Case

from .conftest import client_for
from .test_api import call, token_for
from .test_no_internal_ids import FILES, IDS

pytestmark = pytest.mark.django_db

# The fields people read: the words of the page (every other field is a code, a date or a link).
WORDS = {
    "label", "level_label", "trafficking_label", "trafficking_explanation", "trafficking_reason",
    "stage_label", "rule", "question", "answer", "note", "notes", "kind_label", "name", "summary",
    "why", "risk_notes", "requires", "reason", "text",
}  # fmt: skip


def _words(found: Any, key: str = "") -> list[str]:
    if isinstance(found, dict):
        return [w for k, v in found.items() for w in _words(v, k)]
    if isinstance(found, list):
        return [w for item in found for w in _words(item, key)]
    return [found] if isinstance(found, str) and key in WORDS else []


def test_it_gives_the_determination_the_case_page_shows(case: Case, alice: Any):
    found = call("GET", f"/api/cases/{case.pk}/determination", token_for(alice)).json()
    result = selectors.case_assessment(case=case).determination
    assert (found["level"], found["trafficking"]) == (case.level, case.trafficking)
    assert {(f["kind"], f["code"]) for f in found["findings"]} == {
        (f.kind, f.code) for f in result.findings
    }
    assert [m["fact"] for m in found["missing"]] == [m.fact for m in result.missing]
    assert found["knowledge_version"] == case.knowledge_version
    assert found["changed_since"] == {"knowledge": False, "engine": False}
    page = html.unescape(client_for(alice).get(f"/cases/{case.pk}/").content.decode())
    for words in [found["level_label"], found["trafficking_label"]] + [
        f[key] for f in found["findings"] for key in ("label", "rule")
    ]:
        assert words in page, words
    assert AuditEvent.objects.filter(case_id=case.pk, what="api determination").exists()


def test_it_gives_the_plan_the_case_page_shows(case: Case, alice: Any):
    found = call("GET", f"/api/cases/{case.pk}/plan", token_for(alice)).json()
    plan = selectors.case_assessment(case=case).plan
    assert [s["response"] for s in found["steps"]] == [s.response for s in plan.steps]
    assert found["version"] == case.version  # what a referral from the plan sends
    page = html.unescape(client_for(alice).get(f"/cases/{case.pk}/").content.decode())
    for step in found["steps"]:
        assert f'data-response="{step["response"]}"' in page
        assert f"{step['kind_label']}: {step['name']}" in page
        assert all(reason in page for reason in step["why"])
        assert all(p["name"] in page for p in step["providers"])
    assert all(n["label"] in page for n in found["notices"])
    assert AuditEvent.objects.filter(case_id=case.pk, what="api plan").exists()


@pytest.mark.parametrize("name", sorted(FILES))
def test_it_names_no_internal_fact_or_rule_in_words(name: str, org: Any, alice: Any):
    account = core_edge.account_data(read_account(FILES[name]))
    found = services.case_create(user=alice, organisation=org, account=account)
    token = token_for(alice)
    for part in ("determination", "plan", "account"):
        response = call("GET", f"/api/cases/{found.pk}/{part}", token)
        assert response.status_code == 200
        read = response.json()
        if part == "account":  # its answers are codes and values, its `words` what people read
            read = {"answers": [{"text": a["text"], "name": a["words"]} for a in read["answers"]]}
        words = _words(read)
        assert words, part
        shown = [w for w in words if IDS.search(w)]
        assert not shown, (part, shown[:3])
