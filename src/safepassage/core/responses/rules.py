"""Eligibility, consent and ranking: whether a response belongs in the plan, and where.

Every text here is shown to the migrant or the case worker: each is a whole English sentence
marked for translation (`_()` or `N_()` from safepassage.i18n), filled with named placeholders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...i18n import N_, _
from ..account import Account, Answer
from ..knowledge import Value
from ..knowledge.schema import Eligibility, Response
from ..screening import Determination, Level
from ..screening import messages as m
from .plan import NotChosen, PlanRequest

SAFETY_KINDS = ("information_and_safety_planning", "shelter_and_protection", "health_care")
SYSTEMIC_KINDS = (
    "recruitment_agency_complaint",
    "supply_chain_grievance",
    "recruitment_fee_reimbursement",
)
STATE_RISKS = ("deportation", "detention")
IDENTIFICATION = "victim_identification"  # the consent to formal identification as a victim
RECRUITERS = ("broker", "licensed_agency", "unlicensed_agency", "online_contact")

# What makes a situation dangerous, as shown to the migrant (items of a list, each translated).
DANGERS = (
    ("physical_violence", N_("physical violence")),
    ("sexual_violence", N_("sexual violence")),
    ("threatened_violence", N_("threats of violence")),
    ("locked_in", N_("confinement")),
    ("forced_criminal_activity", N_("forced criminal activity")),
    ("sexual_exploitation", N_("sexual exploitation")),
)
HELD_IN_COMPOUND = N_("held in a compound")
# The findings a response can rest on, as words in a sentence (items of a list, translated).
FINDING_WORDS = {
    "indicator:debt_bondage": N_("debt bondage"),
    "indicator:deception": N_("deception"),
    "indicator:restriction_of_movement": N_("restriction of movement"),
    "indicator:withholding_of_wages": N_("withholding of wages"),
    "indicator:abusive_working_and_living_conditions": N_("abusive working and living conditions"),
    "indicator:excessive_overtime": N_("excessive overtime"),
    "indicator:intimidation_and_threats": N_("intimidation and threats"),
    "indicator:isolation": N_("isolation"),
    "indicator:physical_and_sexual_violence": N_("physical and sexual violence"),
    "indicator:retention_of_identity_documents": N_("retention of identity documents"),
    "violation:child_below_minimum_age": N_("a child below the minimum age for work"),
    "violation:child_in_hazardous_work": N_("a child in hazardous work"),
    "violation:documents_held": N_("identity documents held by the employer or recruiter"),
    "palermo:purpose.forced_criminality": N_("forced criminal activity"),
    "palermo:purpose.forced_labour_or_services": N_("forced labour or services"),
    "palermo:purpose.sexual_exploitation": N_("sexual exploitation"),
    "risk:scam_recruitment_red_flags": N_("the red flags of scam recruitment"),
    "violation:below_minimum_wage": N_("pay below the minimum wage"),
    "violation:hours_over_limit": N_("working hours over the legal limit"),
    "violation:no_weekly_rest": N_("no weekly rest day"),
    "violation:recruitment_fees_charged": N_("recruitment fees charged to the worker"),
    "violation:unpaid_overtime_premium": N_("overtime premium not paid"),
}
# The risks of a step, as words in a sentence (items of a list, each translated).
RISKS = {
    "detention": N_("detention"),
    "deportation": N_("deportation"),
    "retaliation": N_("retaliation"),
    "job_loss": N_("losing the job"),
    "cost": N_("costs"),
    "delay": N_("delays"),
    "exposure": N_("your situation becoming known"),
    "loss_of_status": N_("losing your legal status"),
}
# The same risks, for the case worker who reads the plan about the worker.
RISKS_OF_THE_WORKER = {
    **RISKS,
    "exposure": N_("their situation becoming known"),
    "loss_of_status": N_("losing their legal status"),
}
A_CHILD = N_("a child")

# Why a response is not available where the migrant is, by `located` value.
# The words for the codes a reason names (levels, statuses, parties, recruiters, answers).
LEVEL_WORDS = {
    "decent_work": N_("decent work"),
    "labour_rights_violation": N_("a labour-rights violation"),
    "labour_exploitation": N_("labour exploitation"),
    "forced_labour": N_("forced labour"),
}
STATUS_WORDS = {
    "mou": N_("an MOU worker"),
    "registered": N_("a registered worker"),
    "border_pass": N_("a border-pass holder"),
    "irregular": N_("without papers"),
    "tourist_visa": N_("on a tourist visa"),
    "citizen": N_("a citizen"),
}
PARTY_WORDS = {"employer": N_("the employer"), "recruiter": N_("the recruiter"),
               "buyer": N_("the buyer")}  # fmt: skip
TRAFFICKING_WORDS = {"yes": N_("signs of trafficking"), "no": N_("no trafficking"),
                     "unknown": N_("trafficking not yet ruled out")}  # fmt: skip
RECRUITER_WORDS = {
    "relative": N_("a relative"),
    "friend_or_neighbour": N_("a friend or neighbour"),
    "broker": N_("a broker"),
    "licensed_agency": N_("a licensed agency"),
    "unlicensed_agency": N_("an unlicensed agency"),
    "employer": N_("the employer"),
    "online_contact": N_("someone met online"),
    "government": N_("a government office"),
    "self": N_("themselves"),
}


# The goals, as words in a sentence (items of a list, each translated).
GOAL_WORDS = {
    "recover_wages": N_("recover wages"),
    "leave_job": N_("leave the job"),
    "go_home": N_("go home"),
    "stay_and_work": N_("stay and work"),
    "get_documents": N_("get documents back"),
    "be_safe_now": N_("be safe now"),
    "prosecution": N_("prosecution"),
    "protect_others": N_("protect others"),
}


def country_words(code: str | None) -> str:
    """A country by its name in the reader's language ("the country where the person is" when
    it is not known), never its code."""
    return _(m.country(code)) if code else _("the country where the person is")


def words(table: dict[str, str], codes: Sequence[str]) -> str:
    """Codes as translated words joined for a {placeholder} (never a code itself)."""
    return listed([table.get(code, code.replace("_", " ")) for code in codes])


WHERE = {
    "destination": N_("It is only for someone who is in {country}, where they worked."),
    "origin": N_("It is only for someone who has come back home to {country}."),
    "in_country": N_("It is only for someone who is in {country}."),
    "abroad": N_("It is only for a national of {country} who is abroad."),
    "left": N_("It is only for someone who has left {country}, where they worked."),
}


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
    nationality: str | None
    findings: frozenset[str]
    danger: tuple[str, ...]
    safe_now: bool
    child: bool
    forced_criminality: bool
    on: date


def voiced(situation: Situation, to_migrant: str, to_case_worker: str) -> str:
    """A reason in the voice of its reader: to the migrant ("you") or to the case worker about
    the migrant worker ("the worker"); both are whole sentences of the catalogue."""
    return _(to_case_worker) if situation.request.audience == "worker" else _(to_migrant)


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
        nationality=account.person.nationality,
        findings=findings,
        danger=_danger(account),
        safe_now=_safe_now(account, returned) or (located is not None and located != work_country),
        child=account.person.under_18.yes,
        forced_criminality=forced_criminality,
        # Services are planned for now, not for the date of the events.
        on=request.as_of or date.today(),
    )


def _danger(account: Account) -> tuple[str, ...]:
    reasons = []
    for job in account.work:
        for name, label in DANGERS:
            if getattr(job, name).yes:
                reasons.append(label)
        if job.isolation == "compound" or job.sector == "online_scam":
            reasons.append(HELD_IN_COMPOUND)
    if account.person.under_18.yes:
        reasons.append(A_CHILD)
    return tuple(dict.fromkeys(reasons))


def _safe_now(account: Account, returned: bool) -> bool:
    """Out of the exploiter's reach: returned home, the job ended, or free to leave."""
    if returned or not account.work:
        return True
    job = account.work[-1]
    held = job.locked_in.yes or job.isolation == "compound" or job.sector == "online_scam"
    return job.end is not None or (job.free_to_leave.yes and not held)


