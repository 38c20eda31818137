"""Boundary spanners, the people who connect the organisations, and the warnings when the
collaboration rests on single persons."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.assessment.models import BoundarySpanner, OperationalRoutine
from samverka.assessment.profile.selectors import routines_in
from samverka.assessment.results.selectors import MIN_GROUP
from samverka.orgs.models import Collaboration


@dataclass
class DependenceWarning:
    kind: str
    text: str
    spanner: BoundarySpanner | None = None


def _spanner_left(spanner: BoundarySpanner, today: date) -> bool:
    membership_ended = spanner.membership_id is not None and spanner.membership.ended_at is not None
    return membership_ended or (spanner.ended_on is not None and spanner.ended_on <= today)


def spanners_for(collaboration: Collaboration) -> list[BoundarySpanner]:
    return spanners_in([collaboration])[collaboration.pk]


def spanners_in(collaborations) -> dict[int, list[BoundarySpanner]]:
    """`spanners_for` of each collaboration, in one query (and one for their organisations)."""
    by_pk = {c.pk: c for c in collaborations}
    spanners: dict[int, list[BoundarySpanner]] = {pk: [] for pk in by_pk}
    for spanner in (
        BoundarySpanner.objects.filter(collaboration__in=list(by_pk))
        .select_related("membership__user", "membership__organisation", "successor__user")
        .prefetch_related("organisations")
    ):
        spanner.collaboration = by_pk[spanner.collaboration_id]
        spanners[spanner.collaboration_id].append(spanner)
    return spanners


def dependence_warnings(collaboration: Collaboration) -> list[DependenceWarning]:
    """When the collaboration rests on single persons.

    - a boundary spanner has left (membership ended, or the role ended) with no active
      successor named, or is about to leave with none named;
    - a routine's key person has left and no backup keeps it going;
    - more than half of the routines and relations rest on one person alone. A routine rests
      on the people who carry it (key person, backup); a relation is an organisation that
      the active boundary spanners connect. Counted from three routines and relations.
    """
    return dependence_warnings_in([collaboration])[collaboration.pk]


def dependence_warnings_in(collaborations) -> dict[int, list[DependenceWarning]]:
    """`dependence_warnings` of each collaboration, in the same few queries for one or many
    (the national comparison reads every collaboration's at once)."""
    spanners = spanners_in(collaborations)
    routines = routines_in(collaborations)
    # --- hook: samverka/memory (key persons with no backup and no handover note) ------------
    from samverka.memory.hooks import dependence_warnings_in as memory_warnings_in

    memory = memory_warnings_in(collaborations, routines=routines)
    # --- end of hook ------------------------------------------------------------------------
    return {
        c.pk: _dependence_warnings(spanners[c.pk], routines[c.pk]) + memory[c.pk]
        for c in collaborations
    }


def _dependence_warnings(
    spanners: list[BoundarySpanner], routines: list[OperationalRoutine]
) -> list[DependenceWarning]:
    """One collaboration's warnings, from its spanners and routines as read above."""
    today = timezone.localdate()
    warnings: list[DependenceWarning] = []
    names: dict[tuple, str] = {}

    for spanner in spanners:
        names[spanner.person_key] = str(spanner)
        if spanner.has_active_successor:
            continue
        if _spanner_left(spanner, today):
            warnings.append(
                DependenceWarning(
                    "spanner_left",
                    _("%(name)s, a boundary spanner, has left and no successor is named.")
                    % {"name": spanner},
                    spanner,
                )
            )
        elif spanner.ended_on is not None:
            warnings.append(
                DependenceWarning(
                    "spanner_leaving",
                    _(
                        "%(name)s leaves the boundary-spanner role on %(date)s and no successor "
                        "is named."
                    )
                    % {"name": spanner, "date": spanner.ended_on.isoformat()},
                    spanner,
                )
            )

    carried: list[set] = []
    for routine in routines:
        if routine.pk is None or routine.key_person_id is None:
            continue
        carriers = set()
        for membership in (routine.key_person, routine.backup_person):
            if membership is not None and membership.ended_at is None:
                key = ("user", membership.user_id)
                carriers.add(key)
                names[key] = str(membership.user)
        if routine.key_person.ended_at is not None and not carriers:
            warnings.append(
                DependenceWarning(
                    "routine_orphaned",
                    _("The routine for %(element)s rests on someone who has left.")
                    % {"element": routine.get_element_display()},
                )
            )
        if carriers:
            carried.append(carriers)

    by_organisation: dict[int, set] = defaultdict(set)
    for spanner in spanners:
        if _spanner_left(spanner, today):
            continue
        for organisation in spanner.organisations.all():
            by_organisation[organisation.pk].add(spanner.person_key)
    carried.extend(by_organisation.values())

    total = len(carried)
    if total >= MIN_GROUP:
        alone: dict[tuple, int] = defaultdict(int)
        for carriers in carried:
            if len(carriers) == 1:
                alone[next(iter(carriers))] += 1
        for person, count in sorted(alone.items(), key=lambda kv: -kv[1]):
            if count * 2 > total:
                warnings.append(
                    DependenceWarning(
                        "one_person",
                        _(
                            "%(count)s of the collaboration's %(total)s routines and relations "
                            "rest on %(name)s alone."
                        )
                        % {"count": count, "total": total, "name": names.get(person, "?")},
                    )
                )
    return warnings
