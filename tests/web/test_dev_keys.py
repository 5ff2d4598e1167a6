"""Development keys are created once for every process: many processes of several threads each,
started at once on a fresh data directory, all encrypt with the key that is stored, so a new
process decrypts every token they wrote. (Processes are forked from this one before any key is
read, so each reads its keys on its own, at the same moment as the others.)"""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Any

from django.conf import settings

from safepassage.web.casework import crypto

PROCESSES, THREADS, ATTEMPTS = 12, 4, 20
CONTEXT = multiprocessing.get_context("fork")


def _writer(data_dir: str, barrier: Any, out: Any) -> None:
    settings.DATA_DIR = data_dir
    crypto.keys.cache_clear()
    barrier.wait()  # every process is ready: now all read the keys at once
    tokens: list[str] = []
    threads = [
        threading.Thread(target=lambda n=n: tokens.append(crypto.encrypt(f"secret {n}")))
        for n in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(tokens)


def _reader(data_dir: str, tokens: list[str], out: Any) -> None:
    settings.DATA_DIR = data_dir
    crypto.keys.cache_clear()
    failed = 0
    for token in tokens:
        try:
            crypto.decrypt(token)
        except Exception:  # counting every failure is the point
            failed += 1
    out.put(failed)


def _fresh_start(data_dir: Path) -> tuple[int, int]:
    barrier, out = CONTEXT.Barrier(PROCESSES), CONTEXT.Queue()
    writers = [
        CONTEXT.Process(target=_writer, args=(str(data_dir), barrier, out))
        for _ in range(PROCESSES)
    ]
    for writer in writers:
        writer.start()
    tokens = [token for _ in writers for token in out.get(timeout=60)]
    for writer in writers:
        writer.join(timeout=60)
        assert writer.exitcode == 0
    reader = CONTEXT.Process(target=_reader, args=(str(data_dir), tokens, out))
    reader.start()
    failed = out.get(timeout=60)
    reader.join(timeout=60)
    return len(tokens), failed


def test_it_creates_one_key_for_every_process_that_starts_at_once(tmp_path: Path):
    for attempt in range(ATTEMPTS):
        fresh = tmp_path / f"fresh-{attempt}"
        written, failed = _fresh_start(fresh)
        assert written == PROCESSES * THREADS
        assert failed == 0, f"attempt {attempt}: {failed} of {written} tokens undecryptable"
        assert not list(fresh.glob(".*.tmp"))  # no half-written key file left behind
        assert (fresh / "dev-keys.json").stat().st_mode & 0o777 == 0o600
