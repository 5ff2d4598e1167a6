"""Case-work forms. Every message names its field (see common.forms); hidden `version` fields
carry what the editor saw, for optimistic concurrency."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...core.interview import questions
from ...core.responses.plan import CONSENTS, GOALS
from ..common.forms import FastSelect, NamedErrorsForm
from ..common.labels import CONSENTS as CONSENT_LABELS
from ..common.labels import COUNTRIES, LEVELS, OPTIONS, STAGES, TRAFFICKING_VIEWS
from ..common.labels import GOALS as GOAL_LABELS
from .models import (
    AttachmentKind,
    CaseStatus,
    ClosureReason,
    NoteKind,
    Outcome,
    ReferralStatus,
    Role,
)

ANY = [("", _("Any"))]
DATE = forms.DateInput(attrs={"type": "date"})
IN_THE_FUTURE = _("“%(field)s” cannot be in the future.")


def not_in_the_future(found: date | None) -> None:
    """A date of something that has happened (a contact, a referral sent, a job's end)."""
    if found is not None and found > timezone.localdate():
        raise forms.ValidationError(IN_THE_FUTURE)


SECTORS = [(code, OPTIONS[code]) for code in questions()["work.sector"].options]


class CaseDetailsForm(NamedErrorsForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    document_number = forms.CharField(
        label=_("Passport or ID number"), max_length=60, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data.get("phone", "").strip()
        if phone and sum(ch.isdigit() for ch in phone) < 6:
            raise forms.ValidationError(
                _("“%(field)s” needs at least 6 digits, e.g. +66 81 234 5678.")
            )
        return phone


class PlanRequestForm(NamedErrorsForm):
    goals = forms.MultipleChoiceField(
        label=_("What the migrant wants"),
        choices=[(g, GOAL_LABELS[g]) for g in GOALS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consents = forms.MultipleChoiceField(
        label=_("What the migrant agrees to"),
        choices=[(c, CONSENT_LABELS[c]) for c in CONSENTS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    located_in = forms.ChoiceField(
        label=_("Where the migrant is now"),
        choices=[("", _("As the account says")), *COUNTRIES.items()],
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(NamedErrorsForm):
    kind = forms.ChoiceField(
        label=_("Kind of contact"), choices=NoteKind.choices, initial="call", required=False
    )
    contacted_on = forms.DateField(
        label=_("Date of the contact"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty if it was today."),
    )
    text = forms.CharField(label=_("Note"), max_length=5000, widget=forms.Textarea)

    def clean_kind(self) -> str:
        return str(self.cleaned_data.get("kind") or NoteKind.OTHER)

    def clean_contacted_on(self) -> date:
        found: date | None = self.cleaned_data.get("contacted_on")
        not_in_the_future(found)
        return found or timezone.localdate()


class NoteEditForm(NoteForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReferralForm(NamedErrorsForm):
    response_id = forms.CharField(max_length=80, widget=forms.HiddenInput, label=_("Response"))
    provider_id = forms.CharField(max_length=80, label=_("Provider"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class CatalogueReferralForm(NamedErrorsForm):
    """A referral to any provider of the catalogue, not only those of the plan's steps."""

    id_prefix = "catalogue"

    provider = forms.ChoiceField(label=_("Refer to another provider"), choices=())
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, choices: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [("", "—"), *choices]


# The currencies an amount can be in, by name, so that "baht" cannot become "BAH".
CURRENCY_NAMES: dict[str, Any] = {
    "THB": _("Thai baht (THB)"),
    "MMK": _("Myanmar kyat (MMK)"),
    "KHR": _("Cambodian riel (KHR)"),
    "LAK": _("Lao kip (LAK)"),
    "VND": _("Vietnamese dong (VND)"),
    "USD": _("US dollar (USD)"),
    "MYR": _("Malaysian ringgit (MYR)"),
}


class CurrencyField(forms.ChoiceField):
    """A currency chosen from the list; a code typed in any case is read as its upper case."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).strip().upper()


class ReferralUpdateForm(NamedErrorsForm):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices, required=False)
    amount = forms.DecimalField(
        label=_("Amount recovered"), min_value=0, max_digits=12, decimal_places=2, required=False
    )
    currency = CurrencyField(
        label=_("Currency"), choices=[("", "—"), *CURRENCY_NAMES.items()], required=False
    )
    outcome_note = forms.CharField(
        label=_("What happened"), max_length=2000, required=False, widget=forms.Textarea
    )
    share_agreed = forms.BooleanField(required=False, label=_("Consent to share"))
    sent_on = forms.DateField(label=_("Date sent"), required=False, widget=DATE)
    contact_person = forms.CharField(
        label=_("Contact person at the provider"), max_length=200, required=False
    )
    due_on = forms.DateField(label=_("Answer expected by"), required=False, widget=DATE)
    responded_on = forms.DateField(
        label=_("Date accepted or declined"), required=False, widget=DATE
    )
    outcome_on = forms.DateField(label=_("Date of the outcome"), required=False, widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_order = (
        "status", "share_agreed", "sent_on", "contact_person", "due_on", "responded_on",
        "outcome", "outcome_on", "amount", "currency", "outcome_note",
    )  # fmt: skip

    def __init__(self, *args: Any, provider: str = "", shared: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["share_agreed"]
        field.label = _("The migrant agrees that their details are shared with %(provider)s") % {
            "provider": provider
        }
        if shared:  # given already: shown as such, not asked again
            field.disabled, field.initial = True, True
            field.help_text = _("Recorded in the case's consents.")
        else:
            field.help_text = _("Needed before the referral is sent. Ask the migrant first.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amount") is not None and not data.get("currency"):
            self.add_error("currency", _("“%(field)s” is needed with an amount, e.g. THB."))
        for name in ("sent_on", "responded_on", "outcome_on"):
            try:
                not_in_the_future(data.get(name))
            except forms.ValidationError as error:
                self.add_error(name, error)
        return data


SORTS = [
    ("updated", _("Last changed")),
    ("follow_up", _("Next follow-up")),
    ("level", _("Level, most serious first")),
    ("reference", _("Reference")),
    ("status", _("Status")),
]


class CaseFilterForm(NamedErrorsForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_(
            "Part of a case reference, or a full name, phone number or document number exactly "
            "as it was written: names are stored encrypted, so a part of a name finds nothing."
        ),
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=ANY + list(COUNTRIES.items()), required=False
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=ANY + SECTORS, required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=ANY + list(STAGES.items()), required=False)
    level = forms.ChoiceField(label=_("Level"), choices=ANY + list(LEVELS.items()), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=ANY + CaseStatus.choices, required=False)
    assigned = forms.ChoiceField(label=_("Assigned to"), choices=(), required=False)
    overdue = forms.BooleanField(label=_("Only with a follow-up overdue"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def __init__(self, *args: Any, personal: bool = True, people: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # on every list page: the quick selects
            if type(field.widget) is forms.Select:
                field.widget = FastSelect(choices=field.widget.choices)
        if not personal:  # searching names, phones and documents would re-identify people
            del self.fields["q"]
        workers = [(str(p.pk), p.get_full_name() or p.username) for p in people]
        mine = [("me", _("Me")), ("nobody", _("Nobody yet"))]
        self.fields["assigned"].choices = [*ANY, *mine, *workers]


class ProfessionalDeterminationForm(NamedErrorsForm):
    """The case worker's own view, recorded beside the engine's (never replacing it)."""

    level = forms.ChoiceField(label=_("Your level"), choices=list(LEVELS.items()))
    trafficking = forms.ChoiceField(
        label=_("Your view on trafficking"), choices=list(TRAFFICKING_VIEWS.items())
    )
    reason = forms.CharField(
        label=_("Why (what the engine missed or over-read)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(NamedErrorsForm):
    """Whom to give the case to: a case worker of the organisation (the choices are set per
    user, so nobody outside it can be chosen)."""

    id_prefix = "assign"

    assignee = forms.TypedChoiceField(
        label=_("Assign to"), coerce=int, choices=(), widget=FastSelect
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, people: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(p.pk, p.get_full_name() or p.username) for p in people]
        self.fields["assignee"].choices = [("", "—"), *choices]


class TaskForm(NamedErrorsForm):
    id_prefix = "task"
    title = forms.CharField(label=_("What to do"), max_length=300)
    due_on = forms.DateField(label=_("By when"), widget=DATE)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DeadlineTaskForm(NamedErrorsForm):
    """A legal deadline as a follow-up: the date its time runs from, which the account does
    not hold (the interview asks no dates)."""

    id_prefix = "deadline"

    deadline = forms.CharField(max_length=80, widget=forms.HiddenInput, label=_("Deadline"))
    start = forms.DateField(label=_("Date the time runs from"), widget=DATE)

    def clean_start(self) -> date:
        found: date = self.cleaned_data["start"]
        not_in_the_future(found)
        return found


class ClosureForm(NamedErrorsForm):
    id_prefix = "closure"
    reason = forms.ChoiceField(label=_("Why the case can close"), choices=ClosureReason.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class ClosureDecisionForm(NamedErrorsForm):
    id_prefix = "decision"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Close the case")), ("send_back", _("Keep the case open"))],
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class UserCreateForm(NamedErrorsForm):
    id_prefix = "new_user"

    username = forms.RegexField(label=_("Username"), max_length=150, regex=r"^[A-Za-z0-9._-]{3,}$")
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["invalid"] = _(
            "“%(field)s”: use 3 or more letters, digits, dots, dashes or underscores."
        )


class RoleForm(NamedErrorsForm):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


# The files an attachment may be, by their first bytes (never by the name the sender gave).
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def sniff(head: bytes) -> str | None:
    """The content type of a file from its first bytes: PDF, PNG, JPEG or WebP; else None."""
    for magic, kind in SIGNATURES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


class AttachmentForm(NamedErrorsForm):
    id_prefix = "attachment"

    kind = forms.ChoiceField(label=_("What it is"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("File (PDF, JPEG, PNG or WebP)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.ATTACHMENT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("“%(field)s” is too large: at most %(limit)s MB. Choose the file again."),
                params={"limit": f"{limit / 1024 / 1024:g}"},
            )
        head = upload.read(16)
        upload.seek(0)
        found = sniff(head)
        if found is None:
            raise forms.ValidationError(
                _("“%(field)s” must be a PDF, JPEG, PNG or WebP file. Choose the file again.")
            )
        upload.sniffed = found
        return upload
