"""Core results as what a page shows: labels in the reader's language, facts as the questions
that asked them, sources with the date of the law applied."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ...core.interview.questions import fact_words
from ...core.responses.plan import Contact, Plan, Step
from ...core.screening import Determination
from ...core.screening.determination import Cite, Evidence, Finding
from .labels import (
    ANSWERS,
    ICLS,
    INDICATORS,
    LEVELS,
    LEVELS_PLAIN,
    PALERMO,
    RESPONSE_KINDS,
    RISKS,
    STAGES,
    TRAFFICKING,
    VIOLATIONS,
    label,
)

KIND_TABLES = {
    "indicator": INDICATORS,
    "violation": VIOLATIONS,
    "icls": ICLS,
    "palermo": PALERMO,
    "risk": RISKS,
}


def fact_text(fact: str) -> str:
    """A fact named by the question that asks it (or its words, for a fact no question asks),
    in the reader's language; never the fact's id."""
    return _(fact_words(fact))


def code_label(code: str) -> str:
    """A finding named by its "kind:code" (as stored beside a professional determination)."""
    kind, _sep, rest = code.partition(":")
    return label(KIND_TABLES.get(kind, {}), rest.split(".")[0])


def finding_label(finding: Finding) -> str:
    head = finding.code.split(".")[0]
    return label(KIND_TABLES.get(finding.kind, {}), head)


def _cite(cite: Cite) -> dict[str, Any]:
    return {
        "title": cite.title,
        "section": cite.section,
        "url": cite.url,
        "in_force_from": cite.in_force_from,
        "verified": cite.verified,
    }


def evidence(e: Evidence) -> dict[str, Any]:
    """A fact behind a finding: its question and the answer; where screening wrote the note
    (the pay, the hours, the age), the note is the answer, shown to every reader."""
    if e.message:
        return {"fact": fact_text(e.fact), "answer": e.text(_), "note": None}
    return {"fact": fact_text(e.fact), "answer": label(ANSWERS, e.answer.value), "note": e.text(_)}


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "code": finding.code,
        "label": finding_label(finding),
        # The template and its words (period, sector, country...) translated, then filled.
        "rule": finding.text(_),
        "because": [evidence(e) for e in finding.because],
        "cites": [_cite(c) for c in finding.cites],
    }


def determination(result: Determination) -> dict[str, Any]:
    level = result.level.code
    return {
        "level": level,
        "level_label": label(LEVELS, level),
        "level_plain": label(LEVELS_PLAIN, level),
        "trafficking": result.trafficking.result.value,
        "trafficking_label": label(TRAFFICKING, result.trafficking.result.value),
        "trafficking_explanation": _(result.trafficking.explanation),
        "trafficking_reason": _(result.trafficking.reason) if result.trafficking.reason else "",
        "stages": [
            {
                "code": s,
                "label": label(STAGES, s),
                "findings": [_finding(f) for f in result.stage(s)],
            }
            for s in STAGES
            if result.stage(s)
        ],
        "missing": [fact_text(m.fact) for m in result.missing[:8]],
        "notes": [_(note) for note in result.notes],
    }


def contact_links(contact: Contact) -> list[dict[str, str]]:
    """Links a phone can open, one number or chat each: call, LINE, Messenger, WhatsApp, Viber,
    Zalo, Telegram, Facebook, web, email. A channel with none is not reachable."""
    links = []
    if contact.phone:
        digits = "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+")
        links.append({"kind": "phone", "href": f"tel:{digits}", "text": contact.phone})
    for kind, value, base, name in (
        ("line", contact.line, "https://line.me/R/ti/p/", "LINE"),
        ("messenger", contact.messenger, "https://m.me/", "Messenger"),
        ("whatsapp", contact.whatsapp, "https://wa.me/", "WhatsApp"),
        ("viber", contact.viber, "viber://chat?number=", "Viber"),
        ("zalo", contact.zalo, "https://zalo.me/", "Zalo"),
        ("telegram", contact.telegram, "https://t.me/", "Telegram"),
        ("facebook", contact.facebook, "https://www.facebook.com/", "Facebook"),
    ):
        if value:
            links.append({"kind": kind, "href": _chat_href(kind, value, base), "text": name})
    if contact.url:
        links.append({"kind": "web", "href": contact.url, "text": _("Website")})
    if contact.email:
        links.append({"kind": "email", "href": f"mailto:{contact.email}", "text": contact.email})
    return links


def _chat_href(kind: str, value: str, base: str) -> str:
    """A chat contact as a link: kept as given when it is one, else the app's link for the id
    (a LINE id keeps its @; a WhatsApp or Viber number keeps only its digits)."""
    if value.startswith(("http://", "https://", "viber://")):
        return value
    if kind == "line":
        return base + "@" + value.lstrip("@")
    if kind in ("whatsapp", "viber"):
        digits = "".join(ch for ch in value if ch.isdigit())
        return base + ("%2B" + digits if kind == "viber" else digits)
    return base + value.lstrip("@")


def knowledge_text(text: str | None) -> str:
    """A text of the knowledge base (a response's summary, a channel's hours) in the reader's
    language: each is a message of the catalogues (see core/knowledge/texts.py)."""
    return _(text) if text else ""


def provider_name(contact: Contact) -> str:
    return contact.name if contact.proper_name else knowledge_text(contact.name)


def _step(step: Step) -> dict[str, Any]:
    return {
        "rank": step.rank,
        "response": step.response,
        "kind": step.kind,
        "kind_label": label(RESPONSE_KINDS, step.kind),
        "name": knowledge_text(step.name),
        "summary": knowledge_text(step.summary),
        "why": [_(w) for w in step.why],
        "risks": step.risks,
        "risk_notes": knowledge_text(step.risk_notes),
        "requires": [knowledge_text(r) for r in step.requires],
        "criminal_justice": step.criminal_justice,
        "mandatory": step.mandatory,
        "providers": [
            {
                "id": p.id,
                "name": provider_name(p),
                "links": contact_links(p),
                "languages": p.languages,
            }
            for p in step.providers
        ],
        "cites": [_cite(c) for c in step.cites],
    }


def plan(result: Plan) -> dict[str, Any]:
    return {
        "steps": [_step(s) for s in result.steps],
        "not_chosen": [
            {
                "kind_label": label(RESPONSE_KINDS, n.kind),
                "name": knowledge_text(n.name),
                "reason": _(n.reason),
            }
            for n in result.not_chosen
        ],
        "notices": [_(text) for text in result.notices.values()],
        "safe_now": result.safe_now,
    }
