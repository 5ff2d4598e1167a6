"""Cases taken by intake before cases had a worker become their creator's, when the creator
still works cases in the same organisation; self-check requests stay in the inbox."""

from typing import Any

from django.db import migrations

WORKING_ROLES = ("case_worker", "supervisor", "administrator")


def assign(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("casework", "Case")
    Membership = apps.get_model("casework", "Membership")
    workers = {
        (m.user_id, m.organisation_id)
        for m in Membership.objects.filter(role__in=WORKING_ROLES, user__is_active=True)
    }
    pending = Case.objects.filter(source="intake", assigned_to__isnull=True).exclude(
        created_by__isnull=True
    )
    for case in pending.only("id", "created_by_id", "organisation_id", "created_at"):
        if (case.created_by_id, case.organisation_id) in workers:
            Case.objects.filter(pk=case.pk).update(
                assigned_to_id=case.created_by_id, assigned_at=case.created_at
            )


class Migration(migrations.Migration):
    dependencies = [("casework", "0009_attachments")]
    operations = [migrations.RunPython(assign, migrations.RunPython.noop)]
