"""Case data. Views never query these models directly: they go through `access` and `selectors`.

Every row of case data belongs to one organisation; personal data is encrypted at rest (see
`crypto`), and every row that can be edited concurrently carries a `version` for optimistic
concurrency (SQLite ignores SELECT ... FOR UPDATE, so locking cannot be relied on).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..common.labels import (
    CONSENTS,
    CONTACT_HOW,
    CONTACT_MESSAGE,
    CONTACT_WHEN,
    COUNTRIES,
    LEVELS,
    OPTIONS,
    STAGES,
    TRAFFICKING_VIEWS,
    label,
)
from .crypto import EncryptedBytesField, EncryptedJSONField, EncryptedTextField


class Role(models.TextChoices):
    CASE_WORKER = "case_worker", _("Case worker")
    SUPERVISOR = "supervisor", _("Supervisor")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    country = models.CharField(max_length=2, help_text="Where the organisation works (ISO code).")
    accepts_self_check = models.BooleanField(
        default=False, help_text="Shown to migrants who ask to be contacted after a self-check."
    )
    is_demo = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(max_length=20, choices=Role.choices)

    def __str__(self) -> str:
        return f"{self.user} ({self.role}, {self.organisation})"


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    REFERRED = "referred", _("Referred")
    CLOSING = "closing", _("Closure awaiting a supervisor's approval")
    CLOSED = "closed", _("Closed")


class ClosureReason(models.TextChoices):
    RESOLVED = "resolved", _("The migrant's goals were met")
    PARTLY = "partly", _("Partly resolved: nothing more can be done")
    WITHDREW = "withdrew", _("The migrant chose to stop")
    NO_CONTACT = "no_contact", _("Contact was lost")
    TRANSFERRED = "transferred", _("Taken over by another organisation")
    RETURNED = "returned", _("The migrant went home and needs nothing more")


class CaseSource(models.TextChoices):
    INTAKE = "intake", _("Intake by a case worker")
    SELF_CHECK = "self_check", _("Self-check: the migrant asked to be contacted")


class GroupKind(models.TextChoices):
    CREW = "crew", _("A boat crew")
    COMPOUND = "compound", _("A compound or closed site")
    WORKSITE = "worksite", _("A workplace")
    JOURNEY = "journey", _("People recruited or moved together")
    OTHER = "other", _("Another group")


class CaseGroup(models.Model):
    """People exploited together (a boat crew, a compound). Facts they share (the workplace and
    its conditions, who recruited and moved them; see `groups.GROUP_FACTS`) are entered once, in
    one member's case, and copied
    into every member's account where that member has no answer of their own; each person keeps
    their own account, consent and plan."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20, unique=True)
    kind = models.CharField(max_length=10, choices=GroupKind.choices)
    description = EncryptedTextField(blank=True, default="")  # may name the boat: encrypted
    # The shared answers: which questions, read from which member's case.
    shared_questions = models.JSONField(default=list, blank=True)
    shared_from = models.ForeignKey(
        "Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.reference


class Case(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    reference = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    source = models.CharField(max_length=12, choices=CaseSource.choices, default=CaseSource.INTAKE)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who works the case. A self-check request arrives with nobody: it waits in the inbox.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # Closure: the case worker asks with a reason, a supervisor approves (or sends it back).
    closure_reason = models.CharField(max_length=12, choices=ClosureReason.choices, blank=True)
    closure_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closure_requested_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    group = models.ForeignKey(
        CaseGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )

    # Personal data: encrypted; the *_index columns are keyed hashes for exact-match search.
    name = EncryptedTextField(blank=True, default="")
    phone = EncryptedTextField(blank=True, default="")
    document_number = EncryptedTextField(blank=True, default="")
    name_index = models.CharField(max_length=64, blank=True, db_index=True)
    phone_index = models.CharField(max_length=64, blank=True, db_index=True)
    document_index = models.CharField(max_length=64, blank=True, db_index=True)
    account = EncryptedJSONField(default=dict, blank=True)
    asked = models.JSONField(default=list, blank=True, help_text="Questions already asked.")
    # A self-check's request to be contacted: the language the person used, and how to reach
    # them safely (how, when, whether a message may be left, a code word): personal, encrypted.
    language = models.CharField(max_length=10, blank=True)
    safe_contact = EncryptedJSONField(default=dict, blank=True)

    # The plan request: what the migrant wants (consents are records of their own: Consent).
    goals = models.JSONField(default=list, blank=True)
    located_in = models.CharField(max_length=2, blank=True)
    contact_consent_at = models.DateTimeField(null=True, blank=True)

    # Derived from the screening on every save, for filters and the case list (not personal).
    country = models.CharField(max_length=2, blank=True, db_index=True)
    sector = models.CharField(max_length=30, blank=True, db_index=True)
    stage = models.CharField(max_length=12, blank=True, db_index=True)
    level = models.CharField(max_length=30, blank=True, db_index=True)
    trafficking = models.CharField(max_length=10, blank=True)
    # What produced the stored determination: the case page says when either has changed since.
    knowledge_version = models.CharField(max_length=20, blank=True)
    engine_version = models.CharField(max_length=40, blank=True)

    class Meta:
        indexes = (
            models.Index(fields=["organisation", "-updated_at"]),
            models.Index(fields=["organisation", "assigned_to", "-updated_at"]),
            models.Index(fields=["organisation", "source", "assigned_to"]),
        )

    def __str__(self) -> str:
        return self.reference

    @property
    def level_label(self) -> str:
        return label(LEVELS, self.level)

    @property
    def stage_label(self) -> str:
        return label(STAGES, self.stage)

    @property
    def country_label(self) -> str:
        return label(COUNTRIES, self.country) if self.country else ""

    @property
    def sector_label(self) -> str:
        return label(OPTIONS, self.sector) if self.sector else ""

    @property
    def language_label(self) -> str:
        """The language the person used in the self-check, named in the reader's language."""
        if not self.language:
            return str(_("Not recorded"))
        try:
            return str(get_language_info(self.language)["name_translated"])
        except KeyError:
            return self.language

    @property
    def safe_contact_words(self) -> list[tuple[str, str]]:
        """How the person may be reached safely, in words (personal: shown only to roles that
        see personal data)."""
        found: dict[str, Any] = self.safe_contact if isinstance(self.safe_contact, dict) else {}
        words = [
            (_("How to contact"), CONTACT_HOW, found.get("how")),
            (_("When it is safe"), CONTACT_WHEN, found.get("when")),
            (_("A message may be left"), CONTACT_MESSAGE, found.get("leave_message")),
        ]
        shown = [(str(name), label(table, code)) for name, table, code in words if code]
        if found.get("code_word"):
            shown.append((str(_("Code word to say")), str(found["code_word"])))
        return shown


class NoteKind(models.TextChoices):
    CALL = "call", _("Call")
    VISIT = "visit", _("Visit")
    MEETING = "meeting", _("Meeting")
    MESSAGE = "message", _("Message")
    OTHER = "other", _("Other")


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
    # What the contact was and when it happened (not when it was written down).
    kind = models.CharField(max_length=10, choices=NoteKind.choices, default=NoteKind.OTHER)
    contacted_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"note {self.pk} on case {self.case_id}"


class NoteRevision(models.Model):
    """A note as it was before an edit: editing keeps every earlier wording, who wrote it and
    when it was replaced."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="revisions")
    text = EncryptedTextField()
    kind = models.CharField(max_length=10, choices=NoteKind.choices)
    contacted_on = models.DateField(null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("-replaced_at", "-id")

    def __str__(self) -> str:
        return f"revision {self.pk} of note {self.note_id}"


class Task(models.Model):
    """A follow-up: what to do on a case by when. A legal deadline becomes one with its source
    (the knowledge value it was computed from, and that value's citation)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedTextField()  # may name the person ("call Ma Aye back"): encrypted
    due_on = models.DateField()
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=80, blank=True)  # "deadlines.wage_claim_time_limit"
    citation = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("due_on", "id")
        indexes = (models.Index(fields=["case", "done_at", "due_on"]),)

    def __str__(self) -> str:
        return f"task {self.pk} on case {self.case_id}"

    @property
    def overdue(self) -> bool:
        return self.done_at is None and self.due_on < timezone.localdate()


class AttachmentKind(models.TextChoices):
    PAYSLIP = "payslip", _("Payslip or pay record")
    CONTRACT = "contract", _("Contract")
    DOCUMENT = "document", _("Photo of a passport, ID or permit")
    RECEIPT = "receipt", _("Receipt for a fee or a loan")
    EVIDENCE = "evidence", _("Other evidence (photo, message, receipt)")


class Attachment(models.Model):
    """A file kept with a case (a payslip, a contract, a photo of a document), encrypted at rest
    like the other personal fields: the name and the content are Fernet tokens."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    filename = EncryptedTextField()
    content_type = models.CharField(max_length=40)  # from the file's first bytes, not its name
    size = models.PositiveIntegerField()
    content = EncryptedBytesField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-uploaded_at", "-id")

    def __str__(self) -> str:
        return f"attachment {self.pk} on case {self.case_id}"


class Consent(models.Model):
    """One consent the migrant gave: what may be shared (`scope`), with whom, for which step,
    when it was given and when withdrawn. The planner, referrals and letters read the consents
    in force (not withdrawn); a withdrawal keeps the record, so the history stays."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consent_records")
    scope = models.CharField(max_length=30, choices=list(CONSENTS.items()))
    with_whom = models.CharField(max_length=200, blank=True)  # a provider; blank: any in scope
    step = models.CharField(max_length=80, blank=True)  # a plan step; blank: every step
    given_at = models.DateTimeField(default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = (models.Index(fields=["case", "withdrawn_at"]),)

    def __str__(self) -> str:
        return f"consent {self.scope} on case {self.case_id}"

    @property
    def scope_label(self) -> str:
        return label(CONSENTS, self.scope)


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, not sent yet")
    MADE = "made", _("Referral made")
    ACCEPTED = "accepted", _("Accepted by the provider")
    DECLINED = "declined", _("Declined by the provider")
    CLOSED = "closed", _("Closed with an outcome")


class Outcome(models.TextChoices):
    NONE = "", _("No outcome yet")
    WAGES_RECOVERED = "wages_recovered", _("Wages recovered")
    COMPENSATION = "compensation", _("Compensation paid")
    FEES_REIMBURSED = "fees_reimbursed", _("Recruitment fees reimbursed")
    DOCUMENTS_RETURNED = "documents_returned", _("Documents returned")
    REPATRIATED = "repatriated", _("Repatriated home")
    SHELTERED = "sheltered", _("In a shelter")
    LEGAL_STATUS = "legal_status", _("Legal status regularised")
    NO_RESULT = "no_result", _("Closed without result")


class Referral(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    response_id = models.CharField(max_length=80)
    kind = models.CharField(max_length=40)
    provider_id = models.CharField(max_length=80)
    provider_name = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default="")
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    outcome_note = EncryptedTextField(blank=True, default="")
    # The consent a referral rests on, where the step needs one (police, embassy, identification).
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    # The migrant's consent to share their details with this provider: needed before it is sent.
    share_consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="shared_referrals"
    )
    sent_on = models.DateField(null=True, blank=True)
    contact_person = EncryptedTextField(blank=True, default="")  # at the provider: a name
    due_on = models.DateField(null=True, blank=True)  # when an answer is expected
    responded_on = models.DateField(null=True, blank=True)  # accepted or declined on
    outcome_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"referral {self.pk} to {self.provider_id}"


class ProfessionalDetermination(models.Model):
    """A case worker's own level and trafficking view, with the reason, kept beside the
    engine's and never in its place. The engine's result at that moment is stored with it (its
    level, trafficking answer, findings, and the knowledge and engine versions), so that the
    organisation can count where and why its professionals disagree with the rules."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="professional_determinations"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    level = models.CharField(max_length=30, choices=list(LEVELS.items()))
    trafficking = models.CharField(max_length=10, choices=list(TRAFFICKING_VIEWS.items()))
    reason = EncryptedTextField()
    engine_level = models.CharField(max_length=30)
    engine_trafficking = models.CharField(max_length=10)
    engine_findings = models.JSONField(default=list)  # "indicator:deception", "icls:..."
    knowledge_version = models.CharField(max_length=20)
    engine_version = models.CharField(max_length=40)

    class Meta:
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"professional determination {self.pk} on case {self.case_id}"

    @property
    def disagrees(self) -> bool:
        return (self.level, self.trafficking) != (self.engine_level, self.engine_trafficking)

    @property
    def level_label(self) -> str:
        return label(LEVELS, self.level)

    @property
    def engine_level_label(self) -> str:
        return label(LEVELS, self.engine_level)

    @property
    def trafficking_label(self) -> str:
        return label(TRAFFICKING_VIEWS, self.trafficking)

    @property
    def engine_trafficking_label(self) -> str:
        return label(TRAFFICKING_VIEWS, self.engine_trafficking)


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    CHANGE = "change", _("Changed")
    EXPORT = "export", _("Exported")
    UNREADABLE = "unreadable", _("Could not be decrypted")
    REFUSED = "refused", _("Refused")


class AuditEvent(models.Model):
    """Who saw or changed which case, when. Append-only: nothing in the app edits or deletes it."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)  # kept if the user is deleted
    case_id = models.BigIntegerField(null=True, db_index=True)  # kept if the case is deleted
    case_reference = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=12, choices=AuditAction.choices)
    what = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.case_reference}"


# The actors the accounts name, linked across cases: models of their own module, loaded here so
# that Django finds them in the case-work app.
from .actor_models import (  # noqa: E402, F401
    Actor,
    ActorKind,
    Alias,
    LinkDecision,
    LinkSuggestion,
    PartyStage,
    Verdict,
)
