"""The token page: a person's API tokens, a new one (its text shown this once), revoking one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..casework.access import Action
from ..common.forms import NamedErrorsForm
from ..common.routes import staff
from .tokens import token_create, token_revoke, tokens_of


class TokenForm(NamedErrorsForm):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("For example: the hotline's case system. Only you see it."),
    )


@staff(Action.VIEW)
def token_page(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    made = ""
    if request.method == "POST" and form.is_valid():
        _token, made = token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {"form": form, "made": made, "tokens": tokens_of(request.user)}
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"  # the new token's text must not stay in a cache
    return response


@staff(Action.VIEW)
def token_revoke_view(request: HttpRequest, token_id: int) -> HttpResponse:
    if request.method == "POST":
        token = token_revoke(user=request.user, token_id=token_id)
        messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api_tokens")
