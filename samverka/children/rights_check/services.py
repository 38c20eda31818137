"""Workflows of the child-rights check; one transaction each, audited (names only)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.children.privacy import refuse_identifying
from samverka.children.rights_check.models import (
    AffectsChildren,
    CheckState,
    ChildRightsCheck,
    KnowledgeSource,
    Subject,
)

TEXT_STEPS = (
    "affected_children",
    "children_views",
    "knowledge",
    "best_interests",
    "conflicting_interests",
    "decision",
    "reasons",
    "how_children_told",
)
CHECK_FIELDS = (
    "subject",
    "title",
    "activity",
    "phase_change",
    "to_phase",
    "learning_decision",
    *TEXT_STEPS,
    "consultations",
    "follow_up_on",
)
# What must be written before a check can be marked decided.
NEEDED_TO_DECIDE = (
    "affected_children",
    "children_views",
    "best_interests",
    "decision",
    "reasons",
    "how_children_told",
)


@transaction.atomic
def check_save(
    *, collaboration, check: ChildRightsCheck | None = None, data: dict, sources: list[dict], by
) -> ChildRightsCheck:
    """Create or change a check and its sources of knowledge (dicts: code, title, url, note,
    delete). A decided check can still be corrected; the change is audited."""
    refuse_identifying(title=data.get("title", ""), **{s: data.get(s, "") for s in TEXT_STEPS})
    if data.get("subject") not in Subject.values:
        raise ValidationError({"subject": _("Say what kind of decision is checked.")})
    values = {k: data[k] for k in CHECK_FIELDS if k in data}
    for name in TEXT_STEPS:
        if name in values:
            values[name] = (values[name] or "").strip()
    if check is None:
        check = ChildRightsCheck(collaboration=collaboration, created_by=by)
    save_audited(check, values, by=by, collaboration=collaboration)
    existing = {s.code: s for s in check.sources.all()}
    for source in sources:
        row = existing.get(source.get("code") or "")
        if row is not None and source.get("delete"):
            audit_record(actor=by, action=AuditAction.DELETE, obj=row, collaboration=collaboration)
            row.delete()
            continue
        if not (source.get("title") or "").strip():
            continue
        save_audited(
            row or KnowledgeSource(check_record=check),
            {
                "title": source["title"].strip(),
                "url": (source.get("url") or "").strip(),
                "note": (source.get("note") or "").strip(),
            },
            by=by,
            collaboration=collaboration,
        )
    return check


def missing_steps(check: ChildRightsCheck) -> list[str]:
    """Labels of the steps still empty that a decided check needs."""
    missing = [
        str(ChildRightsCheck._meta.get_field(name).verbose_name)
        for name in NEEDED_TO_DECIDE
        if not getattr(check, name).strip()
    ]
    if check.follow_up_on is None:
        missing.append(str(ChildRightsCheck._meta.get_field("follow_up_on").verbose_name))
    return missing


@transaction.atomic
def check_decide(
    *, check: ChildRightsCheck, decided_on: date | None = None, by
) -> ChildRightsCheck:
    check = ChildRightsCheck.objects.select_for_update().get(pk=check.pk)
    missing = missing_steps(check)
    if missing:
        raise ValidationError(
            _("Fill in these steps before the check is decided: %(steps)s.")
            % {"steps": "; ".join(missing)}
        )
    if check.state != CheckState.DECIDED:
        save_audited(
            check,
            {
                "state": CheckState.DECIDED,
                "decided_on": decided_on or timezone.localdate(),
                "decided_by": by,
            },
            by=by,
            collaboration=check.collaboration,
        )
    return check


@transaction.atomic
def check_reopen(*, check: ChildRightsCheck, by) -> ChildRightsCheck:
    """Back to draft, for a decision that is reconsidered."""
    save_audited(
        check,
        {"state": CheckState.DRAFT, "decided_on": None, "decided_by": None},
        by=by,
        collaboration=check.collaboration,
    )
    return check


@transaction.atomic
def check_follow_up(
    *, check: ChildRightsCheck, followed_up_on: date, follow_up_note: str, by
) -> ChildRightsCheck:
    refuse_identifying(follow_up_note=follow_up_note)
    if check.state != CheckState.DECIDED:
        raise ValidationError(_("Only a decided check is followed up."))
    save_audited(
        check,
        {"followed_up_on": followed_up_on, "follow_up_note": follow_up_note.strip()},
        by=by,
        collaboration=check.collaboration,
    )
    return check


@transaction.atomic
def check_delete(*, check: ChildRightsCheck, by) -> None:
    if check.state == CheckState.DECIDED:
        raise ValidationError(_("A decided check is kept. Open it again to change it."))
    audit_record(actor=by, action=AuditAction.DELETE, obj=check, collaboration=check.collaboration)
    check.delete()


@transaction.atomic
def affects_children_set(*, collaboration, learning_decision, affects: bool, by) -> bool:
    """Mark (or unmark) a learning decision as affecting children; True when it changed."""
    mark = AffectsChildren.objects.filter(learning_decision=learning_decision).first()
    if affects and mark is None:
        mark = AffectsChildren.objects.create(
            collaboration=collaboration, learning_decision=learning_decision, marked_by=by
        )
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=learning_decision,
            collaboration=collaboration,
            fields=["affects_children"],
        )
        return True
    if not affects and mark is not None:
        mark.delete()
        audit_record(
            actor=by,
            action=AuditAction.UPDATE,
            obj=learning_decision,
            collaboration=collaboration,
            fields=["affects_children"],
        )
        return True
    return False
