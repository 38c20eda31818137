"""Each phase's checklist as the collaboration has ticked it, what Samverka itself knows about
some of its items, and what is thin before a move to another phase."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samverka.assessment.boundary_spanners.selectors import dependence_warnings
from samverka.assessment.instrument import OPERATIONAL_ELEMENTS
from samverka.assessment.models import (
    AssessmentRound,
    ChecklistMark,
    CollaborationProfile,
    LearningSession,
    OperationalRoutine,
)
from samverka.assessment.phases import (
    CHECKLIST_BY_ID,
    PHASE_ORDER,
    ChecklistItem,
    checklist_for,
    phase_index,
)
from samverka.assessment.profile.selectors import (
    profile_for,
    profiles_in,
    routines_for,
    routines_in,
)
from samverka.orgs.models import Collaboration, Phase


@dataclass
class ChecklistRow:
    item: ChecklistItem
    done: bool
    note: str
    evidence: str = ""
    # What in Samverka's own data shows the item is done (then `done` is True even unticked).
    proof: str = ""

    @property
    def ticked(self) -> bool:
        return self.done and not self.proof


@dataclass
class PhaseChecklist:
    phase: str
    label: str
    rows: list[ChecklistRow]
    current: bool = False

    @property
    def done(self) -> int:
        return sum(row.done for row in self.rows)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def open_rows(self) -> list[ChecklistRow]:
        return [row for row in self.rows if not row.done]

    @property
    def is_thin(self) -> bool:
        """Fewer than half of the items are done."""
        return self.done * 2 < self.total


def checklist_marks(collaboration: Collaboration) -> dict[str, ChecklistMark]:
    """The collaboration's ticks and notes, by checklist item id."""
    return checklist_marks_in([collaboration])[collaboration.pk]


def checklist_marks_in(collaborations) -> dict[int, dict[str, ChecklistMark]]:
    """`checklist_marks` of each collaboration, in one query."""
    marks: dict[int, dict[str, ChecklistMark]] = {c.pk: {} for c in collaborations}
    for mark in ChecklistMark.objects.filter(collaboration__in=list(marks)):
        marks[mark.collaboration_id][mark.item_id] = mark
    return marks


def _counts(queryset, field: str) -> dict[int, int]:
    """The number of rows of `queryset` per value of `field` (a collaboration), one query."""
    return {
        row[field]: row["n"] for row in queryset.order_by().values(field).annotate(n=Count("pk"))
    }


def checklist_evidence(collaboration: Collaboration) -> dict[str, str]:
    """What Samverka itself knows about some checklist items, shown as a hint beside them."""
    profile = profile_for(collaboration)
    documented = sum(r.is_documented for r in routines_for(collaboration))
    total = len(OPERATIONAL_ELEMENTS)
    routines = _("%(done)s of %(total)s operational routines described.") % {
        "done": documented,
        "total": total,
    }
    sessions = collaboration.learning_sessions.count()
    rounds = collaboration.assessment_rounds.count()
    evidence = {
        "impl_routines": routines,
        "trans_documented": routines,
        "impl_learning": _("%(sessions)s learning sessions and %(rounds)s self-assessment rounds.")
        % {"sessions": sessions, "rounds": rounds},
    }
    if collaboration.shared_goal_picture.strip():
        evidence["init_goals"] = _("A shared goal picture is written.")
    if profile.welfare_gaps.strip():
        evidence["init_needs"] = _("The gaps in the welfare system are described.")
    if profile.anchoring_forums.strip():
        evidence["init_anchored"] = _("Forums and steering groups are described.")
    if profile.organisation.strip():
        evidence["init_structure"] = _("The collaboration organisation is described.")
    warnings = dependence_warnings(collaboration)
    if warnings:
        evidence["trans_handover"] = _(
            "Samverka sees %(count)s warnings about person-dependence."
        ) % {"count": len(warnings)}
    # --- hook: samverka/memory (what becomes of the activities, handovers, lessons) ---------
    from samverka.memory.hooks import transition_evidence

    for item_id, text in transition_evidence(collaboration).items():
        evidence[item_id] = f"{evidence.get(item_id, '')} {text}".strip()
    # --- end of hook ------------------------------------------------------------------------
    return evidence


