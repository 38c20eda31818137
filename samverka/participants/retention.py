"""Retention: participants are erased once their collaboration has been over for long enough."""

import calendar
from datetime import date

from django.conf import settings
from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from samverka.participants.models import Participant


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier, or the last day of that month if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
