"""Writing the follow-up plan: goals, indicators, values entered by hand, evidence notes and a
collaboration's own indicator definitions. Every write is audited; nothing that has values or
notes is deleted (it is archived)."""

from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.followup import periods
from samverka.followup.models import (
    EvidenceNote,
    Goal,
    IndicatorDefinition,
    ManualValue,
    PlanIndicator,
)
from samverka.followup.selectors import has_records
from samverka.lib.privacy import no_identifying_codes
from samverka.orgs.models import Collaboration


class GoalFields(TypedDict, total=False):
    title: str
    description: str
    focus_area: int | None
    level: str


@transaction.atomic
def goal_save(
    *, collaboration: Collaboration, by, goal: Goal | None = None, **fields: Unpack[GoalFields]
) -> Goal:
    if not (fields.get("title") or "").strip():
        raise ValidationError(_("Write the goal."))
    if goal is None:
        position = (
            Goal.objects.filter(collaboration=collaboration).aggregate(m=Max("position"))["m"] or 0
        )
        goal = Goal(collaboration=collaboration, created_by=by, position=position + 1)
    else:
        goal = Goal.objects.select_for_update().get(pk=goal.pk, collaboration=collaboration)
    save_audited(goal, dict(fields), by=by, collaboration=collaboration)
    return goal


@transaction.atomic
def goal_archive(*, goal: Goal, by) -> Goal:
    """Archive a goal and its indicators (never deleted: their figures stay readable)."""
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    if goal.archived_at is None:
        now = timezone.now()
        goal.archived_at = now
        goal.save(update_fields=["archived_at"])
        goal.indicators.filter(archived_at__isnull=True).update(archived_at=now)
        audit_record(actor=by, action=AuditAction.UPDATE, obj=goal, fields=["archived_at"])
    return goal


class IndicatorFields(TypedDict, total=False):
    definition: IndicatorDefinition
    period_kind: str
    baseline_value: Decimal | None
    baseline_period: str
    target_value: Decimal | None
    target_period: str
    note: str
    decisions: list


def _check_indicator(collaboration: Collaboration, fields: dict) -> None:
    definition = fields.get("definition")
    if definition is None:
        raise ValidationError(_("Choose an indicator."))
    if definition.collaboration_id not in (None, collaboration.pk):
        raise ValidationError(_("Choose an indicator of the library or of this collaboration."))
    for name in ("baseline_period", "target_period"):
        key = (fields.get(name) or "").strip().upper()
        if key and not periods.is_valid(key):
            raise ValidationError(_("Write a period as 2025, 2025-H1 or 2025-VT."))
        if name in fields:
            fields[name] = key
    for decision in fields.get("decisions") or []:
        if decision.session.collaboration_id != collaboration.pk:
            raise ValidationError(_("Choose decisions of this collaboration."))


@transaction.atomic
def indicator_save(
    *,
    goal: Goal,
    by,
    indicator: PlanIndicator | None = None,
    **fields: Unpack[IndicatorFields],
) -> PlanIndicator:
    collaboration = goal.collaboration
    fields = dict(fields)
    _check_indicator(collaboration, fields)
    if indicator is None:
        position = goal.indicators.aggregate(m=Max("position"))["m"] or 0
        indicator = PlanIndicator(goal=goal, created_by=by, position=position + 1)
    else:
        indicator = PlanIndicator.objects.select_for_update().get(
            pk=indicator.pk, goal__collaboration=collaboration
        )
    save_audited(indicator, fields, by=by, collaboration=collaboration)
    return indicator


@transaction.atomic
def indicator_remove(*, indicator: PlanIndicator, by) -> bool:
    """Archive an indicator that has values or notes; delete one that has none. Returns whether
    it was archived."""
    indicator = PlanIndicator.objects.select_for_update().get(pk=indicator.pk)
    collaboration = indicator.goal.collaboration
    if has_records(indicator):
        if indicator.archived_at is None:
            indicator.archived_at = timezone.now()
            indicator.save(update_fields=["archived_at"])
            audit_record(
                actor=by,
                action=AuditAction.UPDATE,
                obj=indicator,
                collaboration=collaboration,
                fields=["archived_at"],
            )
        return True
    audit_record(actor=by, action=AuditAction.DELETE, obj=indicator, collaboration=collaboration)
    indicator.delete()
    return False


