"""The derived tables behind the funder count stay in step with what they derive from.

AttendanceYear (months attended per participant and year), ActivityYear (sessions held per
activity and year) and ConsentState (the latest ledger entry per purpose) are kept by their
writers (README, "Derived tables"); each test writes
through one public path (a page, a command, the demo, the synthetic data, a service) and then
asks `rebuild_report_tables --check` and compares the tables with a rebuild from scratch; the
period filter is compared with a direct reading of the attendance rows.
"""

import random
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from samverka.activities import activity_years, attendance_years
from samverka.activities.forms import SessionForm
from samverka.activities.models import Activity, ActivityYear, AttendanceYear, Session
from samverka.activities.services import (
    attendance_record,
    attendance_record_bulk,
    attendance_save,
    session_update,
)
from samverka.imports import services as imports
from samverka.imports.forms import field_key
from samverka.imports.models import PendingImport
from samverka.imports.tests.conftest import csv_rows
from samverka.participants import consent_state
from samverka.participants.models import ConsentPurpose, ConsentState, Participant
from samverka.participants.services import (
    consent_record,
    consent_record_bulk,
    participant_erase,
)
from samverka.participants.tests.test_participants import register
from samverka.reports.selectors import counted_participants


def year_rows() -> set[tuple]:
    """Every column of the rows: months and what the funder count groups by."""
    return set(AttendanceYear.objects.values_list(*attendance_years.COLUMNS))


def activity_rows() -> set[tuple]:
    """Every column of the sessions held per activity and year."""
    return set(ActivityYear.objects.values_list(*activity_years.COLUMNS))


def consent_rows() -> set[tuple[int, str, bool]]:
    return set(ConsentState.objects.values_list("participant_id", "purpose", "given"))


def assert_in_step() -> None:
    """The tables as the write paths left them equal a rebuild from the source rows: the
    operators' check finds nothing to fix, and a rebuild changes no row."""
    out = StringIO()
    call_command("rebuild_report_tables", "--check", stdout=out)  # raises when out of step
    assert "in step" in out.getvalue()
    kept_years, kept_consent, kept_held = year_rows(), consent_rows(), activity_rows()
    attendance_years.rebuild()
    consent_state.rebuild()
    activity_years.rebuild()
    assert kept_years == year_rows()
    assert kept_consent == consent_rows()
    assert kept_held == activity_rows()


def attended_directly(start: date, end: date) -> set[int]:
    return set(
        Participant.objects.filter(
            attendances__session__date__gte=start,
            attendances__session__date__lte=end,
            attendances__session__cancelled=False,
        ).values_list("pk", flat=True)
    )


def attended_by_table(start: date, end: date) -> set[int]:
    return set(
        Participant.objects.filter(attendance_years.attended_between(start, end)).values_list(
            "pk", flat=True
        )
    )


def bits(*months: int) -> int:
    """The `months` value for these months (1 = January)."""
    return sum(1 << (month - 1) for month in set(months))


def months_of(participant) -> dict[int, int]:
    return dict(
        AttendanceYear.objects.filter(participant=participant).values_list("year", "months")
    )


def test_saving_attendance_sets_and_clears_the_month(data):
    child = data.participant()
    march = data.session(date(2025, 3, 4))
    data.attend(child, march)
    assert months_of(child) == {2025: bits(3)}
    data.attend(child, data.session(date(2025, 11, 4)))
    assert months_of(child) == {2025: bits(3, 11)}

    march.refresh_from_db()
    attendance_save(
        session=march, present=set(), version=march.version, key="k1", by=data.world.kalmar_ngo
    )
    assert months_of(child) == {2025: bits(11)}
    assert_in_step()


def test_a_second_session_in_the_same_month_keeps_the_month_when_one_is_cleared(data):
    child = data.participant()
    first, second = data.session(date(2025, 3, 4)), data.session(date(2025, 3, 11))
    data.attend(child, first, second)
    first.refresh_from_db()
    attendance_save(
        session=first, present=set(), version=first.version, key="k2", by=data.world.kalmar_ngo
    )
    assert months_of(child) == {2025: bits(3)}
    assert_in_step()


