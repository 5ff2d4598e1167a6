"""The SQLite file holds encrypted personal data and its indexes: only its owner may read it,
and a file an older release left readable to others is closed on start."""

from __future__ import annotations

import stat
from pathlib import Path

from safepassage.web.settings import _private_file


def test_it_creates_the_database_file_for_its_owner_only(tmp_path: Path):
    path = tmp_path / "data" / "safepassage.sqlite3"
    _private_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0


def test_it_closes_a_file_left_readable_to_others(tmp_path: Path):
    path = tmp_path / "safepassage.sqlite3"
    path.write_bytes(b"")
    path.chmod(0o644)
    _private_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
