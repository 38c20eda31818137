from datetime import date

from django.core.management import call_command

from samverka.activities.models import Activity, Attendance, Headcount, Session
from samverka.orgs.models import Collaboration
from samverka.participants.models import Participant
from samverka.participants.retention import months_before
from samverka.participants.services import participant_create


def make(world, collaboration):
    return participant_create(
        collaboration=collaboration,
        by=world.kalmar_ngo,
        role="child",
        birth_year=2015,
        gender="male",
        third_country_national="yes",
        language="so",
    )


def test_months_before_handles_month_ends():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 11, 21), 12) == date(2025, 11, 21)
    assert months_before(date(2024, 3, 31), 1) == date(2024, 2, 29)  # a leap year
    assert months_before(date(2100, 3, 31), 1) == date(2100, 2, 28)  # not one (a century)
    assert months_before(date(2000, 3, 30), 13) == date(1999, 2, 28)


def test_retention_is_a_dry_run_unless_applied(world, capsys):
    Collaboration.objects.filter(pk=world.kalmar.pk).update(ends_on=date(2024, 6, 30))
    old = make(world, world.kalmar)
    activity = Activity.objects.create(
        collaboration=world.kalmar,
        name="Fotboll",
        focus_area=2,
        type="leisure",
        starts_on=date(2024, 3, 1),
    )
    session = Session.objects.create(activity=activity, date=date(2024, 3, 1))
    Attendance.objects.create(session=session, participant=old)
    current = make(world, world.boden)  # Boden's collaboration ends 2025-12-31: too recent

    call_command("apply_retention")
    assert "1 participants would be erased" in capsys.readouterr().out
    assert Participant.objects.count() == 2

    call_command("apply_retention", "--apply")
    assert list(Participant.objects.all()) == [current]
    assert Headcount.objects.get(session=session).count == 1


def test_retention_months_can_be_configured(world, capsys):
    make(world, world.boden)
    call_command("apply_retention", "--months", "0")
    assert "1 participants would be erased" in capsys.readouterr().out
