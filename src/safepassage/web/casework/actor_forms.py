"""Forms of the actors (see `actors`): a party named on a case, an answer to a suggestion, a
supervisor's legal review."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ...core.actors import phones
from ..common.forms import NamedErrorsForm
from ..common.labels import COUNTRIES
from .actor_models import ActorKind, PartyStage
from .parties import WRITTEN

WORKPLACES = (
    ("", _("Not recorded")),
    ("factory", _("Factory")),
    ("farm", _("Farm or plantation")),
    ("vessel", _("Fishing boat or vessel")),
    ("compound", _("Compound")),
    ("other", _("Other workplace")),
)
MAX_PHONES = 5


class PartyForm(NamedErrorsForm):
    id_prefix = "party"
    kind = forms.ChoiceField(label=_("Who they are"), choices=ActorKind.choices)
    stage = forms.ChoiceField(label=_("When they were involved"), choices=PartyStage.choices)
    name = forms.CharField(
        label=_("Name, as the worker or a document writes it (any script)"), max_length=300
    )
    phones = forms.CharField(
        label=_("Phone numbers (one per line)"),
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    licence = forms.CharField(label=_("Licence number of the agency"), max_length=300,
                              required=False)  # fmt: skip
    workplace = forms.ChoiceField(label=_("Kind of workplace"), choices=WORKPLACES,
                                  required=False)  # fmt: skip
    registration = forms.CharField(label=_("Registration number of the vessel"),
                                   max_length=300, required=False)  # fmt: skip
    flag = forms.ChoiceField(label=_("Flag of the vessel"), required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    language = forms.ChoiceField(label=_("Language for letters to them"), required=False,
                                 choices=[("", _("English")), *settings.LANGUAGES])  # fmt: skip
    version = forms.IntegerField(widget=forms.HiddenInput, label=_("Version"))

    def __init__(self, *args: Any, jobs: list[tuple[str, str]], country: str = "", **kw: Any):
        super().__init__(*args, **kw)
        self.country = country or None
        self.fields["job"] = forms.ChoiceField(
            label=_("Which job"), choices=[("", _("Not one job")), *jobs], required=False
        )
        self.fields["flag"].choices = [("", _("Not recorded")), *COUNTRIES.items()]

    def clean_phones(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["phones"].splitlines()]
        written = [line for line in lines if line]
        if len(written) > MAX_PHONES:
            raise forms.ValidationError(_("Give at most five phone numbers."))
        found = []
        for line in written:
            number = phones.normalise(line, self.country)
            if number is None:
                raise forms.ValidationError(
                    _(
                        "“%(number)s” is not a phone number: write it with its country code, "
                        "for example +66 81 234 5678."
                    )
                    % {"number": line}
                )
            found.append(number)
        return found

    def party(self) -> dict[str, Any]:
        """The cleaned form as a party of the account (see `core.account.Party`)."""
        data = self.cleaned_data
        party = {field: data[field] for field in ("kind", "stage", *WRITTEN) if data.get(field)}
        if data.get("job") not in (None, ""):
            party["job"] = int(data["job"])
        return party


class LinkDecisionForm(NamedErrorsForm):
    suggestion = forms.IntegerField(widget=forms.HiddenInput, label=_("Suggestion"))
    same = forms.TypedChoiceField(
        label=_("Are these one actor?"),
        choices=(("yes", _("Yes, the same")), ("no", _("No, not the same"))),
        coerce=lambda value: value == "yes",
    )


class ReviewForm(NamedErrorsForm):
    id_prefix = "review"
    note = forms.CharField(
        label=_("Legal review: who reviewed naming this actor, and on what basis"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChainLetterForm(NamedErrorsForm):
    id_prefix = "letter"
    kind = forms.ChoiceField(
        label=_("Letter"),
        choices=(
            ("supply_chain_grievance", _("Grievance letter to the buyer or the employer")),
            ("recruitment_fee_reimbursement", _("Claim to pay back recruitment fees")),
        ),
    )
    named = forms.BooleanField(
        label=_("The worker agreed to be named in this letter (otherwise it is anonymous)"),
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, label=_("Version"))
