"""Reads of risk analyses, excursions and incidents that several pages share."""

from collections import Counter
from datetime import date, timedelta
from typing import NamedTuple

from django.utils import timezone

from samverka.activities.models import ActivityType
from samverka.children.safety.models import (
    AnalysisState,
    Excursion,
    Incident,
    RiskAnalysis,
    RiskArea,
)
from samverka.lib.planned import PlannedStatement

REVIEW_SOON_DAYS = 30
EXCURSION_AREAS = (RiskArea.TRANSPORT, RiskArea.EXCURSIONS_WATER)


def analyses_of(activity):
    return RiskAnalysis.objects.filter(activity=activity).order_by("-created_at")


def current_analysis(activity, day: date | None = None) -> RiskAnalysis | None:
    """The newest analysis that is signed by both parties and not past review on `day`."""
    day = day or timezone.localdate()
    for analysis in analyses_of(activity):
        if analysis.is_current_on(day):
            return analysis
    return None


def is_excursion(session) -> bool:
    if session.activity.type == ActivityType.EXCURSION:
        return True
    return Excursion.objects.filter(session=session).exists()


class SessionMarks(NamedTuple):
    """What the session hook reads of a session besides its risk analyses: the excursion mark
    (None: not marked) and how many decision-makers met the children there."""

    excursion: Excursion | None
    decision_makers: int


# The excursion mark and the decision-makers' count in one query, which PostgreSQL plans once
# per connection (lib/planned.py). The attendance page shows the hook on every visit, and two
# ORM queries cost it more than everything else the hook does (README, Performance). The session
# is the page's own, already checked against the person's access; the decision-makers are
# counted in its collaboration only.
SESSION_MARKS = PlannedStatement(
    "children_session_marks",
    """
SELECT e.id, e.destination, e.marked_by_id,
       (SELECT COUNT(*) FROM children_decisionmaker d
        WHERE d.session_id = %(session)s AND d.collaboration_id = %(collaboration)s)
FROM (SELECT 1 AS one) k
LEFT JOIN children_excursion e ON e.session_id = %(session)s
""",
    session="bigint",
    collaboration="bigint",
)


def session_marks(session) -> SessionMarks:
    [(excursion_id, destination, marked_by_id, makers)] = SESSION_MARKS.rows(
        session=session.pk, collaboration=session.activity.collaboration_id
    )
    excursion = None
    if excursion_id is not None:
        # What the hook shows of the mark (its date is not read).
        excursion = Excursion(
            pk=excursion_id, session=session, destination=destination, marked_by_id=marked_by_id
        )
    return SessionMarks(excursion, makers)


def session_safety(session, marks: SessionMarks | None = None) -> dict:
    """What the session page tells its leaders: excursion, and whether a current risk
    analysis covers it. `marks`: the session's, if already read (`session_marks`)."""
    excursion = (marks or session_marks(session)).excursion
    by_type = session.activity.type == ActivityType.EXCURSION
    marked = excursion is not None or by_type
    # The risk analyses matter only for an excursion (the page reads them for nothing else).
    analysis = (
        current_analysis(session.activity, max(session.date, timezone.localdate()))
        if marked
        else None
    )
    covered_areas = set(analysis.risks.values_list("area", flat=True)) if analysis else set()
    return {
        "is_excursion": marked,
        "by_type": by_type,
        "excursion": excursion,
        "analysis": analysis,
        "latest": analyses_of(session.activity).first() if marked else None,
        "warn": marked and analysis is None,
        "uncovered": [RiskArea(a).label for a in EXCURSION_AREAS if a not in covered_areas]
        if marked and analysis
        else [],
    }


def activity_overview(collaboration, *, today: date | None = None) -> list[dict]:
    """Each activity with its latest analysis and state."""
    from samverka.activities.models import Activity

    today = today or timezone.localdate()
    analyses: dict[int, RiskAnalysis] = {}
    for analysis in RiskAnalysis.objects.filter(activity__collaboration=collaboration).order_by(
        "created_at"
    ):
        analyses[analysis.activity_id] = analysis  # the latest wins
    rows = []
    for activity in Activity.objects.filter(collaboration=collaboration).order_by("name"):
        analysis = analyses.get(activity.pk)
        state = analysis.state_on(today) if analysis else None
        rows.append(
            {
                "activity": activity,
                "analysis": analysis,
                "state": state,
                "state_label": AnalysisState(state).label if state else "",
                "review_soon": bool(
                    analysis
                    and state == AnalysisState.CURRENT
                    and analysis.review_on <= today + timedelta(days=REVIEW_SOON_DAYS)
                ),
            }
        )
    return rows


def incidents_for(collaboration):
    return Incident.objects.filter(collaboration=collaboration).select_related(
        "session__activity", "follow_up_by__user"
    )


def incident_counts(collaboration) -> list[tuple[str, int]]:
    """Incidents per half-year: what everyone without the incident details sees."""
    counts = Counter(
        f"{d.year}-H{1 if d.month <= 6 else 2}"
        for d in incidents_for(collaboration).values_list("happened_on", flat=True)
    )
    return sorted(counts.items(), reverse=True)


def follow_ups_due(collaboration, *, today: date | None = None) -> list[Incident]:
    today = today or timezone.localdate()
    return list(
        incidents_for(collaboration)
        .filter(follow_up_on__lte=today + timedelta(days=7), followed_up_on__isnull=True)
        .order_by("follow_up_on")
    )


def upcoming_excursions_without_analysis(collaboration, *, today: date | None = None) -> list:
    """Excursion sessions in the coming two weeks that no current risk analysis covers."""
    from samverka.activities.models import Session

    today = today or timezone.localdate()
    marked = set(
        Excursion.objects.filter(session__activity__collaboration=collaboration).values_list(
            "session_id", flat=True
        )
    )
    sessions = Session.objects.filter(
        activity__collaboration=collaboration,
        date__gte=today,
        date__lte=today + timedelta(days=14),
        cancelled=False,
    ).select_related("activity")
    found = []
    for session in sessions:
        is_trip = session.pk in marked or session.activity.type == ActivityType.EXCURSION
        if is_trip and current_analysis(session.activity, session.date) is None:
            found.append(session)
    return found