def test_recording_attendance_passes_over_who_is_already_there_or_not(data):
    child, other = data.participant(), data.participant()
    session = data.session(date(2025, 3, 4))
    by = data.world.kalmar_ngo
    assert attendance_record(session=session, add=[child.pk], by=by).added == 1
    result = attendance_record(session=session, add=[child.pk], remove=[other.pk], by=by)
    assert (result.added, result.removed) == (0, 0)
    session.refresh_from_db()
    assert session.version == 2 and session.attendance_saved_by == by
    assert months_of(child) == {2025: bits(3)}
    assert_in_step()


def test_the_bulk_writers_pass_over_rows_already_there_and_keep_the_tables_in_step(data):
    child, other = data.participant(), data.participant(consent=None)
    march, june = data.session(date(2025, 3, 4)), data.session(date(2026, 6, 2))
    data.attend(child, march)
    with attendance_record_bulk(by=data.world.kalmar_ngo) as attendance:
        attendance.add(march.pk, [child.pk, other.pk])  # the child is there already
        attendance.add(june.pk, [child.pk])
    assert march.attendances.count() == 2
    assert months_of(child) == {2025: bits(3), 2026: bits(6)}
    assert months_of(other) == {2025: bits(3)}

    later = timezone.now()
    with consent_record_bulk(by=None) as ledger:
        for given, at in ((True, later - timedelta(days=2)), (False, later)):
            ledger.add(
                other.pk,
                ConsentPurpose.FUNDER_REPORTING,
                given,
                given_at=at,
                given_by="guardian",
                method="paper",
                notice_language="ar",
            )
    assert not other.has_consent(ConsentPurpose.FUNDER_REPORTING)
    assert_in_step()


def held_of(activity_name: str) -> dict[int, tuple[int, dict[int, int]]]:
    """year -> (sessions held, {month: sessions held}) of an activity, from ActivityYear."""
    held = {}
    for row in ActivityYear.objects.filter(activity__name=activity_name):
        months = {m: getattr(row, f"held_{m}") for m in range(1, 13) if getattr(row, f"held_{m}")}
        held[row.year] = (row.held, months)
    return held


def edit_session(session: Session, by, **changes) -> Session:
    fields = {
        "date": session.date.isoformat(),
        "start_time": "",
        "end_time": "",
        "theme": "",
        "volunteers": "0",
        "note": "",
        **changes,
    }
    if not fields.get("cancelled"):
        fields.pop("cancelled", None)
    form = SessionForm(data=fields, instance=session, activity=session.activity)
    assert form.is_valid(), form.errors
    return session_update(session=session, by=by, **form.cleaned_data)


def test_moving_a_session_to_another_month_and_year_moves_its_participants(data):
    child, other = data.participant(), data.participant()
    session = data.session(date(2025, 12, 30))
    data.attend(child, session)
    data.attend(other, session, data.session(date(2025, 12, 2)))
    assert months_of(child) == {2025: bits(12)}

    edit_session(session, data.world.kalmar_ngo, date="2026-01-08")
    assert months_of(child) == {2026: bits(1)}
    assert months_of(other) == {2025: bits(12), 2026: bits(1)}
    assert_in_step()


def test_cancelling_a_session_stops_it_counting_and_reopening_it_counts_again(data):
    child = data.participant()
    session = data.session(date(2025, 4, 8))
    data.attend(child, session)
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    assert set(counted_participants(start=start, end=end)) == {child}

    edit_session(session, data.world.kalmar_ngo, cancelled="on")
    assert months_of(child) == {}
    assert not counted_participants(start=start, end=end).exists()
    assert_in_step()

    session.refresh_from_db()
    edit_session(session, data.world.kalmar_ngo, cancelled="")
    assert set(counted_participants(start=start, end=end)) == {child}
    assert_in_step()


def test_an_import_fills_the_months_of_new_and_registered_participants(data):
    data.session(date(2025, 1, 7))  # creates the activity "Cykelverkstad"
    registered = data.participant()
    data.attend(registered, data.session(date(2025, 6, 3)))
    result = imports.attendance_import(
        collaboration=data.world.kalmar,
        rows=csv_rows(
            "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja",
            f"2025-08-22,Cykelverkstad,{registered.code},2016,flicka,ja",
            "2026-02-06,Cykelverkstad,AB23,2015,flicka,ja",
        ),
        by=data.world.kalmar_ngo,
    )
    assert result.ok, result.errors
    newcomer = Participant.objects.get(collaboration=data.world.kalmar, code="AB23")
    assert months_of(newcomer) == {2025: bits(3), 2026: bits(2)}
    assert months_of(registered) == {2025: bits(6, 8)}
    assert_in_step()


