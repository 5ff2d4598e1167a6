"""The demo's statistics: a first release of the demo organisation's cases, and the published
datasets beside them where their files are on this machine (they are third-party data, never
copied into the repository: `SAFEPASSAGE_SHARED_DATA`, or `../shared/data` beside it)."""

from __future__ import annotations

from pathlib import Path

from ...core.analytics import sources
from ..casework.models import Organisation
from .models import CTDC_GLOBAL, CTDC_SYNTHETIC, GLOTIP, PublishedSource, Release, ReleaseKind
from .published import published_import, read_source
from .services import release_make

FILES = {
    CTDC_GLOBAL: "ctdc/ctdc_global_2020_subset.csv",
    CTDC_SYNTHETIC: "ctdc/CTDC_VPsynthetic_condensed.csv",
    GLOTIP: "unodc-glotip/unodc_data_glotip.xlsx",
}


def shared_data() -> Path:
    return sources.shared_data() or Path("shared/data")  # absent: nothing is imported


def seed_statistics() -> list[str]:
    """Make the demo's first release and import what published data is found; what was done,
    as lines to print."""
    done = []
    for kind, name in FILES.items():
        path = shared_data() / name
        if path.is_file() and not PublishedSource.objects.filter(kind=kind).exists():
            published_import(kind=kind, report=read_source(kind, path))
            done.append(f"imported {path.name}")
    demo = Organisation.objects.filter(slug="demo", is_demo=True).first()
    if demo is not None and not Release.objects.filter(organisation=demo).exists():
        made = release_make(organisation=demo, kind=ReleaseKind.SCHEDULED)
        done.append(f"release {made.pk} of the demo cases")
    return done
