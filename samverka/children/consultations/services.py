"""Workflows of consultations with children; one transaction each, audited (names only)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.children.consultations.models import (
    Consultation,
    Decision,
    DecisionStatus,
    FeedbackMethod,
    Voice,
)
from samverka.children.consultations.selectors import child_bands
from samverka.children.privacy import refuse_identifying

CONSULTATION_FIELDS = (
    "held_on",
    "topic",
    "method",
    "activity",
    "session",
    "children_by_age",
    "listeners",
)


def _clean_counts(counts: dict) -> dict:
    bands = set(child_bands())
    clean = {}
    for band, value in (counts or {}).items():
        if band not in bands:
            raise ValidationError(_("Unknown age band."))
        number = int(value or 0)
        if number < 0 or number > 1000:
            raise ValidationError(_("Give a number of children from 0 to 1000."))
        if number:
            clean[band] = number
    return clean


@transaction.atomic
def consultation_save(
    *,
    collaboration,
    consultation: Consultation | None = None,
    data: dict,
    voices: list[dict],
    by,
) -> Consultation:
    """Create or change a consultation and what the children raised.

    `voices` are dicts with `theme`, `words` and, for an existing one, `code` and `delete`.
    """
    refuse_identifying(topic=data.get("topic", ""))
    for voice in voices:
        refuse_identifying(theme=voice.get("theme", ""), words=voice.get("words", ""))
    data = {k: v for k, v in data.items() if k in CONSULTATION_FIELDS}
    data["children_by_age"] = _clean_counts(data.get("children_by_age", {}))
    if consultation is None:
        consultation = Consultation(collaboration=collaboration, created_by=by)
    session = data.get("session")
    if session is not None and not data.get("activity"):
        data["activity"] = session.activity
    save_audited(consultation, data, by=by, collaboration=collaboration)
    existing = {v.code: v for v in consultation.voices.all()}
    order = 0
    for voice in voices:
        row = existing.get(voice.get("code") or "")
        if row is not None and voice.get("delete"):
            audit_record(actor=by, action=AuditAction.DELETE, obj=row, collaboration=collaboration)
            row.delete()
            continue
        if not (voice.get("theme") or "").strip():
            continue
        order += 1
        values = {
            "theme": voice["theme"].strip(),
            "words": (voice.get("words") or "").strip(),
            "order": order,
        }
        save_audited(
            row or Voice(consultation=consultation), values, by=by, collaboration=collaboration
        )
    return consultation


@transaction.atomic
def consultation_delete(*, consultation: Consultation, by) -> None:
    audit_record(actor=by, action=AuditAction.DELETE, obj=consultation)
    consultation.delete()


@transaction.atomic
def decision_save(
    *, consultation: Consultation, decision: Decision | None = None, data: dict, by
) -> Decision:
    """What was decided in response, by whom and by when; done or not possible."""
    refuse_identifying(text=data.get("text", ""), note=data.get("note", ""))
    voice = data.get("voice")
    if voice is not None and voice.consultation_id != consultation.pk:
        raise ValidationError(_("Choose one of this consultation's themes."))
    status = data.get("status") or DecisionStatus.PLANNED
    if status == DecisionStatus.NOT_POSSIBLE and not (data.get("note") or "").strip():
        raise ValidationError(
            {"note": _("Say why it was not possible: the children will be told.")}
        )
    if status == DecisionStatus.DONE and not data.get("done_on"):
        raise ValidationError({"done_on": _("Give the date it was done.")})
    if status != DecisionStatus.DONE:
        data = {**data, "done_on": None}
    if decision is None:
        decision = Decision(consultation=consultation, created_by=by)
    values = {
        "voice": voice,
        "text": (data.get("text") or "").strip(),
        "decided_by": (data.get("decided_by") or "").strip(),
        "due_on": data.get("due_on"),
        "status": status,
        "done_on": data.get("done_on"),
        "note": (data.get("note") or "").strip(),
    }
    save_audited(decision, values, by=by, collaboration=consultation.collaboration)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, by) -> None:
    audit_record(
        actor=by,
        action=AuditAction.DELETE,
        obj=decision,
        collaboration=decision.consultation.collaboration,
    )
    decision.delete()


@transaction.atomic
def told_back_record(
    *,
    consultation: Consultation,
    told_back_on: date | None,
    told_back_how: str,
    told_back_note: str,
    by,
) -> Consultation:
    """Record how and when the children were told what came of it (or clear it)."""
    refuse_identifying(told_back_note=told_back_note)
    if told_back_on is not None and told_back_how not in FeedbackMethod.values:
        raise ValidationError({"told_back_how": _("Say how the children were told.")})
    if told_back_on is not None and told_back_on < consultation.held_on:
        raise ValidationError(
            {"told_back_on": _("The children can only be told back after they were asked.")}
        )
    data = {
        "told_back_on": told_back_on,
        "told_back_how": told_back_how if told_back_on else "",
        "told_back_note": told_back_note.strip(),
        "told_back_by": by if told_back_on else None,
    }
    save_audited(consultation, data, by=by, collaboration=consultation.collaboration)
    return consultation
