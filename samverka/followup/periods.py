"""Follow-up periods: school terms, half-years and years, named by short stable keys.

    2025        the year 2025
    2025-H1     January–June 2025 (H2: July–December)
    2025-VT     the spring term 2025, 1 January–15 June (HT: the autumn term, 15 August–31 December)

A plan indicator follows one kind of period; its baseline and target name periods of any kind.
"""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PeriodKind(models.TextChoices):
    TERM = "term", gettext_lazy("Terms")
    HALF = "half", gettext_lazy("Half-years")
    YEAR = "year", gettext_lazy("Years")


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date  # inclusive
    key: str

    @property
    def label(self) -> str:
        year, _sep, part = self.key.partition("-")
        if not part:
            return year
        names = {
            "H1": _("first half of %(year)s"),
            "H2": _("second half of %(year)s"),
            "VT": _("spring term %(year)s"),
            "HT": _("autumn term %(year)s"),
        }
        return names[part] % {"year": year}

    @property
    def short(self) -> str:
        return self.key

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def kind(self) -> str:
        part = self.key.partition("-")[2]
        if not part:
            return PeriodKind.YEAR
        return PeriodKind.HALF if part.startswith("H") and part != "HT" else PeriodKind.TERM


def parse(key: str) -> Period:
    """The period a key names; ValueError for anything else."""
    key = (key or "").strip().upper()
    year_text, _sep, part = key.partition("-")
    if not (year_text.isdigit() and len(year_text) == 4):
        raise ValueError(key)
    year = int(year_text)
    bounds = {
        "": (date(year, 1, 1), date(year, 12, 31)),
        "H1": (date(year, 1, 1), date(year, 6, 30)),
        "H2": (date(year, 7, 1), date(year, 12, 31)),
        "VT": (date(year, 1, 1), date(year, 6, 15)),
        "HT": (date(year, 8, 15), date(year, 12, 31)),
    }
    if part not in bounds:
        raise ValueError(key)
    start, end = bounds[part]
    return Period(start, end, f"{year}-{part}" if part else str(year))


def is_valid(key: str) -> bool:
    try:
        parse(key)
    except ValueError:
        return False
    return True


def period_of(day: date, kind: str) -> Period:
    """The period of `kind` that `day` falls in (for terms: the summer counts to the spring
    term before it, the days before 15 August)."""
    if kind == PeriodKind.YEAR:
        return parse(str(day.year))
    if kind == PeriodKind.HALF:
        return parse(f"{day.year}-H{1 if day.month <= 6 else 2}")
    return parse(f"{day.year}-{'HT' if day >= date(day.year, 8, 15) else 'VT'}")


def periods_between(first: date, last: date, kind: str) -> list[Period]:
    """Every period of `kind` from the one holding `first` to the one holding `last`."""
    periods: list[Period] = []
    period = period_of(first, kind)
    end = period_of(last, kind)
    while period <= end:
        periods.append(period)
        period = following(period)
    return periods


def following(period: Period) -> Period:
    year, _sep, part = period.key.partition("-")
    year = int(year)
    return parse(
        {
            "": str(year + 1),
            "H1": f"{year}-H2",
            "H2": f"{year + 1}-H1",
            "VT": f"{year}-HT",
            "HT": f"{year + 1}-VT",
        }[part]
    )


def recent(kind: str, count: int, *, today: date | None = None) -> list[Period]:
    """The last `count` periods of `kind`, the current one last."""
    period = period_of(today or timezone.localdate(), kind)
    periods = [period]
    while len(periods) < count:
        previous = period_of(periods[0].start.replace(day=1) - _ONE_DAY, kind)
        periods.insert(0, previous)
    return periods


def current(kind: str, *, today: date | None = None) -> Period:
    return period_of(today or timezone.localdate(), kind)


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)
