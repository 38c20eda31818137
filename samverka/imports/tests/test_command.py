"""`manage.py import_attendance <collaboration> <file>`."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from samverka.activities.models import Activity, Attendance
from samverka.audit.models import AuditEvent
from samverka.imports.tests.conftest import xlsx_bytes
from samverka.orgs.models import Collaboration
from samverka.participants.models import Participant

LIST = (
    "date;activity;participant_code;birth_year;gender;third_country_national\n"
    "2025-03-14;Cykelverkstad;AB23;2015;flicka;ja\n"
    "2025-03-14;Cykelverkstad;CD34;2014;pojke;nej\n"
)


@pytest.fixture
def list_file(tmp_path):
    path = tmp_path / "närvaro.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


class Sink:
    def __init__(self):
        self.lines = []

    def write(self, text):
        self.lines.append(text)

    def flush(self):
        pass

    def __str__(self):
        return "".join(self.lines)


def run(*args, err=None):
    out, err = Sink(), err if err is not None else Sink()
    call_command("import_attendance", *map(str, args), stdout=out, stderr=err)
    return str(out), str(err)


def test_import_by_municipality_code(world, cykel, list_file):
    out, _err = run("0880", list_file)
    assert Attendance.objects.filter(session__activity=cykel).count() == 2
    assert set(Participant.objects.values_list("collaboration", flat=True)) == {world.kalmar.pk}
    assert "attendance_added=2" in out
    assert AuditEvent.objects.filter(
        collaboration_code=world.kalmar.code, detail__startswith="import: 2 rows"
    ).exists()


def test_import_by_collaboration_code_twice_adds_nothing(world, cykel, list_file):
    run(world.kalmar.code.lower(), list_file)
    out, _err = run(world.kalmar.code, list_file)
    assert "attendance_added=0 already_present=2 new_participants=0" in out
    assert Attendance.objects.count() == 2


def test_unknown_activities_need_the_create_activities_flag(world, tmp_path):
    path = tmp_path / "lista.xlsx"
    path.write_bytes(
        xlsx_bytes(
            [
                ["datum", "aktivitet", "deltagarkod"],
                [date(2025, 3, 14), "Simskola", "AB23"],
            ]
        )
    )
    with pytest.raises(CommandError, match="--create-activities"):
        run("0880", path)
    assert not Activity.objects.exists()
    run("0880", path, "--create-activities", "--focus-area", "3", "--activity-type", "training")
    created = Activity.objects.get(collaboration=world.kalmar, name="Simskola")
    assert (created.focus_area, created.type) == (3, "training")
    assert Attendance.objects.count() == 1


def test_bad_rows_are_listed_and_nothing_is_written(world, cykel, tmp_path):
    path = tmp_path / "fel.csv"
    path.write_text(LIST + "2025-02-30;Cykelverkstad;EF56;2015;flicka;ja\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run("0880", path)
    assert not Attendance.objects.exists()
    assert not Participant.objects.exists()


def test_bad_rows_go_to_stderr_with_their_line(world, cykel, tmp_path):
    path = tmp_path / "fel.csv"
    path.write_text(LIST + "2025-02-30;Cykelverkstad;EF56;2015;flicka;ja\n", encoding="utf-8")
    err = Sink()
    with pytest.raises(CommandError):
        run("0880", path, err=err)
    assert len(err.lines) == 1
    assert " 4:" in err.lines[0] and "2025-02-30" in err.lines[0]


def test_dry_run_writes_nothing(world, cykel, list_file):
    out, _err = run("0880", list_file, "--dry-run")
    assert "attendance_added=2" in out
    assert not Attendance.objects.exists()


def test_progress_every_500_rows_goes_to_stderr(world, cykel, tmp_path):
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    lines = ["date;activity;participant_code"]
    for day in range(20):
        for person in range(60):
            code = "P" + alphabet[person // 31] + alphabet[person % 31] + "2"
            lines.append(f"{date(2025, 1, 1) + timedelta(days=day)};Cykelverkstad;{code}")
    path = tmp_path / "stor.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _out, err = run("0880", path)
    assert "checked 500/1200 rows" in err
    assert "imported 500/1200 rows" in err
    assert "imported 1200/1200 rows" in err
    assert Attendance.objects.count() == 1200


def test_a_municipality_with_several_collaborations_needs_the_collaboration_code(
    world, cykel, list_file
):
    Collaboration.objects.create(
        name="Tidigare i Kalmar",
        municipality=world.kalmar.municipality,
        lead_organisation=world.kalmar.lead_organisation,
        starts_on=date(2022, 1, 1),
    )
    with pytest.raises(CommandError, match=world.kalmar.code):
        run("0880", list_file)
    run(world.kalmar.code, list_file)
    assert Attendance.objects.count() == 2


def test_an_unknown_collaboration_is_an_error(world, list_file):
    with pytest.raises(CommandError):
        run("9999", list_file)
    with pytest.raises(CommandError):
        run("0880", list_file.with_name("saknas.csv"))
