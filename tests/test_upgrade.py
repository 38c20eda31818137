"""A database made by the previous release migrates to this one and keeps its data.

This release moved code between rooms (surveys' sub-packages, assessment's sections, shared
modules into lib/) without moving tables, and added tables (jobs, children, knowledge, …) and
the audit trail's hash chain. A database filled by the previous release's schema must migrate
forward with its rows intact, readable through the tenant scopes, and with an intact trail.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from samverka.audit.models import AuditEvent
from samverka.lib.scoping import collaboration_scope, unscoped

# The newest migration of each app in the previous release (commit 57297c6).
PREVIOUS_RELEASE = [
    ("accounts", "0001_initial"),
    ("activities", "0003_report_tables_one_index_less"),
    ("assessment", "0001_initial"),
    ("audit", "0002_append_only_trigger"),
    ("imports", "0001_initial"),
    ("orgs", "0003_field_labels"),
    ("participants", "0005_report_tables_one_index_less"),
    ("referrals", "0001_initial"),
    ("surveys", "0001_initial"),
]


@pytest.fixture
def previous_release(_migration_data):
    """The test database, migrated back to the previous release; forward again afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(PREVIOUS_RELEASE)
    yield executor.loader.project_state(PREVIOUS_RELEASE).apps
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_database_of_the_previous_release_migrates_with_its_rows(previous_release):
    old = previous_release
    Municipality = old.get_model("orgs", "Municipality")
    Organisation = old.get_model("orgs", "Organisation")
    Collaboration = old.get_model("orgs", "Collaboration")
    Household = old.get_model("participants", "Household")
    Participant = old.get_model("participants", "Participant")
    Activity = old.get_model("activities", "Activity")
    Session = old.get_model("activities", "Session")
    Attendance = old.get_model("activities", "Attendance")
    OldEvent = old.get_model("audit", "AuditEvent")

    kalmar = Municipality.objects.get(code="0880")
    lead = Organisation.objects.create(name="Barnkraft", kind="cso", municipality=kalmar)
    collaboration = Collaboration.objects.create(
        name="Barn i fokus Kalmar",
        code="OLDKALMA",
        municipality=kalmar,
        lead_organisation=lead,
        starts_on="2024-01-01",
    )
    household = Household.objects.create(collaboration=collaboration, code="HHOLD234")
    child = Participant.objects.create(
        collaboration=collaboration,
        household=household,
        code="K7F3QX",
        role="child",
        birth_year=2016,
    )
    activity = Activity.objects.create(
        collaboration=collaboration,
        code="ACTOLD23",
        name="Läxhjälp",
        focus_area=2,
        type="leisure",
        starts_on="2025-01-01",
    )
    session = Session.objects.create(activity=activity, code="SESOLD23", date="2025-01-08")
    Attendance.objects.create(session=session, participant=child)
    for detail in ("before", "the", "upgrade"):
        OldEvent.objects.create(action="view", object_type="orgs.collaboration", detail=detail)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from samverka.activities.models import Attendance as NewAttendance
    from samverka.orgs.models import Collaboration as NewCollaboration
    from samverka.participants.models import Participant as NewParticipant

    upgraded = NewCollaboration.objects.get(code="OLDKALMA")
    with unscoped(), collaboration_scope(upgraded):
        assert list(NewParticipant.objects.values_list("code", flat=True)) == ["K7F3QX"]
        assert NewAttendance.objects.get().session.activity.name == "Läxhjälp"
    assert AuditEvent.objects.filter(chain_hash="").count() == 0
    call_command("audit_verify")
