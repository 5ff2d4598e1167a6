"""Actors across the organisation's cases: parties added to a case and removed, the linkage's
suggestions, and a case worker's answer to each (services that write; `actor_selectors` reads).

A suggestion is a pair of aliases the linkage (`core.actors.linkage`, Splink on DuckDB) scores
as likely one actor. Confirmed, the two actors become one (every alias of the second moves to
the first); rejected, the pair, and any other pair between the same two actors, is never
suggested again. Both answers are kept (`LinkDecision`): the confirmed pairs teach the linkage
what one actor's spellings look like. Every change is audited, with ids only.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from ...core.actors import linkage
from .access import Action, require
from .actor_models import Actor, Alias, LinkDecision, LinkSuggestion, Verdict
from .models import Case
from .parties import alias_create, reference
from .services import audit_organisation, audit_record, save_checked

# Kinds one actor can be named as: an agency written down as a broker by one worker, an
# employer as the workplace by another. A buyer is only ever a buyer.
ALIKE = (
    frozenset({"licensed_agency", "broker"}),
    frozenset({"employer", "workplace"}),
    frozenset({"buyer"}),
)


def party_add(*, user: Any, case: Case, version: int, party: dict[str, Any]) -> Alias:
    """A party named on the case: an alias of a new actor, referenced from the account; the
    organisation's suggestions are recomputed after the write (the linkage takes a second or
    more, and holds no lock meanwhile)."""
    alias = _party_added(user=user, case=case, version=version, party=party)
    suggestions_refresh(organisation_id=case.organisation_id)
    return alias


@transaction.atomic
def _party_added(*, user: Any, case: Case, version: int, party: dict[str, Any]) -> Alias:
    require(user, Action.CHANGE)
    alias = alias_create(case=case, user=user, **party)
    data = dict(case.account)
    data["parties"] = [*data.get("parties", []), reference(alias)]
    save_checked(case, version, account=data)
    audit_record(user=user, case=case, action="change", what=f"party added: alias {alias.pk}")
    return alias


@transaction.atomic
def party_remove(*, user: Any, case: Case, version: int, alias_id: int) -> None:
    require(user, Action.CHANGE)
    alias = Alias.objects.filter(case=case, pk=alias_id).first()
    if alias is None:
        raise Http404
    data = dict(case.account)
    data["parties"] = [p for p in data.get("parties", []) if p.get("alias") != str(alias.pk)]
    save_checked(case, version, account=data)
    actor = alias.actor
    alias.delete()
    if not actor.aliases.exists():
        actor.delete()
    else:
        _recount(actor.pk)
    audit_record(user=user, case=case, action="change", what=f"party removed: alias {alias_id}")


def suggestions_refresh(*, organisation_id: int) -> int:
    """The organisation's suggestions recomputed from all its aliases; how many wait now."""
    aliases = list(Alias.objects.filter(organisation_id=organisation_id).select_related("case"))
    by_id = {str(a.pk): a for a in aliases}
    spellings = [_spelling(a) for a in aliases if a.name]
    confirmed = _decided(organisation_id, "same")
    pairs = linkage.score(spellings, confirmed=[(str(a), str(b)) for a, b in confirmed])
    refused = _refused_actors(organisation_id)
    found: dict[tuple[int, int], float] = {}
    for pair in pairs:
        left, right = sorted((by_id[pair.left], by_id[pair.right]), key=lambda a: a.pk)
        if _offerable(left, right, refused):
            found[left.pk, right.pk] = pair.probability
    _suggestions_store(organisation_id, found)
    return len(found)


def _suggestions_store(organisation_id: int, found: dict[tuple[int, int], float]) -> None:
    """Keep the suggestions still offered (a page showing one can still answer it), drop the
    rest, add the new; a refresh running at the same time may have added one already."""
    waiting = LinkSuggestion.objects.filter(organisation_id=organisation_id)
    kept = {(s.first_id, s.second_id): s.pk for s in waiting}
    with transaction.atomic():
        waiting.exclude(pk__in=[pk for key, pk in kept.items() if key in found]).delete()
        LinkSuggestion.objects.bulk_create(
            [LinkSuggestion(organisation_id=organisation_id, first_id=a, second_id=b,
                            probability=p) for (a, b), p in found.items() if (a, b) not in kept],
            ignore_conflicts=True,
        )  # fmt: skip


def _spelling(alias: Alias) -> linkage.Spelling:
    phones = tuple(str(p) for p in alias.phones) if isinstance(alias.phones, list) else ()
    return linkage.Spelling(str(alias.pk), str(alias.name), phones, alias.case.country or None)


