"""Reads about what becomes of the activities."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from samverka.activities.models import Activity
from samverka.memory.continuation.models import Continuation, Future
from samverka.orgs.models import Collaboration, Organisation, Phase

# The overview warns about undecided activities from this many months before the end.
LAST_MONTHS = 6


@dataclass
class ActivityFuture:
    activity: Activity
    continuation: Continuation | None

    @property
    def future(self) -> str:
        return self.continuation.future if self.continuation else Future.UNDECIDED

    @property
    def future_label(self) -> str:
        return Future(self.future).label

    @property
    def is_decided(self) -> bool:
        return self.future != Future.UNDECIDED

    @property
    def continues(self) -> bool:
        return self.future in Future.continuing()


@dataclass
class FutureSummary:
    total: int
    decided: int
    by_future: dict[str, int] = field(default_factory=dict)

    @property
    def undecided(self) -> int:
        return self.total - self.decided

    @property
    def percent(self) -> int:
        return round(100 * self.decided / self.total) if self.total else 0

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(Future(f).label, self.by_future.get(f, 0)) for f in Future.values]


def futures_for(collaboration: Collaboration) -> list[ActivityFuture]:
    """Every activity of the collaboration with its continuation record (if any)."""
    activities = (
        Activity.objects.filter(collaboration=collaboration)
        .select_related("continuation__owner", "continuation__learning_session")
        .order_by("focus_area", "name")
    )
    result = []
    for activity in activities:
        try:
            continuation = activity.continuation
        except Continuation.DoesNotExist:
            continuation = None
        result.append(ActivityFuture(activity, continuation))
    return result


def summary_of(futures: list[ActivityFuture]) -> FutureSummary:
    by_future: dict[str, int] = {}
    for row in futures:
        by_future[row.future] = by_future.get(row.future, 0) + 1
    decided = sum(1 for row in futures if row.is_decided)
    return FutureSummary(total=len(futures), decided=decided, by_future=by_future)


def future_summary(collaboration: Collaboration) -> FutureSummary:
    return summary_of(futures_for(collaboration))


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def in_last_months(collaboration: Collaboration, today: date | None = None) -> bool:
    """The collaboration's end is at most LAST_MONTHS away (or already passed)."""
    if collaboration.ends_on is None:
        return False
    today = today or timezone.localdate()
    return today >= months_before(collaboration.ends_on, LAST_MONTHS)


def warns_about_undecided(collaboration: Collaboration, today: date | None = None) -> bool:
    """The overview shows undecided activities in the transition phase or the last months."""
    return collaboration.phase == Phase.TRANSITION or in_last_months(collaboration, today)


def continued_activities(collaboration: Collaboration) -> QuerySet[Continuation]:
    """The activities that live on after the collaboration, with where and how."""
    return (
        Continuation.objects.filter(
            activity__collaboration=collaboration, future__in=Future.continuing()
        )
        .select_related("activity", "owner")
        .order_by("activity__focus_area", "activity__name")
    )


def owner_choices(collaboration: Collaboration) -> QuerySet[Organisation]:
    """Organisations that may take an activity over: the municipality's and national ones."""
    return Organisation.objects.filter(
        Q(municipality=collaboration.municipality) | Q(municipality__isnull=True)
    ).order_by("name")
