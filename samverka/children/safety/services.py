"""Workflows of risk analyses, excursions and incidents; one transaction each, audited."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.children.privacy import refuse_identifying
from samverka.children.safety.models import (
    Excursion,
    Incident,
    Informed,
    Risk,
    RiskAnalysis,
)

MUNICIPALITY, CIVIL_SOCIETY = "municipality", "civil_society"
PARTIES = (MUNICIPALITY, CIVIL_SOCIETY)
RISK_FIELDS = ("area", "description", "likelihood", "consequence", "measure", "responsible")


def _unsign(analysis: RiskAnalysis) -> bool:
    """A changed analysis needs new signatures; True if there were any."""
    if not (analysis.municipal_signed_on or analysis.civil_signed_on):
        return False
    analysis.municipal_signed_by = analysis.civil_signed_by = None
    analysis.municipal_signed_on = analysis.civil_signed_on = None
    analysis.save(
        update_fields=[
            "municipal_signed_by",
            "civil_signed_by",
            "municipal_signed_on",
            "civil_signed_on",
        ]
    )
    return True


@transaction.atomic
def risk_analysis_create(
    *, activity, scope: str, review_on: date, by, replaces: RiskAnalysis | None = None
) -> RiskAnalysis:
    """A new analysis for an activity; from an earlier one, its risks are copied (to review)."""
    analysis = RiskAnalysis(activity=activity, created_by=by, replaces=replaces)
    save_audited(
        analysis,
        {"scope": scope.strip(), "review_on": review_on},
        by=by,
        collaboration=activity.collaboration,
    )
    if replaces is not None:
        for risk in replaces.risks.all():
            Risk.objects.create(
                analysis=analysis, **{name: getattr(risk, name) for name in RISK_FIELDS}
            )
    return analysis


@transaction.atomic
def risk_analysis_update(*, analysis: RiskAnalysis, scope: str, review_on: date, by) -> bool:
    """Change what it covers and its review date; returns True if signatures were cleared."""
    saved = save_audited(
        analysis,
        {"scope": scope.strip(), "review_on": review_on},
        by=by,
        collaboration=analysis.activity.collaboration,
    )
    return bool(saved.changed) and _unsign(analysis)


@transaction.atomic
def risk_save(*, analysis: RiskAnalysis, risk: Risk | None = None, data: dict, by) -> bool:
    """Add or change a risk; returns True if the analysis lost its signatures by it."""
    for level in ("likelihood", "consequence"):
        if data.get(level) not in (1, 2, 3, 4):
            raise ValidationError({level: _("Choose a level from 1 to 4.")})
    responsible = data.get("responsible")
    if (
        responsible is not None
        and responsible.collaboration_id != analysis.activity.collaboration_id
    ):
        raise ValidationError({"responsible": _("Choose a member of the collaboration.")})
    saved = save_audited(
        risk or Risk(analysis=analysis),
        {name: data.get(name) for name in RISK_FIELDS},
        by=by,
        collaboration=analysis.activity.collaboration,
    )
    return (saved.created or bool(saved.changed)) and _unsign(analysis)


@transaction.atomic
def risk_delete(*, risk: Risk, by) -> bool:
    analysis = risk.analysis
    audit_record(
        actor=by, action=AuditAction.DELETE, obj=risk, collaboration=analysis.activity.collaboration
    )
    risk.delete()
    return _unsign(analysis)


@transaction.atomic
def risk_analysis_sign(*, analysis: RiskAnalysis, party: str, signed_on: date, by) -> RiskAnalysis:
    """One person of each party signs the analysis off: the municipality and civil society."""
    analysis = RiskAnalysis.objects.select_for_update().get(pk=analysis.pk)
    if party not in PARTIES:
        raise ValidationError(_("Sign for the municipality or for civil society."))
    if not analysis.risks.exists():
        raise ValidationError(_("Add the risks before the analysis is signed off."))
    other_by = (
        analysis.civil_signed_by_id if party == MUNICIPALITY else analysis.municipal_signed_by_id
    )
    if other_by is not None and other_by == by.pk:
        raise ValidationError(
            _("One person of each party signs: someone from the other party must sign too.")
        )
    prefix = "municipal" if party == MUNICIPALITY else "civil"
    save_audited(
        analysis,
        {f"{prefix}_signed_by": by, f"{prefix}_signed_on": signed_on},
        by=by,
        collaboration=analysis.activity.collaboration,
    )
    return analysis


@transaction.atomic
def excursion_set(*, session, is_excursion: bool, destination: str = "", by) -> None:
    mark = Excursion.objects.filter(session=session).first()
    collaboration = session.activity.collaboration
    if is_excursion:
        save_audited(
            mark or Excursion(session=session, marked_by=by),
            {"destination": destination.strip()},
            by=by,
            collaboration=collaboration,
        )
    elif mark is not None:
        audit_record(actor=by, action=AuditAction.DELETE, obj=mark, collaboration=collaboration)
        mark.delete()


INCIDENT_FIELDS = (
    "session",
    "happened_on",
    "what_happened",
    "measures",
    "informed",
    "informed_other",
    "follow_up_by",
    "follow_up_on",
)


@transaction.atomic
def incident_save(*, collaboration, incident: Incident | None = None, data: dict, by) -> Incident:
    """Report or correct an incident. What happened and the measures are written without
    names; a text with a participant code is refused."""
    refuse_identifying(
        what_happened=data.get("what_happened", ""),
        measures=data.get("measures", ""),
        informed_other=data.get("informed_other", ""),
    )
    session = data.get("session")
    if session is not None and session.activity.collaboration_id != collaboration.pk:
        raise ValidationError({"session": _("Choose a session of this collaboration.")})
    if any(value not in Informed.values for value in data.get("informed", [])):
        raise ValidationError({"informed": _("Unknown choice.")})
    values = {name: data.get(name) for name in INCIDENT_FIELDS if name in data}
    for name in ("what_happened", "measures", "informed_other"):
        if name in values:
            values[name] = (values[name] or "").strip()
    if incident is None:
        incident = Incident(collaboration=collaboration, reported_by=by)
    save_audited(incident, values, by=by, collaboration=collaboration)
    return incident


@transaction.atomic
def incident_follow_up(*, incident: Incident, followed_up_on: date, follow_up_note: str, by):
    refuse_identifying(follow_up_note=follow_up_note)
    if followed_up_on < incident.happened_on:
        raise ValidationError({"followed_up_on": _("The follow-up cannot be before the incident.")})
    save_audited(
        incident,
        {"followed_up_on": followed_up_on, "follow_up_note": follow_up_note.strip()},
        by=by,
        collaboration=incident.collaboration,
    )
    return incident
