"""Weekly schedules skip Swedish public holidays and the breaks a coordinator lists."""

from datetime import date

from django.urls import reverse

from samverka.activities.calendar import parse_breaks, public_holiday
from samverka.activities.models import Activity
from samverka.imports.services import on_schedule


def test_swedish_public_holidays_and_the_eves_kept_as_holidays():
    assert public_holiday(date(2026, 12, 25)) == "Juldagen"
    assert public_holiday(date(2026, 12, 24)) == "Julafton"
    assert public_holiday(date(2026, 6, 19)) == "Midsommarafton"
    assert public_holiday(date(2026, 4, 6)) == "Annandag påsk"
    assert public_holiday(date(2026, 12, 23)) is None  # "dag före julafton" is a working day
    assert public_holiday(date(2026, 12, 2)) is None


def test_breaks_are_read_as_dates_or_first_and_last_dates():
    assert parse_breaks("2026-10-26 – 2026-10-30 höstlov\n\n2026-11-13") == [
        ["2026-10-26", "2026-10-30"],
        ["2026-11-13", "2026-11-13"],
    ]


def test_a_weekly_activity_skips_holidays_and_the_listed_breaks(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("activities:create", args=[world.kalmar.code]),
        {
            "name": "Fritidsklubben torsdagar",
            "focus_area": "2",
            "type": "leisure",
            "recurring": "on",
            "starts_on": "2026-10-01",
            "ends_on": "2027-01-31",
            "weekday": "3",
            "breaks": "2026-10-26 – 2026-10-30\n2026-12-22 – 2027-01-07",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(name="Fritidsklubben torsdagar")
    dates = set(activity.sessions.values_list("date", flat=True))
    assert date(2026, 10, 22) in dates and date(2026, 11, 5) in dates
    assert date(2026, 10, 29) not in dates  # autumn break
    assert date(2026, 12, 24) not in dates and date(2026, 12, 31) not in dates  # Christmas
    assert date(2027, 1, 14) in dates
    assert not any(public_holiday(day) for day in dates)
    page = client.get(reverse("activities:edit", args=[world.kalmar.code, activity.code]))
    assert "2026-10-26 – 2026-10-30" in page.content.decode()
    # The import marks a date in a break or on a holiday as not on the schedule.
    assert not on_schedule(activity, date(2026, 10, 29))
    assert on_schedule(activity, date(2026, 11, 5))


def test_an_unreadable_break_is_refused_with_the_line(client, world):
    client.force_login(world.kalmar_ngo)
    response = client.post(
        reverse("activities:create", args=[world.kalmar.code]),
        {
            "name": "Läxhjälp",
            "focus_area": "2",
            "type": "leisure",
            "recurring": "on",
            "starts_on": "2026-10-01",
            "ends_on": "2026-12-31",
            "breaks": "höstlovet",
        },
    )
    assert response.status_code == 200
    assert "höstlovet" in str(response.context["form"].errors["breaks"])
