from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "safepassage.web.settings")


def published_data() -> Path:
    """The published datasets the importers are tested on (third-party data, beside the
    checkout, never in it: see `safepassage.core.analytics.sources`). Missing, the tests that
    read them fail, naming where they were looked for: CI must run them."""
    from safepassage.core.analytics.sources import shared_data

    found = shared_data()
    if found is None:
        raise RuntimeError(
            "The published datasets (CTDC, UNODC GLOTIP, HTCDS) were not found beside the "
            "checkout or in /work/shared: set SAFEPASSAGE_SHARED to the folder holding data/."
        )
    return found
