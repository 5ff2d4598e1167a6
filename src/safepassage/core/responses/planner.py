"""The planner: determination + goals + consent + where the migrant is -> a ranked plan.

Order of a plan: a rescue first where the migrant is held; immediate safety where there is
violence, confinement, forced criminality or a child; then the remedies that serve the migrant's
goals, least risky first; then systemic steps (agency complaints, buyer grievances, fee
reimbursement) where a party is identified; criminal justice only with consent, support in the
findings and a safe situation, unless the law makes protection mandatory (a child victim), which
the plan then states openly.

Every step names providers the migrant can reach from where they are: providers in that
country, or providers the knowledge base records as reachable from abroad for that response
(`remote`, cited), in which case the step says it is done remotely. Embassies are offered only
to their own nationals, and police lines only with consent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ...i18n import N_, _
from ..account import Account, Answer
from ..knowledge import Knowledge, LookupProblem
from ..knowledge.loader import CONTACTS
from ..knowledge.schema import Channel, Citation
from ..screening import Determination, Level
from ..screening.determination import Cite
from ..screening.labour_law import cite_value
from .plan import Contact, NotChosen, Plan, PlanRequest, Step
from .rules import (
    GOAL_WORDS,
    Candidate,
    Situation,
    country_words,
    decide,
    listed,
    not_chosen_for,
    police_allowed,
    rank_key,
    risk_notes,
    situation_of,
    voiced,
)

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
CACHE_SIZE = 64  # catalogues kept per (country, day); plans are made "as of" a few days only
NON_PUNISHMENT = N_(
    "Forced criminality: people forced to commit crimes (such as online scams) because they were "
    "trafficked should not be punished for those acts (the non-punishment principle)."
)


class Planner:
    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._catalogues: dict[tuple[str, date], list[Candidate]] = {}
        self._channels: dict[tuple[str, str, date], Channel | None] = {}

    def plan(self, account: Account, result: Determination, request: PlanRequest) -> Plan:
        proposed = () if request.goals else default_goals(account, result)
        if proposed:
            # No goal chosen yet: plan the safe default rather than an empty plan.
            request = replace(request, goals=proposed)
        situation = situation_of(account, result, request)
        chosen: list[tuple[tuple[int, int, int, str], Candidate, list[str], list[Contact]]] = []
        not_chosen: list[NotChosen] = []
        for candidate in self._candidates(situation):
            decision = decide(candidate, situation)
            if not isinstance(decision, str):
                contacts, why = self._contacts(candidate, situation)
                if contacts:
                    key = rank_key(candidate, situation)
                    chosen.append((key, candidate, [*decision, *why], contacts))
                    continue
                decision = why[0]
            if candidate.response.kind in COMMON_KINDS:
                not_chosen.append(not_chosen_for(candidate, decision))
        chosen.sort(key=lambda item: item[0])
        steps = [
            self._step(rank, candidate, why, contacts, situation)
            for rank, (_key, candidate, why, contacts) in enumerate(chosen, start=1)
        ]
        notices = self._notices(situation, steps)
        if proposed:
            notices["proposed_goals"] = _(
                "No goal was chosen yet, so this plan proposes safety and information first and "
                "the strongest remedy the findings support ({goals}). Ask what the migrant wants, "
                "then change the goals."
            ).format(goals=listed([GOAL_WORDS[g] for g in proposed]))
        if not steps:
            notices["nothing_reachable"] = _nothing_reachable(situation, not_chosen)
        return Plan(
            located_in=situation.located_in,
            goals=request.goals,
            consent=tuple(sorted(request.consent)),
            safe_now=situation.safe_now,
            steps=steps,
            not_chosen=not_chosen,
            notices=notices,
        )

    def _candidates(self, situation: Situation) -> list[Candidate]:
        """Responses of where the migrant is, where they worked, and their home country."""
        found: list[Candidate] = []
        places = (situation.located_in, situation.work_country, situation.origin)
        for country in dict.fromkeys(c for c in places if c):
            found += self._catalogue(country, situation.on)
        return found

    def _catalogue(self, country: str, on: date) -> list[Candidate]:
        """A country's responses in force on a day (cached: the knowledge base is immutable)."""
        key = (country, on)
        if key not in self._catalogues:
            if len(self._catalogues) > CACHE_SIZE:
                self._catalogues.clear()
            found = []
            try:
                params = self.knowledge.topic(country, "responses")
            except LookupProblem:
                params = []
            for param in params:
                try:
                    value = param.at(on).value
                except LookupProblem:
                    continue
                if value.value is not None:
                    found.append(Candidate(country, param.name, value.value, value))
            self._catalogues[key] = found
        return self._catalogues[key]

    def _step(
        self,
        rank: int,
        candidate: Candidate,
        why: list[str],
        contacts: list[Contact],
        situation: Situation,
    ) -> Step:
        response = candidate.response
        remote = all(c.remote for c in contacts)
        cites = [cite_value(candidate.value)]
        if any(c.remote for c in contacts) and response.remote:
            cites.append(_cite(response.remote.citation, candidate))
        return Step(
            rank=rank,
            response=candidate.id,
            country=candidate.country,
            kind=response.kind,
            name=response.name,
            summary=response.summary,
            why=tuple(why),
            providers=tuple(contacts),
            risks=tuple(response.risks),
            risk_notes=risk_notes(response, situation),
            requires=tuple(response.requires),
            typical_time=response.typical_time,
            typical_cost=response.typical_cost,
            criminal_justice=response.criminal_justice,
            mandatory=situation.child and response.mandatory_for_children,
            cites=tuple(cites),
            rescue=response.rescue,
            remote=remote,
            remote_how=response.remote.how if remote and response.remote else None,
        )

    def _contacts(
        self, candidate: Candidate, situation: Situation
    ) -> tuple[list[Contact], list[str]]:
        """The providers the migrant can reach from where they are, and why others are left out.

        With no provider left, the first reason says why the step cannot be offered.
        """
        response, here = candidate.response, situation.located_in
        remote_ids = response.remote.providers if response.remote else []
        police = police_allowed(situation, response)
        contacts: list[Contact] = []
        wrong_nationality = withheld_police = False
        for provider in response.providers:
            channel = self._channel(candidate.country, provider, situation.on)
            if channel is None or not any(getattr(channel, c) for c in CONTACTS):
                continue
            if channel.nationals_of and situation.nationality not in channel.nationals_of:
                wrong_nationality = True
                continue
            if channel.kind == "police" and not police:
                withheld_police = True
                continue
            where = channel.countries or [candidate.country]
            if here not in where and provider not in remote_ids:
                continue
            country = here if here in where else where[0]
            contacts.append(contact_for(provider, channel, country, remote=here not in where))
        reasons = []
        if not contacts and wrong_nationality:
            reasons.append(
                voiced(
                    situation,
                    N_(
                        "No contact of your own country's embassy or consular service is "
                        "recorded for this step; ask an NGO to find it."
                    ),
                    N_(
                        "No contact of the worker's own country's embassy or consular service is "
                        "recorded for this step; ask an NGO to find it."
                    ),
                )
            )
        if withheld_police:
            reasons.append(
                voiced(
                    situation,
                    N_(
                        "Police lines are not listed because you have not agreed to involve the "
                        "police."
                    ),
                    N_(
                        "Police lines are not listed because the worker has not agreed to involve "
                        "the police."
                    ),
                )
            )
        if not contacts:
            reasons.append(
                voiced(
                    situation,
                    N_("No provider of this step that you can reach from {country} is recorded."),
                    N_(
                        "No provider of this step that the worker can reach from {country} is "
                        "recorded."
                    ),
                ).format(country=country_words(here))
            )
        elif all(c.remote for c in contacts):
            reasons.append(
                voiced(
                    situation,
                    N_(
                        "You are in {here}, so this step is done remotely with providers in "
                        "{there} that can be reached from abroad."
                    ),
                    N_(
                        "The worker is in {here}, so this step is done remotely with providers in "
                        "{there} that can be reached from abroad."
                    ),
                ).format(
                    here=country_words(here),
                    there=", ".join(sorted({country_words(c.country) for c in contacts})),
                )
            )
        return contacts, reasons

    def _channel(self, country: str, provider: str, on: date) -> Channel | None:
        key = (country, provider, on)
        if key not in self._channels:
            if len(self._channels) > CACHE_SIZE * 50:
                self._channels.clear()
            try:
                channel = self.knowledge.at(country, "help_channels", provider, on)
            except LookupProblem:
                channel = None
            self._channels[key] = channel if isinstance(channel, Channel) else None
        return self._channels[key]

    def _notices(self, situation: Situation, steps: list[Step]) -> dict[str, str]:
        notices: dict[str, str] = {}
        if situation.forced_criminality:
            notices["non_punishment"] = _(NON_PUNISHMENT)
            detail = self._non_punishment(situation.on)
            if detail:
                notices["non_punishment_law"] = detail
        if situation.child:
            mandatory = [s.name for s in steps if s.mandatory]
            notices["child_protection"] = (
                _(
                    "The migrant is a child (under 18). The law requires protection of child "
                    "victims: {steps}. This happens whatever the child's or the family's wishes "
                    "about police involvement; explain this to the child before acting."
                ).format(steps="; ".join(mandatory))
                if mandatory
                else _(
                    "The migrant is a child (under 18). The law requires protection of child "
                    "victims. This happens whatever the child's or the family's wishes about "
                    "police involvement; explain this to the child before acting."
                )
            )
        if situation.danger and not situation.safe_now:
            notices["safety_first"] = _(
                "Immediate safety comes first: {dangers}. Plan how to reach safety before any "
                "claim or complaint."
            ).format(dangers=listed(situation.danger))
        return notices

    def _non_punishment(self, on: date) -> str | None:
        """The framework's statement of the principle (knowledge data, cited there)."""
        try:
            text = self.knowledge.at("frameworks", "palermo", "non_punishment_principle", on)
        except LookupProblem:
            return None
        return str(text)


