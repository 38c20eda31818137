"""What other apps call from the organisational memory, in one place.

- `transition_evidence` – the transition checklist's hints (samverka/assessment/selectors.py,
  `checklist_evidence`): the share of activities with a decided future, handovers, lessons and
  method descriptions.
- `dependence_warnings` – person-dependence warnings (samverka/assessment/selectors.py,
  `dependence_warnings`): key persons with no backup and no handover note;
  `dependence_warnings_in` for many collaborations at once (the national comparison).
- `unread_handovers_for` – handover notes waiting on a person's start page
  (samverka/orgs/views.py, `home`).
- The overview panels are listed in samverka/orgs/panels.py (samverka/memory/panels.py).

Each is read-only and cheap: a few queries per collaboration.
"""

from django.utils.translation import ngettext

from samverka.memory.continuation.models import Future
from samverka.memory.continuation.selectors import future_summary
from samverka.memory.documents.models import Document, DocumentKind
from samverka.memory.handovers.models import Handover
from samverka.memory.handovers.selectors import key_persons_alone, unread_handovers_for
from samverka.memory.lessons.models import Lesson

__all__ = [
    "dependence_warnings",
    "dependence_warnings_in",
    "transition_evidence",
    "unread_handovers_for",
]


def transition_evidence(collaboration) -> dict[str, str]:
    """Checklist item id → what Samverka knows about it from the organisational memory."""
    evidence: dict[str, str] = {}
    summary = future_summary(collaboration)
    if summary.total:
        evidence["trans_responsibility"] = ngettext(
            "%(decided)s of %(total)s activity has a decided future (%(percent)s %%).",
            "%(decided)s of %(total)s activities have a decided future (%(percent)s %%).",
            summary.total,
        ) % {"decided": summary.decided, "total": summary.total, "percent": summary.percent}
        ordinary = summary.by_future.get(Future.ORDINARY, 0)
        if ordinary:
            evidence["trans_integrated"] = ngettext(
                "%(count)s activity continues in ordinary operations.",
                "%(count)s activities continue in ordinary operations.",
                ordinary,
            ) % {"count": ordinary}
    methods = Document.objects.filter(collaboration=collaboration, kind=DocumentKind.METHOD)
    if methods.exists():
        count = methods.count()
        evidence["trans_documented"] = ngettext(
            "%(count)s method description in the document archive.",
            "%(count)s method descriptions in the document archive.",
            count,
        ) % {"count": count}
    handovers = Handover.objects.filter(collaboration=collaboration).count()
    if handovers:
        evidence["trans_handover"] = ngettext(
            "%(count)s handover note written.", "%(count)s handover notes written.", handovers
        ) % {"count": handovers}
    lessons = Lesson.objects.filter(collaboration=collaboration)
    written = lessons.count()
    if written:
        evidence["trans_lessons"] = ngettext(
            "%(count)s lesson recorded, %(shared)s shared nationally.",
            "%(count)s lessons recorded, %(shared)s shared nationally.",
            written,
        ) % {"count": written, "shared": lessons.filter(shared_at__isnull=False).count()}
    return evidence


def dependence_warnings(collaboration, *, routines=None, handovers=None) -> list:
    """Person-dependence warnings for samverka.assessment: a routine's key person with no
    backup and no handover note (from `routines` and `handovers` when already read)."""
    from samverka.assessment.boundary_spanners.selectors import DependenceWarning

    warnings = []
    for person in key_persons_alone(collaboration, routines=routines, handovers=handovers):
        warnings.append(
            DependenceWarning(
                "no_backup_no_handover",
                ngettext(
                    "The routine for %(routines)s rests on %(name)s, with no backup person "
                    "and no handover note.",
                    "The routines for %(routines)s rest on %(name)s, with no backup person "
                    "and no handover note.",
                    len(person["routines"]),
                )
                % {"routines": ", ".join(person["routines"]), "name": person["name"]},
            )
        )
    return warnings


def dependence_warnings_in(collaborations, *, routines: dict[int, list]) -> dict[int, list]:
    """`dependence_warnings` of each collaboration, from its routines as
    samverka.assessment.profile.selectors.routines_in read them, and one query of handovers."""
    handovers: dict[int, list] = {c.pk: [] for c in collaborations}
    for handover in Handover.objects.filter(collaboration__in=list(handovers)):
        handovers[handover.collaboration_id].append(handover)
    return {
        c.pk: dependence_warnings(c, routines=routines[c.pk], handovers=handovers[c.pk])
        for c in collaborations
    }