def test_erasing_a_participant_removes_their_rows(data):
    child = data.participant()
    data.attend(child, data.session(date(2025, 4, 8)))
    participant_erase(participant=child, by=data.world.kalmar_ngo)
    assert not AttendanceYear.objects.exists()
    assert not ConsentState.objects.exists()
    assert_in_step()


def test_the_latest_consent_entry_decides_even_when_recorded_out_of_order(data):
    child = data.participant(consent=True)
    by = data.world.kalmar_ngo
    purpose = ConsentPurpose.FUNDER_REPORTING
    state = ConsentState.objects.filter(participant=child, purpose=purpose)
    assert state.get().given is True

    consent_record(participant=child, purpose=purpose, given=False, by=by)
    assert state.get().given is False
    # A paper form from last month, entered today, is older than the withdrawal: it loses.
    consent_record(
        participant=child,
        purpose=purpose,
        given=True,
        by=by,
        given_at=timezone.now() - timedelta(days=30),
    )
    assert state.get().given is False
    consent_record(participant=child, purpose=purpose, given=True, by=by)
    assert state.get().given is True
    assert state.count() == 1
    assert_in_step()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_period_finds_exactly_who_attended_then(data, seed):
    """Whole months, part months at either end, one day, across new year: as the rows say."""
    rng = random.Random(seed)
    sessions = [
        data.session(date(2024, 11, 1) + timedelta(days=rng.randrange(0, 500))) for _ in range(14)
    ]
    for session in rng.sample(sessions, 3):
        Session.objects.filter(pk=session.pk).update(cancelled=True)
    people = [data.participant(consent=None) for _ in range(12)]
    for person in people:
        data.attend(person, *rng.sample(sessions, rng.randrange(1, 4)))
    # The three cancelled sessions were cancelled behind the service's back: derive again.
    attendance_years.rebuild()
    activity_years.rebuild()

    periods = [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2025, 3, 1), date(2025, 5, 31)),
        (date(2024, 12, 1), date(2026, 1, 31)),
        (date(2025, 2, 10), date(2025, 9, 20)),
        (date(2024, 12, 15), date(2025, 1, 15)),
    ]
    for _ in range(25):
        start = date(2024, 10, 15) + timedelta(days=rng.randrange(0, 560))
        periods.append((start, start + timedelta(days=rng.choice([0, 3, 20, 45, 200]))))
    for session in sessions:
        periods.append((session.date, session.date))
    for start, end in periods:
        assert attended_by_table(start, end) == attended_directly(start, end), (start, end)


def test_rebuild_report_tables_checks_and_repairs(data):
    child = data.participant()
    data.attend(child, data.session(date(2025, 4, 8)))
    out = StringIO()
    call_command("rebuild_report_tables", "--check", stdout=out)
    assert "in step" in out.getvalue()

    AttendanceYear.objects.all().delete()
    ActivityYear.objects.all().delete()
    ConsentState.objects.filter(participant=child).update(given=False)
    with pytest.raises(CommandError, match="out of step"):
        call_command("rebuild_report_tables", "--check", stdout=StringIO())
    assert not AttendanceYear.objects.exists()  # --check changes nothing

    out = StringIO()
    call_command("rebuild_report_tables", stdout=out)
    assert months_of(child) == {2025: bits(4)}
    assert ConsentState.objects.get(participant=child).given is True
    assert "1 participant-years" in out.getvalue()
    assert "1 activity-years" in out.getvalue()
    assert held_of("Cykelverkstad") == {2025: (1, {4: 1})}
    call_command("rebuild_report_tables", "--check", stdout=StringIO())


