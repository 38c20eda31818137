"""Reads of consultations that several pages share: lists, survey rounds of the child
instrument, and what children are waiting for."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone

from samverka.lib import agebands

# A decision shows as due on the overview this many days before its date.
DUE_SOON_DAYS = 7


def child_bands() -> list[str]:
    """The configured age bands that children fall in (settings.AGE_BANDS), and 'unknown'."""
    return [b.label for b in agebands.bands() if b.low < 18] + [agebands.UNKNOWN]


def consultations_for(collaboration):
    from samverka.children.consultations.models import Consultation, Decision

    return (
        Consultation.objects.filter(collaboration=collaboration)
        .select_related("activity", "session__activity")
        .prefetch_related("voices", Prefetch("decisions", queryset=Decision.objects.all()))
    )


def child_survey_rounds(collaboration):
    """Rounds of child-survey instruments: consultations of their own, shown read-only."""
    from samverka.surveys.models import InstrumentKind, Round

    return (
        Round.objects.filter(
            collaboration=collaboration, version__instrument__kind=InstrumentKind.CHILD
        )
        .select_related("activity", "version__instrument")
        .order_by("-opens_on")
    )


@dataclass
class Waiting:
    """Children are waiting for an answer: decisions due, and consultations not told back."""

    due_decisions: list
    not_told: list

    @property
    def count(self) -> int:
        return len(self.due_decisions) + len(self.not_told)


def waiting_for(collaboration) -> Waiting:
    from samverka.children.consultations.models import Consultation, Decision, DecisionStatus

    soon = timezone.localdate() + timedelta(days=DUE_SOON_DAYS)
    due = list(
        Decision.objects.filter(
            consultation__collaboration=collaboration,
            status=DecisionStatus.PLANNED,
            due_on__lte=soon,
        )
        .select_related("consultation")
        .order_by("due_on")
    )
    not_told = list(
        Consultation.objects.filter(
            collaboration=collaboration, told_back_on__isnull=True
        ).order_by("held_on")
    )
    return Waiting(due_decisions=due, not_told=not_told)


def band_rows(counts: dict) -> list[tuple[str, int]]:
    return [(band, counts.get(band, 0)) for band in child_bands() if counts.get(band)]
