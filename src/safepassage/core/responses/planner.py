"""The planner: determination + goals + consent + where the migrant is -> a ranked plan.

Order of a plan: immediate safety first where there is violence, confinement, forced
criminality or a child; then the remedies that serve the migrant's goals, least risky first;
then systemic steps (agency complaints, buyer grievances, fee reimbursement) where a party is
identified; criminal justice only with consent, support in the findings and a safe situation,
unless the law makes protection mandatory (a child victim), which the plan then states openly.
"""

from __future__ import annotations

from datetime import date

from ..account import Account
from ..knowledge import Knowledge, LookupProblem
from ..knowledge.schema import Channel, Response
from ..screening import Determination
from ..screening.labour_law import cite_value
from .plan import Contact, NotChosen, Plan, PlanRequest, Step
from .rules import Candidate, Situation, decide, not_chosen_for, rank_key, risk_notes, situation_of

COMMON_KINDS = (
    "wage_or_compensation_claim",
    "shelter_and_protection",
    "criminal_complaint",
    "victim_identification",
    "recruitment_agency_complaint",
    "embassy_or_labour_attache",
    "repatriation_and_reintegration",
    "legal_aid",
)


class Planner:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge

    def plan(self, account: Account, result: Determination, request: PlanRequest) -> Plan:
        situation = situation_of(account, result, request)
        chosen: list[tuple[tuple[int, int, int, str], Candidate, list[str]]] = []
        not_chosen: list[NotChosen] = []
        for candidate in self._candidates(situation):
            decision = decide(candidate, situation)
            if isinstance(decision, str):
                if candidate.response.kind in COMMON_KINDS:
                    not_chosen.append(not_chosen_for(candidate, decision))
                continue
            chosen.append((rank_key(candidate, situation), candidate, decision))
        chosen.sort(key=lambda item: item[0])
        steps = [self._step(i + 1, c, why, situation) for i, (_, c, why) in enumerate(chosen)]
        return Plan(
            located_in=situation.located_in,
            goals=request.goals,
            consent=tuple(sorted(request.consent)),
            safe_now=situation.safe_now,
            steps=steps,
            not_chosen=not_chosen,
            notices=self._notices(situation, steps),
        )

    def _candidates(self, situation: Situation) -> list[Candidate]:
        """Responses of the country the migrant is in, and remote ones in the country of work."""
        found = []
        for country in dict.fromkeys(
            c for c in (situation.located_in, situation.work_country) if c
        ):
            try:
                params = self.knowledge.topic(country, "responses")
            except LookupProblem:
                continue
            for param in params:
                try:
                    value = param.at(situation.on).value
                except LookupProblem:
                    continue
                if value.value is not None:
                    found.append(Candidate(country, param.name, value.value, value))
        return found

    def _step(self, rank: int, candidate: Candidate, why: list[str], situation: Situation) -> Step:
        response = candidate.response
        risks = list(response.risks)
        return Step(
            rank=rank,
            response=candidate.id,
            country=candidate.country,
            kind=response.kind,
            name=response.name,
            summary=response.summary,
            why=tuple(why),
            providers=tuple(self._contacts(candidate.country, response, situation.on)),
            risks=tuple(risks),
            risk_notes=risk_notes(response, situation),
            requires=tuple(response.requires),
            typical_time=response.typical_time,
            typical_cost=response.typical_cost,
            criminal_justice=response.criminal_justice,
            mandatory=situation.child and response.mandatory_for_children,
            cites=(cite_value(candidate.value),),
        )

    def _contacts(self, country: str, response: Response, on: date) -> list[Contact]:
        contacts = []
        for provider in response.providers:
            try:
                channel = self.knowledge.at(country, "help_channels", provider, on)
            except LookupProblem:
                continue
            if isinstance(channel, Channel):
                contacts.append(
                    Contact(
                        provider,
                        channel.name,
                        channel.phone,
                        channel.line,
                        channel.facebook,
                        channel.url,
                        channel.email,
                        tuple(channel.languages),
                    )
                )
        return contacts

    def _notices(self, situation: Situation, steps: list[Step]) -> dict[str, str]:
        notices: dict[str, str] = {}
        if situation.forced_criminality:
            notices["non_punishment"] = self._non_punishment(situation.on)
        if situation.child:
            mandatory = [s.name for s in steps if s.mandatory]
            notices["child_protection"] = (
                "The migrant is a child (under 18). The law requires protection of child victims"
                + (f": {', '.join(mandatory)}." if mandatory else ".")
                + " This happens whatever the child's or the family's wishes about police "
                "involvement; explain this to the child before acting."
            )
        if situation.danger and not situation.safe_now:
            notices["safety_first"] = (
                "Immediate safety comes first: "
                + ", ".join(situation.danger)
                + ". Plan how to reach safety before any claim or complaint."
            )
        return notices

    def _non_punishment(self, on: date) -> str:
        base = (
            "Forced criminality: people forced to commit crimes (such as online scams) "
            "because they were trafficked should not be punished for those acts (the "
            "non-punishment principle)."
        )
        try:
            text = self.knowledge.at("frameworks", "palermo", "non_punishment_principle", on)
        except LookupProblem:
            return base
        return f"{base} {text}"
