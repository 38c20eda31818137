"""Workflows of the collaboration model. Each runs in one transaction and is audited.

The audit trail gets names only (object type and code, changed field names), never what
anyone wrote or answered.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.assessment.checklists.selectors import phase_change_warnings
from samverka.assessment.instrument import INSTRUMENT_VERSION, ITEMS_BY_ID, SCALE_MAX, SCALE_MIN
from samverka.assessment.models import (
    Answer,
    AssessmentRound,
    BoundarySpanner,
    ChecklistMark,
    CollaborationProfile,
    Dilemma,
    LearningDecision,
    LearningSession,
    Level,
    OperationalRoutine,
    Party,
    PhaseChange,
    Response,
)
from samverka.assessment.phases import checklist_for
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record
from samverka.orgs.models import Collaboration, Phase

# --- Profile ---------------------------------------------------------------------------------


@transaction.atomic
def profile_save(*, collaboration: Collaboration, data: dict, by) -> CollaborationProfile:
    """Save the strategic profile; the goal picture and idea live on the collaboration itself."""
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    changed_collaboration = []
    for name in ("shared_goal_picture", "collaboration_idea"):
        if name in data and getattr(collaboration, name) != data[name]:
            setattr(collaboration, name, data[name])
            changed_collaboration.append(name)
    if changed_collaboration:
        collaboration.save(update_fields=changed_collaboration)
        audit_record(
            actor=by, action=AuditAction.UPDATE, obj=collaboration, fields=changed_collaboration
        )
    profile, created = CollaborationProfile.objects.get_or_create(collaboration=collaboration)
    changed = []
    for name in (
        "welfare_gaps",
        "anchoring_forums",
        "decision_level",
        "decisions",
        "child_rights_link",
        "organisation",
    ):
        if name in data and getattr(profile, name) != data[name]:
            setattr(profile, name, data[name])
            changed.append(name)
    if changed or created:
        profile.updated_by = by
        profile.save()
        audit_record(
            actor=by,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=profile,
            collaboration=collaboration,
            fields=changed,
        )
    return profile


@transaction.atomic
def routine_save(
    *, collaboration: Collaboration, element: str, data: dict, by
) -> OperationalRoutine:
    routine, created = OperationalRoutine.objects.get_or_create(
        collaboration=collaboration, element=element
    )
    changed = []
    for name in ("description", "meetings", "channels", "contacts", "key_person", "backup_person"):
        if name in data and getattr(routine, name) != data[name]:
            setattr(routine, name, data[name])
            changed.append(name)
    if changed:
        routine.save()
    if changed or created:
        audit_record(
            actor=by,
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            obj=routine,
            collaboration=collaboration,
            fields=changed,
            detail=element,
        )
    return routine


# --- Phases ------------------------------------------------------------------------------------


@transaction.atomic
def checklist_save(
    *, collaboration: Collaboration, phase: str, done: set[str], notes: dict[str, str], by
) -> list[str]:
    """Tick and note the checklist items of one phase. Returns the ids that changed."""
    changed = []
    existing = {
        m.item_id: m
        for m in ChecklistMark.objects.select_for_update().filter(collaboration=collaboration)
    }
    for item in checklist_for(phase):
        is_done, note = item.id in done, (notes.get(item.id) or "").strip()[:300]
        mark = existing.get(item.id)
        if mark is None:
            if not is_done and not note:
                continue
            ChecklistMark.objects.create(
                collaboration=collaboration, item_id=item.id, done=is_done, note=note, updated_by=by
            )
            changed.append(item.id)
        elif mark.done != is_done or mark.note != note:
            mark.done, mark.note, mark.updated_by = is_done, note, by
            mark.save()
            changed.append(item.id)
    if changed:
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=collaboration,
            fields=["checklist"],
            detail=f"checklist {phase}: {len(changed)}",
        )
    return changed


@transaction.atomic
def phase_change(
    *, collaboration: Collaboration, to_phase: str, changed_on: date, reason: str, by
) -> PhaseChange:
    """Move the collaboration to another phase, recording when, who, why and what was thin.

    Never blocks: the warnings are shown before and stored with the change.
    """
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if to_phase not in Phase.values:
        raise ValidationError(_("Choose a phase."))
    if to_phase == collaboration.phase:
        raise ValidationError(_("The collaboration is already in this phase."))
    if not reason.strip():
        raise ValidationError(_("Write why the collaboration changes phase."))
    warnings = phase_change_warnings(collaboration, to_phase)
    change = PhaseChange.objects.create(
        collaboration=collaboration,
        from_phase=collaboration.phase,
        to_phase=to_phase,
        changed_on=changed_on,
        changed_by=by,
        reason=reason.strip(),
        warnings=warnings,
    )
    collaboration.phase = to_phase
    collaboration.save(update_fields=["phase"])
    audit_record(actor=by, action=AuditAction.CREATE, obj=change, collaboration=collaboration)
    audit_record(actor=by, action=AuditAction.UPDATE, obj=collaboration, fields=["phase"])
    return change


# --- Self-assessment -------------------------------------------------------------------------


@transaction.atomic
def round_open(
    *, collaboration: Collaboration, by, note: str = "", closes_on: date | None = None
) -> AssessmentRound:
    """Open the next round. Only one round is open at a time."""
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    rounds = AssessmentRound.objects.filter(collaboration=collaboration)
    if rounds.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("A round is already open. Close it before opening a new one."))
    last = rounds.order_by("-number").values_list("number", flat=True).first() or 0
    try:
        with transaction.atomic():
            round = AssessmentRound.objects.create(
                collaboration=collaboration,
                number=last + 1,
                note=note.strip(),
                closes_on=closes_on,
                instrument_version=INSTRUMENT_VERSION,
                opened_at=timezone.now(),
                opened_by=by,
            )
    except IntegrityError as error:  # another coordinator opened one at the same moment
        raise ValidationError(
            _("A round is already open. Close it before opening a new one.")
        ) from error
    audit_record(actor=by, action=AuditAction.CREATE, obj=round, collaboration=collaboration)
    return round


@transaction.atomic
def round_close(*, round: AssessmentRound, by) -> AssessmentRound:
    """Close a round; from now on its results may be shown. Closing twice changes nothing."""
    round = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if round.closed_at is None:
        round.closed_at = timezone.now()
        round.closed_by = by
        round.save(update_fields=["closed_at", "closed_by"])
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=round,
            collaboration=round.collaboration,
            fields=["closed_at"],
        )
    return round


def _clean_answers(answers: dict[str, tuple[int | None, str]]) -> dict[str, tuple[int | None, str]]:
    clean = {}
    for item_id, (value, comment) in answers.items():
        if item_id not in ITEMS_BY_ID:
            raise ValidationError(_("Unknown question."))
        if value is not None and not SCALE_MIN <= int(value) <= SCALE_MAX:
            raise ValidationError(_("Answer on the scale from 1 to 5."))
        clean[item_id] = (None if value is None else int(value), (comment or "").strip()[:1000])
    return clean


@transaction.atomic
def response_save(
    *,
    round: AssessmentRound,
    respondent,
    party: str,
    level: str,
    answers: dict[str, tuple[int | None, str]],
    submit: bool,
) -> Response:
    """Save one person's answers in an open round: a draft, or submitted.

    `answers` maps item id to (1–5, or None for "don't know"; comment). Items left out are
    unanswered (drafts only). Saving again, or a second click on submit, updates the same
    response; a submitted response stays submitted.
    """
    round = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if not round.is_open:
        raise ValidationError(_("This round is closed. Answers can no longer be changed."))
    if party not in Party.values or level not in Level.values:
        raise ValidationError(_("Choose which side you answer for and at which level you work."))
    clean = _clean_answers(answers)
    if submit and set(clean) != set(ITEMS_BY_ID):
        raise ValidationError(_("Answer every question – “don't know” is an answer too."))
    response, created = Response.objects.get_or_create(
        round=round, respondent=respondent, defaults={"party": party, "level": level}
    )
    response.party, response.level = party, level
    first_submission = submit and response.submitted_at is None
    if first_submission:
        response.submitted_at = timezone.now()
    response.save()
    existing = {a.item_id: a for a in response.answers.all()}
    for item_id, (value, comment) in clean.items():
        answer = existing.get(item_id)
        if answer is None:
            Answer.objects.create(response=response, item_id=item_id, value=value, comment=comment)
        elif answer.value != value or answer.comment != comment:
            answer.value, answer.comment = value, comment
            answer.save(update_fields=["value", "comment"])
    audit_record(
        actor=respondent,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=response,
        collaboration=round.collaboration,
        detail="submitted"
        if first_submission
        else ("draft" if response.submitted_at is None else ""),
    )
    return response


# --- Dilemmas and learning --------------------------------------------------------------------


def _save_form(*, form, collaboration: Collaboration, by, extra: dict | None = None):
    created = form.instance.pk is None
    obj = form.save(commit=False)
    obj.collaboration = collaboration
    if created and hasattr(obj, "created_by"):
        obj.created_by = by
    for key, value in (extra or {}).items():
        setattr(obj, key, value)
    obj.save()
    form.save_m2m()
    audit_record(
        actor=by,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=obj,
        collaboration=collaboration,
        fields=[] if created else form.changed_data,
    )
    return obj


@transaction.atomic
def dilemma_save(*, form, collaboration: Collaboration, by) -> Dilemma:
    return _save_form(form=form, collaboration=collaboration, by=by)


@transaction.atomic
def dilemma_delete(*, dilemma: Dilemma, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=dilemma)
    dilemma.delete()


@transaction.atomic
def learning_session_save(*, form, collaboration: Collaboration, by) -> LearningSession:
    return _save_form(form=form, collaboration=collaboration, by=by)


@transaction.atomic
def learning_session_delete(*, session: LearningSession, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=session)
    session.delete()


@transaction.atomic
def decision_add(
    *, session: LearningSession, text: str, follow_up_by=None, due_on=None, by
) -> LearningDecision:
    decision = LearningDecision.objects.create(
        session=session, text=text.strip(), follow_up_by=follow_up_by, due_on=due_on
    )
    audit_record(
        actor=by, action=AuditAction.CREATE, obj=decision, collaboration=session.collaboration
    )
    return decision


@transaction.atomic
def decision_toggle(*, decision: LearningDecision, by) -> LearningDecision:
    """Mark a decision as followed up today, or as open again."""
    decision.done_on = None if decision.done_on else timezone.localdate()
    decision.save(update_fields=["done_on"])
    audit_record(
        actor=by,
        action=AuditAction.UPDATE,
        obj=decision,
        collaboration=decision.session.collaboration,
        fields=["done_on"],
    )
    return decision


@transaction.atomic
def decision_delete(*, decision: LearningDecision, by) -> None:
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=decision,
        collaboration=decision.session.collaboration,
    )
    decision.delete()


# --- Boundary spanners --------------------------------------------------------------------------


@transaction.atomic
def boundary_spanner_save(*, form, collaboration: Collaboration, by) -> BoundarySpanner:
    return _save_form(form=form, collaboration=collaboration, by=by)


@transaction.atomic
def boundary_spanner_delete(*, spanner: BoundarySpanner, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=spanner)
    spanner.delete()
