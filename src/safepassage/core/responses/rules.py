"""Eligibility, consent and ranking: whether a response belongs in the plan, and where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..account import Account, Answer
from ..knowledge import Value
from ..knowledge.schema import Eligibility, Response
from ..screening import Determination, Level
from .plan import NotChosen, PlanRequest

SAFETY_KINDS = ("information_and_safety_planning", "shelter_and_protection", "health_care")
SYSTEMIC_KINDS = (
    "recruitment_agency_complaint",
    "supply_chain_grievance",
    "recruitment_fee_reimbursement",
)
STATE_RISKS = ("deportation", "detention")
RECRUITERS = ("broker", "licensed_agency", "unlicensed_agency", "online_contact")


@dataclass(frozen=True)
class Candidate:
    country: str
    id: str
    response: Response
    value: Value


@dataclass(frozen=True)
class Situation:
    """What the planner needs to know about the migrant, derived once from the account."""

    account: Account
    result: Determination
    request: PlanRequest
    located_in: str | None
    work_country: str | None
    origin: str | None
    findings: frozenset[str]
    danger: tuple[str, ...]
    safe_now: bool
    child: bool
    forced_criminality: bool
    on: date


def situation_of(account: Account, result: Determination, request: PlanRequest) -> Situation:
    job = account.work[-1] if account.work else None
    returned = account.return_.returned.yes or account.return_.deported.yes
    origin = account.person.nationality or account.recruitment.country
    work_country = job.country if job else None
    located = request.located_in or (origin if returned else work_country or origin)
    findings = frozenset(f"{f.kind}:{f.code}" for f in result.findings)
    forced_criminality = "palermo:purpose.forced_criminality" in findings or bool(
        job and job.forced_criminal_activity.yes
    )
    return Situation(
        account=account,
        result=result,
        request=request,
        located_in=located,
        work_country=work_country,
        origin=origin,
        findings=findings,
        danger=_danger(account),
        safe_now=_safe_now(account, returned),
        child=account.person.under_18.yes,
        forced_criminality=forced_criminality,
        # Services are planned for now, not for the date of the events.
        on=request.as_of or date.today(),
    )


def _danger(account: Account) -> tuple[str, ...]:
    reasons = []
    for job in account.work:
        for name, label in (
            ("physical_violence", "physical violence"),
            ("sexual_violence", "sexual violence"),
            ("threatened_violence", "threats of violence"),
            ("locked_in", "confinement"),
            ("forced_criminal_activity", "forced criminal activity"),
            ("sexual_exploitation", "sexual exploitation"),
        ):
            if getattr(job, name).yes:
                reasons.append(label)
        if job.isolation == "compound" or job.sector == "online_scam":
            reasons.append("held in a compound")
    if account.person.under_18.yes:
        reasons.append("a child")
    return tuple(dict.fromkeys(reasons))


def _safe_now(account: Account, returned: bool) -> bool:
    """Out of the exploiter's reach: returned home, the job ended, or free to leave."""
    if returned or not account.work:
        return True
    job = account.work[-1]
    held = job.locked_in.yes or job.isolation == "compound" or job.sector == "online_scam"
    return job.end is not None or (job.free_to_leave.yes and not held)


def eligible(rule: Eligibility, situation: Situation, country: str) -> str | None:
    """None when every condition holds, else why not (for the 'not chosen' list)."""
    result, account = situation.result, situation.account
    checks = [
        (
            rule.level_at_least is None or result.level >= Level[rule.level_at_least.upper()],
            f"needs at least {rule.level_at_least}",
        ),
        (
            not rule.any_finding or bool(situation.findings & set(rule.any_finding)),
            "needs one of: " + ", ".join(rule.any_finding),
        ),
        (
            not rule.trafficking or result.trafficking.result.value in rule.trafficking,
            "needs a trafficking answer of " + "/".join(rule.trafficking),
        ),
        (
            rule.child is None or rule.child == situation.child,
            "only for children" if rule.child else "only for adults",
        ),
        (_located(rule.located, situation, country), _where_text(rule.located, country)),
        (
            not rule.legal_status or account.person.legal_status in rule.legal_status,
            "needs legal status " + "/".join(rule.legal_status),
        ),
        (
            not rule.sectors or any(j.sector in rule.sectors for j in account.work),
            "only for the sectors " + ", ".join(rule.sectors),
        ),
        (
            all(_identified(p, account) for p in rule.party_identified),
            "needs the " + " and ".join(rule.party_identified) + " to be identified",
        ),
    ]
    return next((reason for ok, reason in checks if not ok), None)


