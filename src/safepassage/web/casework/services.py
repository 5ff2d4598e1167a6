"""Services: every write of case data. Keyword-only `<entity>_<action>` functions.

Each change is versioned (optimistic concurrency: a stale edit raises `StaleEdit` and writes
nothing) and audit-logged in the same transaction.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ...core.responses.plan import CONSENTS as PLAN_CONSENTS
from . import core_edge
from .access import Action, require
from .crypto import UnreadableDict, blind_index, unreadable_fields
from .models import (
    AuditEvent,
    Case,
    Consent,
    Note,
    NoteRevision,
    Organisation,
    ProfessionalDetermination,
)
from .parties import parties_split


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""


class UnreadableAccount(Exception):
    """The stored account cannot be decrypted: an answer would overwrite it."""


def audit_record(*, user: Any, case: Case, action: str, what: str = "") -> None:
    AuditEvent.objects.create(
        organisation_id=case.organisation_id,
        user=user if getattr(user, "is_authenticated", False) else None,
        username=getattr(user, "username", "") or "",
        case_id=case.pk,
        case_reference=case.reference,
        action=action,
        what=what[:200],
    )


def audit_organisation(*, user: Any, organisation_id: int, action: str, what: str) -> None:
    """An audit entry about the organisation's cases, not one case (a list read or exported)."""
    AuditEvent.objects.create(
        organisation_id=organisation_id,
        user=user,
        username=user.username,
        action=action,
        what=what[:200],
    )


SEARCH_WORDS = frozenset({"q", "query"})  # a name, phone or document number: never in the log


def filter_words(filters: dict[str, Any]) -> str:
    """A list's filters as the audit log says them: "country=TH, level=forced_labour"; a search
    is said to have been made, never with its words (audit events hold no identifier)."""
    shown = ", ".join(
        f"{k}=(withheld)" if k in SEARCH_WORDS else f"{k}={v}"
        for k, v in sorted(filters.items())
        if v not in ("", None, False)
    )
    return shown or "none"


def audit_list_export(
    *, user: Any, organisation_id: int, fmt: str, filters: dict[str, Any], count: int
) -> None:
    """One audit entry per export of the case list: who, which filter, how many cases."""
    what = f"case list export ({fmt}) of {count} cases; filter: {filter_words(filters)}"
    audit_organisation(user=user, organisation_id=organisation_id, action="export", what=what)


def case_touch(*, case: Case) -> None:
    """Mark the case as changed now (for the list's order) when something of it changed that is
    not a field of its own (a note, a follow-up, a file); no version bump: no form edits it."""
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())


def _personal(name: str, phone: str, document_number: str, region: str) -> dict[str, str]:
    """The person's fields and their keyed hashes (a national phone number read as one of
    `region`, the organisation's country)."""
    return {
        "name": name,
        "phone": phone,
        "document_number": document_number,
        "name_index": blind_index("name", name),
        "phone_index": blind_index("phone", phone, region),
        "document_index": blind_index("document", document_number),
    }


def _derived(account_data: dict[str, Any]) -> dict[str, str]:
    account = core_edge.account_from(account_data)
    return {
        **core_edge.summary(account, core_edge.screen(account)),
        **core_edge.versions(),
    }