def finding_words(code: str) -> str:
    """A finding a response rests on, in words (a message id); the knowledge check refuses a
    response that names a finding without words here."""
    return FINDING_WORDS.get(code, code)


def listed(items: tuple[str, ...] | list[str]) -> str:
    """A list of translated items, for a {placeholder} in a sentence."""
    return ", ".join(_(item) for item in items)


def eligible(rule: Eligibility, situation: Situation, country: str) -> str | None:
    """None when every condition holds, else why not (a sentence for the 'not chosen' list)."""
    result, account = situation.result, situation.account
    if rule.level_at_least is not None and result.level < Level[rule.level_at_least.upper()]:
        return _("It needs a finding of at least {level}.").format(
            level=_(LEVEL_WORDS[rule.level_at_least])
        )
    if rule.any_finding and situation.findings.isdisjoint(rule.any_finding):
        return _("It needs one of these findings: {findings}.").format(
            findings=listed([finding_words(code) for code in rule.any_finding])
        )
    if rule.trafficking and result.trafficking.result.value not in rule.trafficking:
        return _("It needs one of these answers on trafficking: {answers}.").format(
            answers=words(TRAFFICKING_WORDS, rule.trafficking)
        )
    if rule.trafficking and result.trafficking.result is Answer.UNKNOWN and not signs(situation):
        return _(
            "It is for people with signs of trafficking (force, coercion, deception or abuse of "
            "a vulnerable position, or a child moved or held for exploitation), and none were "
            "found."
        )
    if rule.child is not None and rule.child != situation.child:
        return _("It is only for children.") if rule.child else _("It is only for adults.")
    places = rule.places()
    if not any(located(place, situation, country) for place in places):
        return _(WHERE[places[0]]).format(country=_(m.country(country)))
    if rule.legal_status and account.person.legal_status not in rule.legal_status:
        return _("It is only for someone who is {statuses}.").format(
            statuses=words(STATUS_WORDS, rule.legal_status)
        )
    if rule.sectors and not any(j.sector in rule.sectors for j in account.work):
        sectors = listed([m.sector(code) for code in rule.sectors])
        return _("It is only for these kinds of work: {sectors}.").format(sectors=sectors)
    if not all(_identified(p, account) for p in rule.party_identified):
        return _("It needs these to be identified: {parties}.").format(
            parties=words(PARTY_WORDS, rule.party_identified)
        )
    if rule.recruited_by and account.recruitment.recruited_by not in rule.recruited_by:
        return _("It is only for someone recruited by: {recruiters}.").format(
            recruiters=words(RECRUITER_WORDS, rule.recruited_by)
        )
    return None


