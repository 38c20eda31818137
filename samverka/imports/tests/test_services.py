"""Checking and importing attendance rows: errors, all or nothing, idempotency."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from samverka.activities.models import Activity, ActivityType, Attendance, FocusArea, Session
from samverka.audit.models import AuditEvent
from samverka.imports import services
from samverka.imports.models import ImportedHousehold
from samverka.imports.tests.conftest import csv_rows
from samverka.participants.models import (
    ConsentEntry,
    ConsentMethod,
    ConsentPurpose,
    Household,
    Participant,
)
from samverka.participants.services import consent_record, participant_create

GOOD = [
    "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja",
    "2025-03-14,Cykelverkstad,CD34,2014,pojke,nej",
    "2025-03-21,cykelverkstad,AB23,2015,kvinna,ja",
    "2025-03-21,Cykelverkstad,CD34,2014,man,nej",
]


def plan(world, rows):
    return services.import_plan(collaboration=world.kalmar, rows=rows)


def run(world, rows, **options):
    return services.attendance_import(
        collaboration=world.kalmar, rows=rows, by=world.kalmar_ngo, **options
    )


def counts():
    return (
        Participant.objects.count(),
        Household.objects.count(),
        Activity.objects.count(),
        Session.objects.count(),
        Attendance.objects.count(),
        ConsentEntry.objects.count(),
    )


def errors(result):
    return [(e.line, e.column) for e in result.errors]


def test_a_clean_list_is_counted_before_anything_is_written(world, cykel):
    result = plan(world, csv_rows(*GOOD))
    assert result.ok
    assert (result.rows, result.new_participants, result.new_sessions) == (4, 2, 2)
    assert (result.attendance_to_add, result.already_present, result.new_activities) == (4, 0, 0)
    assert Participant.objects.count() == 0


def test_the_import_writes_participants_sessions_and_attendance(world, cykel):
    result = run(world, csv_rows(*GOOD))
    assert result.attendance_to_add == 4
    ab23 = Participant.objects.get(code="AB23")
    assert (ab23.collaboration, ab23.birth_year, ab23.gender) == (world.kalmar, 2015, "female")
    assert ab23.third_country_national == "yes"
    assert ab23.created_by == world.kalmar_ngo
    assert Participant.objects.get(code="CD34").third_country_national == "no"
    assert set(cykel.sessions.values_list("date", flat=True)) == {
        date(2025, 3, 14),
        date(2025, 3, 21),
    }
    assert Attendance.objects.filter(session__activity=cykel).count() == 4


def test_swedish_and_english_words_and_codes_are_accepted(world, cykel):
    rows = csv_rows(
        "2025-03-14,Cykelverkstad,ab23,2015.0,Ej angivet,okänt,nej,,somaliska,barn",
        "2025-03-14,Cykelverkstad,CD34,1985,female,unknown,yes,,prs,vårdnadshavare",
        "2025-03-14,Cykelverkstad,EF56,,not_stated,,,,Українська,",
        "2025-03-14,Cykelverkstad,GH78,,annat,no,ja,,ENGELSKA,guardian",
        header=services_header(),
    )
    run(world, rows)
    people = {p.code: p for p in Participant.objects.all()}
    assert (people["AB23"].gender, people["AB23"].third_country_national) == (
        "not_stated",
        "unknown",
    )
    assert (people["AB23"].language, people["AB23"].birth_year) == ("so", 2015)
    assert (people["CD34"].role, people["CD34"].language) == ("guardian", "prs")
    assert (people["EF56"].birth_year, people["EF56"].language) == (None, "uk")
    assert (people["GH78"].gender, people["GH78"].language) == ("other", "en")


def services_header():
    return (
        "date,activity,participant_code,birth_year,gender,third_country_national,"
        "reporting_consent,household,language,role"
    )


def test_bad_cells_are_reported_with_line_and_column(world, cykel):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    result = plan(
        world,
        csv_rows(
            "14/3/2025,Cykelverkstad,AB23,2015,flicka,ja",
            "2025-03-14,Cykelverkstad,,2015,flicka,ja",
            "2025-03-14,Cykelverkstad,CD34,2015,tjej,ja",
            "2025-03-14,Cykelverkstad,EF56,15,flicka,kanske",
            "2025-03-14,,GH1,2015,flicka,ja",
            f"{tomorrow},Cykelverkstad,JK78,2015,flicka,ja",
            "2025-03-14,Cykelverkstad,MN98,2015,flicka,ja",
        ),
    )
    assert errors(result) == [
        (2, "date"),
        (3, "participant_code"),
        (4, "gender"),
        (5, "birth_year"),
        (5, "third_country_national"),
        (6, "activity"),
        (6, "participant_code"),
        (7, "date"),
    ]
    assert result.error_lines == 6
    assert all(e.message for e in result.errors)
    assert "tjej" in result.errors[2].message
    assert [row.code for row in result.clean] == ["MN98"]


def test_rows_of_one_code_with_another_birth_year_or_gender_are_errors(world, cykel):
    result = plan(
        world,
        csv_rows(
            "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja",
            "2025-03-21,Cykelverkstad,ab23,2016,flicka,ja",
            "2025-03-28,Cykelverkstad,AB23,,pojke,ja",
            "2025-04-04,Cykelverkstad,AB23,,,",
        ),
    )
    assert errors(result) == [(3, "birth_year"), (4, "gender")]
    assert "2" in result.errors[0].message  # names the line where the first value was


def test_a_code_of_another_collaboration_is_refused_without_saying_where(world, cykel):
    participant_create(
        collaboration=world.boden,
        by=world.boden_ngo,
        role="child",
        birth_year=2015,
        gender="female",
        third_country_national="yes",
        language="ar",
        code="AB23",
    )
    result = plan(world, csv_rows(*GOOD))
    assert errors(result) == [(2, "participant_code"), (4, "participant_code")]
    message = result.errors[0].message
    assert "AB23" in message
    assert "Boden" not in message and world.boden.code not in message


def test_a_registered_participant_with_another_birth_year_is_an_error(world, cykel):
    participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2013,
        gender="not_stated",
        third_country_national="yes",
        language="ar",
        code="AB23",
    )
    result = plan(world, csv_rows(*GOOD))
    assert errors(result) == [(2, "birth_year")]


def test_nothing_is_written_when_one_row_is_bad(world, cykel):
    before = counts()
    rows = csv_rows(*GOOD, "2025-03-28,Ny aktivitet,XY99,2015,flicka,kanske")
    with pytest.raises(services.RowsHaveErrors) as refused:
        run(world, rows, create_activities=True)
    assert errors(refused.value.plan) == [(6, "third_country_national")]
    assert counts() == before


def test_importing_the_same_list_twice_adds_nothing(world, cykel):
    rows = csv_rows(*GOOD, "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja")  # a repeated row
    first = run(world, rows)
    assert (first.attendance_to_add, first.duplicate_rows) == (4, 1)
    after_first = counts()
    again = plan(world, rows)
    assert (again.attendance_to_add, again.already_present) == (0, 4)
    assert (again.new_participants, again.new_sessions, again.new_households) == (0, 0, 0)
    second = run(world, rows)
    assert second.attendance_to_add == 0
    assert counts() == after_first


def test_the_first_session_of_the_day_is_reused(world, cykel):
    later = Session.objects.create(activity=cykel, date=date(2025, 3, 14), start_time=time(17))
    earlier = Session.objects.create(activity=cykel, date=date(2025, 3, 14), start_time=time(15))
    run(world, csv_rows(GOOD[0]))
    assert Attendance.objects.get().session == earlier
    assert not later.attendances.exists()
    assert Session.objects.count() == 2


def test_imported_attendance_makes_an_open_attendance_form_stale(world, cykel):
    session = Session.objects.create(activity=cykel, date=date(2025, 3, 14))
    run(world, csv_rows(GOOD[0]))
    session.refresh_from_db()
    assert session.version == 1
    assert session.attendance_saved_by == world.kalmar_ngo


def test_unknown_activities_are_created_only_when_confirmed(world, cykel):
    rows = csv_rows(*GOOD, "2025-03-14,Läxhjälp,AB23,2015,flicka,ja", "2025-03-15,LÄXHJÄLP,CD34,,,")
    with pytest.raises(services.ActivitiesNotConfirmed) as refused:
        run(world, rows)
    assert refused.value.plan.unknown_activities == ["Läxhjälp"]
    assert not Activity.objects.filter(name="Läxhjälp").exists()
    result = run(
        world,
        rows,
        create_activities=True,
        activity_choices={"läxhjälp": (FocusArea.PARENT_SUPPORT, ActivityType.CONVERSATION_GROUP)},
    )
    assert result.new_activities == 1
    created = Activity.objects.get(name="Läxhjälp")
    assert (created.focus_area, created.type) == (3, "conversation_group")
    assert (created.starts_on, created.ends_on) == (date(2025, 3, 14), date(2025, 3, 15))
    assert created.sessions.count() == 2


def test_a_new_activity_gets_the_default_focus_area_and_type(world):
    run(world, csv_rows(GOOD[0]), create_activities=True)
    created = Activity.objects.get(collaboration=world.kalmar, name="Cykelverkstad")
    assert (created.focus_area, created.type) == (2, "other")


def test_one_household_label_makes_one_household_and_is_found_again(world, cykel):
    header = services_header()
    run(
        world,
        csv_rows(
            "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja,,Familjen A,,",
            "2025-03-14,Cykelverkstad,CD34,1985,kvinna,ja,,familjen a,,vårdnadshavare",
            "2025-03-14,Cykelverkstad,EF56,2016,pojke,ja,,,,",
            header=header,
        ),
    )
    people = {p.code: p for p in Participant.objects.all()}
    assert people["AB23"].household == people["CD34"].household
    assert people["EF56"].household != people["AB23"].household
    assert ImportedHousehold.objects.count() == 1
    result = run(
        world, csv_rows("2025-03-21,Cykelverkstad,GH78,2018,pojke,ja,,FAMILJEN A,,", header=header)
    )
    assert result.new_households == 0
    assert Participant.objects.get(code="GH78").household == people["AB23"].household


def test_a_label_joins_the_household_of_a_registered_member(world, cykel):
    registered = participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="guardian",
        birth_year=1985,
        gender="female",
        third_country_national="yes",
        language="ar",
        code="CD34",
    )
    header = services_header()
    run(
        world,
        csv_rows(
            "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja,,F1,,",
            "2025-03-14,Cykelverkstad,CD34,1985,kvinna,ja,,F1,,",
            header=header,
        ),
    )
    assert Participant.objects.get(code="AB23").household == registered.household


def test_consent_is_recorded_on_paper_only_when_the_file_says_so(world, cykel):
    header = services_header()
    rows = csv_rows(
        "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja,ja,,,",
        "2025-03-14,Cykelverkstad,CD34,2014,pojke,ja,nej,,,",
        "2025-03-14,Cykelverkstad,EF56,2014,pojke,ja,,,,",
        header=header,
    )
    assert plan(world, rows).consents_to_record == 2
    run(world, rows)
    given = ConsentEntry.objects.get(participant__code="AB23")
    assert (given.purpose, given.given, given.method) == ("funder_reporting", True, "paper")
    assert given.given_by == "guardian"
    assert ConsentEntry.objects.get(participant__code="CD34").given is False
    assert not ConsentEntry.objects.filter(participant__code="EF56").exists()
    assert Participant.objects.with_consent(ConsentPurpose.FUNDER_REPORTING).count() == 1

    run(world, rows)
    assert ConsentEntry.objects.count() == 2

    # A withdrawal recorded in Samverka is not undone by importing the old list again.
    consent_record(
        participant=Participant.objects.get(code="AB23"),
        purpose=ConsentPurpose.FUNDER_REPORTING,
        given=False,
        by=world.kalmar_ngo,
    )
    assert plan(world, rows).consents_to_record == 0
    run(world, rows)
    assert not Participant.objects.get(code="AB23").has_consent(ConsentPurpose.FUNDER_REPORTING)


def test_consent_of_a_registered_participant_never_asked_is_recorded(world, cykel):
    participant_create(
        collaboration=world.kalmar,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2015,
        gender="female",
        third_country_national="yes",
        language="ar",
        code="AB23",
    )
    run(
        world,
        csv_rows("2025-03-14,Cykelverkstad,AB23,2015,flicka,ja,ja,,,", header=services_header()),
    )
    entry = ConsentEntry.objects.get(participant__code="AB23")
    assert (entry.given, entry.method) == (True, ConsentMethod.PAPER_IMPORT)


def test_every_import_is_in_the_audit_trail(world, cykel):
    run(world, csv_rows(*GOOD))
    event = AuditEvent.objects.filter(detail__startswith="import: 4 rows").get()
    assert event.collaboration_code == world.kalmar.code
    assert event.actor == world.kalmar_ngo
    assert event.action == "create"


def code_for(number: int) -> str:
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "P" + "".join(alphabet[number // 31**k % 31] for k in range(3))


def test_progress_is_reported_every_500_rows(world, cykel):
    first = date(2025, 1, 1)
    rows = csv_rows(
        *[
            f"{first + timedelta(days=day)},Cykelverkstad,{code_for(person)}"
            for day in range(24)
            for person in range(50)
        ],
        header="date,activity,participant_code",
    )
    calls = []
    services.attendance_import(
        collaboration=world.kalmar,
        rows=rows,
        by=None,
        progress=lambda phase, done, total: calls.append((phase, done, total)),
    )
    assert calls == [
        ("checked", 500, 1200),
        ("checked", 1000, 1200),
        ("imported", 500, 1200),
        ("imported", 1000, 1200),
        ("imported", 1200, 1200),
    ]
    assert Attendance.objects.count() == 1200


def test_error_messages_are_translated(world, cykel, monkeypatch):
    monkeypatch.setattr(services, "_", lambda text: f"⟦{text}⟧")
    result = plan(
        world,
        csv_rows(
            "2025-13-14,Cykelverkstad,AB23,2015,tjej,ja",
            "2025-03-14,Cykelverkstad,,2015,flicka,ja",
        ),
    )
    assert len(result.errors) == 3
    assert all(e.message.startswith("⟦") and e.message.endswith("⟧") for e in result.errors)
