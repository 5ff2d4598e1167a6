"""The crash harness's question, as a test: on a fresh data directory (no keys yet), concurrent
first requests to a real server (gunicorn, 4 workers of 8 threads) create cases; the server is
killed and started again; every case that was acknowledged decrypts. On the configured database:
PostgreSQL in CI's second run, embedded SQLite otherwise."""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUESTS, STARTS = 32, 3
FORM = "application/x-www-form-urlencoded"
SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from safepassage.web.casework.models import Organisation
print(Organisation.objects.create(name="O", slug="o", country="TH", accepts_self_check=True).pk)
"""
READ_BACK = """
import json
import django
django.setup()
from safepassage.web.casework.crypto import Unreadable
from safepassage.web.casework.models import Case
phones = [c.phone for c in Case.objects.all()]
print(json.dumps({"phones": phones, "unreadable": sum(isinstance(p, Unreadable) for p in phones)}))
"""


@pytest.fixture
def database(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """A fresh database on the configured server, dropped afterwards; None for SQLite (in the
    test's data directory)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    server, name = url.rsplit("/", 1)[0], f"safepassage_first_{os.getpid()}_{request.node.name}"
    name = "".join(ch if ch.isalnum() else "_" for ch in name)[:60]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')  # type: ignore[arg-type]
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def _env(data_dir: Path, database: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SAFEPASSAGE_", "DATABASE"))}
    (data_dir / "static").mkdir(parents=True, exist_ok=True)
    env.update(
        DJANGO_SETTINGS_MODULE="safepassage.web.settings",
        SAFEPASSAGE_ENV="development",
        SAFEPASSAGE_DEBUG="0",
        SAFEPASSAGE_DATA_DIR=str(data_dir),
        SAFEPASSAGE_SECRET_KEY=secrets.token_urlsafe(50),
        SAFEPASSAGE_LOG_LEVEL="WARNING",
        SAFEPASSAGE_CONTACT_LIMIT="100000",  # the burst comes from one address by design
    )  # fmt: skip  (no field keys: development keys, created by the first requests)
    if database:
        env["DATABASE_URL"] = database
    return env


def _start(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    binary = Path(sys.executable).with_name("gunicorn")
    command = [str(binary), "safepassage.web.wsgi:application", "--workers", "4", "--threads",
               "8", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, port
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not listen within 60 s")


def _kill(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGKILL)  # a crash: no shutdown, workers and all
    server.wait(timeout=30)


def _token(port: int) -> str:
    """The contact form's signed token, as a phone gets it by opening the form (a read: it
    creates no key)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", "/check/contact/", "state=", {"Content-Type": FORM})
    page = conn.getresponse().read().decode()
    return page.split('name="token" value="')[1].split('"')[0]


def _contact(port: int, organisation: str, phone: str, token: str) -> bool:
    fields = {"send": "1", "organisation": organisation, "name": "", "phone": phone,
              "consent": "on", "state": "", "token": token, "how": "call", "when": "any",
              "leave_message": "no"}  # fmt: skip
    body = urllib.parse.urlencode(fields)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("POST", "/check/contact/", body, {"Content-Type": FORM})
    response = conn.getresponse()
    return response.status == 200 and b"will contact you" in response.read()


@pytest.mark.parametrize("start", range(STARTS))
def test_every_acknowledged_first_write_decrypts_after_a_restart(
    tmp_path: Path, start: int, database: str | None
):
    env = _env(tmp_path, database)
    run = {"env": env, "cwd": ROOT, "capture_output": True, "text": True, "check": True}
    organisation = subprocess.run([sys.executable, "-c", SETUP], **run).stdout.split()[-1]  # type: ignore[call-overload]
    assert not (tmp_path / "dev-keys.json").exists()  # the first requests create the keys
    server, port = _start(env)
    try:
        phones = [f"+66 81 {start}{n:02d} {n:04d}" for n in range(REQUESTS)]
        token = _token(port)
        with ThreadPoolExecutor(REQUESTS) as pool:  # all at once, the server's first writes
            answers = list(pool.map(lambda p: _contact(port, organisation, p, token), phones))
        acknowledged = [p for p, ok in zip(phones, answers, strict=True) if ok]
    finally:
        _kill(server)
    server, _ = _start(env)  # started again after the crash
    _kill(server)
    found = json.loads(subprocess.run([sys.executable, "-c", READ_BACK], **run).stdout)  # type: ignore[call-overload]
    assert len(acknowledged) == REQUESTS
    assert found["unreadable"] == 0
    assert set(acknowledged) <= set(found["phones"])
