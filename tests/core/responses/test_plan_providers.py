"""Who a step sends the migrant to: reachable where they are, of their own nationality, cited."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from safepassage.core.account import Account
from safepassage.core.account_file import read_account
from safepassage.core.knowledge import load_knowledge
from safepassage.core.responses import Plan, Planner, PlanRequest
from safepassage.core.screening import Screener

EXAMPLES = Path(__file__).parents[3] / "examples" / "accounts"
KNOWLEDGE = load_knowledge(env={})
SCREENER, PLANNER = Screener(KNOWLEDGE), Planner(KNOWLEDGE)
ON = date(2026, 12, 1)


def example(name: str, **person: Any) -> Account:
    data = read_account(EXAMPLES / f"{name}.yaml").model_dump(by_alias=True)
    data["person"].update(person)
    return Account.model_validate(data)


def plan_for(account: Account, *goals: str, consent: tuple[str, ...] = (), where=None) -> Plan:
    request = PlanRequest(goals, frozenset(consent), where, ON)
    return PLANNER.plan(account, SCREENER.screen(account), request)


def providers(plan: Plan, kind: str) -> set[str]:
    return {p.id for s in plan.steps if s.kind == kind for p in s.providers}


def test_a_myanmar_worker_in_thailand_is_never_sent_to_another_countrys_embassy():
    account = example("manufacturing_thailand", nationality="MM", languages=["my"])
    plan = plan_for(account, "get_documents", "recover_wages", consent=("embassy",))
    assert plan.located_in == "TH"
    offered = {p.id for s in plan.steps for p in s.providers}
    assert not offered & {
        "embassy_vietnam_bangkok",
        "embassy_cambodia_bangkok",
        "vn_embassy_bangkok",
    }
    # No contact of the Myanmar embassy is verified: the step says so instead of naming another.
    reasons = {n.response: n.reason for n in plan.not_chosen}
    assert "own country's embassy" in reasons["th_embassy_or_labour_attache"]


def test_a_vietnamese_worker_in_thailand_gets_the_vietnamese_embassy():
    account = example("manufacturing_thailand", nationality="VN", languages=["vi"])
    plan = plan_for(account, "get_documents", "go_home", consent=("embassy",))
    embassy = providers(plan, "embassy_or_labour_attache")
    assert "embassy_vietnam_bangkok" in embassy
    assert "vn_embassy_bangkok" in embassy  # Vietnam's own catalogue: the embassy in Bangkok
    assert not embassy & {"embassy_cambodia_bangkok", "embassy_myanmar_bangkok"}


def test_the_embassy_needs_consent_whatever_the_nationality():
    account = example("manufacturing_thailand", nationality="VN", languages=["vi"])
    plan = plan_for(account, "get_documents", "go_home")
    assert "embassy_or_labour_attache" not in plan.kinds()


def test_thai_short_code_hotlines_are_not_offered_to_someone_back_home():
    account = example("deported_wages_owed")
    plan = plan_for(account, "recover_wages", "be_safe_now")
    assert plan.located_in == "MM"
    offered = {p.id for s in plan.steps for p in s.providers if not p.remote}
    assert not offered & {"doe_hotline_1694", "dlpw_hotline_1546", "prachabodi_hotline_1300"}
    assert all(s.country == "MM" or s.remote for s in plan.steps)


def test_a_remote_step_in_the_country_of_work_says_so_and_cites_the_route():
    # A factory worker back home in Cambodia whose Thai employer is named.
    account = example("recruitment_fee_only")
    plan = plan_for(account, "recover_wages", "protect_others", where="KH")
    remote = [s for s in plan.steps if s.remote]
    assert [s.response for s in remote] == ["th_supply_chain_grievance"]
    step = remote[0]
    assert [p.id for p in step.providers] == ["fair_labor_association"]
    assert step.providers[0].remote
    assert step.providers[0].country == "TH"
    assert step.remote_how
    assert "any country" in step.remote_how
    assert len(step.cites) == 2
    assert "Third Party Complaint" in step.cites[1].title
    assert any("remotely" in why for why in step.why)


def test_the_scam_compound_case_asks_for_rescue_first_and_lists_police_only_with_consent():
    account = read_account(EXAMPLES / "scam_compound_cambodia.yaml")
    without = plan_for(account, "be_safe_now", "go_home")
    first = without.steps[0]
    assert first.rescue
    assert first.kind == "information_and_safety_planning"
    assert {p.id for p in first.providers}.isdisjoint(
        {"national_police_hotline_117", "police_foreigners_hotline"}
    )
    agreed = plan_for(account, "be_safe_now", "go_home", consent=("police",))
    assert agreed.steps[0].rescue
    assert "national_police_hotline_117" in {p.id for p in agreed.steps[0].providers}


def test_no_rescue_once_the_migrant_is_out():
    account = example("deported_wages_owed")
    data = read_account(EXAMPLES / "scam_compound_cambodia.yaml").model_dump(by_alias=True)
    data["return"] = {"returned": "yes"}
    plan = plan_for(Account.model_validate(data), "be_safe_now", "go_home")
    assert plan.located_in == "MM"
    assert not any(s.rescue for s in plan.steps)
    assert account  # the deported example stays valid


def test_the_agency_route_follows_who_recruited_not_the_legal_status():
    data = read_account(EXAMPLES / "recruitment_fee_only.yaml").model_dump(by_alias=True)
    data["person"].update(nationality="MM", legal_status="irregular")
    data["recruitment"].update(country="MM", recruited_by="licensed_agency")
    data["return"] = {"returned": "yes"}
    licensed = plan_for(Account.model_validate(data), "recover_wages", "protect_others")
    assert "mm_agency_licence_complaint" in {s.response for s in licensed.steps}
    data["recruitment"]["recruited_by"] = "broker"
    data["person"]["legal_status"] = "mou"
    broker = plan_for(Account.model_validate(data), "recover_wages", "protect_others")
    assert "mm_agency_licence_complaint" not in {s.response for s in broker.steps}