def _decided(organisation_id: int, verdict: str) -> list[tuple[int, int]]:
    found = LinkDecision.objects.filter(organisation_id=organisation_id, verdict=verdict)
    return list(found.values_list("first_id", "second_id"))


def _refused_actors(organisation_id: int) -> set[frozenset[int]]:
    """The pairs of actors a case worker said are not one (through any of their aliases)."""
    rejected = LinkDecision.objects.filter(organisation_id=organisation_id,
                                           verdict=Verdict.DIFFERENT)  # fmt: skip
    return {frozenset((d.first.actor_id, d.second.actor_id))
            for d in rejected.select_related("first", "second")}  # fmt: skip


def _offerable(left: Alias, right: Alias, refused: set[frozenset[int]]) -> bool:
    return (
        left.actor_id != right.actor_id
        and any(left.kind in kinds and right.kind in kinds for kinds in ALIKE)
        and frozenset((left.actor_id, right.actor_id)) not in refused
    )


def suggestions_for(*, user: Any, case: Case) -> list[LinkSuggestion]:
    """The suggestions that concern one of the case's aliases, most likely first."""
    require(user, Action.VIEW_PERSONAL)
    mine = Q(first__case=case) | Q(second__case=case)
    found = LinkSuggestion.objects.filter(mine, organisation_id=case.organisation_id)
    related = found.select_related("first__case", "second__case", "first", "second")
    return list(related.order_by("-probability", "id"))


@transaction.atomic
def link_decide(*, user: Any, suggestion_id: int, same: bool) -> LinkDecision:
    """A case worker's answer to a suggestion of their organisation (404 for any other)."""
    member = require(user, Action.CHANGE)
    suggestion = LinkSuggestion.objects.filter(
        pk=suggestion_id, organisation_id=member.organisation_id
    ).select_related("first", "second").first()  # fmt: skip
    if suggestion is None:
        raise Http404
    first, second = suggestion.first, suggestion.second
    decision = LinkDecision.objects.create(
        organisation_id=member.organisation_id, first=first, second=second,
        verdict=Verdict.SAME if same else Verdict.DIFFERENT,
        probability=suggestion.probability, decided_by=user,
    )  # fmt: skip
    suggestion.delete()
    if same:
        _merge(keep=first.actor, into_it=second.actor)
    _forget_settled(member.organisation_id)
    word = "one actor" if same else "not one actor"
    what = f"aliases {first.pk} and {second.pk} decided {word} (actor {first.actor_id})"
    audit_organisation(user=user, organisation_id=member.organisation_id, action="change",
                       what=what)  # fmt: skip
    if same:
        _recount(first.actor_id)
    return decision


def _recount(actor_id: int) -> None:
    """Every case of the actor is counted again in the statistics (whether it names a repeat
    recruiter changed), as a changed case is."""
    Case.objects.filter(aliases__actor_id=actor_id).update(updated_at=timezone.now())


def _merge(*, keep: Actor, into_it: Actor) -> None:
    """Every alias of `into_it` becomes `keep`'s. The kept actor's legal review no longer
    covers what is now alleged of it: it is asked for again."""
    if keep.pk == into_it.pk:
        return
    Alias.objects.filter(actor=into_it).update(actor=keep)
    into_it.delete()
    Actor.objects.filter(pk=keep.pk).update(reviewed_by=None, reviewed_at=None, review_note="")


def _forget_settled(organisation_id: int) -> None:
    """Suggestions that a decision settled: both aliases now one actor, or actors refused."""
    refused = _refused_actors(organisation_id)
    waiting = LinkSuggestion.objects.filter(organisation_id=organisation_id)
    stale = [s.pk for s in waiting.select_related("first", "second")
             if not _offerable(s.first, s.second, refused)]  # fmt: skip
    LinkSuggestion.objects.filter(pk__in=stale).delete()


def actor_review(*, user: Any, actor: Actor, note: str) -> Actor:
    """A supervisor's recorded legal review: needed before the actor is named outside the
    organisation (a letter to a buyer, a release)."""
    require(user, Action.APPROVE)
    Actor.objects.filter(pk=actor.pk).update(
        reviewed_by=user, reviewed_at=timezone.now(), review_note=note
    )
    actor.refresh_from_db()
    audit_organisation(user=user, organisation_id=actor.organisation_id, action="change",
                       what=f"actor {actor.pk} legal review")  # fmt: skip
    return actor
