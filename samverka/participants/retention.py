"""Retention: participants are erased once their collaboration has been over for long enough."""

from datetime import date

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from samverka.participants.models import Participant


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last_day = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return date(year, month, min(day.day, last_day))


def due_for_erasure(
    *, months: int | None = None, today: date | None = None
) -> QuerySet[Participant]:
    """Participants of collaborations that ended more than `months` ago, unseen since then."""
    months = settings.RETENTION_MONTHS if months is None else months
    cutoff = months_before(today or timezone.localdate(), months)
    return (
        Participant.objects.filter(
            collaboration__ends_on__isnull=False, collaboration__ends_on__lt=cutoff
        )
        .annotate(last_seen=Max("attendances__session__date"))
        .filter(Q(last_seen__isnull=True) | Q(last_seen__lt=cutoff))
        .select_related("collaboration")
        .order_by("collaboration_id", "pk")
    )
