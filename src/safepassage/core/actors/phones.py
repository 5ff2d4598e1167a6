"""Phone numbers as one form (E.164), whatever way a case wrote them: "081 234 5678" on a Thai
case and "+66 81-234-5678" on another are one number. Read with Google's libphonenumber rules
(the `phonenumbers` package), the country of the case as the default for a national number."""

from __future__ import annotations

import phonenumbers

DEFAULT = "TH"  # most numbers in the cases are Thai; a case's own country goes first


def normalise(text: str, country: str | None = None) -> str | None:
    """The number as E.164 ("+66812345678"), or None if it is not a possible number."""
    for region in dict.fromkeys([country or DEFAULT, DEFAULT]):
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return None
