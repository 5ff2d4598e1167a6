"""Where the published datasets are on this machine. They are third-party data (CTDC, UNODC,
IOM's HTCDS files), never copied into the repository: `SAFEPASSAGE_SHARED` names the folder
that holds `data/` and `reference/`; otherwise the first `shared/` beside the checkout or any
folder above it, then this workplace's own (/work/shared)."""

from __future__ import annotations

import os
from pathlib import Path

WORKPLACE = Path("/work/shared")


def shared_root() -> Path | None:
    named = os.environ.get("SAFEPASSAGE_SHARED")
    if named:
        return Path(named)
    here = Path(__file__).resolve()
    for folder in [*(parent / "shared" for parent in here.parents), WORKPLACE]:
        if (folder / "data").is_dir():
            return folder
    return None


def shared_data() -> Path | None:
    root = shared_root()
    return root / "data" if root is not None else None
