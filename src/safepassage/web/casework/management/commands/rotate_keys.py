from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ...crypto import EncryptedBytesField, EncryptedJSONField, EncryptedTextField, rotate


def encrypted_fields() -> dict[Any, tuple[str, ...]]:
    """Every encrypted column of every model, found from the fields' types: a field added later
    is rotated without anyone remembering to list it (the safe-contact answers, the follow-ups'
    titles and the professional's reasons once were not)."""
    found: dict[Any, tuple[str, ...]] = {}
    for model in apps.get_models():
        names = tuple(
            f.column
            for f in model._meta.concrete_fields
            if isinstance(f, EncryptedTextField | EncryptedJSONField | EncryptedBytesField)
        )
        if names:
            found[model] = names
    return found


class Command(BaseCommand):
    help = (
        "Re-encrypt all personal data with the first key of SAFEPASSAGE_FIELD_KEYS, so that older "
        "keys can then be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model, fields in encrypted_fields().items():
            with transaction.atomic():
                # Raw SQL: the rows hold tokens, which the ORM would decrypt on the way out.
                for pk in model.objects.values_list("pk", flat=True).iterator():
                    total += _rotate_row(model, pk, fields)
        self.stdout.write(f"Re-encrypted {total} values.")


def _rotate_row(model: Any, pk: int, fields: tuple[str, ...]) -> int:
    from django.db import connection

    table = model._meta.db_table
    columns = ", ".join(connection.ops.quote_name(f) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = %s", [pk])
        row = cursor.fetchone()
        updates = {f: rotate(v) for f, v in zip(fields, row, strict=True) if v}
        if updates:
            sets = ", ".join(f"{connection.ops.quote_name(f)} = %s" for f in updates)
            cursor.execute(f"UPDATE {table} SET {sets} WHERE id = %s", [*updates.values(), pk])
    return len(updates)
