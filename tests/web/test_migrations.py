from __future__ import annotations

import io

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


@pytest.mark.django_db(transaction=True)
def test_it_turns_each_consent_code_into_a_consent_record():
    """0002 moves the consents a case held as a list of codes into records of their own."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = (
        [("casework", "0001_initial")],
        [("casework", "0002_consents_and_professional_determinations")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    org = old.get_model("casework", "Organisation").objects.create(name="O", slug="o", country="TH")
    old.get_model("casework", "Case").objects.create(
        organisation=org, reference="O-1", consents=["police", "embassy"]
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    records = new.get_model("casework", "Consent").objects.all()
    assert sorted(r.scope for r in records) == ["embassy", "police"]
    assert all(r.withdrawn_at is None for r in records)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_it_gives_each_earlier_intake_to_the_worker_who_took_it():
    """0010 assigns intakes taken before cases had a worker to their creator, when the creator
    still works cases there; a self-check request stays unassigned (the inbox)."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("casework", "0009_attachments")]
    after = [("casework", "0010_assign_intakes_to_their_workers")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
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
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    found = dict(new.get_model("casework", "Case").objects.values_list("reference", "assigned_to"))
    assert found == {"O-1": user.pk, "O-2": None, "O-3": None}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