def test_synthetic_data_leaves_the_tables_in_step(db):
    """(The demo's rows: samverka/demo/tests/test_demo_world.py.)"""
    call_command(
        "seed_synthetic",
        "--municipalities=3",
        "--participants=120",
        "--weeks=6",
        "--quiet",
        "--force",
        stdout=StringIO(),
    )
    assert AttendanceYear.objects.exists()
    assert ActivityYear.objects.exists()
    assert ConsentState.objects.exists()
    assert_in_step()


# Every public write path: pages, commands, the demo and the synthetic data ------------------


def test_the_attendance_page_quick_add_and_saves_keep_the_tables_in_step(data, login_as):
    world = data.world
    child = data.participant()
    session = data.session(date(2025, 5, 6))
    client = login_as(world.kalmar_ledare)
    session.activity.leaders.add(world.kalmar_ledare)
    url = reverse("activities:attendance", args=[world.kalmar.code, session.code])
    response = client.post(
        url,
        {
            "present": [child.code],
            "version": 0,
            "key": "add",
            "action": "add",
            "new-role": "child",
            "new-birth_year": "2017",
            "new-gender": "female",
            "new-third_country_national": "yes",
            "new-funder_consent": "on",
        },
    )
    newcomer = Participant.objects.get(birth_year=2017)
    assert response.status_code == 200
    assert_in_step()

    for key, present in (("one", [child, newcomer]), ("two", [newcomer])):
        session.refresh_from_db()
        codes = [p.code for p in present]
        fields = {"present": codes, "version": session.version, "key": key, "action": "save"}
        assert client.post(url, fields).status_code == 302
        assert months_of(newcomer) == {2025: bits(5)}
        assert_in_step()
    assert months_of(child) == {}
    assert set(counted_participants(start=date(2025, 1, 1), end=date(2025, 12, 31))) == {newcomer}


def test_moving_and_cancelling_a_session_on_its_page_keep_the_tables_in_step(data, login_as):
    world = data.world
    child = data.participant()
    session = data.session(date(2025, 12, 30))
    data.attend(child, session)
    client = login_as(world.kalmar_ngo)
    url = reverse("activities:session_edit", args=[world.kalmar.code, session.code])
    fields = {"date": "2026-01-08", "volunteers": "0"}
    assert client.post(url, fields).status_code == 302
    assert months_of(child) == {2026: bits(1)}
    assert_in_step()
    assert client.post(url, {**fields, "cancelled": "on"}).status_code == 302
    assert months_of(child) == {}
    assert_in_step()


def test_registering_changing_consent_and_erasing_on_the_pages_keep_the_tables_in_step(
    data, login_as
):
    world = data.world
    client = login_as(world.kalmar_ngo)
    response = register(client, world)  # funder reporting: yes, photos: no
    assert response.status_code == 302
    child = Participant.objects.get()
    assert consent_rows() == {
        (child.pk, "funder_reporting", True),
        (child.pk, "photos", False),
    }
    data.attend(child, data.session(date(2025, 4, 8)))
    assert_in_step()

    consent_url = reverse("participants:consent", args=[world.kalmar.code, child.code])
    fields = {"given_by": "guardian", "method": "written", "consent_photos": "no"}
    client.post(consent_url, {**fields, "consent_funder_reporting": "no"})  # withdrawn
    assert not counted_participants(start=date(2025, 1, 1), end=date(2025, 12, 31)).exists()
    assert_in_step()
    client.post(consent_url, {**fields, "consent_funder_reporting": "yes"})  # given again
    assert child.has_consent(ConsentPurpose.FUNDER_REPORTING)
    assert_in_step()

    erase_url = reverse("participants:erase", args=[world.kalmar.code, child.code])
    assert client.post(erase_url, {"confirm": child.code}).status_code == 302
    assert not AttendanceYear.objects.exists() and not ConsentState.objects.exists()
    assert_in_step()


def test_erasure_by_retention_keeps_the_tables_in_step(data):
    from samverka.orgs.models import Collaboration

    old, kept = data.participant(), data.participant(data.world.boden)
    data.attend(old, data.session(date(2024, 3, 5)))
    data.attend(kept, data.session(date(2024, 3, 5), data.world.boden, activity="Fotboll"))
    Collaboration.objects.filter(pk=data.world.kalmar.pk).update(ends_on=date(2024, 6, 30))
    call_command("apply_retention", "--apply", stdout=StringIO(), stderr=StringIO())
    assert list(Participant.objects.all()) == [kept]
    assert_in_step()


