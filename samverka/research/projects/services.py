"""Workflows of research projects: creating them, their researchers, the inclusions of
collaborations (asked for by researchers, decided by coordinators or the national lead) and
project memos. Each is one transaction and writes the audit trail; every research access is
audited with its project (`research_audit`)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverka.audit.models import AuditAction
from samverka.audit.services import audit_record, save_audited
from samverka.research.projects.models import (
    Inclusion,
    InclusionStatus,
    ProjectMemo,
    ProjectResearcher,
    ResearchProject,
)
from samverka.research.projects.selectors import audit_detail, is_researcher


def research_audit(
    *, project: ResearchProject, by, action: str, what: str, obj=None, collaboration=None
):
    """Record a research access or change, always together with its project."""
    return audit_record(
        actor=by,
        action=action,
        obj=obj if obj is not None else project,
        collaboration=collaboration,
        detail=audit_detail(project, what),
    )


def _check_period(*, ethics_approved_on: date, starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError(_("The project ends before it starts. Check the dates."))
    if starts_on < ethics_approved_on:
        raise ValidationError(
            _("The project cannot start before its ethical approval. Check the dates.")
        )


@transaction.atomic
def project_create(
    *,
    title: str,
    purpose: str,
    ethics_reference: str,
    ethics_approved_on: date,
    starts_on: date,
    ends_on: date,
    data_requested: list[str],
    builtin_codebook: bool = True,
    language: str = "sv",
    by,
) -> ResearchProject:
    """A new project; `by` (a researcher) becomes its lead researcher."""
    if not is_researcher(by):
        raise ValidationError(_("Only researchers start research projects."))
    _check_period(ethics_approved_on=ethics_approved_on, starts_on=starts_on, ends_on=ends_on)
    project = ResearchProject(created_by=by)
    save_audited(
        project,
        {
            "title": title,
            "purpose": purpose,
            "ethics_reference": ethics_reference,
            "ethics_approved_on": ethics_approved_on,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "data_requested": sorted(set(data_requested)),
        },
        by=by,
        detail=audit_detail(project, "project created"),
    )
    researcher = ProjectResearcher(project=project, user=by, lead=True, added_by=by)
    researcher.save()
    if builtin_codebook:
        from samverka.research.codebook.services import builtin_copy

        builtin_copy(project=project, language=language, by=by)
    return project


@transaction.atomic
def project_update(
    *,
    project: ResearchProject,
    title: str,
    purpose: str,
    ethics_reference: str,
    ethics_approved_on: date,
    starts_on: date,
    ends_on: date,
    data_requested: list[str],
    by,
) -> ResearchProject:
    project = ResearchProject.objects.select_for_update().get(pk=project.pk)
    _check_period(ethics_approved_on=ethics_approved_on, starts_on=starts_on, ends_on=ends_on)
    save_audited(
        project,
        {
            "title": title,
            "purpose": purpose,
            "ethics_reference": ethics_reference,
            "ethics_approved_on": ethics_approved_on,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "data_requested": sorted(set(data_requested)),
        },
        by=by,
        detail=audit_detail(project, "project changed"),
    )
    return project


@transaction.atomic
def researcher_add(*, project: ResearchProject, user, lead: bool = False, by) -> ProjectResearcher:
    if not is_researcher(user):
        raise ValidationError(
            _("%(name)s holds no researcher role. Only researchers can join a project.")
            % {"name": user}
        )
    if project.researchers.active().filter(user=user).exists():
        raise ValidationError(_("%(name)s is already in the project.") % {"name": user})
    researcher = ProjectResearcher.objects.create(
        project=project, user=user, lead=lead, added_by=by
    )
    research_audit(
        project=project,
        by=by,
        action=AuditAction.CREATE,
        obj=researcher,
        what=f"researcher added ({user.username})",
    )
    return researcher


@transaction.atomic
def researcher_remove(*, researcher: ProjectResearcher, by) -> None:
    researcher = ProjectResearcher.objects.select_for_update().get(pk=researcher.pk)
    project = researcher.project
    if researcher.removed_at is not None:
        return
    leads = project.researchers.active().filter(lead=True).exclude(pk=researcher.pk)
    if researcher.lead and not leads.exists():
        raise ValidationError(
            _("A project needs a lead researcher. Make someone else lead researcher first.")
        )
    researcher.removed_at = timezone.now()
    researcher.removed_by = by
    researcher.save(update_fields=["removed_at", "removed_by"])
    research_audit(
        project=project,
        by=by,
        action=AuditAction.DELETE,
        obj=researcher,
        what=f"researcher removed ({researcher.user.username})",
    )


@transaction.atomic
def inclusion_request(*, project: ResearchProject, collaborations, by) -> list[Inclusion]:
    """Ask to include collaborations; those already asked for or included are passed over."""
    current = set(
        project.inclusions.filter(status__in=InclusionStatus.current()).values_list(
            "collaboration_id", flat=True
        )
    )
    made = []
    for collaboration in collaborations:
        if collaboration.pk in current:
            continue
        inclusion = Inclusion.objects.create(
            project=project, collaboration=collaboration, requested_by=by
        )
        research_audit(
            project=project,
            by=by,
            action=AuditAction.CREATE,
            obj=inclusion,
            collaboration=collaboration,
            what="inclusion asked for",
        )
        made.append(inclusion)
    return made


def _locked(inclusion: Inclusion) -> Inclusion:
    return (
        Inclusion.objects.select_for_update()
        .select_related("project", "collaboration")
        .get(pk=inclusion.pk)
    )


@transaction.atomic
def inclusion_decide(*, inclusion: Inclusion, approve: bool, note: str = "", by) -> Inclusion:
    """The coordinator's (or the national lead's) decision on a request."""
    inclusion = _locked(inclusion)
    if not inclusion.is_requested:
        raise ValidationError(_("This request has already been decided."))
    inclusion.status = InclusionStatus.APPROVED if approve else InclusionStatus.REFUSED
    inclusion.decided_by = by
    inclusion.decided_at = timezone.now()
    inclusion.note = note
    inclusion.save(update_fields=["status", "decided_by", "decided_at", "note"])
    research_audit(
        project=inclusion.project,
        by=by,
        action=AuditAction.UPDATE,
        obj=inclusion,
        collaboration=inclusion.collaboration,
        what="inclusion approved" if approve else "inclusion refused",
    )
    return inclusion


def _end(inclusion: Inclusion, *, status: str, note: str, by, what: str) -> Inclusion:
    inclusion.status = status
    inclusion.ended_by = by
    inclusion.ended_at = timezone.now()
    if note:
        inclusion.note = note
    inclusion.save(update_fields=["status", "ended_by", "ended_at", "note"])
    research_audit(
        project=inclusion.project,
        by=by,
        action=AuditAction.UPDATE,
        obj=inclusion,
        collaboration=inclusion.collaboration,
        what=what,
    )
    return inclusion


@transaction.atomic
def inclusion_revoke(*, inclusion: Inclusion, note: str = "", by) -> Inclusion:
    """The coordinator (or national lead) takes the collaboration out of the project: from
    now on none of its data reaches the project's pages or exports."""
    inclusion = _locked(inclusion)
    if not inclusion.is_approved:
        raise ValidationError(_("Only an approved inclusion can be revoked."))
    return _end(
        inclusion, status=InclusionStatus.REVOKED, note=note, by=by, what="inclusion revoked"
    )


@transaction.atomic
def inclusion_withdraw(*, inclusion: Inclusion, by) -> Inclusion:
    """The researchers no longer ask for (or use) a collaboration."""
    inclusion = _locked(inclusion)
    if inclusion.status not in InclusionStatus.current():
        raise ValidationError(_("This collaboration is no longer part of the project."))
    return _end(
        inclusion, status=InclusionStatus.WITHDRAWN, note="", by=by, what="inclusion withdrawn"
    )


@transaction.atomic
def memo_save(
    *, project: ResearchProject, memo: ProjectMemo | None = None, title: str, text: str, by
) -> ProjectMemo:
    if memo is None:
        memo = ProjectMemo(project=project, created_by=by)
    else:
        memo = ProjectMemo.objects.select_for_update().get(pk=memo.pk, project=project)
    save_audited(memo, {"title": title, "text": text}, by=by, detail=audit_detail(project, "memo"))
    return memo


@transaction.atomic
def memo_delete(*, memo: ProjectMemo, by) -> None:
    project = memo.project
    research_audit(project=project, by=by, action=AuditAction.DELETE, obj=memo, what="memo")
    memo.delete()
