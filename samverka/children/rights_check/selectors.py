"""Decisions that ask for a child-rights check, and which of them have one.

Asked for (a warning, never a block): a change of phase to transition, ending an activity (a
weekly activity whose last date has come, or comes within ENDING_SOON_DAYS), and a learning
decision marked "affects children". New activities and changes may have a check too; they are
listed, but not counted in the share, which would otherwise hang on every edit of an activity.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.children.rights_check.models import AffectsChildren, ChildRightsCheck, Subject
from samverka.orgs.models import Phase

ENDING_SOON_DAYS = 30


@dataclass
class AskedDecision:
    kind: str  # a Subject value
    label: str
    day: date
    collaboration_id: int
    check: ChildRightsCheck | None
    activity_code: str = ""
    learning_decision_code: str = ""
    learning_session_code: str = ""
    phase_change_code: str = ""

    @property
    def has_check(self) -> bool:
        return self.check is not None


def checks_for(collaborations):
    return ChildRightsCheck.objects.filter(collaboration__in=collaborations)


def _first(checks, **match):
    for check in checks:
        if all(getattr(check, k) == v for k, v in match.items()):
            return check
    return None


def asked_decisions(collaborations, *, today: date | None = None) -> list[AskedDecision]:
    """Every decision that asks for a check, with its check (or None), newest first."""
    from samverka.activities.models import Activity
    from samverka.assessment.models import PhaseChange

    today = today or timezone.localdate()
    checks = list(checks_for(collaborations).order_by("-state", "-created_at"))
    asked = []
    for change in PhaseChange.objects.filter(
        collaboration__in=collaborations, to_phase=Phase.TRANSITION
    ):
        check = _first(checks, phase_change_id=change.pk) or _first(
            checks,
            collaboration_id=change.collaboration_id,
            subject=Subject.PHASE_CHANGE,
            phase_change_id=None,
            to_phase=Phase.TRANSITION,
        )
        asked.append(
            AskedDecision(
                kind=Subject.PHASE_CHANGE,
                label=_("Phase change to transition"),
                day=change.changed_on,
                collaboration_id=change.collaboration_id,
                check=check,
                phase_change_code=change.code,
            )
        )
    ending = Activity.objects.filter(
        collaboration__in=collaborations,
        recurring=True,
        ends_on__isnull=False,
        ends_on__lte=today + timedelta(days=ENDING_SOON_DAYS),
    )
    for activity in ending:
        asked.append(
            AskedDecision(
                kind=Subject.ACTIVITY_END,
                label=_("%(activity)s ends") % {"activity": activity.name},
                day=activity.ends_on,
                collaboration_id=activity.collaboration_id,
                check=_first(checks, activity_id=activity.pk, subject=Subject.ACTIVITY_END),
                activity_code=activity.code,
            )
        )
    marks = AffectsChildren.objects.filter(collaboration__in=collaborations).select_related(
        "learning_decision__session"
    )
    for mark in marks:
        decision = mark.learning_decision
        asked.append(
            AskedDecision(
                kind=Subject.LEARNING_DECISION,
                label=decision.text,
                day=decision.session.held_on,
                collaboration_id=mark.collaboration_id,
                check=_first(checks, learning_decision_id=decision.pk),
                learning_decision_code=decision.code,
                learning_session_code=decision.session.code,
            )
        )
    return sorted(asked, key=lambda a: a.day, reverse=True)


def share_with_check(asked: list[AskedDecision]) -> tuple[int, int]:
    """(decisions with a check, decisions asking for one)."""
    return sum(1 for a in asked if a.has_check), len(asked)


def activity_check_status(activity, *, today: date | None = None) -> dict:
    """What the activity page shows: its checks, and whether ending it asks for one."""
    today = today or timezone.localdate()
    checks = list(ChildRightsCheck.objects.filter(activity=activity).order_by("-created_at"))
    ending = (
        activity.recurring
        and activity.ends_on is not None
        and activity.ends_on <= today + timedelta(days=ENDING_SOON_DAYS)
    )
    has_end_check = any(c.subject == Subject.ACTIVITY_END for c in checks)
    return {
        "checks": checks,
        "ending": ending,
        "ended": activity.ends_on is not None and activity.ends_on < today,
        "asks_for_end_check": ending and not has_end_check,
        "is_new": not checks and activity.starts_on >= today - timedelta(days=14),
    }


def phase_check(collaboration, to_phase: str):
    """A check recorded for a (planned) change to `to_phase`, if any."""
    return (
        ChildRightsCheck.objects.filter(
            collaboration=collaboration, subject=Subject.PHASE_CHANGE, to_phase=to_phase
        )
        .order_by("-created_at")
        .first()
    )
