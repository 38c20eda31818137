"""save_audited: the one way a service saves a row and records what changed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverka.activities.models import Activity
from samverka.audit.models import AuditAction, AuditEvent
from samverka.audit.services import save_audited


def _data(**changes):
    data = {
        "name": "Läxhjälp",
        "focus_area": 2,
        "type": "leisure",
        "starts_on": "2025-01-01",
        "not_a_field": "ignored",
    }
    return {**data, **changes}


def test_a_new_row_is_saved_and_its_creation_recorded_without_values(world):
    activity = Activity(collaboration=world.kalmar)
    saved = save_audited(activity, _data(leaders=[world.kalmar_ledare]), by=world.kalmar_ngo)
    activity.refresh_from_db()
    assert saved.created and activity.name == "Läxhjälp"
    assert list(activity.leaders.all()) == [world.kalmar_ledare]
    event = AuditEvent.objects.get(object_code=activity.code)
    assert (event.action, event.fields, event.collaboration_code) == (
        AuditAction.CREATE,
        [],
        world.kalmar.code,
    )


def test_a_change_records_the_names_of_the_changed_fields_only(world):
    activity = Activity(collaboration=world.kalmar)
    save_audited(activity, _data(), by=world.kalmar_ngo)
    saved = save_audited(
        activity, _data(name="Cykelverkstad", leaders=[world.kalmar_ledare]), by=world.kalmar_ngo
    )
    assert saved == (False, ("name", "leaders"))
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE).get()
    assert event.fields == ["leaders", "name"]
    assert "Cykelverkstad" not in str(event.detail)


def test_data_resent_unchanged_records_no_change(world):
    activity = Activity(collaboration=world.kalmar)
    save_audited(activity, _data(), by=world.kalmar_ngo)
    activity = Activity.objects.get(pk=activity.pk)
    assert save_audited(activity, _data(starts_on=activity.starts_on), by=world.kalmar_ngo) == (
        False,
        (),
    )
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE).exists()


def test_data_resent_unchanged_does_not_write_the_row(world):
    activity = Activity(collaboration=world.kalmar)
    save_audited(activity, _data(), by=world.kalmar_ngo)
    activity = Activity.objects.get(pk=activity.pk)
    with CaptureQueriesContext(connection) as queries:
        save_audited(activity, _data(starts_on=activity.starts_on), by=world.kalmar_ngo)
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_the_detail_goes_to_the_audit_record(world):
    activity = Activity(collaboration=world.kalmar)
    save_audited(activity, _data(), by=world.kalmar_ngo, detail="leisure")
    assert AuditEvent.objects.get(object_code=activity.code).detail == "leisure"
