"""Help channels for the self-check, from the knowledge base (in force today): only those for
migrants or children that a phone can reach, only the person's own embassy, ranked for the
person's situation so that one contact can be shown first."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...core.knowledge import default_knowledge
from ...core.knowledge.contacts import CHATS
from ...core.knowledge.problems import LookupProblem
from ...core.knowledge.schema import Channel
from ...core.responses.planner import contact_for
from ..common.present import contact_links, knowledge_text

# Channels a migrant can contact directly; police come last and are never shown first.
ORDER = ("hotline", "ngo", "union", "legal_aid", "shelter", "government_agency", "embassy")
FOR_MIGRANTS = {"migrants", "children"}


def channels_for(
    country: str, language: str, nationality: str | None = None, situation: str = "other"
) -> list[dict[str, Any]]:
    """The country's help channels a migrant can reach, best first for `situation` (see
    guidance.situation): in danger, lines open day and night first; a child, child lines first;
    a wage problem, those that take wage claims first; then those speaking `language`."""
    child = situation == "child"
    found = [
        (name, channel)
        for name, channel in _in_force(country)
        if _for_this_person(channel, nationality, child)
    ]
    found.sort(key=lambda item: _rank(item[1], language, situation))
    shown = [_present(name, channel, country) for name, channel in found]
    return [item for item in shown if item["links"]]  # nothing to tap: never shown


def _in_force(country: str) -> list[tuple[str, Channel]]:
    try:
        parameters = default_knowledge().topic(country, "help_channels")
    except LookupProblem:
        return []
    found = []
    for parameter in parameters:
        try:
            channel = parameter.at(date.today()).value.value
        except LookupProblem:
            continue
        if isinstance(channel, Channel) and channel.kind in ORDER:
            found.append((parameter.name, channel))
    return found


def _for_this_person(channel: Channel, nationality: str | None, child: bool) -> bool:
    if not (FOR_MIGRANTS if child else {"migrants"}) & set(channel.audience):
        return False  # for employers, brands or professionals (or, for an adult, children)
    if channel.nationals_of:  # an embassy or group for its own nationals only
        return nationality is not None and nationality in channel.nationals_of
    return True


def always_open(channel: Channel) -> bool:
    hours = (channel.hours or "").casefold()
    return "24 hours" in hours or "24/7" in hours or "24-hour" in hours


def _rank(channel: Channel, language: str, situation: str) -> tuple[Any, ...]:
    """In danger (or a child): a line open day and night first, then any hotline; a child,
    child lines before those; a wage problem, those taking wage claims; then a call or a chat
    before a website; then the person's language, then the kind (police and embassies last)."""
    serves = " ".join(channel.serves).casefold()
    urgent = situation in ("child", "danger")
    tiers = (
        situation == "child" and "children" not in channel.audience,
        urgent and not direct(channel),  # in danger, a call or a chat that answers now
        urgent and not always_open(channel),
        urgent and channel.kind != "hotline",
        situation == "wages" and "wage" not in serves,
        not direct(channel),  # a call or a chat before a website or an e-mail
    )
    return (*tiers, language not in channel.languages, ORDER.index(channel.kind))


def direct(channel: Channel) -> bool:
    """Reached by a call or a chat, at once (a website or an e-mail waits for an answer)."""
    return any(getattr(channel, key) for key in ("phone", *CHATS))


def _present(name: str, channel: Channel, country: str) -> dict[str, Any]:
    contact = contact_for(name, channel, country)
    return {
        "id": name,
        "name": channel.name if channel.proper_name else knowledge_text(channel.name),
        "proper_name": channel.proper_name,
        "kind": channel.kind,
        "languages": channel.languages,
        "hours": knowledge_text(channel.hours),
        "phone_then": knowledge_text(channel.phone_then),
        "links": contact_links(contact),
    }
