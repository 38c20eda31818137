"""The audit trail is a hash chain: tampering shows, `audit_verify` names the first break."""

import os

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from samverka.audit.models import AuditEvent
from samverka.audit.services import audit_record

POSTGRES = connection.vendor == "postgresql"


def _trail(world, n=4):
    return [
        audit_record(actor=world.kalmar_ngo, action="update", obj=world.kalmar, fields=[f"f{i}"])
        for i in range(n)
    ]


def _tamper(sql, params=()):
    """What someone with the owner's powers could do behind the application's back."""
    with connection.cursor() as cursor:
        if POSTGRES:
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if POSTGRES:
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")


def test_each_entry_links_to_the_one_before_and_an_intact_trail_verifies(world, capsys):
    events = _trail(world)
    assert len({e.chain_hash for e in events}) == 4
    call_command("audit_verify")
    assert "4" in capsys.readouterr().out


def test_a_changed_entry_is_named_as_the_first_broken_link(world):
    events = _trail(world)
    _tamper("UPDATE audit_auditevent SET detail = 'harmless' WHERE id = %s", [events[1].id])
    with pytest.raises(CommandError, match=rf" {events[1].id} \("):
        call_command("audit_verify")


def test_a_removed_entry_breaks_the_link_of_the_next_one(world):
    events = _trail(world)
    _tamper("DELETE FROM audit_auditevent WHERE id = %s", [events[2].id])
    with pytest.raises(CommandError, match=rf" {events[3].id} \("):
        call_command("audit_verify")


def test_entries_made_before_the_chain_get_their_hashes_in_order_when_migrating(
    _migration_data, world
):
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0002_append_only_trigger")])
    old_apps = executor.loader.project_state([("audit", "0002_append_only_trigger")]).apps
    OldEvent = old_apps.get_model("audit", "AuditEvent")
    for detail in ("a", "b", "c"):
        OldEvent.objects.create(action="view", object_type="orgs.collaboration", detail=detail)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert AuditEvent.objects.filter(chain_hash="").count() == 0
    call_command("audit_verify")
    audit_record(actor=None, action="view", obj=world.kalmar)
    call_command("audit_verify")


@pytest.mark.skipif(not POSTGRES, reason="database roles are PostgreSQL's")
def test_the_application_role_may_only_insert_and_select_on_the_audit_trail(_migration_data, world):
    """The role the application runs as in production (scripts/with-postgres.sh creates it)."""
    import psycopg

    role = os.environ.get("DATABASE_APP_ROLE")
    if not role:
        pytest.skip("DATABASE_APP_ROLE is not set (scripts/with-postgres.sh sets it)")
    audit_record(actor=world.kalmar_ngo, action="view", obj=world.kalmar)
    call_command("grant_app_role", role, stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        dbname=settings["NAME"],
        user=role,
        autocommit=True,
    ) as app:
        assert app.execute("SELECT count(*) FROM audit_auditevent").fetchone()[0] == 1
        app.execute(
            "INSERT INTO audit_auditevent (at, actor_username, action, object_type, object_code,"
            " collaboration_code, fields, detail, chain_hash)"
            " VALUES (now(), '', 'view', '', '', '', '[]', 'by the app role', '')"
        )
        app.execute("SELECT count(*) FROM orgs_collaboration").fetchone()
        for refused in (
            "UPDATE audit_auditevent SET detail = 'x'",
            "DELETE FROM audit_auditevent",
            "TRUNCATE audit_auditevent",
            "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
            "DROP TRIGGER audit_auditevent_append_only ON audit_auditevent",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(refused)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent")  # the owner is stopped by the trigger
