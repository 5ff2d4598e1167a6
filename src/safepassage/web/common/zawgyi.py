"""Burmese typed in Zawgyi (the legacy font encoding many phones still use) becomes Unicode.

Zawgyi reuses the code points of the Myanmar Unicode block for visual glyph pieces, so the same
bytes are either encoding and only a model can tell which one a person typed.

Detection: Google's ``myanmartools`` model (``ZawgyiDetector``). It returns ``-inf`` for text with
no Burmese characters; such text (and anything without a Myanmar-block code point, checked first
because that is nearly free) is returned as it is. Text is converted only when the model is at
least 95 % sure it is Zawgyi: Unicode Burmese misread as Zawgyi would be damaged by conversion,
while Zawgyi left alone is merely hard to read.

Conversion: ICU's ``Zawgyi-my`` transliterator (CLDR's rules, what Google and Facebook use), through
PyICU as packaged with its own ICU by the ``pyicu-wheels`` binary wheels (Linux x86-64/aarch64,
macOS, Windows; CPython 3.10-3.14), so nothing is compiled against a system ICU on anyone's
machine. A hand-copied rule table (e.g. Rabbit's) was the alternative; ICU's rules are maintained
with CLDR and cover more of Zawgyi's reordering cases. ``pyicu-wheels`` and ``PyICU`` both provide
the ``icu`` module: either one works here.

Idempotence: the converted text is kept only if it no longer looks like Zawgyi to the model (or
converting it again would not change it); otherwise the input is returned unchanged. So
``to_unicode(to_unicode(s)) == to_unicode(s)`` for every ``s``, and a form saved twice is not
converted twice.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import cache
from typing import Any

ZAWGYI_THRESHOLD = 0.95
"""Above this the text is taken for Zawgyi: the myanmar-tools README's threshold for automatic
conversion ("fewer than 1% of Unicode strings will be wrongly flagged")."""

_MYANMAR = re.compile("[\u1000-\u109f]")
_LOCK = threading.Lock()  # ICU transliterators are not documented as safe to share across threads


@cache
def _detector() -> Any:
    from myanmartools import ZawgyiDetector

    with warnings.catch_warnings():  # myanmartools 1.2 reads its model with a deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


@cache
def _transliterator() -> Any:
    import icu

    return icu.Transliterator.createInstance("Zawgyi-my")


def zawgyi_probability(text: str) -> float:
    """The model's probability that ``text`` is Zawgyi; ``-inf`` when it has no Burmese at all."""
    if not _MYANMAR.search(text):
        return float("-inf")
    return float(_detector().get_zawgyi_probability(text))


def _convert(text: str) -> str:
    with _LOCK:
        return str(_transliterator().transliterate(text))


def to_unicode(text: str) -> str:
    """``text`` in Unicode: converted from Zawgyi when it is confidently Zawgyi, else unchanged."""
    if zawgyi_probability(text) <= ZAWGYI_THRESHOLD:
        return text
    converted = _convert(text)
    if converted == text:
        return text
    if zawgyi_probability(converted) <= ZAWGYI_THRESHOLD or _convert(converted) == converted:
        return converted
    return text
