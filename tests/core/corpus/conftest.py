from __future__ import annotations

import pytest

from safepassage.core.knowledge import load_knowledge
from safepassage.core.screening import Screener


@pytest.fixture(scope="session")
def screener() -> Screener:
    return Screener(load_knowledge(env={}))
