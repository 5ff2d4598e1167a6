"""The password policy with SafePassage's own messages: Django's validators, whose messages
Django's catalogue does not translate into Lao (nor fully into Burmese)."""

from __future__ import annotations

from django.contrib.auth import password_validation as django
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLength(django.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        )

    def get_help_text(self) -> str:
        return ngettext(
            "At least %(min_length)d character.",
            "At least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class UserAttributeSimilarity(django.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _("This password is too close to the username or the name: choose another.")

    def get_help_text(self) -> str:
        return _("Not close to the username or the name.")


class CommonPassword(django.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _("This password is one of the most common ones: choose another.")

    def get_help_text(self) -> str:
        return _("Not a common password.")


class NumericPassword(django.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return _("This password is only digits: add letters or other characters.")

    def get_help_text(self) -> str:
        return _("Not only digits.")