def signs(situation: Situation) -> bool:
    """Signs of trafficking where the test is still open: a means found (for a child, an act,
    since a child needs no means). Trafficking-victim services are offered on these."""
    if situation.result.trafficking.result is Answer.NO:
        return False
    prefix = "palermo:act." if situation.child else "palermo:means."
    return any(code.startswith(prefix) for code in situation.findings)


def located(place: str, situation: Situation, country: str) -> bool:
    """Whether the migrant is where `place` says, relative to the catalogue's country."""
    here, work, origin = situation.located_in, situation.work_country, situation.origin
    if place == "destination":
        return here == country == work
    if place == "origin":
        return here == country == origin != work
    if place == "in_country":
        return here == country
    if place == "abroad":
        return here is not None and country == origin != here
    if place == "left":
        return here is not None and country == work != here
    return False


# Which parties of the account count as the employer, the recruiter and the buyer identified.
PARTY_KINDS = {
    "employer": frozenset({"employer", "workplace"}),
    "recruiter": frozenset({"licensed_agency", "broker"}),
    "buyer": frozenset({"buyer"}),
}


def _identified(party: str, account: Account) -> bool:
    kinds = PARTY_KINDS[party]
    named = any(found.identified and found.kind in kinds for found in account.parties)
    return named or (party == "recruiter" and account.recruitment.recruited_by in RECRUITERS)


