"""Translation for text outside Django (CLI, core descriptions): gettext, whole sentences.

The web edge uses Django's own gettext with the same message ids; this module serves the
command line and the core, which must not import Django.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
_translation = _gettext.translation("django", LOCALE_DIR, fallback=True)


def _(message: str) -> str:
    return _translation.gettext(message)


def activate(language: str) -> None:
    """Switch the CLI's language (falls back to English for messages not yet translated)."""
    global _translation
    _translation = _gettext.translation("django", LOCALE_DIR, [language], fallback=True)


def N_(message: str) -> str:
    """Mark a message for translation without translating it yet (translated when shown)."""
    return message
