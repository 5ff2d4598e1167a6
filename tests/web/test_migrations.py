from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_it_has_a_migration_for_every_model_change():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_it_runs_on_the_configured_database(django_db_setup):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def migrated(*target: tuple[str, str]) -> Any:
    """The database migrated to `target` (forwards or back), and its models as they were."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(list(target))
    return executor.loader.project_state(list(target)).apps


def migrated_to_the_latest() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_it_turns_each_consent_code_into_a_consent_record():
    """0002 moves the consents a case held as a list of codes into records of their own."""
    old = migrated(("casework", "0001_initial"))
    org = old.get_model("casework", "Organisation").objects.create(name="O", slug="o", country="TH")
    old.get_model("casework", "Case").objects.create(
        organisation=org, reference="O-1", consents=["police", "embassy"]
    )
    new = migrated(("casework", "0002_consents_and_professional_determinations"))
    records = new.get_model("casework", "Consent").objects.all()
    assert sorted(r.scope for r in records) == ["embassy", "police"]
    assert all(r.withdrawn_at is None for r in records)
    migrated_to_the_latest()


@pytest.mark.django_db(transaction=True)
def test_it_gives_each_earlier_intake_to_the_worker_who_took_it():
    """0010 assigns intakes taken before cases had a worker to their creator, when the creator
    still works cases there; a self-check request stays unassigned (the inbox)."""
    old = migrated(("casework", "0009_attachments"))
    org = old.get_model("casework", "Organisation").objects.create(name="O", slug="o", country="TH")
    user = old.get_model("auth", "User").objects.create(username="w")
    analyst = old.get_model("auth", "User").objects.create(username="a")
    members = old.get_model("casework", "Membership").objects
    members.create(user=user, organisation=org, role="case_worker")
    members.create(user=analyst, organisation=org, role="analyst")
    cases = old.get_model("casework", "Case").objects
    cases.create(organisation=org, reference="O-1", created_by=user)
    cases.create(organisation=org, reference="O-2", created_by=user, source="self_check")
    cases.create(organisation=org, reference="O-3", created_by=analyst)
    new = migrated(("casework", "0010_assign_intakes_to_their_workers"))
    found = dict(new.get_model("casework", "Case").objects.values_list("reference", "assigned_to"))
    assert found == {"O-1": user.pk, "O-2": None, "O-3": None}
    migrated_to_the_latest()


@pytest.mark.django_db(transaction=True)
def test_it_turns_every_free_text_employer_and_buyer_of_the_demo_into_an_alias():
    """0013 moves the free-text employer (promised and on each job) and buyer of every stored
    account into aliases of actors: on the demo's accounts as the previous release wrote them
    (tests/core/previous_release), every value is found as an alias and none stays behind."""
    old = migrated(("casework", "0012_actors"))
    org = old.get_model("casework", "Organisation").objects.create(name="O", slug="o", country="TH")
    accounts = _previous_release_accounts()
    accounts.append({
        "recruitment": {"promised": {"employer": "ဦးမောင်မောင်"}},
        "work": [{"employer": "บริษัท ตัวอย่าง จำกัด", "buyer": "Example Brand"},
                 {"employer": "Second"}],
    })  # fmt: skip
    written = [name for account in accounts for name in _names(account)]
    cases = old.get_model("casework", "Case").objects
    for i, account in enumerate(accounts):
        cases.create(organisation=org, reference=f"O-{i}", account=account)
    new = migrated(("casework", "0013_free_text_parties_to_actors"))
    aliases = new.get_model("casework", "Alias").objects
    found = sorted(aliases.values_list("name", flat=True))
    assert found == sorted(written)
    assert len(found) >= 6
    for case in new.get_model("casework", "Case").objects.all():
        assert _names(case.account) == []  # the old fields are gone
        refs = {p["alias"] for p in case.account.get("parties", [])}
        assert refs == {str(pk) for pk in aliases.filter(case=case).values_list("pk", flat=True)}
    (last,) = [alias for alias in aliases.all() if alias.name == "Second"]  # names encrypted
    assert (last.kind, last.stage, last.job) == ("employer", "work", 1)
    migrated_to_the_latest()


def _previous_release_accounts() -> list[dict]:
    import json
    from pathlib import Path

    import yaml

    folder = Path(__file__).resolve().parents[1] / "core" / "previous_release"
    files = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))]
    return [json.loads(json.dumps(f["account"], default=str)) for f in files]  # as stored: JSON


def _names(account: dict) -> list[str]:
    promised = (account.get("recruitment") or {}).get("promised") or {}
    found = [promised["employer"]] if promised.get("employer") else []
    for job in account.get("work") or []:
        found += [job[k] for k in ("employer", "buyer") if job.get(k)]
    return found


@pytest.mark.django_db(transaction=True)
def test_it_indexes_every_phone_number_again_with_its_country_code():
    """0015 replaces the last-eight-digits phone index: a Thai and a Cambodian number with the
    same last digits no longer share it, and each is still found as it is usually typed."""
    from safepassage.web.casework.crypto import blind_index, normalise

    old = migrated(("casework", "0014_receipts"))
    org = old.get_model("casework", "Organisation").objects.create(name="O", slug="o", country="TH")
    cases = old.get_model("casework", "Case").objects
    legacy = "phone:" + "12345678"  # what 0014's code hashed: the last eight digits
    for reference, phone in (("O-1", "+66 81 234 5678"), ("O-2", "+855 12 345 678")):
        cases.create(organisation=org, reference=reference, phone=phone,
                     phone_index=_hmac(legacy))  # fmt: skip
    new = migrated(("casework", "0015_phone_index_e164"))
    found = dict(new.get_model("casework", "Case").objects.values_list("reference", "phone_index"))
    assert found["O-1"] != found["O-2"]
    assert found["O-1"] == blind_index("phone", "081 234 5678", "TH")
    assert found["O-2"] == blind_index("phone", "+85512345678")
    assert normalise("phone", "012 345 678", "KH") == "+85512345678"
    migrated_to_the_latest()


def _hmac(message: str) -> str:
    import hashlib
    import hmac

    from safepassage.web.casework.crypto import keys

    return hmac.new(keys().hash_key, message.encode(), hashlib.sha256).hexdigest()
