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

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Count, Q, Sum, TextField, Value, When
from django.db.models.functions import Cast

from samverka.activities.activity_years import held_between
from samverka.activities.attendance_years import attended_between, counted_between
from samverka.activities.models import Activity, Headcount, TargetGroup
from samverka.lib import agebands
from samverka.orgs.models import Collaboration, Municipality
from samverka.participants.models import ConsentPurpose, Participant


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


def _age_band(start: date):
    """The age band of a row's birth year at the period's start (age = start year minus birth
    year), as lib/agebands gives it: the first band that holds it, else "unknown"."""
    whens = []
    for band in agebands.bands():
        born = Q(birth_year__lte=start.year - band.low)
        if band.high is not None:
            born &= Q(birth_year__gte=start.year - band.high)
        whens.append(When(born, then=Value(band.label)))
    return Case(*whens, default=Value(agebands.UNKNOWN), output_field=CharField())


def for_professionals(target_groups) -> bool:
    """An activity aimed at professionals (or volunteers) only: its anonymous headcounts are
    staff, not participants, and never enter the participant figures."""
    groups = set(target_groups or ())
    return bool(groups) and groups <= {TargetGroup.PROFESSIONALS, TargetGroup.VOLUNTEERS}


def counted_participants(*, start: date, end: date):
    """Participants counted for the period (distinct rows, see the module docstring).

    Reads the derived tables AttendanceYear (months attended per year) and ConsentState (the
    latest ledger entry per purpose), which the write paths keep in step, instead of ranking
    the whole ledger and reading every attendance row of the period (README, Performance).
    """
    return Participant.objects.filter(attended_between(start, end)).with_consent(
        ConsentPurpose.FUNDER_REPORTING
    )


def funder_figures(*, start: date, end: date, collaborations=None) -> FunderFigures:
    """The true counts; `collaborations` (ids) limits them to those collaborations' own
    participants, headcounts and sessions (a collaboration's page), None counts all."""
    # Collaborations and activities are few (hundreds, tens of thousands): the big aggregations
    # group by their ids and are mapped to municipalities and focus areas here, which spares
    # the database joins and sorts over a million rows (README, Performance).
    chosen = Collaboration.objects.all()
    if collaborations is not None:
        chosen = chosen.filter(pk__in=list(collaborations))
    municipality_of = dict(chosen.values_list("pk", "municipality__code"))

    # A grouped count over rows already in the shape of the answer: AttendanceYear keeps the
    # collaboration, birth year, gender, third-country status and consent on each participant's
    # row of the year, so nothing joins the million participants (README, Performance). The
    # age band is worked out in the database from the birth year, so the rows returned are the
    # cells of the answer.
    rows = counted_between(start, end)
    if collaborations is not None:
        rows = rows.filter(collaboration_id__in=list(municipality_of))
    several_years = start.year != end.year
    participants: Counter = Counter()
    for collaboration_id, band, gender, tcn, n in (
        rows.values("collaboration_id", "gender", "third_country_national", band=_age_band(start))
        .annotate(n=Count("participant_id", distinct=several_years))
        .values_list("collaboration_id", "band", "gender", "third_country_national", "n")
    ):
        participants[(municipality_of[collaboration_id], band, gender, tcn)] += n

    # Target groups as their JSON text, decoded once per distinct value (a handful) instead of
    # once per activity.
    activities = Activity.objects.order_by().values_list(
        "pk", "collaboration_id", "focus_area", Cast("target_groups", TextField())
    )
    if collaborations is not None:
        activities = activities.filter(collaboration_id__in=list(municipality_of))
    activity_place, professional, staff_only = {}, set(), {}
    for pk, collaboration_id, focus_area, target_groups in activities:
        activity_place[pk] = (municipality_of[collaboration_id], focus_area)
        if target_groups not in staff_only:
            staff_only[target_groups] = for_professionals(json.loads(target_groups or "null"))
        if staff_only[target_groups]:
            professional.add(pk)

    # Joined to the sessions directly (not `session__in=held`, which looked each session up twice).
    counts = Headcount.objects.filter(
        session__date__gte=start, session__date__lte=end, session__cancelled=False
    )
    if collaborations is not None:
        counts = counts.filter(session__activity__collaboration_id__in=list(municipality_of))
    headcounts: Counter = Counter()
    for activity_id, age_band, gender, n in (
        counts.order_by()
        .values("session__activity_id", "age_band", "gender")
        .annotate(n=Sum("count"))
        .values_list("session__activity_id", "age_band", "gender", "n")
    ):
        if activity_id in professional:
            continue  # staff at a forum or training, not participants
        headcounts[(activity_place[activity_id][0], age_band, gender)] += n or 0
    focus: dict[tuple[str, int], list[int]] = {}
    # Sessions held per activity from the derived ActivityYear rows (one per activity and year)
    # instead of grouping every session of the period (README, Performance).
    held = held_between(start, end, None if collaborations is None else list(municipality_of))
    for activity_id, sessions in held.items():
        pair = focus.setdefault(activity_place[activity_id], [0, 0])
        pair[0] += sessions
        pair[1] += 1

    municipalities = list(
        Municipality.objects.filter(collaborations__in=list(municipality_of))
        .distinct()
        .order_by("name")
    )
    return FunderFigures(
        start=start,
        end=end,
        municipalities=municipalities,
        participants=dict(participants),
        headcounts={k: v for k, v in headcounts.items() if v},
        focus_areas={key: (sessions, count) for key, (sessions, count) in focus.items()},
    )
