"""Personal data at rest: encrypted with keys from the environment, with keyed hashes for lookup.

Names, phone numbers, document numbers, notes and the account itself are stored as Fernet tokens
(AES-128-CBC + HMAC-SHA256). `SAFEPASSAGE_FIELD_KEYS` holds one or more comma-separated Fernet keys:
the first encrypts, all decrypt, so a key can be rotated by putting a new key first and running
`safepassage manage rotate_keys`. Encrypted columns cannot be searched, so an exact-match lookup
uses a keyed hash (HMAC-SHA256 with `SAFEPASSAGE_HASH_KEY`) of the normalised value: the database
alone reveals neither the value nor, without the key, whether two rows share it.

In development, keys are generated once and kept in the data directory so that demo data survives
a restart; production refuses to start without keys in the environment.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from ...core.actors import phones

log = logging.getLogger("safepassage.crypto")


class Keys:
    def __init__(self, field_keys: list[str], hash_key: str) -> None:
        if not field_keys or not hash_key:
            raise ImproperlyConfigured("Encryption keys are missing.")
        self.field_keys = tuple(field_keys)  # newest first, as configured (rotation re-reads)
        self.fernet = MultiFernet([Fernet(key.encode()) for key in field_keys])
        self.hash_key = hash_key.encode()


def _dev_keys(path: Path) -> dict[str, str]:
    """The development keys in `path`, created once: under an exclusive file lock (every
    process and thread that starts at the same time waits for the first), written to a
    temporary file and renamed into place (a reader never sees half a file), and always read
    back from the file, so that nobody encrypts with a key that is not the one stored."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    with open(lock, "a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        try:
            if not path.exists():
                _write_new_keys(path)
            data: dict[str, str] = json.loads(path.read_text())
        finally:
            fcntl.flock(held.fileno(), fcntl.LOCK_UN)
    return data


def _write_new_keys(path: Path) -> None:
    data = {
        "field_keys": Fernet.generate_key().decode(),
        "hash_key": Fernet.generate_key().decode(),
    }
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(json.dumps(data))
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)


@lru_cache(maxsize=1)
def keys() -> Keys:
    """The keys of this process. Threads that ask at once may each read them, but each reads
    them back from the store (the environment, or the development key file), so all agree."""
    field_keys = os.environ.get("SAFEPASSAGE_FIELD_KEYS", "")
    hash_key = os.environ.get("SAFEPASSAGE_HASH_KEY", "")
    if not (field_keys and hash_key):
        if settings.PRODUCTION:
            raise ImproperlyConfigured(
                "Set SAFEPASSAGE_FIELD_KEYS (Fernet keys, comma-separated, newest first) and "
                "SAFEPASSAGE_HASH_KEY: personal data is never stored unencrypted."
            )
        dev = _dev_keys(Path(settings.DATA_DIR) / "dev-keys.json")
        field_keys, hash_key = field_keys or dev["field_keys"], hash_key or dev["hash_key"]
    return Keys([k.strip() for k in field_keys.split(",") if k.strip()], hash_key)


def encrypt(text: str) -> str:
    return keys().fernet.encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return keys().fernet.decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        # A key was removed before its data was rotated: say so instead of showing garbage.
        raise ImproperlyConfigured(
            "Stored data cannot be decrypted with the configured keys; was a key removed "
            "before `safepassage manage rotate_keys` ran?"
        ) from None


def encrypt_bytes(data: bytes) -> str:
    return keys().fernet.encrypt(data).decode("ascii")


def decrypt_bytes(token: str) -> bytes | None:
    """The bytes, or None when no configured key decrypts them (shown as unreadable)."""
    try:
        return keys().fernet.decrypt(token.encode("ascii"))
    except InvalidToken:
        return None


def rotate(token: str) -> str:
    return keys().fernet.rotate(token.encode("ascii")).decode("ascii")


def normalise(kind: str, value: str, region: str | None = None) -> str:
    """The form of a value that two spellings of the same thing share. A phone number is read
    as E.164 (libphonenumber), a national number in `region` (+66 81 234 5678 = 081 234 5678
    in Thailand), so that numbers of two countries never share a form; one that cannot be
    read keeps its digits."""
    value = unicodedata.normalize("NFC", value).strip()
    if kind == "phone":
        return (phones.normalise(value, region) or re.sub(r"\D", "", value)) if value else ""
    if kind == "document":
        return re.sub(r"[^0-9A-Za-z]", "", value).upper()
    return " ".join(value.casefold().split())


def blind_index(kind: str, value: str, region: str | None = None) -> str:
    """Keyed hash for exact-match search; empty for an empty value."""
    plain = normalise(kind, value, region)
    if not plain:
        return ""
    message = f"{kind}:{plain}".encode()
    return hmac.new(keys().hash_key, message, hashlib.sha256).hexdigest()


# The countries a number typed without its country code may be from, when searching.
PHONE_REGIONS = ("TH", "KH", "LA", "MM", "VN")


def phone_indexes(query: str, region: str | None = None) -> list[str]:
    """The keyed hashes a typed phone number may stand for: as written with its country code,
    or as a national number of `region` (the organisation's) or of any country of the region."""
    found = {blind_index("phone", query, code) for code in (region, *PHONE_REGIONS)}
    return sorted(found - {""})


class Unreadable(str):
    """A stored value that no configured key decrypts: empty text that says so. The page names
    the field, shows the rest, and an administrator is told (see `unreadable_fields`)."""


class UnreadableDict(dict[str, Any]):
    """An encrypted JSON document that no configured key decrypts (read as empty)."""


def _read(field: models.Field[Any, Any], token: str) -> str | None:
    """The plain text of a stored token, or None where no key decrypts it (logged, with the
    model and field but never the data)."""
    try:
        return keys().fernet.decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError):
        model = getattr(field, "model", None)
        log.error(
            "cannot decrypt %s.%s with the configured keys", model and model.__name__, field.name
        )
        return None


def unreadable_fields(record: models.Model, names: tuple[str, ...]) -> list[str]:
    """The encrypted fields of `record` (of `names`) that could not be decrypted."""
    return [n for n in names if isinstance(getattr(record, n), Unreadable | UnreadableDict)]


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; reads give back the plain text (or `Unreadable`)."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        if not value:
            return ""
        plain = _read(self, value)
        return Unreadable() if plain is None else plain

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, Unreadable):
            raise ValueError(f"{self.name}: an unreadable value is never written back")
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


class EncryptedJSONField(models.TextField):
    """A JSON document stored encrypted (the migrant's account)."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if not value:
            return {}
        plain = _read(self, value)
        return UnreadableDict() if plain is None else json.loads(plain)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value) if value else {}
        return value

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, UnreadableDict):
            raise ValueError(f"{self.name}: an unreadable value is never written back")
        return encrypt(json.dumps(value or {}, ensure_ascii=False, sort_keys=True))


class EncryptedBytesField(models.TextField):
    """A file's bytes stored as a Fernet token (an attachment); reads give the bytes back, or
    `Unreadable`. Lists defer it: each read decrypts the whole file."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if not value:
            return b""
        plain = decrypt_bytes(value)
        return Unreadable() if plain is None else plain

    def to_python(self, value: Any) -> Any:
        return value

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, Unreadable):
            raise ValueError(f"{self.name}: an unreadable value is never written back")
        return encrypt_bytes(bytes(value)) if value else ""
