"""The audit trail becomes a hash chain (audit/chain.py): existing entries get their hashes in
order, and on PostgreSQL TRUNCATE is refused by a trigger as UPDATE and DELETE already are."""

import hashlib
import json

import django.utils.timezone
from django.db import migrations, models

# TRUNCATE fires no row trigger, so it gets a statement trigger of its own. Only the owner can
# get past it, by setting samverka.allow_audit_truncate for its session (the test suite's flush
# between tests does); the application's role has no TRUNCATE privilege at all (grant_app_role),
# and an owner could as well disable the triggers, which is why the trail is also a hash chain.
TRUNCATE_TRIGGER = """
CREATE OR REPLACE FUNCTION audit_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('samverka.allow_audit_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The audit trail is append-only (TRUNCATE rejected)';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_no_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_no_truncate();
"""
DROP_TRUNCATE_TRIGGER = """
DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_no_truncate();
"""
ROW_TRIGGER = "audit_auditevent_append_only"


def _content(event) -> str:
    # The same fixed form as samverka.audit.chain.content (copied: migrations stay as written).
    return json.dumps(
        [
            event.at.isoformat(),
            event.actor_id,
            event.actor_username,
            event.action,
            event.object_type,
            event.object_code,
            event.collaboration_code,
            sorted(event.fields or []),
            event.detail,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:  # the owner may lift the append-only trigger for this one migration
        schema_editor.execute(f"ALTER TABLE audit_auditevent DISABLE TRIGGER {ROW_TRIGGER}")
    previous = "0" * 64
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        previous = hashlib.sha256(f"{previous}|{_content(event)}".encode()).hexdigest()
        AuditEvent.objects.filter(pk=event.pk).update(chain_hash=previous)
    if postgres:
        schema_editor.execute(f"ALTER TABLE audit_auditevent ENABLE TRIGGER {ROW_TRIGGER}")
        schema_editor.execute(TRUNCATE_TRIGGER)


def unchain(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRUNCATE_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_trigger"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="chain_hash",
            field=models.CharField(default="", editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(
                db_index=True,
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="when",
            ),
        ),
        migrations.RunPython(chain_existing, unchain),
    ]
