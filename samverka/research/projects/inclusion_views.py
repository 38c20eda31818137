"""The collaboration's side of research: which projects ask for it or include it, and the
coordinator's (or national lead's) decision — approve, refuse, revoke."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverka.accounts.roles import Capability
from samverka.orgs.decorators import collaboration_view
from samverka.research.projects import selectors, services
from samverka.research.projects.forms import DecisionForm


@collaboration_view(Capability.VIEW_RESEARCH_INCLUSIONS)
def collaboration_research(request, access):
    return render(
        request,
        "research/collaboration_research.html",
        {
            "access": access,
            "collaboration": access.collaboration,
            "inclusions": selectors.inclusions_for_collaboration(access.collaboration),
            "can_decide": access.can(Capability.APPROVE_RESEARCH_INCLUSION),
        },
    )


@collaboration_view(Capability.VIEW_RESEARCH_INCLUSIONS)
def collaboration_inclusion(request, access, inclusion_code):
    inclusion = get_object_or_404(
        selectors.inclusions_for_collaboration(access.collaboration), code=inclusion_code
    )
    can_decide = access.can(Capability.APPROVE_RESEARCH_INCLUSION)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        decision = request.POST.get("decision", "")
        if form.is_valid() and decision in {"approve", "refuse", "revoke"}:
            note = form.cleaned_data["note"]
            try:
                if decision == "revoke":
                    services.inclusion_revoke(inclusion=inclusion, note=note, by=request.user)
                    messages.success(
                        request,
                        _(
                            "The inclusion is revoked. The project's next exports hold none "
                            "of your data."
                        ),
                    )
                else:
                    services.inclusion_decide(
                        inclusion=inclusion,
                        approve=decision == "approve",
                        note=note,
                        by=request.user,
                    )
                    messages.success(
                        request,
                        _("The project may now include your collaboration.")
                        if decision == "approve"
                        else _("The request is refused."),
                    )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            return redirect("research:collaboration_research", access.code)
    project = inclusion.project
    return render(
        request,
        "research/collaboration_inclusion.html",
        {
            "access": access,
            "collaboration": access.collaboration,
            "inclusion": inclusion,
            "project": project,
            "researchers": selectors.active_researchers(project),
            "form": form,
            "can_decide": can_decide,
        },
        status=400 if request.method == "POST" else 200,
    )
