"""Reads of handover notes: a collaboration's notes, the notes waiting for a person, the
handovers that are due, and the person-dependence they leave."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.accounts.models import Membership
from samverka.accounts.roles import Capability
from samverka.assessment.instrument import OPERATIONAL_ELEMENTS
from samverka.assessment.models import BoundarySpanner, OperationalRoutine
from samverka.lib.scoping import collaboration_scope
from samverka.memory.handovers.models import Handover, HandoverContact, HandoverReason
from samverka.orgs.models import Collaboration

# Members who left longer ago than this are no longer listed as "handover due".
DUE_FOR_DAYS = 365


def handovers_for(collaboration: Collaboration) -> QuerySet[Handover]:
    return (
        Handover.objects.filter(collaboration=collaboration)
        .select_related(
            "leaving__user",
            "leaving__organisation",
            "successor__user",
            "routine",
            "spanner__membership__user",
            "written_by",
        )
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=HandoverContact.objects.select_related("organisation"),
            )
        )
    )


def may_read(access, handover: Handover) -> bool:
    """The people it is between, whoever wrote it, and those who keep the collaboration's memory."""
    user = access.user
    return (
        access.can(Capability.VIEW_MEMORY)
        or handover.written_by_id == user.pk
        or (handover.leaving_id is not None and handover.leaving.user_id == user.pk)
        or (handover.successor_id is not None and handover.successor.user_id == user.pk)
    )


def may_change(access, handover: Handover) -> bool:
    user = access.user
    return access.can(Capability.MANAGE_MEMORY) or (
        access.can(Capability.WRITE_HANDOVERS)
        and (
            handover.written_by_id == user.pk
            or (handover.leaving_id is not None and handover.leaving.user_id == user.pk)
        )
    )


def unread_handovers_for(user) -> list[Handover]:
    """Handover notes addressed to `user` that they have not marked read, in every
    collaboration where they are an active member (the start page)."""
    if not getattr(user, "is_authenticated", False):
        return []
    collaborations = list(
        user.memberships.active().values_list("collaboration_id", flat=True).distinct()
    )
    if not collaborations:
        return []
    # The start page belongs to no collaboration: it reads the person's own notes in each
    # collaboration they are a member of, and nothing else.
    with collaboration_scope(collaborations):
        return list(
            Handover.objects.filter(
                successor__user=user,
                successor__ended_at__isnull=True,
                read_at__isnull=True,
            ).select_related("collaboration", "leaving__user")
        )


def _covers(handover: Handover, *, membership_id=None, routine_id=None, spanner_id=None) -> bool:
    if routine_id is not None and handover.routine_id == routine_id:
        return True
    if spanner_id is not None and handover.spanner_id == spanner_id:
        return True
    return (
        membership_id is not None
        and handover.leaving_id == membership_id
        and handover.reason == HandoverReason.LEAVING
    )


@dataclass
class DueHandover:
    """Someone left, or left a routine or role, and no handover note is written."""

    text: str
    membership: Membership | None = None
    routine: OperationalRoutine | None = None
    spanner: BoundarySpanner | None = None

    @property
    def reason(self) -> str:
        if self.routine is not None:
            return HandoverReason.ROUTINE
        if self.spanner is not None:
            return HandoverReason.SPANNER
        return HandoverReason.LEAVING


def due_handovers(collaboration: Collaboration) -> list[DueHandover]:
    handovers = list(Handover.objects.filter(collaboration=collaboration))
    since = timezone.now() - timedelta(days=DUE_FOR_DAYS)
    due: list[DueHandover] = []
    left = (
        collaboration.memberships.filter(ended_at__isnull=False, ended_at__gte=since)
        .select_related("user")
        .order_by("-ended_at")
    )
    for membership in left:
        if not any(h.leaving_id == membership.pk for h in handovers):
            due.append(
                DueHandover(
                    _("%(name)s (%(role)s) has left without a handover note.")
                    % {"name": membership.user, "role": membership.get_role_display()},
                    membership=membership,
                )
            )
    routines = OperationalRoutine.objects.filter(collaboration=collaboration).select_related(
        "key_person__user", "backup_person__user"
    )
    for routine in routines:
        for membership in (routine.key_person, routine.backup_person):
            if membership is None or membership.ended_at is None:
                continue
            if any(
                _covers(h, membership_id=membership.pk, routine_id=routine.pk) for h in handovers
            ):
                continue
            due.append(
                DueHandover(
                    _("The routine for %(element)s: %(name)s has left without handing it over.")
                    % {"element": routine.get_element_display(), "name": membership.user},
                    membership=membership,
                    routine=routine,
                )
            )
    today = timezone.localdate()
    spanners = BoundarySpanner.objects.filter(
        collaboration=collaboration, membership__isnull=False
    ).select_related("membership__user")
    for spanner in spanners:
        gone = spanner.membership.ended_at is not None or (
            spanner.ended_on is not None and spanner.ended_on <= today
        )
        if not gone or any(
            _covers(h, membership_id=spanner.membership_id, spanner_id=spanner.pk)
            for h in handovers
        ):
            continue
        due.append(
            DueHandover(
                _("%(name)s has left the boundary-spanner role without a handover note.")
                % {"name": spanner},
                membership=spanner.membership,
                spanner=spanner,
            )
        )
    return due


def key_persons_alone(
    collaboration: Collaboration, *, routines=None, handovers: list[Handover] | None = None
) -> list[dict]:
    """Active key persons of routines with no active backup and no handover note for them:
    who the collaboration would lose its memory with, grouped by person. (Boundary spanners
    without a successor are samverka.assessment's own warnings.)

    `routines` and `handovers` may be the collaboration's, already read (with key and backup
    persons): the national comparison reads them for every collaboration at once."""
    if handovers is None:
        handovers = list(Handover.objects.filter(collaboration=collaboration))
    alone: dict[int, dict] = defaultdict(lambda: {"routines": []})
    if routines is None:
        routines = OperationalRoutine.objects.filter(
            collaboration=collaboration, key_person__isnull=False, key_person__ended_at__isnull=True
        ).select_related("key_person__user", "backup_person")
    else:
        routines = [
            r
            for r in routines
            if r.pk is not None and r.key_person_id is not None and r.key_person.ended_at is None
        ]
    for routine in routines:
        backup = routine.backup_person
        if backup is not None and backup.ended_at is None:
            continue
        key = routine.key_person
        if any(_covers(h, membership_id=key.pk, routine_id=routine.pk) for h in handovers):
            continue
        entry = alone[key.user_id]
        entry["name"] = str(key.user)
        entry["routines"].append(routine)
    order = [element.key for element in OPERATIONAL_ELEMENTS]
    for entry in alone.values():
        entry["routines"] = [
            str(r.get_element_display()).lower()
            for r in sorted(entry["routines"], key=lambda r: order.index(r.element))
        ]
    return sorted(alone.values(), key=lambda e: e["name"])