IMPORTED = (
    "datum;aktivitet;deltagarkod;födelseår;kön;tredjelandsmedborgare;samtycke\n"
    "2025-03-14;Cykelverkstad;AB23;2015;flicka;ja;ja\n"
    "2025-03-21;Cykelverkstad;AB23;2015;flicka;ja;ja\n"
    "2025-09-05;Läxhjälp;CD34;2014;pojke;nej;nej\n"
    "2025-09-05;Läxhjälp;{code};2016;flicka;ja;\n"
)


def test_an_import_through_preview_and_confirmation_keeps_the_tables_in_step(data, login_as):
    world = data.world
    registered = data.participant()
    data.attend(registered, data.session(date(2025, 2, 4)))
    client = login_as(world.kalmar_ngo)
    text = IMPORTED.format(code=registered.code)
    response = client.post(
        reverse("imports:upload", args=[world.kalmar.code]),
        {"file": SimpleUploadedFile("närvaro.csv", text.encode())},
    )
    pending = PendingImport.objects.get()
    preview = reverse("imports:preview", args=[world.kalmar.code, pending.code])
    assert response["Location"] == preview
    assert client.get(preview).status_code == 200
    assert_in_step()  # the preview writes nothing

    confirm = {"create_activities": "on"}
    for name in ("Läxhjälp",):
        confirm |= {f"focus_{field_key(name)}": 2, f"type_{field_key(name)}": "other"}
    assert client.post(preview, confirm).status_code == 302
    newcomer = Participant.objects.get(code="AB23")
    assert months_of(newcomer) == {2025: bits(3)}
    assert months_of(registered) == {2025: bits(2, 9)}
    assert set(counted_participants(start=date(2025, 1, 1), end=date(2025, 12, 31))) == {
        newcomer,
        registered,
    }
    assert_in_step()


