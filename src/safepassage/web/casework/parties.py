"""The parties an account names, kept apart from it: the stored account holds each party as a
reference (`Party.alias`), the alias holds what the case wrote (name, phones, details).

Accounts arrive whole (an account file, an HTCDS import, the API, the demo); `parties_split`
turns each named party into an alias of a new actor and leaves the reference, so no name stays
in the account and none is lost. `parties_joined` puts the names back for an account file that
leaves the organisation's hands whole (the export a case worker downloads).
"""

from __future__ import annotations

from typing import Any

from .actor_models import Actor, Alias

DETAILS = ("licence", "workplace", "registration", "flag", "address", "language")
WRITTEN = ("name", "phones", *DETAILS)  # what the alias keeps, not the account


def parties_split(*, case: Any, data: dict[str, Any], user: Any = None) -> dict[str, Any]:
    """`data` (an account as stored) with every party that carries a name or details and no
    alias turned into an alias of a new actor of the case's organisation."""
    parties = data.get("parties") or []
    if not any(_written(party) and not party.get("alias") for party in parties):
        return data
    return {**data, "parties": [_split(case, party, user) for party in parties]}


def _written(party: dict[str, Any]) -> bool:
    return any(party.get(field) for field in WRITTEN)


def _split(case: Any, party: dict[str, Any], user: Any) -> dict[str, Any]:
    if party.get("alias") or not _written(party):
        return party
    alias = alias_create(case=case, user=user, **party)
    return reference(alias)


def alias_create(*, case: Any, user: Any = None, **party: Any) -> Alias:
    """A new alias on `case`, of a new actor (linking is a case worker's decision later)."""
    kind = party["kind"]
    actor = Actor.objects.create(organisation_id=case.organisation_id, kind=kind)
    details = {field: party[field] for field in DETAILS if party.get(field)}
    return Alias.objects.create(
        organisation_id=case.organisation_id,
        actor=actor,
        case=case,
        kind=kind,
        stage=party.get("stage") or "work",
        job=party.get("job"),
        name=party.get("name") or "",
        phones=list(party.get("phones") or []),
        details=details,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def reference(alias: Alias) -> dict[str, Any]:
    """How the stored account names the alias's party."""
    found: dict[str, Any] = {"kind": alias.kind, "stage": alias.stage, "alias": str(alias.pk)}
    return found | ({"job": alias.job} if alias.job is not None else {})


def parties_joined(*, case: Any, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with each referenced party's name and details written back from its alias."""
    parties = data.get("parties") or []
    if not parties:
        return data
    aliases = {str(alias.pk): alias for alias in Alias.objects.filter(case=case)}
    return {**data, "parties": [_joined(party, aliases) for party in parties]}


def _joined(party: dict[str, Any], aliases: dict[str, Alias]) -> dict[str, Any]:
    alias = aliases.get(str(party.get("alias")))
    if alias is None:
        return party
    written = {"name": alias.name or None, "phones": alias.phones or None, **alias.details}
    found = {k: v for k, v in party.items() if k != "alias"}
    return found | {k: v for k, v in written.items() if v}
