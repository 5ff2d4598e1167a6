"""Every case's phone index made again from the number read as E.164 (the organisation's
country for a national number), in place of the last eight digits, which numbers of two
countries could share (+66 81 234 5678 and +855 81 234 5678). A number no key decrypts keeps
its index (it cannot be read to make a new one)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def forwards(apps: Any, schema_editor: Any) -> None:
    from safepassage.web.casework.crypto import Unreadable, blind_index

    Case = apps.get_model("casework", "Case")
    for case in Case.objects.exclude(phone_index="").select_related("organisation").iterator():
        if isinstance(case.phone, Unreadable) or not case.phone:
            continue
        index = blind_index("phone", case.phone, case.organisation.country)
        Case.objects.filter(pk=case.pk).update(phone_index=index)


class Migration(migrations.Migration):
    dependencies = [("casework", "0014_receipts")]

    # Going back leaves the new indexes: search by phone needs `rotate_keys` then (no loss).
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