def test_the_import_command_keeps_the_tables_in_step(data, tmp_path):
    registered = data.participant(consent=None)
    data.session(date(2025, 1, 7))  # the activity "Cykelverkstad"
    path = tmp_path / "närvaro.csv"
    path.write_text(IMPORTED.format(code=registered.code), encoding="utf-8")
    call_command(
        "import_attendance",
        "0880",
        str(path),
        "--create-activities",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Participant.objects.filter(code__in=["AB23", "CD34"]).count() == 2
    assert months_of(registered) == {2025: bits(9)}
    assert_in_step()


def test_changing_what_the_count_groups_by_updates_the_derived_rows(data, login_as):
    """Gender, birth year, third-country status and consent live on the participant's rows of
    AttendanceYear too; the edit page and the consent writers keep them in step."""
    from samverka.reports.selectors import funder_figures

    world = data.world
    child = data.participant(birth_year=2016, gender="female", tcn="yes")
    data.attend(child, data.session(date(2024, 5, 7)), data.session(date(2025, 3, 4)))
    row = AttendanceYear.objects.get(participant=child, year=2025)
    assert (row.collaboration_id, row.birth_year, row.gender, row.third_country_national) == (
        world.kalmar.pk,
        2016,
        "female",
        "yes",
    )
    assert row.counted

    client = login_as(world.kalmar_ngo)
    edit = reverse("participants:edit", args=[world.kalmar.code, child.code])
    response = client.post(
        edit,
        {
            "household": child.household_id,
            "role": "child",
            "birth_year": "2012",
            "gender": "male",
            "third_country_national": "no",
            "language": "ar",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for year in (2024, 2025):  # every year's row, not only the last one attended
        row = AttendanceYear.objects.get(participant=child, year=year)
        assert (row.birth_year, row.gender, row.third_country_national) == (2012, "male", "no")
    assert funder_figures(start=date(2025, 1, 1), end=date(2025, 12, 31)).participants == {
        ("0880", "13-17", "male", "no"): 1
    }
    assert_in_step()

    consent_record(
        participant=child,
        purpose=ConsentPurpose.FUNDER_REPORTING,
        given=False,
        by=world.kalmar_ngo,
    )
    assert not AttendanceYear.objects.filter(participant=child, counted=True).exists()
    assert funder_figures(start=date(2025, 1, 1), end=date(2025, 12, 31)).participants == {}
    assert_in_step()
    with consent_record_bulk(by=None) as ledger:
        ledger.add(
            child.pk,
            ConsentPurpose.FUNDER_REPORTING,
            True,
            given_at=timezone.now(),
            given_by="guardian",
            method="written",
            notice_language="sv",
        )
    assert AttendanceYear.objects.filter(participant=child, counted=True).count() == 2
    assert_in_step()


@pytest.mark.parametrize("seed", [4, 5])
def test_the_grouped_count_equals_counting_the_attendance_rows_directly(data, seed):
    """Any period (whole years, part months, over a new year): the grouped count over the
    derived rows gives what counting participants from the attendance rows gives."""
    from collections import Counter

    from samverka.lib import agebands
    from samverka.reports.selectors import funder_figures

    rng = random.Random(seed)
    sessions = [
        data.session(date(2024, 11, 1) + timedelta(days=rng.randint(0, 500))) for _ in range(12)
    ]
    people = [
        data.participant(
            birth_year=rng.choice([None, 1950, 1990, 2012, 2016, 2021]),
            gender=rng.choice(["female", "male", "other", "not_stated"]),
            tcn=rng.choice(["yes", "no", "unknown"]),
            consent=rng.choice([True, True, False, None]),
        )
        for _ in range(15)
    ]
    for person in people:
        data.attend(person, *rng.sample(sessions, rng.randint(1, 4)))
    for _ in range(8):
        start = date(2024, 10, 1) + timedelta(days=rng.randint(0, 400))
        end = start + timedelta(days=rng.randint(0, 300))
        expected = Counter()
        for pid in attended_directly(start, end):
            person = Participant.objects.get(pk=pid)
            if not person.has_consent(ConsentPurpose.FUNDER_REPORTING):
                continue
            age = None if person.birth_year is None else start.year - person.birth_year
            band = agebands.band_for(age)
            expected[("0880", band, person.gender, person.third_country_national)] += 1
        assert funder_figures(start=start, end=end).participants == dict(expected), (start, end)


# The funder count of a period of part months, as users get it ------------------------------


def days_of(participant, year: int) -> dict[int, int]:
    """month -> the day bits kept for it (months without any left out)."""
    row = AttendanceYear.objects.get(participant=participant, year=year)
    return {
        month: getattr(row, f"days_{month}")
        for month in range(1, 13)
        if getattr(row, f"days_{month}") is not None
    }


def funder_csv(start: date, end: date) -> list[str]:
    """The exact funder count as `manage.py funder_report` writes it."""
    out = StringIO()
    call_command(
        "funder_report",
        "--from",
        start.isoformat(),
        "--to",
        end.isoformat(),
        "--format",
        "csv",
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue().splitlines()[1:]


def counted_from_raw_rows(start: date, end: date) -> list[str]:
    """The same lines worked out from the attendance rows and the consent ledger directly."""
    from collections import Counter

    from samverka.lib import agebands

    cells: Counter = Counter()
    attended = Participant.objects.filter(
        attendances__session__date__gte=start,
        attendances__session__date__lte=end,
        attendances__session__cancelled=False,
    ).distinct()
    for person in attended.select_related("collaboration__municipality"):
        latest = person.consents.filter(purpose=ConsentPurpose.FUNDER_REPORTING).first()
        if latest is None or not latest.given:  # the ledger is ordered newest first
            continue
        age = None if person.birth_year is None else start.year - person.birth_year
        band = agebands.band_for(age)
        code = person.collaboration.municipality.code
        cells[(code, band, person.gender, person.third_country_national)] += 1
    return sorted(f"{','.join(cell)},{n}" for cell, n in cells.items())


def test_the_funder_count_of_part_months_matches_the_raw_rows_after_writes_and_erasure(
    data, login_as
):
    """10 February - 20 September: the days of February and September come from the day bits
    of the derived rows; the command's figures equal a count from the attendance rows after
    attendance is saved and cleared, a session moves or is cancelled, and a participant is
    erased on their page."""
    world = data.world
    start, end = date(2025, 2, 10), date(2025, 9, 20)
    early = data.participant(birth_year=2016)  # 9 February only: outside
    edge = data.participant(birth_year=2015, gender="male")  # 10 February: inside
    late = data.participant(birth_year=2014, tcn="no")  # 20 September: inside
    after = data.participant(birth_year=2013)  # 21 September only: outside
    summer = data.participant(birth_year=2012, consent=None)  # July, no consent: not counted
    boden = data.participant(world.boden, birth_year=2016)
    feb9, feb10 = data.session(date(2025, 2, 9)), data.session(date(2025, 2, 10))
    sep20, sep21 = data.session(date(2025, 9, 20)), data.session(date(2025, 9, 21))
    july = data.session(date(2025, 7, 1))
    data.attend(early, feb9)
    data.attend(edge, feb10)
    data.attend(late, sep20, sep21)
    data.attend(after, sep21)
    data.attend(summer, july)
    data.attend(boden, data.session(date(2025, 3, 31), world.boden, activity="Fotboll"))
    assert days_of(late, 2025) == {9: (1 << 19) | (1 << 20)}
    assert days_of(edge, 2025) == {2: 1 << 9}

    def agrees() -> list[str]:
        lines = funder_csv(start, end)
        assert lines == counted_from_raw_rows(start, end)
        assert_in_step()
        return lines

    assert len(agrees()) == 3  # edge, late, boden

    # Saving a list again without `late` on 20 September leaves only the 21st: outside.
    sep20.refresh_from_db()
    attendance_save(
        session=sep20, present=set(), version=sep20.version, key="s20", by=world.kalmar_ngo
    )
    assert days_of(late, 2025) == {9: 1 << 20}
    assert len(agrees()) == 2

    # 9 February moves to the 11th: `early` is inside now; the 21st of September is cancelled.
    edit_session(feb9, world.kalmar_ngo, date="2025-02-11")
    sep21.refresh_from_db()
    edit_session(sep21, world.kalmar_ngo, date="2025-09-21", cancelled="on")
    assert days_of(early, 2025) == {2: 1 << 10}
    assert not AttendanceYear.objects.filter(participant__in=[late, after]).exists()
    assert len(agrees()) == 3  # edge, early, boden

    client = login_as(world.kalmar_ngo)
    erase_url = reverse("participants:erase", args=[world.kalmar.code, edge.code])
    assert client.post(erase_url, {"confirm": edge.code}).status_code == 302
    assert len(agrees()) == 2  # early, boden


# Sessions held per activity and year (ActivityYear) ------------------------------------------


def test_sessions_made_moved_and_cancelled_on_the_pages_keep_the_sessions_held_in_step(
    data, login_as
):
    """A weekly activity made on its page, lengthened, a session added on its page, one moved
    to the next year and one cancelled and reopened: the rows always equal a rebuild."""
    world = data.world
    client = login_as(world.kalmar_ngo)
    fields = {
        "name": "Läxhjälp",
        "focus_area": "2",
        "type": "leisure",
        "recurring": "on",
        "starts_on": "2025-11-03",
        "ends_on": "2025-11-30",
        "weekday": "0",
    }
    create = reverse("activities:create", args=[world.kalmar.code])
    assert client.post(create, fields).status_code == 302
    assert held_of("Läxhjälp") == {2025: (4, {11: 4})}  # Mondays 3, 10, 17, 24 November
    assert_in_step()

    activity = Activity.objects.get(name="Läxhjälp")
    edit = reverse("activities:edit", args=[world.kalmar.code, activity.code])
    assert client.post(edit, {**fields, "ends_on": "2025-12-08"}).status_code == 302
    assert held_of("Läxhjälp") == {2025: (6, {11: 4, 12: 2})}
    assert_in_step()

    add = reverse("activities:session_create", args=[world.kalmar.code, activity.code])
    assert client.post(add, {"date": "2025-12-10", "volunteers": "0"}).status_code == 302
    assert held_of("Läxhjälp") == {2025: (7, {11: 4, 12: 3})}
    assert_in_step()

    moved = activity.sessions.get(date=date(2025, 12, 10))
    url = reverse("activities:session_edit", args=[world.kalmar.code, moved.code])
    assert client.post(url, {"date": "2026-01-12", "volunteers": "0"}).status_code == 302
    assert held_of("Läxhjälp") == {2025: (6, {11: 4, 12: 2}), 2026: (1, {1: 1})}
    assert_in_step()
    assert client.post(url, {"date": "2026-01-12", "volunteers": "0", "cancelled": "on"})
    assert held_of("Läxhjälp") == {2025: (6, {11: 4, 12: 2})}  # no row for a year without any
    assert_in_step()
    assert client.post(url, {"date": "2026-01-12", "volunteers": "0"}).status_code == 302
    assert held_of("Läxhjälp") == {2025: (6, {11: 4, 12: 2}), 2026: (1, {1: 1})}
    assert_in_step()


def test_an_import_that_makes_sessions_keeps_the_sessions_held_in_step(data):
    data.session(date(2025, 1, 7))  # creates the activity "Cykelverkstad"
    result = imports.attendance_import(
        collaboration=data.world.kalmar,
        rows=csv_rows(
            "2025-03-14,Cykelverkstad,AB23,2015,flicka,ja",
            "2025-03-21,Cykelverkstad,AB23,2015,flicka,ja",
            "2026-02-06,Cykelverkstad,AB23,2015,flicka,ja",
        ),
        by=data.world.kalmar_ngo,
    )
    assert result.ok, result.errors
    assert held_of("Cykelverkstad") == {2025: (3, {1: 1, 3: 2}), 2026: (1, {2: 1})}
    assert_in_step()


def held_directly(start: date, end: date) -> dict[tuple[str, int], tuple[int, int]]:
    """(municipality code, focus area) -> (sessions held, activities with one), from the
    sessions themselves."""
    sessions: dict = {}
    activities: dict = {}
    for session in Session.objects.filter(
        date__gte=start, date__lte=end, cancelled=False
    ).select_related("activity__collaboration__municipality"):
        key = (session.activity.collaboration.municipality.code, session.activity.focus_area)
        sessions[key] = sessions.get(key, 0) + 1
        activities.setdefault(key, set()).add(session.activity_id)
    return {key: (n, len(activities[key])) for key, n in sessions.items()}


@pytest.mark.parametrize("seed", [6, 7])
def test_sessions_held_per_focus_area_equal_counting_the_sessions_for_any_period(data, seed):
    """Whole years, whole months, part months, one day, across new year, for all and for one
    collaboration: the sessions and activities per focus area read from ActivityYear (and the
    sessions of part months) equal a count of the sessions, after moves and cancellations."""
    from samverka.reports.selectors import funder_figures

    world = data.world
    rng = random.Random(seed)
    places = [
        (world.kalmar, "Cykelverkstad", 2),
        (world.kalmar, "Föräldragrupp", 3),
        (world.boden, "Fotboll", 2),
        (world.boden, "Dialogforum", 1),
    ]
    sessions = []
    for _ in range(40):
        collaboration, name, area = rng.choice(places)
        day = date(2024, 11, 1) + timedelta(days=rng.randrange(0, 500))
        session = data.session(day, collaboration, activity=name, focus_area=area)
        sessions.append(session)
    for session in rng.sample(sessions, 8):
        changes = {"date": (session.date + timedelta(days=rng.randrange(-40, 40))).isoformat()}
        if rng.random() < 0.5:
            changes["cancelled"] = "on"
        edit_session(session, world.kalmar_ngo, **changes)
    assert_in_step()
    periods = [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2025, 3, 1), date(2025, 5, 31)),
        (date(2024, 12, 1), date(2026, 1, 31)),
        (date(2025, 2, 10), date(2025, 9, 20)),
        (date(2024, 12, 15), date(2025, 1, 15)),
    ]
    for _ in range(20):
        start = date(2024, 10, 15) + timedelta(days=rng.randrange(0, 560))
        periods.append((start, start + timedelta(days=rng.choice([0, 3, 20, 45, 200, 400]))))
    for start, end in periods:
        assert funder_figures(start=start, end=end).focus_areas == held_directly(start, end)
        own = funder_figures(start=start, end=end, collaborations=[world.boden.pk]).focus_areas
        boden = world.boden.municipality.code
        assert own == {k: v for k, v in held_directly(start, end).items() if k[0] == boden}
