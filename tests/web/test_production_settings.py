"""Production settings pass Django's deployment checks, and refuse to start without secrets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

PRODUCTION = {
    "SAFEPASSAGE_ENV": "production",
    "SAFEPASSAGE_SECRET_KEY": "x" * 20 + Fernet.generate_key().decode() + "y" * 20,
    "SAFEPASSAGE_FIELD_KEYS": Fernet.generate_key().decode(),
    "SAFEPASSAGE_HASH_KEY": Fernet.generate_key().decode(),
    "SAFEPASSAGE_ALLOWED_HOSTS": "safepassage.example.org",
}


def _manage(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SAFEPASSAGE_")}
    clean.update(env, SAFEPASSAGE_DATA_DIR=str(tmp_path))
    clean.pop("DATABASE_URL", None)
    clean.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests, never in production
    command = [sys.executable, "-m", "django", *args, "--settings=safepassage.web.settings"]
    return subprocess.run(command, env=clean, capture_output=True, text=True, timeout=120)


def test_it_passes_the_deployment_checks(tmp_path: Path):
    result = _manage(tmp_path, PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_refuses_to_start_without_a_secret_key(tmp_path: Path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SAFEPASSAGE_SECRET_KEY"}
    result = _manage(tmp_path, env, "check")
    assert result.returncode != 0
    assert "SAFEPASSAGE_SECRET_KEY" in result.stderr


def test_it_refuses_to_store_personal_data_without_keys(tmp_path: Path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SAFEPASSAGE_FIELD_KEYS"}
    code = (
        "import django; django.setup();"
        "from safepassage.web.casework.crypto import encrypt; encrypt('x')"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SAFEPASSAGE_")}
    clean.update(
        env, SAFEPASSAGE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="safepassage.web.settings"
    )
    result = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)
    assert result.returncode != 0
    assert "SAFEPASSAGE_FIELD_KEYS" in result.stderr
    assert not (tmp_path / "dev-keys.json").exists()