def _located(where: str, situation: Situation, country: str) -> bool:
    if where == "either":
        return True
    if where == "destination":
        return situation.located_in == country == situation.work_country
    return situation.located_in == country == situation.origin != situation.work_country


def _where_text(where: str, country: str) -> str:
    return {
        "destination": f"only while you are in {country}, where you worked",
        "origin": f"only after return to {country}",
    }.get(where, "")


def _identified(party: str, account: Account) -> bool:
    if party == "employer":
        return any(job.employer for job in account.work)
    if party == "buyer":
        return any(job.buyer for job in account.work)
    return account.recruitment.recruited_by in RECRUITERS


def decide(candidate: Candidate, situation: Situation) -> list[str] | str:
    """The reasons to include the response, or the reason it is left out."""
    response, request = candidate.response, situation.request
    reason = eligible(response.eligibility, situation, candidate.country)
    if reason:
        return f"not applicable: {reason}"
    mandatory = situation.child and response.mandatory_for_children
    why = [f"the law makes protection of a child victim mandatory ({candidate.country})"] * (
        mandatory
    )
    if response.criminal_justice and not mandatory:
        blocked = _criminal_justice_block(situation, response.kind)
        if blocked:
            return blocked
        why.append("you agreed to involve the police, the findings support it, and you are safe")
    if response.kind == "embassy_or_labour_attache" and "embassy" not in request.consent:
        return (
            "not without your consent: contacting the embassy shares your situation with "
            "your government (give consent 'embassy' to include it)"
        )
    why += _merits(candidate, situation)
    if not why:
        return "does not serve the goals you chose (" + ", ".join(request.goals) + ")"
    return why


def _criminal_justice_block(situation: Situation, kind: str) -> str | None:
    result = situation.result
    supported = result.level is Level.FORCED_LABOUR or result.trafficking.result is Answer.YES
    if not supported:
        return "not recommended: the findings do not support forced labour or trafficking"
    if "police" not in situation.request.consent:
        return (
            "not without your consent: reporting to the police is your choice "
            "(give consent 'police' to include it)"
        )
    # A rescue and identification by the police can be the only way out of a compound; a
    # criminal complaint can wait until the person is safe.
    if not situation.safe_now and kind == "criminal_complaint":
        return "not yet: reach safety first, then decide about the police"
    return None


def _merits(candidate: Candidate, situation: Situation) -> list[str]:
    response = candidate.response
    why = []
    if response.kind in SAFETY_KINDS and situation.danger:
        why.append("for your safety now: " + ", ".join(situation.danger))
    matched = [g for g in response.goals if g in situation.request.goals]
    if matched:
        why.append("serves your goals: " + ", ".join(matched).replace("_", " "))
    if response.kind in SYSTEMIC_KINDS:
        why.append("holds the recruiter, employer or buyer to account, which protects others too")
    findings = sorted(situation.findings & set(response.eligibility.any_finding))
    if why and findings:
        why.append("based on: " + ", ".join(findings))
    return why


def rank_key(candidate: Candidate, situation: Situation) -> tuple[int, int, int, str]:
    """Safety first (when in danger), then goals, then systemic steps, then criminal justice."""
    response = candidate.response
    if situation.child and response.mandatory_for_children:
        tier = 0
    elif response.kind in SAFETY_KINDS and situation.danger:
        tier = 1
    elif response.criminal_justice:
        tier = 4
    elif any(g in situation.request.goals for g in response.goals):
        tier = 2
    else:
        tier = 3
    matched = sum(g in situation.request.goals for g in response.goals)
    exposure = sum(r in STATE_RISKS for r in response.risks) * _irregular(situation)
    return (tier, exposure - matched, len(response.risks), candidate.id)


def _irregular(situation: Situation) -> int:
    return int(situation.account.person.legal_status in ("irregular", "tourist_visa", "unknown"))


def risk_notes(response: Response, situation: Situation) -> str | None:
    notes = [response.risk_notes] if response.risk_notes else []
    if _irregular(situation) and any(r in STATE_RISKS for r in response.risks):
        notes.insert(
            0,
            "Without a valid work permit, this step can lead to arrest, a fine, "
            "detention or deportation. Go with an NGO or a lawyer.",
        )
    return " ".join(notes) or None


def not_chosen_for(candidate: Candidate, reason: str) -> NotChosen:
    response = candidate.response
    return NotChosen(candidate.id, candidate.country, response.kind, response.name, reason)
