"""Reads for the funder count (AMIF). True figures only; disclosure control is in funder.py.

Who is counted: participants whose latest consent-ledger entry for "funder_reporting" is
"given" and who attended at least one non-cancelled session dated within the period.

Counting unit: one Participant row. A person registered in two collaborations of the same
municipality has two pseudonymous registrations that Samverka deliberately cannot link (no
names or identity numbers are needed to register), so such a person is counted twice. Within
one collaboration a participant counts once however many sessions they attended.

Age is the period's start year minus the birth year (birth dates are never stored); no
birth year gives the band "unknown".
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Sum, Window
from django.db.models.functions import FirstValue, RowNumber

from samverka.activities.models import Attendance, Headcount, Session
from samverka.lib import agebands
from samverka.orgs.models import Municipality
from samverka.participants.models import ConsentEntry, ConsentPurpose, Participant


@dataclass
class FunderFigures:
    """The true counts for one period, all municipalities."""

    start: date
    end: date
    municipalities: list[Municipality]
    # (municipality code, age band, gender, third-country national) -> participants
    participants: dict[tuple[str, str, str, str], int] = field(default_factory=dict)
    # (municipality code, age band, gender) -> sum of anonymous headcounts
    headcounts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    # (municipality code, focus area) -> (sessions held, activities with a session held)
    focus_areas: dict[tuple[str, int], tuple[int, int]] = field(default_factory=dict)


def consenting_participant_ids(purpose: str):
    """Ids of participants whose latest ledger entry for `purpose` is "given", as one set-based
    subquery (a window over the ledger) rather than a lookup per participant: at national size
    the per-participant subquery of `with_consent` ran once for each of ~900,000 participants
    and kept PostgreSQL from a parallel plan."""

    def latest(expression):
        return Window(
            expression,
            partition_by=[F("participant_id")],
            order_by=[F("given_at").desc(), F("id").desc()],
        )

    # Both conditions are on window expressions, so both apply after the window: a filter on
    # `given` itself would run before it and rank an older "given" first after a withdrawal.
    return (
        ConsentEntry.objects.filter(purpose=purpose)
        .annotate(rank=latest(RowNumber()), latest_given=latest(FirstValue("given")))
        .filter(rank=1, latest_given=True)
        .values("participant_id")
    )


def counted_participants(*, start: date, end: date):
    """Participants counted for the period (distinct rows, see the module docstring)."""
    attended = Attendance.objects.filter(
        session__date__gte=start, session__date__lte=end, session__cancelled=False
    ).values("participant_id")
    consenting = consenting_participant_ids(ConsentPurpose.FUNDER_REPORTING)
    return Participant.objects.filter(pk__in=attended).filter(pk__in=consenting)


def funder_figures(*, start: date, end: date) -> FunderFigures:
    participants: Counter = Counter()
    # Grouped in the database (one row per birth year and cell, not per participant), without
    # the model's default ordering, which would join households and sort for nothing.
    rows = (
        counted_participants(start=start, end=end)
        .order_by()
        .values(
            "collaboration__municipality__code", "birth_year", "gender", "third_country_national"
        )
        .annotate(n=Count("pk"))
        .values_list(
            "collaboration__municipality__code",
            "birth_year",
            "gender",
            "third_country_national",
            "n",
        )
    )
    for code, birth_year, gender, tcn, n in rows:
        age = None if birth_year is None else start.year - birth_year
        participants[(code, agebands.band_for(age), gender, tcn)] += n

    held = Session.objects.filter(date__gte=start, date__lte=end, cancelled=False)
    headcounts: Counter = Counter()
    for row in (
        Headcount.objects.filter(session__in=held)
        .values("session__activity__collaboration__municipality__code", "age_band", "gender")
        .annotate(n=Sum("count"))
    ):
        key = (
            row["session__activity__collaboration__municipality__code"],
            row["age_band"],
            row["gender"],
        )
        headcounts[key] += row["n"] or 0

    focus_areas = {
        (row["activity__collaboration__municipality__code"], row["activity__focus_area"]): (
            row["sessions"],
            row["activities"],
        )
        for row in held.values(
            "activity__collaboration__municipality__code", "activity__focus_area"
        ).annotate(sessions=Count("pk"), activities=Count("activity", distinct=True))
    }

    municipalities = list(
        Municipality.objects.filter(collaborations__isnull=False).distinct().order_by("name")
    )
    return FunderFigures(
        start=start,
        end=end,
        municipalities=municipalities,
        participants=dict(participants),
        headcounts={k: v for k, v in headcounts.items() if v},
        focus_areas=focus_areas,
    )