@transaction.atomic
def manual_value_save(
    *, indicator: PlanIndicator, period: str, value: Decimal, source_note: str, by
) -> ManualValue:
    collaboration = indicator.goal.collaboration
    if not indicator.definition.is_manual:
        raise ValidationError(_("This indicator is computed; its values cannot be entered."))
    key = (period or "").strip().upper()
    if not periods.is_valid(key):
        raise ValidationError(_("Write a period as 2025, 2025-H1 or 2025-VT."))
    if not (source_note or "").strip():
        raise ValidationError(_("Say where the value comes from."))
    row = ManualValue.objects.select_for_update().filter(indicator=indicator, period=key).first()
    if row is None:
        row = ManualValue(indicator=indicator, period=key)
    save_audited(
        row,
        {"value": value, "source_note": source_note.strip(), "entered_by": by},
        by=by,
        collaboration=collaboration,
    )
    return row


class EvidenceFields(TypedDict, total=False):
    goal: Goal | None
    indicator: PlanIndicator | None
    period: str
    kind: str
    text: str
    source: str
    learning_session: object
    activity: object
    survey_round: object
    added_value: str


@transaction.atomic
def evidence_save(
    *,
    collaboration: Collaboration,
    by,
    note: EvidenceNote | None = None,
    **fields: Unpack[EvidenceFields],
) -> EvidenceNote:
    """Write an evidence note. It is read by the steering group and nationally, so a text with
    a participant code is refused (samverka.lib.privacy)."""
    fields = dict(fields)
    text = (fields.get("text") or "").strip()
    if not text:
        raise ValidationError(_("Write the note."))
    no_identifying_codes(text)
    fields["text"] = text
    key = (fields.get("period") or "").strip().upper()
    if not periods.is_valid(key):
        raise ValidationError(_("Write a period as 2025, 2025-H1 or 2025-VT."))
    fields["period"] = key
    for name in ("goal", "learning_session", "activity", "survey_round"):
        related = fields.get(name)
        if related is not None and related.collaboration_id != collaboration.pk:
            raise ValidationError(_("Choose something of this collaboration."))
    indicator = fields.get("indicator")
    if indicator is not None:
        if indicator.goal.collaboration_id != collaboration.pk:
            raise ValidationError(_("Choose something of this collaboration."))
        fields.setdefault("goal", indicator.goal)
        if fields.get("goal") is None:
            fields["goal"] = indicator.goal
    if note is None:
        note = EvidenceNote(collaboration=collaboration, written_by=by)
    else:
        note = EvidenceNote.objects.select_for_update().get(pk=note.pk, collaboration=collaboration)
    save_audited(note, fields, by=by, collaboration=collaboration)
    return note


class DefinitionFields(TypedDict, total=False):
    name_sv: str
    name_en: str
    description_sv: str
    description_en: str
    unit: str
    direction: str
    source: str
    level: str


OWN_SOURCES = ("manual", "qualitative")


@transaction.atomic
def definition_save(
    *, collaboration: Collaboration, by, **fields: Unpack[DefinitionFields]
) -> IndicatorDefinition:
    """A collaboration's own indicator: entered by hand per period, or qualitative."""
    if fields.get("source") not in OWN_SOURCES:
        raise ValidationError(_("An indicator of your own is entered by hand or qualitative."))
    if not (fields.get("name_sv") or "").strip():
        raise ValidationError(_("Give the indicator a name."))
    definition = IndicatorDefinition(collaboration=collaboration)
    save_audited(definition, dict(fields), by=by, collaboration=collaboration)
    return definition
