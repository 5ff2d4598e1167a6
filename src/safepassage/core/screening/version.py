"""The version of the screening engine: what produced a stored determination.

A digest of the rules (rules.yaml), the questions (questions.yaml) and the screening code, so
that any change to how facts are read or weighed gives a new version, with the package version in
front for people.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def engine_version() -> str:
    digest = hashlib.sha256()
    for path in sorted([*HERE.glob("*.py"), *HERE.glob("*.yaml")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    try:
        release = package_version("safepassage")
    except PackageNotFoundError:  # running from a source tree that was not installed
        release = "0"
    return f"{release}+{digest.hexdigest()[:12]}"
