"""Reads of the volunteer roster shared by pages and the overview panel."""

from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone

from samverka.knowledge.volunteers.models import RecordCheck, Volunteer


def roster(collaboration) -> QuerySet[Volunteer]:
    return (
        Volunteer.objects.filter(collaboration=collaboration)
        .select_related("user", "organisation")
        .prefetch_related(
            "activities",
            Prefetch("checks", queryset=RecordCheck.objects.order_by("-seen_on", "-id")),
        )
    )


def roster_kept(collaboration) -> bool:
    """A collaboration keeps a roster once it has a volunteer on it; its sessions' volunteer
    numbers then come from the roster."""
    return Volunteer.objects.filter(collaboration=collaboration).exists()


def latest_check(volunteer: Volunteer) -> RecordCheck | None:
    checks = list(volunteer.checks.all())  # prefetched newest first by roster()
    return checks[0] if checks else None


def check_status(volunteer: Volunteer, today=None) -> str:
    """'current', 'old' (seen too long ago or expired) or 'missing'."""
    check = latest_check(volunteer)
    if check is None:
        return "missing"
    return "current" if check.is_current(today) else "old"


def checks_due(collaboration) -> list[tuple[Volunteer, str]]:
    """Active volunteers whose extract was never seen, or seen too long ago."""
    today = timezone.localdate()
    due = []
    for volunteer in roster(collaboration):
        if not volunteer.active:
            continue
        status = check_status(volunteer, today)
        if status != "current":
            due.append((volunteer, status))
    return due


def hours_by_volunteer(collaboration, *, start, end) -> dict[int, float]:
    rows = (
        Volunteer.objects.filter(
            collaboration=collaboration,
            sessions__session__date__gte=start,
            sessions__session__date__lte=end,
            sessions__session__cancelled=False,
        )
        .values("pk")
        .annotate(minutes=Sum("sessions__minutes"))
        .order_by()
    )
    return {row["pk"]: round(row["minutes"] / 60, 1) for row in rows}
