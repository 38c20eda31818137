import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from samverka.audit.models import AppendOnlyError, AuditEvent
from samverka.audit.services import audit_record


def test_audit_record_stores_who_what_which_and_where(world):
    event = audit_record(
        actor=world.kalmar_ngo, action="update", obj=world.kalmar, fields=["name", "phase"]
    )
    assert event.actor_username == "kalmar.ngo"
    assert event.object_type == "orgs.collaboration"
    assert event.object_code == world.kalmar.code
    assert event.collaboration_code == world.kalmar.code
    assert event.fields == ["name", "phase"]


def test_memberships_are_recorded_in_their_collaboration(world):
    membership = world.kalmar.memberships.first()
    event = audit_record(actor=world.kalmar_ngo, action="create", obj=membership)
    assert event.collaboration_code == world.kalmar.code


def test_audit_events_cannot_be_changed_or_deleted(world):
    event = audit_record(actor=world.kalmar_ngo, action="view", obj=world.kalmar)
    event.detail = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().update(detail="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_triggers_reject_update_delete_and_truncate_even_for_the_owner(world):
    audit_record(actor=world.kalmar_ngo, action="view", obj=world.kalmar)
    for sql in (
        "UPDATE audit_auditevent SET detail = 'x'",
        "DELETE FROM audit_auditevent",
        "TRUNCATE audit_auditevent",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)
    assert AuditEvent.objects.count() == 1


def test_coordinator_sees_own_trail_and_not_boden_events(client, world):
    audit_record(actor=world.kalmar_ngo, action="update", obj=world.kalmar, fields=["name"])
    audit_record(actor=world.boden_ngo, action="update", obj=world.boden, fields=["secret_field"])
    client.force_login(world.kalmar_ngo)
    page = client.get(
        reverse("audit:collaboration_trail", args=[world.kalmar.code])
    ).content.decode()
    assert "kalmar.ngo" in page
    assert "secret_field" not in page


def test_trail_filters_by_action(client, world):
    audit_record(actor=world.kalmar_ngo, action="update", obj=world.kalmar, fields=["name"])
    audit_record(
        actor=world.kalmar_ngo, action="view", obj=world.kalmar, fields=["visible_only_in_view"]
    )
    client.force_login(world.kalmar_ngo)
    page = client.get(
        reverse("audit:collaboration_trail", args=[world.kalmar.code]), {"action": "view"}
    ).content.decode()
    assert "visible only in view" in page  # field names in words (audit_tags.field_labels)
    assert ">name<" not in page


def test_municipal_contact_and_researcher_cannot_read_the_trail(client, world, login_as):
    for user in (world.kalmar_kommun, world.forskare, world.kalmar_ledare):
        login_as(user)
        response = client.get(reverse("audit:collaboration_trail", args=[world.kalmar.code]))
        assert response.status_code == 403


def test_national_lead_sees_the_whole_trail(login_as, world):
    audit_record(actor=world.boden_ngo, action="update", obj=world.boden, fields=["boden_field"])
    audit_record(actor=world.kalmar_ngo, action="update", obj=world.kalmar, fields=["kalmar_field"])
    client = login_as(world.nationell)
    page = client.get(reverse("audit:national_trail")).content.decode()
    assert "boden field" in page and "kalmar field" in page
    page = client.get(
        reverse("audit:national_trail"), {"collaboration": world.boden.code}
    ).content.decode()
    assert "kalmar field" not in page and "boden field" in page
