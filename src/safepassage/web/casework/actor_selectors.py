"""What the case page and the actor page show of the actors (selectors: they read).

A case page shows, for each party its account names, how many of the organisation's other
cases name the same actor and what those accounts reported (counts only: nothing of another
case's person). The actor page gathers one actor's spellings, and the indicators, violations,
stages, sectors and corridors across its cases. What an account says of an actor is an
allegation as reported, never established, and the pages say so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..common.labels import COUNTRIES, INDICATORS, OPTIONS, STAGES, VIOLATIONS, label
from . import core_edge
from .access import Action, require
from .actor_models import Actor, Alias
from .crypto import UnreadableDict
from .models import Case

LATEST = 1000  # an actor's most recent cases read for its counts (each is decrypted, screened)
SHOWN = 3  # findings named beside a party on the case page


@dataclass(frozen=True)
class PartyView:
    alias: Alias
    kind: str  # in words
    stage: str
    other_cases: int
    reported: list[tuple[str, int]]  # (a finding in words, how many of the other cases)


@dataclass(frozen=True)
class ActorProfile:
    actor: Actor
    kind: str
    aliases: list[Alias]
    cases: list[Case]
    findings: list[tuple[str, int]]
    stages: list[tuple[str, int]]
    sectors: list[tuple[str, int]]
    corridors: list[tuple[str, int]]

    @property
    def groupings(self) -> list[tuple[str, list[tuple[str, int]]]]:
        return [
            (str(_("Where in the migration it was named")), self.stages),
            (str(_("Kinds of work")), self.sectors),
            (str(_("From where to where")), self.corridors),
        ]


def case_parties(*, user: Any, case: Case) -> list[PartyView]:
    require(user, Action.VIEW_PERSONAL)
    aliases = list(case.aliases.select_related("actor").order_by("pk"))
    return [_party(alias, case) for alias in aliases]


def _party(alias: Alias, case: Case) -> PartyView:
    others = _cases_of(alias.actor, exclude=case.pk)
    counts = _finding_counts(others)
    return PartyView(
        alias=alias,
        kind=str(alias.get_kind_display()),
        stage=label(STAGES, alias.stage),
        other_cases=len(others),
        reported=counts[:SHOWN],
    )


def _cases_of(actor: Actor, exclude: int | None = None) -> list[Case]:
    ids = Alias.objects.filter(actor=actor).values("case_id")
    found = Case.objects.filter(pk__in=ids, organisation_id=actor.organisation_id)
    return list(found.exclude(pk=exclude).order_by("-created_at", "-pk")[:LATEST])


def _finding_counts(cases: Iterable[Case]) -> list[tuple[str, int]]:
    """The indicators and violations the cases' accounts report, by how many cases report
    each, most first (in words)."""
    return _counted(words for case in cases for words in _findings(case))


def _findings(case: Case) -> set[str]:
    if isinstance(case.account, UnreadableDict):
        return set()
    result = core_edge.screen(core_edge.account_from(case.account))
    tables = {"indicator": INDICATORS, "violation": VIOLATIONS}
    return {label(tables[f.kind], f.code) for f in result.findings if f.kind in tables}


def access_actor(user: Any, actor_id: int | str) -> Actor:
    """The actor, if it is the user's organisation's and their role sees actors; 404 for
    another organisation's (it does not exist for them), 403 for an analyst."""
    member = require(user, Action.VIEW_PERSONAL)
    try:
        return Actor.objects.get(pk=int(actor_id), organisation_id=member.organisation_id)
    except (Actor.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def actor_profile(*, actor: Actor) -> ActorProfile:
    aliases = list(actor.aliases.select_related("case").order_by("pk"))
    cases = _cases_of(actor)
    return ActorProfile(
        actor=actor,
        kind=str(actor.get_kind_display()),
        aliases=aliases,
        cases=cases,
        findings=_finding_counts(cases),
        stages=_counted(label(STAGES, a.stage) for a in aliases),
        sectors=_counted(label(OPTIONS, c.sector) for c in cases if c.sector),
        corridors=_counted(_corridor(c) for c in cases),
    )


def _counted(values: Iterable[str]) -> list[tuple[str, int]]:
    counted = Counter(v for v in values if v)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


def _corridor(case: Case) -> str:
    """From the worker's country to the country of work, in words ("Myanmar → Thailand")."""
    if isinstance(case.account, UnreadableDict):
        return ""
    origin = (case.account.get("person") or {}).get("nationality")
    if not origin or not case.country:
        return ""
    return f"{label(COUNTRIES, origin)} → {label(COUNTRIES, case.country)}"


@dataclass(frozen=True)
class Node:
    actor: int
    name: str
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    first: Node
    second: Node
    why: str  # in words: a shared case, a shared phone number


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]
    size: int  # of the square drawing, in pixels


NETWORK_LIMIT = 200  # actors drawn at most (those with the most links)


def actor_network(*, user: Any) -> Network:
    """The organisation's actors linked through a case that names both, or a phone number or
    an address both were given, laid out on a circle (drawn as SVG on the server: no script,
    no library)."""
    member = require(user, Action.REVIEW)
    aliases = list(Alias.objects.filter(organisation_id=member.organisation_id).order_by("pk"))
    links = _links(aliases)
    degree = Counter(a for pair in links for a in pair)
    chosen = [actor for actor, _n in degree.most_common(NETWORK_LIMIT)]
    names = {a.actor_id: (str(a.name), a.get_kind_display()) for a in reversed(aliases)}
    nodes = _circle(chosen, names)
    edges = [
        Edge(nodes[a], nodes[b], str(why))
        for (a, b), why in sorted(links.items())
        if a in nodes and b in nodes
    ]
    return Network(list(nodes.values()), edges, SIZE)


SIZE = 640


def _links(aliases: list[Alias]) -> dict[tuple[int, int], Any]:
    by_case: dict[int, set[int]] = {}
    by_phone: dict[str, set[int]] = {}
    by_address: dict[str, set[int]] = {}
    for alias in aliases:
        by_case.setdefault(alias.case_id, set()).add(alias.actor_id)
        for phone in alias.phones if isinstance(alias.phones, list) else []:
            by_phone.setdefault(str(phone), set()).add(alias.actor_id)
        address = alias.details.get("address") if isinstance(alias.details, dict) else None
        if address:  # written alike: the same words whatever the case or spacing
            by_address.setdefault(" ".join(str(address).casefold().split()), set()).add(
                alias.actor_id
            )
    found: dict[tuple[int, int], Any] = {}
    reasons = (
        (by_phone, _("the same phone number")),
        (by_address, _("the same address")),
        (by_case, _("named on one case")),
    )
    for groups, why in reasons:
        for actors in groups.values():
            ordered = sorted(actors)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    found.setdefault((a, b), why)
    return found


def _circle(actors: list[int], names: dict[int, tuple[str, str]]) -> dict[int, Node]:
    centre, radius = SIZE / 2, SIZE / 2 - 90
    nodes = {}
    for i, actor in enumerate(actors):
        angle = 2 * math.pi * i / max(1, len(actors))
        name, kind = names[actor]
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        nodes[actor] = Node(actor, name, kind, round(x, 1), round(y, 1))
    return nodes
