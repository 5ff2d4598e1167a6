"""Log-in form with SafePassage's own (translated) messages."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .forms import NamedErrorsMixin


class LoginForm(NamedErrorsMixin, AuthenticationForm):
    error_messages = {  # noqa: RUF012 (Django reads it as a class attribute)
        "invalid_login": _(
            "Please enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": _("This account is inactive: ask your administrator."),
    }
