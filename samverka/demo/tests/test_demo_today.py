"""The demo's periods and school breaks follow the day the demo is built (the seeded story about
today is checked in test_demo_world.py)."""

from datetime import date

from samverka.demo.activities import school_breaks
from samverka.demo.data import demo_period
from samverka.orgs.models import Phase


def test_demo_periods_and_breaks_follow_the_day_they_are_built():
    christmas = date(2027, 12, 27)
    assert demo_period(Phase.IMPLEMENTATION, christmas)["ends_on"] == date(2028, 12, 31)
    breaks = school_breaks(date(2027, 10, 1), date(2028, 1, 31), christmas)
    assert ["2027-11-01", "2027-11-05"] in breaks  # week 44
    assert not any(a <= "2027-12-27" <= b for a, b in breaks)  # not the break holding today
