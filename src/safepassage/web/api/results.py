"""The API's reading of a case, as its page shows it: the engine's determination (level,
trafficking, the findings stage by stage with the facts and sources behind them, what is still
unknown) and the plan (the planner's steps with their providers, the steps not chosen and why).
Each thing is a code and the words the page uses for it; no words name an internal rule."""

from datetime import date
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from ...core.responses.plan import Plan
from ...core.screening import Determination
from ...core.screening.determination import Cite
from ..casework import selectors, services
from ..casework.access import Action, access_case, can
from ..common import present
from ..common.labels import LEVELS, RESPONSE_KINDS, STAGES, TRAFFICKING, label
from .schemas import REFUSALS

router = Router()


class CiteOut(Schema):
    title: str
    section: str | None
    url: str | None
    in_force_from: date
    verified: bool


class EvidenceOut(Schema):
    fact: str  # the fact's code
    question: str  # the question that asked it
    answer: str  # the answer, in words
    note: str | None  # what was noted with it (personal: only for roles that see personal data)


class FindingOut(Schema):
    stage: str
    stage_label: str
    kind: str  # indicator, violation, icls, palermo or risk
    code: str
    label: str
    rule: str  # why, in words (the law or the indicator applied to this account)
    because: list[EvidenceOut]
    cites: list[CiteOut]


class MissingOut(Schema):
    fact: str
    question: str


class Versions(Schema):
    knowledge: bool
    engine: bool


class DeterminationOut(Schema):
    level: str
    level_label: str
    trafficking: str
    trafficking_label: str
    trafficking_explanation: str
    trafficking_reason: str
    findings: list[FindingOut]
    missing: list[MissingOut]  # still unknown, and could change the result
    notes: list[str]
    settled: bool  # no answer still to come can change the result
    could_change: int
    knowledge_version: str  # what produced the stored determination
    engine_version: str
    changed_since: Versions  # the law or the rules changed since: shown as they stand now


def _cite(cite: Cite) -> dict[str, Any]:
    return {"title": cite.title, "section": cite.section, "url": cite.url,
            "in_force_from": cite.in_force_from, "verified": cite.verified}  # fmt: skip


def _determination(result: Determination, personal: bool) -> dict[str, Any]:
    page = present.determination(result)  # the page's words for the level and trafficking
    findings = []
    for stage in STAGES:
        for finding in result.stage(stage):
            because = []
            for evidence in finding.because:
                shown = present.evidence(evidence)
                because.append({"fact": evidence.fact, "question": shown["fact"],
                                "answer": shown["answer"],
                                "note": shown["note"] if personal else None})  # fmt: skip
            findings.append({
                "stage": stage, "stage_label": label(STAGES, stage), "kind": finding.kind,
                "code": finding.code, "label": present.finding_label(finding),
                "rule": finding.text(_), "because": because,
                "cites": [_cite(c) for c in finding.cites],
            })  # fmt: skip
    return {
        "level": page["level"],
        "level_label": label(LEVELS, page["level"]),
        "trafficking": page["trafficking"],
        "trafficking_label": label(TRAFFICKING, page["trafficking"]),
        "trafficking_explanation": page["trafficking_explanation"],
        "trafficking_reason": page["trafficking_reason"],
        "findings": findings,
        "missing": [
            {"fact": m.fact, "question": present.fact_text(m.fact)} for m in result.missing
        ],
        "notes": page["notes"],
    }


@router.get(
    "/cases/{case_id}/determination", response={200: DeterminationOut, **REFUSALS},
    tags=["cases"],
)  # fmt: skip
def determination_read(request: HttpRequest, case_id: int) -> Any:
    """The engine's determination of the case, as the case page shows it: the level, whether
    the legal test for trafficking is met, the findings stage by stage with the answers and
    sources behind them, and what is still unknown that could change it."""
    found = access_case(request.user, case_id)
    services.audit_record(user=request.user, case=found, action="view", what="api determination")
    assessment = selectors.case_assessment(case=found)
    personal = can(request.user, Action.VIEW_PERSONAL)
    return {
        **_determination(assessment.determination, personal),
        "settled": assessment.progress.settled,
        "could_change": assessment.progress.could_change,
        "knowledge_version": found.knowledge_version,
        "engine_version": found.engine_version,
        "changed_since": selectors.changed_since(case=found),
    }


class Coded(Schema):
    code: str
    label: str


class Link(Schema):
    kind: str  # phone, line, messenger, whatsapp, viber, zalo, telegram, facebook, web, email
    href: str
    text: str


class ProviderOut(Schema):
    id: str  # what a referral to it names (`provider_id`)
    name: str
    links: list[Link]
    languages: list[str]


class StepOut(Schema):
    rank: int
    response: str  # what a referral from it names (`response_id`)
    kind: str
    kind_label: str
    name: str
    summary: str
    why: list[str]
    risks: list[str]  # codes (the page says them in `risk_notes`)
    risk_notes: str
    requires: list[str]
    criminal_justice: bool
    mandatory: bool
    providers: list[ProviderOut]
    cites: list[CiteOut]


class NotChosenOut(Schema):
    response: str
    kind: str
    kind_label: str
    name: str
    reason: str


class PlanOut(Schema):
    version: int  # the case's version the plan was made from (a referral from it sends it)
    goals: list[str]
    consents: list[str]
    located_in: str | None
    safe_now: bool
    notices: list[Coded]
    steps: list[StepOut]
    not_chosen: list[NotChosenOut]


def _plan(plan: Plan) -> dict[str, Any]:
    page = present.plan(plan)  # the page's words for each step
    steps = []
    for step, shown in zip(plan.steps, page["steps"], strict=True):
        steps.append({
            **{key: shown[key] for key in ("rank", "response", "kind", "kind_label", "name",
                                           "summary", "why", "risk_notes", "requires",
                                           "criminal_justice", "mandatory", "providers")},
            "risks": list(step.risks),
            "cites": [_cite(c) for c in step.cites],
        })  # fmt: skip
    return {
        "goals": list(plan.goals),
        "consents": list(plan.consent),
        "located_in": plan.located_in,
        "safe_now": plan.safe_now,
        "notices": [{"code": code, "label": _(text)} for code, text in plan.notices.items()],
        "steps": steps,
        "not_chosen": [
            {
                "response": item.response,
                "kind": item.kind,
                "kind_label": label(RESPONSE_KINDS, item.kind),
                "name": present.knowledge_text(item.name),
                "reason": _(item.reason),
            }
            for item in plan.not_chosen
        ],
    }


@router.get("/cases/{case_id}/plan", response={200: PlanOut, **REFUSALS}, tags=["plans"])
def plan_read(request: HttpRequest, case_id: int) -> Any:
    """The planner's plan for the case, as the case page shows it: the steps it recommends in
    order, each with its providers, reasons, risks and sources; the steps not chosen and why.
    It follows the migrant's goals and consents as recorded on the case."""
    found = access_case(request.user, case_id)
    services.audit_record(user=request.user, case=found, action="view", what="api plan")
    plan = selectors.case_assessment(case=found).plan
    return {"version": found.version, **_plan(plan)}
