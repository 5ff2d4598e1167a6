"""The contact request: who should call, how to reach the person safely, and their consent."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..casework.models import Organisation
from ..common.forms import NamedErrorsForm
from ..common.labels import CONTACT_HOW as HOW
from ..common.labels import CONTACT_MESSAGE as MESSAGE
from ..common.labels import CONTACT_WHEN as WHEN


class ContactForm(NamedErrorsForm):
    organisation = forms.ModelChoiceField(
        label=_("Who should contact you"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Your name or a nickname (optional)"), max_length=100, required=False
    )
    phone = forms.CharField(label=_("Phone number, LINE or Messenger name"), max_length=60)
    how = forms.ChoiceField(
        label=_("How should they contact you?"), choices=list(HOW.items()), initial="call",
        widget=forms.RadioSelect,
    )  # fmt: skip
    when = forms.ChoiceField(
        label=_("When is it safe to contact you?"), choices=list(WHEN.items()), initial="any",
        widget=forms.RadioSelect,
    )  # fmt: skip
    leave_message = forms.ChoiceField(
        label=_("May they leave a message if you do not answer?"),
        choices=list(MESSAGE.items()), initial="no", widget=forms.RadioSelect,
    )  # fmt: skip
    code_word = forms.CharField(
        label=_("A code word they will say, so you know it is them (optional)"),
        max_length=40,
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree to be contacted"),
        help_text=_(
            "This organisation keeps your answers and contacts you. Nobody else is told, and "
            "nothing is reported to the police or immigration without your agreement."
        ),
    )

    def __init__(self, *args: Any, country: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        choices = Organisation.objects.filter(accepts_self_check=True)
        # The organisations working where the person works come first; one is chosen already,
        # so that a single Send is enough.
        ordered = sorted(choices, key=lambda org: (org.country != country, org.name))
        field.queryset = choices.order_by("name")
        if ordered:
            field.initial = ordered[0].pk

    def safe_contact(self) -> dict[str, str]:
        """How the person can be reached safely, as the case records it."""
        data = self.cleaned_data
        return {key: data[key] for key in ("how", "when", "leave_message", "code_word")}