def checklist_proof(collaboration: Collaboration) -> dict[str, str]:
    """Checklist items that Samverka's own data shows are done, each with the evidence used.

    Only where Samverka holds the evidence itself: partners registered, texts of the profile
    written, joint activities held, every routine described with a key person and a backup,
    self-assessment rounds closed and learning sessions held, lessons shared. The rest stays
    for the collaboration to tick.
    """
    return checklist_proof_in([collaboration])[collaboration.pk]


def checklist_proof_in(collaborations) -> dict[int, dict[str, str]]:
    """`checklist_proof` of each collaboration, in the same few grouped queries for one or
    many (the national comparison reads every collaboration's at once)."""
    from django.utils import timezone

    from samverka.activities.models import Activity, Session
    from samverka.memory.models import Lesson

    ids = [c.pk for c in collaborations]
    partners = _counts(
        Collaboration.partners.through.objects.filter(collaboration__in=ids), "collaboration"
    )
    profiles = profiles_in(collaborations)
    # Held sessions of activities run with at least one partner organisation, counted per
    # activity (a hash aggregate, no sort of every session) and summed per collaboration here.
    with_partners = Activity.partners.through.objects.filter(activity=OuterRef("activity"))
    held: dict[int, dict[str, int]] = {}
    for row in (
        Session.objects.filter(
            Exists(with_partners),
            activity__collaboration__in=ids,
            cancelled=False,
            date__lte=timezone.localdate(),
        )
        .order_by()
        .values_list("activity__collaboration", "activity")
        .annotate(n=Count("pk"))
    ):
        counts = held.setdefault(row[0], {"sessions": 0, "activities": 0})
        counts["sessions"] += row[2]
        counts["activities"] += 1
    routines = routines_in(collaborations)
    rounds = _counts(
        AssessmentRound.objects.filter(collaboration__in=ids, closed_at__isnull=False),
        "collaboration",
    )
    learning = _counts(LearningSession.objects.filter(collaboration__in=ids), "collaboration")
    shared = _counts(
        Lesson.objects.filter(collaboration__in=ids, shared_at__isnull=False), "collaboration"
    )
    return {
        c.pk: _proof(
            c,
            partners=partners.get(c.pk, 0),
            profile=profiles[c.pk],
            sessions=held.get(c.pk, {}).get("sessions", 0),
            activities=held.get(c.pk, {}).get("activities", 0),
            routines=routines[c.pk],
            rounds=rounds.get(c.pk, 0),
            learning=learning.get(c.pk, 0),
            shared=shared.get(c.pk, 0),
        )
        for c in collaborations
    }


def _proof(
    collaboration: Collaboration,
    *,
    partners: int,
    profile: CollaborationProfile,
    sessions: int,
    activities: int,
    routines: list[OperationalRoutine],
    rounds: int,
    learning: int,
    shared: int,
) -> dict[str, str]:
    proof: dict[str, str] = {}
    if partners:
        proof["init_actors"] = ngettext(
            "%(count)s partner organisation is registered.",
            "%(count)s partner organisations are registered.",
            partners,
        ) % {"count": partners}
    if collaboration.shared_goal_picture.strip():
        proof["init_goals"] = _("A shared goal picture is written.")
    if profile.welfare_gaps.strip():
        proof["init_needs"] = _("The gaps in the welfare system are described.")
    if profile.anchoring_forums.strip():
        proof["init_anchored"] = _("Forums and steering groups are described.")
    if profile.organisation.strip():
        proof["init_structure"] = _("The collaboration organisation is described.")
    if sessions:
        proof["impl_activities"] = ngettext(
            "%(activities)s activity run with partners has held %(sessions)s sessions.",
            "%(activities)s activities run with partners have held %(sessions)s sessions.",
            activities,
        ) % {"activities": activities, "sessions": sessions}
    if all(r.is_documented and r.key_person_id and r.backup_person_id for r in routines):
        proof["impl_routines"] = _(
            "All %(total)s operational routines are described, each with a key person and a backup."
        ) % {"total": len(routines)}
    if rounds and learning:
        proof["impl_learning"] = _(
            "%(rounds)s self-assessment rounds closed and %(sessions)s learning sessions held."
        ) % {"rounds": rounds, "sessions": learning}
    if shared:
        proof["trans_lessons"] = ngettext(
            "%(count)s lesson is shared nationally.",
            "%(count)s lessons are shared nationally.",
            shared,
        ) % {"count": shared}
    return proof


