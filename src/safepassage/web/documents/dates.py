"""Dates as a document in each language writes them, through ICU's calendars: Thai in the
Buddhist era (4 ธันวาคม 2569), as Thai offices write and expect them; the others in their
own words and digits on the Gregorian calendar (Babel has no Buddhist calendar)."""

from __future__ import annotations

import calendar
from datetime import date

import icu  # PyICU, bundled with ICU (pyicu-wheels)

LOCALES = {
    "th": "th_TH@calendar=buddhist",
    "km": "km_KH",
    "lo": "lo_LA",
    "my": "my_MM",
    "vi": "vi_VN",
    "en": "en_GB",
}


def _format(language: str) -> icu.DateFormat:
    """A new formatter each time: ICU's are not safe to share between threads, and a
    document is made rarely enough that making one (well under a millisecond) costs nothing."""
    found = icu.DateFormat.createDateInstance(
        icu.DateFormat.LONG, icu.Locale(LOCALES.get(language, LOCALES["en"]))
    )
    found.setTimeZone(icu.TimeZone.getGMT())  # a day is a day: no shift across midnight
    return found


def long_date(day: date, language: str) -> str:
    """`day` written out in `language` (an unknown language: British English)."""
    seconds = calendar.timegm(day.timetuple())  # midnight UTC; PyICU takes seconds
    return str(_format(language).format(float(seconds)))
