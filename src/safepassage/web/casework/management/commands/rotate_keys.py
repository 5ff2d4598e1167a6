from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from ...crypto import rotate
from ...models import Case, Note, Referral

FIELDS: dict[Any, tuple[str, ...]] = {
    Case: ("name", "phone", "document_number", "account"),
    Note: ("text",),
    Referral: ("outcome_note",),
}


class Command(BaseCommand):
    help = (
        "Re-encrypt all personal data with the first key of SAFEPASSAGE_FIELD_KEYS, so that older "
        "keys can then be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model, fields in FIELDS.items():
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
