from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..casework.models import Organisation
from ..common.forms import NamedErrorsForm


class ContactForm(NamedErrorsForm):
    organisation = forms.ModelChoiceField(
        label=_("Who should contact you"),
        queryset=Organisation.objects.filter(accepts_self_check=True).order_by("name"),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Your name or a nickname (optional)"), max_length=100, required=False
    )
    phone = forms.CharField(label=_("Phone number, LINE or Messenger name"), max_length=60)
    consent = forms.BooleanField(
        label=_(
            "I agree that this organisation keeps my answers and contacts me. Nobody else is told, "
            "and nothing is reported to the police or immigration without my agreement."
        )
    )