def police_allowed(situation: Situation, response: Response) -> bool:
    """Police lines are offered only with consent (to the police, or to formal identification
    as a victim, in which the police take part), or where protecting a child is mandatory."""
    mandatory = situation.child and response.mandatory_for_children
    consent = situation.request.consent
    identification = response.kind == "victim_identification"
    return mandatory or "police" in consent or (identification and IDENTIFICATION in consent)


def decide(candidate: Candidate, situation: Situation) -> list[str] | str:
    """The reasons to include the response, or the reason it is left out."""
    response, request = candidate.response, situation.request
    reason = eligible(response.eligibility, situation, candidate.country)
    if reason:
        return reason
    mandatory = situation.child and response.mandatory_for_children
    why = []
    if response.rescue:
        if situation.safe_now:
            return voiced(
                situation,
                N_("You are no longer held, so no rescue is needed."),
                N_("The worker is no longer held, so no rescue is needed."),
            )
        why.append(
            voiced(
                situation,
                N_("You are held and cannot leave safely: asking for rescue comes first."),
                N_("The worker is held and cannot leave safely: asking for rescue comes first."),
            )
        )
    if mandatory:
        why.append(
            _("The law makes the protection of a child victim mandatory in {country}.").format(
                country=country_words(candidate.country)
            )
        )
    if response.criminal_justice and not mandatory:
        blocked = _criminal_justice_block(situation, response, candidate.country)
        if blocked:
            return blocked
        why.append(_consented(situation, response))
    if response.kind == "embassy_or_labour_attache" and "embassy" not in request.consent:
        return voiced(
            situation,
            N_(
                "Not without your consent: contacting the embassy shares your situation with your "
                "government. Give consent 'embassy' to include it."
            ),
            N_(
                "Not without the worker's consent: contacting the embassy shares their situation "
                "with their government. Record their consent to contact the embassy to include it."
            ),
        )
    why += _merits(candidate, situation)
    if not why:
        if not request.goals:
            return _("It does not serve any goal chosen.")
        return _("It does not serve the goals chosen: {goals}.").format(
            goals=words(GOAL_WORDS, request.goals)
        )
    return why


def _criminal_justice_block(situation: Situation, response: Response, country: str) -> str | None:
    result, kind = situation.result, response.kind
    supported = result.level is Level.FORCED_LABOUR or result.trafficking.result is Answer.YES
    if kind == "victim_identification":
        return _identification_block(situation, response, supported or signs(situation), country)
    if not supported:
        return _("Not recommended: the findings do not support forced labour or trafficking.")
    if "police" not in situation.request.consent:
        return voiced(
            situation,
            N_(
                "Not without your consent: reporting to the police is your choice. "
                "Give consent 'police' to include it."
            ),
            N_(
                "Not without the worker's consent: reporting to the police is their choice. "
                "Record their consent to tell the police to include it."
            ),
        )
    # A rescue and identification by the police can be the only way out of a compound; a
    # criminal complaint can wait until the person is safe.
    if not situation.safe_now and kind == "criminal_complaint":
        return _("Not yet: reach safety first, then decide about the police.")
    return None


