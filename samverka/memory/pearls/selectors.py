"""The string of pearls with content: what a collaboration inherits from the earlier ones in its
chain, and the chain itself.

Reading an earlier collaboration's rows from a later one's pages crosses collaborations. It is
allowed because the later collaboration builds on the earlier one (Collaboration.builds_on, set
by its coordinator or the national lead) and the report asks exactly for this: that the next
project starts from the documented lessons of the ones before. Each read below opens an
explicit scope over the chain (earlier pearls and the current one, never a later or unrelated
collaboration) and reads only what the issue lists: lessons, continued activities, routines,
open decisions, the dossier, and per pearl its period, focus areas, participant count
(disclosure-controlled), number of lessons and what continued.
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.http import Http404

from samverka.activities.models import Activity, FocusArea
from samverka.assessment.models import LearningDecision
from samverka.lib.disclosure import TOTAL, disclosure_control, display
from samverka.lib.scoping import collaboration_scope
from samverka.memory.continuation.models import Continuation, Future
from samverka.memory.dossier.selectors import open_decisions, routine_rows
from samverka.memory.lessons.models import Lesson
from samverka.memory.pearls.models import Draft, DraftStatus
from samverka.orgs.models import Collaboration
from samverka.participants.models import Participant


def earlier_pearl(collaboration: Collaboration, code: str) -> Collaboration:
    """The earlier collaboration with `code` in this one's chain, or 404."""
    for pearl in collaboration.chain():
        if pearl.code == code:
            return pearl
    raise Http404


@dataclass
class Inheritance:
    """What one earlier pearl passes on."""

    pearl: Collaboration
    lessons: list[Lesson]
    continued: list[Continuation]
    routines: list[dict]
    open_decisions: list[LearningDecision]
    activities: list[Activity]

    @property
    def documented_routines(self) -> list[dict]:
        return [row for row in self.routines if row["routine"].pk and row["routine"].is_documented]

    @property
    def has_goal(self) -> bool:
        return bool(self.pearl.shared_goal_picture.strip() or self.pearl.collaboration_idea.strip())


def _inheritance(pearl: Collaboration) -> Inheritance:
    return Inheritance(
        pearl=pearl,
        lessons=list(Lesson.objects.filter(collaboration=pearl).order_by("-created_at")),
        continued=list(
            Continuation.objects.filter(
                activity__collaboration=pearl, future__in=Future.continuing()
            )
            .select_related("activity", "owner")
            .order_by("activity__name")
        ),
        routines=routine_rows(pearl),
        open_decisions=open_decisions(pearl),
        activities=list(
            Activity.objects.filter(collaboration=pearl)
            .select_related("continuation")
            .order_by("focus_area", "name")
        ),
    )


def inheritance_for(collaboration: Collaboration) -> list[Inheritance]:
    """What each earlier pearl passes on, the nearest first (see the module's docstring)."""
    earlier = collaboration.chain()
    if not earlier:
        return []
    with collaboration_scope([*earlier, collaboration]):
        return [_inheritance(pearl) for pearl in reversed(earlier)]


@dataclass
class InheritanceSummary:
    pearl: Collaboration
    lessons: int
    continued: int
    routines: int
    open_decisions: int


def inheritance_summary(collaboration: Collaboration) -> list[InheritanceSummary]:
    """Counts for the overview panel, the nearest pearl first (see the module's docstring)."""
    earlier = collaboration.chain()
    if not earlier:
        return []
    ids = [c.pk for c in earlier]
    with collaboration_scope([*earlier, collaboration]):
        lessons = dict(
            Lesson.objects.filter(collaboration__in=ids)
            .values_list("collaboration")
            .annotate(n=Count("pk"))
        )
        continued = dict(
            Continuation.objects.filter(
                activity__collaboration__in=ids, future__in=Future.continuing()
            )
            .values_list("activity__collaboration")
            .annotate(n=Count("pk"))
        )
        decisions = dict(
            LearningDecision.objects.filter(session__collaboration__in=ids, done_on__isnull=True)
            .values_list("session__collaboration")
            .annotate(n=Count("pk"))
        )
        routines: dict[int, int] = {}
        for pearl in earlier:
            routines[pearl.pk] = sum(1 for r in pearl.operational_routines.all() if r.is_documented)
    return [
        InheritanceSummary(
            pearl=pearl,
            lessons=lessons.get(pearl.pk, 0),
            continued=continued.get(pearl.pk, 0),
            routines=routines.get(pearl.pk, 0),
            open_decisions=decisions.get(pearl.pk, 0),
        )
        for pearl in reversed(earlier)
    ]


@dataclass
class Pearl:
    collaboration: Collaboration
    is_current: bool
    focus_areas: list[str]
    participants: int | None  # None: hidden by disclosure control
    lessons: int
    continued: list[Continuation] = field(default_factory=list)

    @property
    def participants_label(self) -> str:
        return display(self.participants)


def chain_pearls(collaboration: Collaboration) -> tuple[list[Pearl], int | None]:
    """Each pearl of the chain up to this collaboration, oldest first, and the participants of
    all of them together. Participant counts leave the circle that may see the rows (a member of
    the later collaboration reading the earlier one's), so they come from one disclosure-
    controlled table over the pearls (samverka/lib/disclosure.py)."""
    pearls = [*collaboration.chain(), collaboration]
    ids = [c.pk for c in pearls]
    with collaboration_scope(pearls):
        participants = dict(
            Participant.objects.filter(collaboration__in=ids)
            .values_list("collaboration")
            .annotate(n=Count("pk"))
        )
        lessons = dict(
            Lesson.objects.filter(collaboration__in=ids)
            .values_list("collaboration")
            .annotate(n=Count("pk"))
        )
        areas: dict[int, set[int]] = {}
        for pearl_id, area in (
            Activity.objects.filter(collaboration__in=ids)
            .values_list("collaboration", "focus_area")
            .distinct()
        ):
            areas.setdefault(pearl_id, set()).add(area)
        continued: dict[int, list[Continuation]] = {}
        for row in (
            Continuation.objects.filter(
                activity__collaboration__in=ids, future__in=Future.continuing()
            )
            .select_related("activity", "owner")
            .order_by("activity__name")
        ):
            continued.setdefault(row.activity.collaboration_id, []).append(row)
    codes = [c.code for c in pearls]
    cube = disclosure_control({(c.code,): participants.get(c.pk, 0) for c in pearls}, [codes])
    result = [
        Pearl(
            collaboration=c,
            is_current=c.pk == collaboration.pk,
            focus_areas=[FocusArea(a).label for a in sorted(areas.get(c.pk, ()))],
            participants=cube[(c.code,)],
            lessons=lessons.get(c.pk, 0),
            continued=continued.get(c.pk, []),
        )
        for c in pearls
    ]
    return result, cube[(TOTAL,)]


def open_drafts(collaboration: Collaboration):
    return Draft.objects.filter(collaboration=collaboration, status=DraftStatus.DRAFT)
