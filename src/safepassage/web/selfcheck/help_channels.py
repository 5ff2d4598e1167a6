"""Help channels for the self-check's result page, from the knowledge base (in force today)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...core.knowledge import default_knowledge
from ...core.knowledge.problems import LookupProblem
from ...core.knowledge.schema import Channel
from ...core.responses.planner import contact_for
from ..common.present import contact_links

# Channels a migrant can contact directly; police come last and are never shown first.
ORDER = ("hotline", "ngo", "union", "legal_aid", "shelter", "government_agency", "embassy")


def channels_for(
    country: str, language: str, nationality: str | None = None
) -> list[dict[str, Any]]:
    """The country's help channels, those speaking `language` first; embassies only of the
    migrant's own country when the nationality is known."""
    knowledge = default_knowledge()
    try:
        parameters = knowledge.topic(country, "help_channels")
    except LookupProblem:
        return []
    found = []
    for parameter in parameters:
        try:
            channel = parameter.at(date.today()).value.value
        except LookupProblem:
            continue
        if not isinstance(channel, Channel) or channel.kind not in ORDER:
            continue
        if nationality and channel.nationals_of and nationality not in channel.nationals_of:
            continue  # an embassy or group for other nationals (the data says whom it serves)
        found.append((parameter.name, channel))
    found.sort(key=lambda item: (language not in item[1].languages, ORDER.index(item[1].kind)))
    return [_present(name, channel, country) for name, channel in found]


def _present(name: str, channel: Channel, country: str) -> dict[str, Any]:
    contact = contact_for(name, channel, country)
    return {
        "id": name,
        "name": channel.name,
        "kind": channel.kind,
        "languages": channel.languages,
        "hours": channel.hours,
        "links": contact_links(contact),
    }
