"""Taking over from an earlier collaboration: copy as drafts, then adopt or discard each."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.activities.models import Activity
from samverka.activities.services import activity_create
from samverka.assessment.instrument import ELEMENTS_BY_KEY
from samverka.assessment.models import OperationalRoutine
from samverka.assessment.profile.services import routine_save
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.lib.scoping import collaboration_scope
from samverka.memory.continuation.models import Continuation
from samverka.memory.pearls.models import Draft, DraftKind, DraftStatus
from samverka.orgs.models import Collaboration

ROUTINE_FIELDS = ("description", "meetings", "channels", "contacts")
ACTIVITY_FIELDS = (
    "name",
    "focus_area",
    "type",
    "target_groups",
    "place",
    "description",
    "recurring",
    "weekday",
)


@dataclass
class TakeOverResult:
    created: int = 0
    refreshed: int = 0
    kept: int = 0  # already adopted: left alone


def _time(value) -> str:
    return value.strftime("%H:%M") if value else ""


def _goal_content(source: Collaboration) -> dict:
    return {
        "shared_goal_picture": source.shared_goal_picture,
        "collaboration_idea": source.collaboration_idea,
    }


def _routine_content(routine: OperationalRoutine) -> dict:
    return {"element": routine.element, **{n: getattr(routine, n) for n in ROUTINE_FIELDS}}


def _activity_content(activity: Activity) -> dict:
    content = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
    content.update(
        start_time=_time(activity.start_time),
        end_time=_time(activity.end_time),
        partners=list(activity.partners.values_list("pk", flat=True)),
        source_code=activity.code,
    )
    try:
        continuation = activity.continuation
    except Continuation.DoesNotExist:
        continuation = None
    if continuation is not None:
        content.update(
            future=continuation.future,
            owner=str(continuation.owner or ""),
            continuation_note=continuation.note,
        )
    return content


def _put(collaboration, source, key, kind, title, content, by, result) -> None:
    draft = Draft.objects.filter(collaboration=collaboration, source=source, source_key=key).first()
    if draft is None:
        draft = Draft.objects.create(
            collaboration=collaboration,
            source=source,
            source_key=key,
            kind=kind,
            title=title[:200],
            content=content,
            created_by=by,
        )
        audit_record(
            actor=by, action=AuditAction.CREATE, obj=draft, collaboration=collaboration, detail=kind
        )
        result.created += 1
    elif draft.status == DraftStatus.ADOPTED:
        result.kept += 1
    else:
        draft.title, draft.content, draft.status = title[:200], content, DraftStatus.DRAFT
        draft.decided_by, draft.decided_at = None, None
        draft.save(update_fields=["title", "content", "status", "decided_by", "decided_at"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=draft,
            collaboration=collaboration,
            fields=["content", "status"],
        )
        result.refreshed += 1


@transaction.atomic
def take_over(
    *,
    collaboration: Collaboration,
    source: Collaboration,
    goal: bool,
    elements: list[str],
    activity_codes: list[str],
    by,
) -> TakeOverResult:
    """Copy the earlier collaboration's goal picture, chosen routines and chosen activities
    into `collaboration` as drafts. Nothing of the new collaboration changes until a draft is
    adopted; taking over again refreshes drafts that are not adopted yet."""
    if source not in collaboration.chain():
        raise ValidationError(_("This collaboration does not build on that one."))
    result = TakeOverResult()
    # Reading the earlier collaboration's rows: allowed because this one builds on it (see
    # samverka/memory/pearls/selectors.py); the scope covers exactly the two of them.
    with collaboration_scope([source, collaboration]):
        if goal:
            _put(
                collaboration,
                source,
                "goal",
                DraftKind.GOAL,
                str(DraftKind.GOAL.label),
                _goal_content(source),
                by,
                result,
            )
        routines = OperationalRoutine.objects.filter(collaboration=source, element__in=elements)
        for routine in routines:
            _put(
                collaboration,
                source,
                f"routine:{routine.element}",
                DraftKind.ROUTINE,
                str(ELEMENTS_BY_KEY[routine.element].name),
                _routine_content(routine),
                by,
                result,
            )
        activities = Activity.objects.filter(collaboration=source, code__in=activity_codes)
        for activity in activities.select_related("continuation__owner"):
            _put(
                collaboration,
                source,
                f"activity:{activity.code}",
                DraftKind.ACTIVITY,
                activity.name,
                _activity_content(activity),
                by,
                result,
            )
    return result


def _decided(draft: Draft, by, status: str, result_code: str = "") -> None:
    draft.status, draft.decided_by, draft.decided_at = status, by, timezone.now()
    draft.result_code = result_code
    draft.save(update_fields=["status", "decided_by", "decided_at", "result_code"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=draft,
        collaboration=draft.collaboration,
        fields=["status"],
        detail=status,
    )


def _open(draft: Draft, kind: str) -> Draft:
    """The draft, locked, if it is still open (two people may adopt it at once)."""
    draft = Draft.objects.select_for_update().select_related("collaboration").get(pk=draft.pk)
    if draft.kind != kind or draft.status != DraftStatus.DRAFT:
        raise ValidationError(_("This draft is already dealt with."))
    return draft


@transaction.atomic
def goal_draft_adopt(*, draft: Draft, data: dict, by) -> Collaboration:
    """Use the (edited) goal picture and idea as the collaboration's own."""
    draft = _open(draft, DraftKind.GOAL)
    collaboration = Collaboration.objects.select_for_update().get(pk=draft.collaboration_id)
    save_audited(
        collaboration,
        {n: data[n] for n in ("shared_goal_picture", "collaboration_idea") if n in data},
        by=by,
    )
    _decided(draft, by, DraftStatus.ADOPTED)
    return collaboration


@transaction.atomic
def routine_draft_adopt(*, draft: Draft, data: dict, by) -> OperationalRoutine:
    """Write the (edited) routine, with this collaboration's own key and backup persons."""
    draft = _open(draft, DraftKind.ROUTINE)
    collaboration = draft.collaboration
    for name in ("key_person", "backup_person"):
        person = data.get(name)
        if person is not None and person.collaboration_id != collaboration.pk:
            raise ValidationError(_("Choose a member of this collaboration."))
    routine = routine_save(
        collaboration=collaboration,
        element=draft.content["element"],
        **{n: data.get(n, "") for n in ROUTINE_FIELDS},
        key_person=data.get("key_person"),
        backup_person=data.get("backup_person"),
        by=by,
    )
    _decided(draft, by, DraftStatus.ADOPTED)
    return routine


@transaction.atomic
def activity_draft_adopt(*, draft: Draft, data: dict, by) -> Activity:
    """Create the activity (edited, with this collaboration's dates) and its sessions."""
    draft = _open(draft, DraftKind.ACTIVITY)
    collaboration = draft.collaboration
    activity = activity_create(collaboration=collaboration, by=by, **data)
    _decided(draft, by, DraftStatus.ADOPTED, result_code=activity.code)
    return activity


@transaction.atomic
def draft_discard(*, draft: Draft, by) -> Draft:
    draft = _open(draft, draft.kind)
    _decided(draft, by, DraftStatus.DISCARDED)
    return draft