def checklists_for(
    collaboration: Collaboration,
    *,
    evidence: bool = True,
    marks: dict[str, ChecklistMark] | None = None,
    proofs: dict[str, str] | None = None,
) -> list[PhaseChecklist]:
    """Every phase's checklist; `marks` and `proofs` when already read (checklist_marks_in,
    checklist_proof_in: the national comparison)."""
    marks = checklist_marks(collaboration) if marks is None else marks
    hints = checklist_evidence(collaboration) if evidence else {}
    proofs = checklist_proof(collaboration) if proofs is None else proofs
    result = []
    for phase in PHASE_ORDER:
        rows = []
        for item in checklist_for(phase):
            mark = marks.get(item.id)
            proof = proofs.get(item.id, "")
            rows.append(
                ChecklistRow(
                    item=item,
                    done=bool(mark and mark.done) or bool(proof),
                    note=mark.note if mark else "",
                    evidence="" if proof else hints.get(item.id, ""),
                    proof=proof,
                )
            )
        result.append(
            PhaseChecklist(
                phase=phase,
                label=Phase(phase).label,
                rows=rows,
                current=phase == collaboration.phase,
            )
        )
    return result


def checklist_of(collaboration: Collaboration, phase: str, **kwargs) -> PhaseChecklist:
    return next(c for c in checklists_for(collaboration, **kwargs) if c.phase == phase)


def phase_change_warnings(collaboration: Collaboration, to_phase: str) -> list[dict]:
    """What is thin before moving to `to_phase`. Structured, so it is stored and re-rendered."""
    current = collaboration.phase
    if to_phase == current or current not in PHASE_ORDER:
        return []
    warnings: list[dict] = []
    start, end = phase_index(current), phase_index(to_phase)
    if end < start:
        return warnings  # Going back is a choice, not a risk.
    checklists = {c.phase: c for c in checklists_for(collaboration, evidence=False)}
    for phase in PHASE_ORDER[start:end]:
        checklist = checklists[phase]
        if phase != current:
            warnings.append({"kind": "skipped", "phase": phase})
        if checklist.open_rows:
            warnings.append(
                {
                    "kind": "open_items",
                    "phase": phase,
                    "items": [row.item.id for row in checklist.open_rows],
                    "done": checklist.done,
                    "total": checklist.total,
                    "thin": checklist.is_thin,
                }
            )
    if to_phase == Phase.TRANSITION:
        if not any(r.is_documented for r in routines_for(collaboration)):
            warnings.append({"kind": "no_working_methods"})
        dependence = dependence_warnings(collaboration)
        if dependence:
            warnings.append({"kind": "person_dependence", "count": len(dependence)})
    return warnings


def describe_phase_warning(warning: dict) -> dict:
    """A stored warning as a sentence (and the open items), in the current language."""
    kind = warning.get("kind")
    phase_label = Phase(warning["phase"]).label if warning.get("phase") in Phase.values else ""
    items: list[str] = []
    if kind == "open_items":
        items = [
            str(CHECKLIST_BY_ID[i].text) for i in warning.get("items", []) if i in CHECKLIST_BY_ID
        ]
        if warning.get("thin"):
            text = _("The checklist for %(phase)s is thin: %(done)s of %(total)s done. Still open:")
        else:
            text = _("The checklist for %(phase)s has %(open)s open items:")
        text = text % {
            "phase": phase_label,
            "done": warning.get("done", 0),
            "total": warning.get("total", 0),
            "open": len(items),
        }
    elif kind == "skipped":
        text = _("The collaboration skips the phase %(phase)s.") % {"phase": phase_label}
    elif kind == "no_working_methods":
        text = _(
            "No working methods are documented yet: describe the operational routines so that "
            "others can take them over."
        )
    elif kind == "person_dependence":
        text = _(
            "Samverka sees %(count)s warnings about person-dependence. Hand over key persons' "
            "tasks before the project ends."
        ) % {"count": warning.get("count", 0)}
    else:
        text = _("Something on the checklist was open.")
    return {"text": text, "items": items, "thin": bool(warning.get("thin"))}