@transaction.atomic
def case_create(
    *,
    user: Any,
    organisation: Organisation,
    name: str = "",
    phone: str = "",
    document_number: str = "",
    account: dict[str, Any] | None = None,
    source: str = "intake",
    contact_consent: bool = False,
    asked: list[str] | None = None,
    language: str = "",
    safe_contact: dict[str, str] | None = None,
) -> Case:
    account = account or {}
    staff = getattr(user, "is_authenticated", False)
    case = Case.objects.create(
        organisation=organisation,
        reference=f"new-{secrets.token_hex(8)}",  # unique until the id is known, 20 characters
        # A case worker's intake is theirs; a self-check request waits in the inbox for someone.
        assigned_to=user if staff and source == "intake" else None,
        assigned_at=timezone.now() if staff and source == "intake" else None,
        source=source,
        created_by=user if staff else None,
        account=account,
        asked=asked or [],
        language=language,
        safe_contact=safe_contact or {},
        contact_consent_at=timezone.now() if contact_consent else None,
        **_personal(name, phone, document_number, organisation.country),
        **_derived(account),
    )
    # The reference is public within the organisation and says nothing about the person.
    case.reference = f"{organisation.slug[:6].upper()}-{case.pk:06d}"
    # The names of the parties the account names go to aliases; the account keeps references.
    case.account = parties_split(case=case, data=account, user=user)
    Case.objects.filter(pk=case.pk).update(reference=case.reference, account=case.account)
    audit_record(user=user, case=case, action="create", what=source)
    return case


def save_checked(case: Case, version: int, **fields: Any) -> Case:
    """Write `fields` if nobody saved the case since `version` was read; else raise StaleEdit."""
    updated = Case.objects.filter(pk=case.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **fields
    )
    if not updated:
        raise StaleEdit
    case.refresh_from_db()
    return case


@transaction.atomic
def case_update_details(
    *, user: Any, case: Case, version: int, name: str, phone: str, document_number: str
) -> Case:
    """The person's details. The status is not among them: it follows the referrals and the
    closure (see `workflow`)."""
    require(user, Action.CHANGE)
    region = case.organisation.country
    case = save_checked(case, version, **_personal(name, phone, document_number, region))
    audit_record(user=user, case=case, action="change", what="details")
    return case


@transaction.atomic
def case_record_answer(*, user: Any, case: Case, version: int, qid: str, value: Any) -> Case:
    """Record one interview answer, or correct one given before (from the overview, or Back);
    `None` means the migrant does not know: the question is not asked again, and a correction
    to it makes the fact unknown. The case is screened again either way."""
    require(user, Action.CHANGE)
    if isinstance(case.account, UnreadableDict):
        raise UnreadableAccount
    before = core_edge.account_from(case.account)
    account = core_edge.record_answer(before, qid, value)
    if value != "no" and _answered(core_edge.answer_of(before, qid)) == "no":
        # The filter question's "no" answered its facts: a correction takes back those it set
        # (still "no", and never asked on their own), not facts the account held otherwise.
        for fact in core_edge.covered_by(qid):
            was = _answered(core_edge.answer_of(before, fact))
            if fact not in case.asked and was == _answered(core_edge.benign(fact)):
                account = core_edge.record_answer(account, fact, None)
    data = core_edge.account_data(account)
    correcting = qid in case.asked or core_edge.answer_of(before, qid) is not None
    asked = [*case.asked, qid] if qid not in case.asked else case.asked
    case = save_checked(case, version, account=data, asked=asked, **_derived(data))
    what = f"answer corrected {qid}" if correcting else f"answer {qid}"
    audit_record(user=user, case=case, action="change", what=what)
    return case


def _answered(value: Any) -> str | None:
    """A fact's answer as text ("yes", "no"), or None for anything else."""
    answer = getattr(value, "answer", value)
    return str(getattr(answer, "value", answer)) if answer is not None else None


@transaction.atomic
def case_set_plan_request(
    *, user: Any, case: Case, version: int, goals: list[str], consents: list[str], located_in: str
) -> Case:
    require(user, Action.CHANGE)
    case = save_checked(case, version, goals=goals, located_in=located_in)
    consent_set(user=user, case=case, scopes=consents)
    audit_record(user=user, case=case, action="change", what="goals and consent")
    return case


