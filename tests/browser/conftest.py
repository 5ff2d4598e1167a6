"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Playwright cannot download its own browser here, so it drives /usr/bin/chromium (installed by
`.ci/run`; `apt-get install chromium` on a laptop). The tests are not skipped when it is missing:
they fail, because CI must run them.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop beside the ORM

CHROMIUM = os.environ.get("SAFEPASSAGE_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
SMALL_PHONE = {"width": 360, "height": 640}  # the first screen of a cheap phone


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox"]}


@pytest.fixture(autouse=True)
def _fast_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
