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

import hashlib
import hmac
import json
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


class Keys:
    def __init__(self, field_keys: list[str], hash_key: str) -> None:
        if not field_keys or not hash_key:
            raise ImproperlyConfigured("Encryption keys are missing.")
        self.fernet = MultiFernet([Fernet(key.encode()) for key in field_keys])
        self.hash_key = hash_key.encode()


def _dev_keys(path: Path) -> dict[str, str]:
    if path.exists():
        data: dict[str, str] = json.loads(path.read_text())
        return data
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "field_keys": Fernet.generate_key().decode(),
        "hash_key": Fernet.generate_key().decode(),
    }
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    return data


@lru_cache(maxsize=1)
def keys() -> Keys:
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


def rotate(token: str) -> str:
    return keys().fernet.rotate(token.encode("ascii")).decode("ascii")


def normalise(kind: str, value: str) -> str:
    """The form of a value that two spellings of the same thing share."""
    value = unicodedata.normalize("NFC", value).strip()
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        # The last 8 digits: the same for a number written with its country code or its trunk
        # zero (+66 81 234 5678 = 081 234 5678; +855 12 345 678 = 012 345 678).
        return digits[-8:]
    if kind == "document":
        return re.sub(r"[^0-9A-Za-z]", "", value).upper()
    return " ".join(value.casefold().split())


def blind_index(kind: str, value: str) -> str:
    """Keyed hash for exact-match search; empty for an empty value."""
    plain = normalise(kind, value)
    if not plain:
        return ""
    message = f"{kind}:{plain}".encode()
    return hmac.new(keys().hash_key, message, hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; reads give back the plain text."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value) if value else ""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


class EncryptedJSONField(models.TextField):
    """A JSON document stored encrypted (the migrant's account)."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return {} if not value else json.loads(decrypt(value))

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value) if value else {}
        return value

    def get_prep_value(self, value: Any) -> Any:
        return encrypt(json.dumps(value or {}, ensure_ascii=False, sort_keys=True))
