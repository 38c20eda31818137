"""How a research project's page declares its scope: once, above its definition.

    @research_view()
    def sources(request, research): ...

The decorator logs the person in (anonymous → login page), finds the project in the URL's
`project` among those the person may open (404 otherwise, whether or not it exists), asks for a
verified second factor (research material is read far outside the collaborations it comes
from), and hands the view a `ResearchAccess` in place of `project`.

Tenant scope: a project's material reaches across collaborations. The view runs in
`collaboration_scope([...])` of exactly the collaborations whose inclusion is approved now, so
every tenant query (sources, codings, participants, survey answers) sees those and nothing
else; revoking an inclusion removes that collaboration's rows from the next page and export.

Who may open what:
- the project's researchers: every page of the project (`material=True`, the default);
- the national lead: the project's own page (`material=False`: purpose, approval,
  researchers, inclusions, access log), never its material;
- `lead=True`: only the project's lead researchers (adding researchers, asking for inclusions).

`tests/test_url_scoping.py` checks that every research URL's view is declared this way.
"""

from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from samverka.lib.scoping import collaboration_scope
from samverka.orgs.decorators import ViewScope, _declare
from samverka.research.projects.models import (
    Inclusion,
    InclusionStatus,
    ProjectResearcher,
    ResearchProject,
)


@dataclass(frozen=True)
class ResearchAccess:
    """What one person may do in one research project."""

    user: object
    project: ResearchProject
    researcher: ProjectResearcher | None
    collaboration_ids: frozenset[int]

    @property
    def code(self) -> str:
        return self.project.code

    @property
    def is_researcher(self) -> bool:
        return self.researcher is not None

    @property
    def is_lead(self) -> bool:
        return self.researcher is not None and self.researcher.lead

    def collaborations(self):
        """The collaborations whose inclusion is approved now."""
        from samverka.orgs.models import Collaboration

        return Collaboration.objects.filter(pk__in=self.collaboration_ids).select_related(
            "municipality"
        )


def approved_collaboration_ids(project: ResearchProject) -> frozenset[int]:
    return frozenset(
        Inclusion.objects.filter(project=project, status=InclusionStatus.APPROVED).values_list(
            "collaboration_id", flat=True
        )
    )


def research_access(user, project_code: str, *, material: bool = True) -> ResearchAccess:
    """The project with `project_code` as `user` may open it, or 404."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    project = ResearchProject.objects.filter(code=project_code).first()
    if project is None:
        raise Http404
    researcher = ProjectResearcher.objects.active().filter(project=project, user=user).first()
    if researcher is None and (material or not user.is_national_lead):
        raise Http404
    return ResearchAccess(
        user=user,
        project=project,
        researcher=researcher,
        collaboration_ids=approved_collaboration_ids(project),
    )


def research_view(*, material: bool = True, lead: bool = False):
    """A page of one research project: the view gets `research` (ResearchAccess), not
    `project`. See the module docstring for who may open it and the scope it runs in."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, project, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            research = research_access(user, project, material=material)
            if not user.is_verified():
                messages.info(
                    request,
                    _("Research projects ask for two-factor authentication. Set it up first."),
                )
                return redirect("accounts:two_factor_setup")
            if lead and not research.is_lead:
                raise PermissionDenied
            # The project's material reaches across collaborations: exactly the approved
            # inclusions, never more (revoking one takes its rows off at once).
            with collaboration_scope(sorted(research.collaboration_ids)):
                return view(request, research, *args, **kwargs)

        return _declare(wrapper, ViewScope("research"))

    return decorate