def default_goals(account: Account, result: Determination) -> tuple[str, ...]:
    """The safe default when no goal is chosen: safety (with information and safety planning),
    and the strongest remedy the findings support: leaving a job one is held in, getting
    documents back, recovering pay."""
    codes = {f.code for f in result.findings}
    goals = ["be_safe_now"]
    if result.level >= Level.FORCED_LABOUR or result.trafficking.result is Answer.YES:
        goals.append("leave_job")
    if codes & {"retention_of_identity_documents", "documents_held"}:
        goals.append("get_documents")
    if codes & {"withholding_of_wages", "below_minimum_wage", "unpaid_overtime_premium"}:
        goals.append("recover_wages")
    return tuple(goals)


def _nothing_reachable(situation: Situation, not_chosen: list[NotChosen]) -> str:
    """Why a plan has no step: said plainly, with what is missing."""
    missing = sorted({n.reason for n in not_chosen if n.reason})[:3]
    country = country_words(situation.located_in)
    if not missing:
        return _(
            "No step can be offered from {country} with the services SafePassage knows of. "
            "A hotline or NGO in the home country may still help."
        ).format(country=country)
    return _(
        "No step can be offered from {country} with the services SafePassage knows of. "
        "What is missing: {missing} A hotline or NGO in the home country may still help."
    ).format(country=country, missing=" ".join(missing))


def contact_for(provider: str, channel: Channel, country: str, *, remote: bool = False) -> Contact:
    """A help channel as a plan's contact (also used by the self-check's list of channels)."""
    return Contact(
        provider,
        channel.name,
        channel.phone,
        channel.line,
        channel.facebook,
        channel.url,
        channel.email,
        tuple(channel.languages),
        country=country,
        remote=remote,
        phone_then=channel.phone_then,
        messenger=channel.messenger,
        whatsapp=channel.whatsapp,
        viber=channel.viber,
        zalo=channel.zalo,
        telegram=channel.telegram,
        proper_name=channel.proper_name,
    )


def _cite(citation: Citation, candidate: Candidate) -> Cite:
    value = candidate.value
    remote = candidate.response.remote
    verified = bool(remote and remote.verified)
    return Cite(
        citation.title, citation.section, citation.url, value.effective, verified, value.layer
    )
