"""Reads of research projects shared by several views."""

from django.db.models import Count, Q, QuerySet

from samverka.accounts.models import User
from samverka.accounts.roles import NationalRole, Role
from samverka.audit.models import AuditEvent
from samverka.research.projects.models import (
    Inclusion,
    InclusionStatus,
    ProjectResearcher,
    ResearchProject,
)

AUDIT_PREFIX = "research"


def is_researcher(user) -> bool:
    """Whether `user` holds a researcher role: national, or by membership somewhere."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.national_role == NationalRole.RESEARCHER:
        return True
    return user.memberships.active().filter(role=Role.RESEARCHER).exists()


def eligible_researchers() -> QuerySet[User]:
    """People who may be added to a project: those holding a researcher role."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(national_role=NationalRole.RESEARCHER)
            | Q(memberships__role=Role.RESEARCHER, memberships__ended_at__isnull=True)
        )
        .distinct()
    )


def projects_for(user) -> QuerySet[ResearchProject]:
    """The projects a person sees in the list: their own; every project for the national lead
    (who reads the projects' approvals and inclusions, never their material)."""
    projects = ResearchProject.objects.annotate(
        approved=Count("inclusions", filter=Q(inclusions__status=InclusionStatus.APPROVED)),
        waiting=Count("inclusions", filter=Q(inclusions__status=InclusionStatus.REQUESTED)),
    )
    if getattr(user, "is_national_lead", False):
        return projects
    return projects.filter(researchers__user=user, researchers__removed_at__isnull=True)


def active_researchers(project: ResearchProject) -> QuerySet[ProjectResearcher]:
    return project.researchers.active().select_related("user")


def inclusions_of(project: ResearchProject) -> QuerySet[Inclusion]:
    return project.inclusions.select_related(
        "collaboration__municipality", "requested_by", "decided_by", "ended_by"
    )


def current_inclusions(project: ResearchProject) -> QuerySet[Inclusion]:
    return inclusions_of(project).filter(status__in=InclusionStatus.current())


def inclusions_for_collaboration(collaboration) -> QuerySet[Inclusion]:
    return collaboration.research_inclusions.select_related(
        "project", "requested_by", "decided_by", "ended_by"
    ).order_by("-requested_at")


def audit_detail(project: ResearchProject, what: str) -> str:
    return f"{AUDIT_PREFIX} {project.code}: {what}"


def access_log(project: ResearchProject) -> QuerySet[AuditEvent]:
    """Every audited access and change made through the project."""
    return AuditEvent.objects.filter(
        Q(detail__startswith=f"{AUDIT_PREFIX} {project.code}:")
        | Q(object_type="research.researchproject", object_code=project.code)
    ).order_by("-at", "-id")