@transaction.atomic
def consent_set(*, user: Any, case: Case, scopes: list[str]) -> None:
    """Give the consents in `scopes` not yet in force, withdraw those in force not in it; each
    is its own record (given when, withdrawn when) and its own audit entry."""
    require(user, Action.CHANGE)
    # Only the plan's consents: a consent to share with one provider is given per referral.
    in_force = case.consent_records.filter(withdrawn_at__isnull=True, scope__in=PLAN_CONSENTS)
    active = {c.scope: c for c in in_force}
    now = timezone.now()
    for scope in dict.fromkeys(scopes):
        if scope not in active:
            Consent.objects.create(case=case, scope=scope, given_at=now, given_by=user)
            audit_record(user=user, case=case, action="change", what=f"consent given: {scope}")
    for scope, consent in active.items():
        if scope not in scopes:
            Consent.objects.filter(pk=consent.pk).update(withdrawn_at=now, withdrawn_by=user)
            audit_record(user=user, case=case, action="change", what=f"consent withdrawn: {scope}")


@transaction.atomic
def professional_determination_record(
    *, user: Any, case: Case, level: str, trafficking: str, reason: str
) -> ProfessionalDetermination:
    """The case worker's own level and trafficking view, beside the engine's as it stands now
    (its result, findings and versions are kept with it)."""
    require(user, Action.CHANGE)
    account = core_edge.account_from(case.account)
    result = core_edge.screen(account)
    found = ProfessionalDetermination.objects.create(
        case=case,
        author=user,
        level=level,
        trafficking=trafficking,
        reason=reason,
        engine_level=result.level.code,
        engine_trafficking=result.trafficking.result.value,
        engine_findings=sorted({f"{f.kind}:{f.code}" for f in result.findings}),
        **core_edge.versions(),
    )
    case_touch(case=case)
    what = "professional determination" + (" (differs)" if found.disagrees else "")
    audit_record(user=user, case=case, action="change", what=what)
    return found


@transaction.atomic
def note_create(
    *, user: Any, case: Case, text: str, kind: str = "other", contacted_on: Any = None
) -> Note:
    require(user, Action.CHANGE)
    note = Note.objects.create(
        case=case, author=user, text=text, kind=kind, contacted_on=contacted_on
    )
    case_touch(case=case)
    audit_record(user=user, case=case, action="change", what="note added")
    return note


@transaction.atomic
def note_update(
    *, user: Any, note: Note, version: int, text: str, kind: str, contacted_on: Any
) -> Note:
    """Edit a note, keeping what it said before as a revision (who wrote it, who replaced it,
    when); refused when someone else edited it since `version`."""
    require(user, Action.CHANGE)
    current = Note.objects.filter(pk=note.pk).first()
    if current is None or current.version != version:
        raise StaleEdit
    if unreadable_fields(current, ("text",)):
        raise UnreadableAccount  # its history would keep nothing readable: refused
    NoteRevision.objects.create(
        note=current,
        text=current.text,
        kind=current.kind,
        contacted_on=current.contacted_on,
        written_by_id=current.edited_by_id or current.author_id,
        replaced_by=user,
    )
    now = timezone.now()
    updated = Note.objects.filter(pk=note.pk, version=version).update(
        text=text, kind=kind, contacted_on=contacted_on, version=F("version") + 1,
        edited_at=now, edited_by=user,
    )  # fmt: skip
    if not updated:
        raise StaleEdit
    Case.objects.filter(pk=note.case_id).update(updated_at=now)
    audit_record(user=user, case=note.case, action="change", what=f"note {note.pk} edited")
    note.refresh_from_db()
    return note


@transaction.atomic
def attachment_add(*, user: Any, case: Case, kind: str, upload: Any, content_type: str) -> Any:
    """Keep a file with the case, encrypted (its name too); audited without its name."""
    from .models import Attachment

    require(user, Action.CHANGE)
    data = upload.read()
    found = Attachment.objects.create(
        case=case, kind=kind, filename=str(upload.name)[:200], content_type=content_type,
        size=len(data), content=data, uploaded_by=user,
    )  # fmt: skip
    case_touch(case=case)
    audit_record(user=user, case=case, action="change", what=f"attachment {found.pk} added")
    return found
