"""Forms of group cases (see `groups`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..common.forms import NamedErrorsForm
from .models import GroupKind


class GroupNewForm(NamedErrorsForm):
    id_prefix = "group_new"
    kind = forms.ChoiceField(label=_("Who the group is"), choices=GroupKind.choices)
    description = forms.CharField(
        label=_("Description (for example the boat's or the site's name)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GroupJoinForm(NamedErrorsForm):
    id_prefix = "group_join"
    reference = forms.CharField(label=_("Reference of the group"), max_length=20)


class GroupShareForm(NamedErrorsForm):
    id_prefix = "group_share"

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questions"] = forms.MultipleChoiceField(
            label=_("Answers the whole group shares"),
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
