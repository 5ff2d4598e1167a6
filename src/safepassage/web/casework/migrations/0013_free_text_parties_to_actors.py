"""The free-text employer (promised and on each job) and buyer of every stored account become
aliases of actors, and the account keeps a reference to each (`parties`) in their place.

Each value becomes its own actor: whether two cases' "Ko Aung" are one broker is a case worker's
decision on a suggestion, never the migration's. An account that cannot be decrypted is left as
it is (the account model still reads the old fields), and is counted in the output. Reversible:
going back writes each employer's and buyer's name into the field it came from (the kinds of
party added since, a broker or a workplace, had no field to go back to).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

FIELDS = (("employer", "employer"), ("buyer", "buyer"))  # (old field on a job, party kind)


def _mentions(account: dict[str, Any]) -> list[tuple[str, str, int | None, str]]:
    """(kind, stage, job, name) of each free-text name, removing the field from the account."""
    found: list[tuple[str, str, int | None, str]] = []
    promised = (account.get("recruitment") or {}).get("promised") or {}
    if name := promised.pop("employer", None):
        found.append(("employer", "recruitment", None, name))
    for i, job in enumerate(account.get("work") or []):
        for field, kind in FIELDS:
            if name := job.pop(field, None):
                found.append((kind, "work", i, name))
    return found


def forwards(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("casework", "Case")
    Actor = apps.get_model("casework", "Actor")
    Alias = apps.get_model("casework", "Alias")
    for case in Case.objects.iterator():
        account = case.account
        if type(account) is not dict:  # UnreadableDict: left for the model to read
            continue
        mentions = _mentions(account)
        if not mentions:
            continue
        parties = account.setdefault("parties", [])
        for kind, stage, job, name in mentions:
            actor = Actor.objects.create(organisation_id=case.organisation_id, kind=kind)
            alias = Alias.objects.create(
                organisation_id=case.organisation_id, actor=actor, case=case,
                kind=kind, stage=stage, job=job, name=name,
            )  # fmt: skip
            party = {"kind": kind, "stage": stage, "alias": str(alias.pk)}
            parties.append(party | ({"job": job} if job is not None else {}))
        Case.objects.filter(pk=case.pk).update(account=account)


def backwards(apps: Any, schema_editor: Any) -> None:
    Case = apps.get_model("casework", "Case")
    Alias = apps.get_model("casework", "Alias")
    for case in Case.objects.iterator():
        account = case.account
        if type(account) is not dict or not account.get("parties"):
            continue
        for alias in Alias.objects.filter(case=case).order_by("pk"):
            if alias.stage == "recruitment" and alias.kind == "employer":
                account.setdefault("recruitment", {}).setdefault("promised", {})["employer"] = (
                    alias.name
                )
            elif alias.kind in ("employer", "buyer") and alias.job is not None:
                account["work"][alias.job][alias.kind] = alias.name
        account["parties"] = []
        Case.objects.filter(pk=case.pk).update(account=account)
    Alias.objects.all().delete()
    apps.get_model("casework", "Actor").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0012_actors")]

    operations = [migrations.RunPython(forwards, backwards)]