def _identification_block(
    situation: Situation, response: Response, supported: bool, country: str
) -> str | None:
    """Formal identification as a victim is the migrant's informed choice: it needs signs of
    trafficking or forced labour, and consent to exactly this step, knowing who takes part."""
    if not supported:
        return _("Not recommended: the findings show no sign of trafficking or forced labour.")
    if IDENTIFICATION in situation.request.consent:
        return None
    worker = situation.request.audience == "worker"
    risks = RISKS_OF_THE_WORKER if worker else RISKS
    who = response.takes_part or voiced(
        situation,
        N_("the police and social welfare officials interview you."),
        N_("the police and social welfare officials interview the worker."),
    )
    return voiced(
        situation,
        N_(
            "This is your choice. Formal identification as a victim of trafficking in {country}: "
            "{who} It can open shelter, legal help and protection from punishment, and it can "
            "bring risks: {risks}. Give consent to formal victim identification to include it."
        ),
        N_(
            "This is the worker's choice. Formal identification as a victim of trafficking in "
            "{country}: {who} It can open shelter, legal help and protection from punishment, and "
            "it can bring risks: {risks}. Record their consent to formal victim identification "
            "to include it."
        ),
    ).format(
        country=_(m.country(country)),
        who=who,
        risks=listed([risks[r] for r in response.risks]) or "-",
    )


def _consented(situation: Situation, response: Response) -> str:
    if response.kind == "victim_identification":
        return voiced(
            situation,
            N_("You chose formal identification as a victim, knowing who takes part: {who}"),
            N_("The worker chose formal identification as a victim, knowing who takes part: {who}"),
        ).format(who=response.takes_part or _("the police and social welfare officials."))
    if situation.safe_now:
        return voiced(
            situation,
            N_("You agreed to involve the police, the findings support it, and you are safe."),
            N_(
                "The worker agreed to involve the police, the findings support it, and they are "
                "safe."
            ),
        )
    return voiced(
        situation,
        N_("You agreed to involve the police, and the findings support it."),
        N_("The worker agreed to involve the police, and the findings support it."),
    )


def _merits(candidate: Candidate, situation: Situation) -> list[str]:
    response = candidate.response
    why = []
    if response.kind in SAFETY_KINDS and situation.danger:
        why.append(
            voiced(
                situation,
                N_("For your safety now: {dangers}."),
                N_("For the worker's safety now: {dangers}."),
            ).format(dangers=listed(situation.danger))
        )
    matched = [g for g in response.goals if g in situation.request.goals]
    if matched:
        why.append(
            voiced(
                situation,
                N_("It serves your goals: {goals}."),
                N_("It serves the worker's goals: {goals}."),
            ).format(goals=words(GOAL_WORDS, tuple(matched)))
        )
    if response.kind in SYSTEMIC_KINDS:
        why.append(
            _("It holds the recruiter, employer or buyer to account, which protects others too.")
        )
    findings = [
        finding_words(code)
        for code in sorted(situation.findings & set(response.eligibility.any_finding))
    ]
    if why and findings:
        why.append(
            _("It is based on these findings: {findings}.").format(findings=listed(findings))
        )
    return why


def rank_key(candidate: Candidate, situation: Situation) -> tuple[int, int, int, str]:
    """Rescue first (when held), then mandatory child protection, safety (when in danger),
    goals, systemic steps, and criminal justice last."""
    response = candidate.response
    if response.rescue and not situation.safe_now:
        tier = 0
    elif situation.child and response.mandatory_for_children:
        tier = 1
    elif response.kind in SAFETY_KINDS and situation.danger:
        tier = 2
    elif response.criminal_justice:
        tier = 5
    elif any(g in situation.request.goals for g in response.goals):
        tier = 3
    else:
        tier = 4
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
            _(
                "Without a valid work permit, this step can lead to arrest, a fine, "
                "detention or deportation. Go with an NGO or a lawyer."
            ),
        )
    return " ".join(notes) or None


def not_chosen_for(candidate: Candidate, reason: str) -> NotChosen:
    response = candidate.response
    return NotChosen(candidate.id, candidate.country, response.kind, response.name, reason)
