"""Ticking a phase's checklist, and moving the collaboration to another phase."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.assessment.checklists.selectors import phase_change_warnings
from samverka.assessment.models import ChecklistMark, PhaseChange
from samverka.assessment.phases import checklist_for
from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.orgs.models import Collaboration, Phase


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
    change = PhaseChange(collaboration=collaboration)
    save_audited(
        change,
        {
            "from_phase": collaboration.phase,
            "to_phase": to_phase,
            "changed_on": changed_on,
            "changed_by": by,
            "reason": reason.strip(),
            "warnings": phase_change_warnings(collaboration, to_phase),
        },
        by=by,
        collaboration=collaboration,
    )
    save_audited(collaboration, {"phase": to_phase}, by=by)
    return change
