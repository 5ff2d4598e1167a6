"""Log-in form with SafePassage's own (translated) labels and messages.

Django's AuthenticationForm takes its labels from Django's catalogue ("Password") and from the
user model ("username"), which Django translates into neither Lao nor (fully) Burmese, and into
Khmer with old wording: the labels here are SafePassage's own, from its catalogue.
"""

from __future__ import annotations

import os
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm, UsernameField
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .forms import NamedErrorsMixin
from .throttle import hit, seen

# Password spraying: failures from one address across any usernames, counted apart from the
# per-username lockout (django-axes), with a higher limit so that an office behind one address
# is not locked out by a few colleagues' typos.
ADDRESS_FAILURES = "login:failures"
ADDRESS_LIMIT = int(os.environ.get("SAFEPASSAGE_ADDRESS_FAILURE_LIMIT", "20"))
ADDRESS_WINDOW = 15 * 60


@receiver(user_login_failed)
def _count_failure(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    if request is not None:
        hit(ADDRESS_FAILURES, request, ADDRESS_WINDOW)


class LoginForm(NamedErrorsMixin, AuthenticationForm):
    # max_length here, not only as Django sets it after init (the widget's attribute, no
    # validator): an overlong name reached the lockout records and failed on PostgreSQL.
    username = UsernameField(
        label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True})
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {  # noqa: RUF012 (Django reads it as a class attribute)
        "invalid_login": _(
            "Please enter a correct username and password. Both are case-sensitive."
        ),
        "inactive": _("This account is inactive: ask your administrator."),
    }

    def clean(self) -> dict[str, Any]:
        if self.request is not None and (
            seen(ADDRESS_FAILURES, self.request, ADDRESS_WINDOW) >= ADDRESS_LIMIT
        ):
            raise forms.ValidationError(
                _("Too many failed log-ins from this network: try again in 15 minutes."),
                code="address_locked",
            )
        return super().clean()


class SetupPasswordForm(NamedErrorsMixin, SetPasswordForm):
    """Setting one's password from a set-up link, under the password policy, in our words."""

    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters, not only digits, not a common password."),
    )
    new_password2 = forms.CharField(
        label=_("The same password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    error_messages = {  # noqa: RUF012 (Django reads it as a class attribute)
        "password_mismatch": _("The two passwords differ: type the same password twice."),
    }
