"""Published data beside the organisation's own: CTDC's datasets and UNODC's GLOTIP, imported
from their files (every row imported or refused with its reason, in one transaction), and the
summaries the pages show of them."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from django.db import transaction

from ...core.analytics.ctdc import (
    CtdcRecord,
    CtdcVpRecord,
    ImportReport,
    SourceError,
    read_global,
    read_vp_synthetic,
)
from ...core.analytics.glotip import GlotipRecord, latest_official, read_glotip
from .models import CTDC_GLOBAL, CTDC_SYNTHETIC, GLOTIP, PublishedRecord, PublishedSource

CORRIDORS = ("MMR", "KHM", "LAO", "VNM", "THA")  # nationalities compared
OFFICIAL_COUNTRIES = ("THA", "MYS", "KHM", "LAO", "MMR", "VNM")  # countries of work and origin
OFFICIAL_INDICATORS = ("detected_victims", "prosecuted", "convicted")
OnRow = Callable[[int], None]


def ctdc_kind(path: Path) -> str:
    """Which CTDC dataset a CSV file is, from its header (each names the year differently)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise SourceError(f"{path.name}: cannot be read as a CSV file ({error})") from error
    if "yearOfRegistration" in header:
        return CTDC_GLOBAL
    if "yearRegister" in header:
        return CTDC_SYNTHETIC
    raise SourceError(
        f"{path.name}: neither CTDC dataset (no yearOfRegistration column, as the Global "
        "Dataset has, and no yearRegister column, as the synthetic dataset has)"
    )


def read_source(kind: str, path: Path, on_row: OnRow | None = None) -> ImportReport[Any]:
    readers: dict[str, Callable[..., ImportReport[Any]]] = {
        CTDC_GLOBAL: read_global,
        CTDC_SYNTHETIC: read_vp_synthetic,
        GLOTIP: read_glotip,
    }
    return readers[kind](path, on_row)


@transaction.atomic
def published_import(*, kind: str, report: ImportReport[Any]) -> PublishedSource:
    """Replace the dataset of `kind` with what `report` read: all of it or, on any failure,
    none of it (the earlier import stays)."""
    PublishedSource.objects.filter(kind=kind).delete()
    source = PublishedSource.objects.create(
        kind=kind,
        file_name=report.source,
        rows=report.rows,
        refused=[r.model_dump() for r in report.refused],
        summary=SUMMARIES[kind](report.records),
    )
    PublishedRecord.objects.bulk_create(
        (PublishedRecord(source=source, data=r.model_dump(mode="json")) for r in report.records),
        batch_size=2000,
    )
    return source


def _ctdc_global(records: Sequence[CtdcRecord]) -> dict[str, Any]:
    """Cases by citizenship: all, forced labour, sexual exploitation, neither recorded."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        if r.citizenship is None:
            continue
        counts = found[r.citizenship]
        counts["total"] += 1
        counts["forced_labour"] += r.forced_labour is True
        counts["sexual_exploitation"] += r.sexual_exploitation is True
        counts["unknown"] += r.forced_labour is None and r.sexual_exploitation is None
    years = sorted({r.year for r in records if r.year is not None})
    span = [years[0], years[-1]] if years else []
    return {"by_citizenship": {k: dict(v) for k, v in found.items()}, "years": span}


def _ctdc_synthetic(records: Sequence[CtdcVpRecord]) -> dict[str, Any]:
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        counts = found[r.citizenship_region or "unknown"]
        counts["total"] += 1
        counts["forced_labour"] += r.forced_labour is True
        counts["sexual_exploitation"] += r.sexual_exploitation is True
    return {"by_region": {k: dict(v) for k, v in found.items()}}


def _glotip(records: Sequence[GlotipRecord]) -> dict[str, Any]:
    """The latest official figure of each indicator for the region's countries, with the
    years missing, as published (never summed from breakdowns)."""
    return {
        iso: {
            indicator: latest_official(records, iso, indicator).model_dump(mode="json")  # type: ignore[arg-type]
            for indicator in OFFICIAL_INDICATORS
        }
        for iso in OFFICIAL_COUNTRIES
    }


SUMMARIES: dict[str, Callable[[Sequence[Any]], dict[str, Any]]] = {
    CTDC_GLOBAL: _ctdc_global,
    CTDC_SYNTHETIC: _ctdc_synthetic,
    GLOTIP: _glotip,
}


def summary(kind: str) -> dict[str, Any] | None:
    found = PublishedSource.objects.filter(kind=kind).values_list("summary", flat=True).first()
    return found
